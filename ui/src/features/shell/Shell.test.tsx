import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, fakeBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

const EXPECTED_NAV = [
  ["plan", "Plan overview"],
  ["objectives", "Objectives"],
  ["personas", "Personas"],
  ["platforms", "Platforms"],
  ["pillars", "Pillars & mix"],
  ["calendar", "Calendar"],
  ["media", "Media"],
  ["results", "Results"],
  ["share", "Share"],
  ["settings", "Settings"],
] as const;

describe("app shell", () => {
  beforeEach(() => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, name: "Kissa Komorebi", isSample: false };
  });

  it("lists the ten sections in the order of the method, with the plan overview current", async () => {
    renderWithProviders(<App />);
    const nav = await screen.findByRole("navigation", { name: "Sections" });
    const items = within(nav).getAllByRole("button");

    expect(items.map((item) => item.dataset.testid)).toEqual(EXPECTED_NAV.map(([id]) => `nav-${id}`));
    expect(items.map((item) => item.textContent)).toEqual(EXPECTED_NAV.map(([, label]) => label));
    expect(screen.getByTestId("nav-plan")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("page-title")).toHaveTextContent("Plan overview");
    expect(screen.getByTestId("sidebar-business-name")).toHaveTextContent("Kissa Komorebi");
  });

  it("switches pages from the keyboard with Tab, Enter and Space", async () => {
    const { user } = renderWithProviders(<App />);
    await screen.findByTestId("page-plan");

    await user.tab(); // skip link
    await user.tab();
    expect(screen.getByTestId("nav-plan")).toHaveFocus();
    await user.tab();
    expect(screen.getByTestId("nav-objectives")).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(screen.getByTestId("page-objectives")).toBeInTheDocument();
    expect(screen.getByTestId("page-title")).toHaveTextContent("Objectives");
    expect(screen.getByTestId("nav-objectives")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("nav-plan")).not.toHaveAttribute("aria-current");
    expect(screen.getByTestId("nav-objectives")).toHaveFocus();

    await user.tab();
    await user.keyboard(" ");
    expect(screen.getByTestId("page-personas")).toBeInTheDocument();
  });

  it.each(["objectives", "personas", "platforms", "pillars", "media", "results"] as const)(
    "%s shows an explanatory empty state with what comes next",
    async (id) => {
      const { user } = renderWithProviders(<App />);
      await user.click(await screen.findByTestId(`nav-${id}`));
      const page = screen.getByTestId(`page-${id}`);
      expect(within(page).getByRole("heading", { level: 2 })).not.toHaveTextContent(/coming soon/i);
      expect(within(page).getByText("Next in your plan")).toBeInTheDocument();
      expect(page.textContent).not.toMatch(/\b(empty|pages|nav)\.\w+/); // no raw keys
    },
  );

  it("shows the sample badge only for the sample workspace", async () => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
    renderWithProviders(<App />);
    expect(await screen.findByText("Sample plan")).toBeInTheDocument();
  });
});

describe("loading the workspace", () => {
  beforeEach(() => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
  });

  it("shows the message from Rust in an alert, and Retry tries again", async () => {
    mocked.getWorkspace.mockRejectedValueOnce(
      new api.AppError("newerSchema", "This data was saved by a newer version of Plotline (schema 7). Update Plotline to open it."),
    );
    const { user } = renderWithProviders(<App />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This data was saved by a newer version of Plotline (schema 7). Update Plotline to open it.");

    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("page-plan")).toBeInTheDocument();
    expect(mocked.getWorkspace).toHaveBeenCalledTimes(2);
  });

  it("shows a busy indicator while the workspace loads", async () => {
    mocked.getWorkspace.mockReturnValue(new Promise(() => {}));
    renderWithProviders(<App />);
    expect(await screen.findByRole("status")).toHaveAttribute("aria-busy", "true");
  });
});
