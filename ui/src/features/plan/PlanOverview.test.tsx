import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { SAMPLE_WORKSPACE, fakeBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

describe("plan overview", () => {
  beforeEach(() => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
  });

  it("welcomes the business and draws the six links of the chain in order", async () => {
    renderWithProviders(<App />);
    const page = await screen.findByTestId("page-plan");
    expect(within(page).getByRole("heading", { level: 2 })).toHaveTextContent("Welcome, Sunrise Bakery");

    const chain = within(page).getByRole("list", { name: "The planning chain" });
    const steps = within(chain).getAllByRole("listitem");
    expect(steps.map((step) => within(step).getByRole("heading", { level: 3 }).textContent)).toEqual([
      "Objective",
      "Persona",
      "Platforms",
      "Pillars & mix",
      "Calendar",
      "Results",
    ]);
    for (const step of steps) expect(within(step).getByRole("button")).toHaveAccessibleName(/^Open /);
  });

  it("opens a step's section and moves focus to its heading", async () => {
    const { user } = renderWithProviders(<App />);
    const step = await screen.findByTestId("plan-step-pillars");
    await user.click(within(step).getByRole("button", { name: "Open Pillars & mix" }));

    expect(screen.getByTestId("page-pillars")).toBeInTheDocument();
    expect(screen.getByTestId("page-title")).toHaveFocus();
    expect(screen.getByTestId("nav-pillars")).toHaveAttribute("aria-current", "page");
  });

  it("reads naturally in Japanese", async () => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, name: "サンライズベーカリー", language: "ja" };
    renderWithProviders(<App />);
    expect(await screen.findByText("サンライズベーカリーのSNS計画へようこそ")).toBeInTheDocument();
    expect(screen.getByTestId("page-title")).toHaveTextContent("計画の全体像");
    expect(screen.getByRole("button", { name: "テーマと配分を開く" })).toBeInTheDocument();
  });
});
