import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { fakeBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

describe("first run", () => {
  beforeEach(() => {
    fakeBackend.workspace = null;
  });

  it("shows the welcome screen with both choices when there is no workspace yet", async () => {
    renderWithProviders(<App />);
    const welcome = await screen.findByTestId("welcome");
    expect(within(welcome).getByRole("heading", { level: 1 })).toHaveTextContent("Welcome to Plotline");
    expect(screen.getByTestId("welcome-setup")).toHaveTextContent("Set up your business");
    expect(screen.getByTestId("welcome-sample")).toHaveTextContent("Explore with a sample bakery");
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
  });

  it("saves the typed business profile and opens the plan overview", async () => {
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-setup"));

    const name = await screen.findByTestId("setup-name");
    expect(name).toHaveFocus();
    await user.type(name, "  Kissa Komorebi ");
    await user.selectOptions(screen.getByTestId("setup-industry"), "cafe_restaurant");
    await user.click(screen.getByTestId("setup-audience-both"));
    expect(screen.getByTestId("setup-timezone")).toHaveValue("Asia/Tokyo"); // system default
    await user.selectOptions(screen.getByTestId("setup-timezone"), "Europe/London");
    await user.selectOptions(screen.getByTestId("setup-weekstart"), "sunday");
    await user.click(screen.getByTestId("setup-submit"));

    expect(mocked.saveWorkspace).toHaveBeenCalledTimes(1);
    expect(mocked.saveWorkspace).toHaveBeenCalledWith({
      name: "Kissa Komorebi",
      industry: "cafe_restaurant",
      audience: "both",
      timeZone: "Europe/London",
      language: "en",
      weekStart: "sunday",
    });
    expect(await screen.findByTestId("page-plan")).toBeInTheDocument();
    expect(screen.getByTestId("sidebar-business-name")).toHaveTextContent("Kissa Komorebi");
  });

  it("refuses an empty business name with an inline message and does not save", async () => {
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-setup"));
    await user.type(await screen.findByTestId("setup-name"), "   ");
    await user.click(screen.getByTestId("setup-submit"));

    const name = screen.getByTestId("setup-name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(expect.stringContaining("Please enter your business name."));
    expect(name).toHaveFocus();
    expect(mocked.saveWorkspace).not.toHaveBeenCalled();

    await user.type(name, "Komorebi");
    expect(name).not.toHaveAttribute("aria-invalid");
  });

  it("shows the error from Rust when saving fails, and keeps the form", async () => {
    mocked.saveWorkspace.mockRejectedValue(
      new api.AppError("io", "Plotline could not write to its data folder. Check that the disk is not full."),
    );
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-setup"));
    await user.type(await screen.findByTestId("setup-name"), "Komorebi");
    await user.click(screen.getByTestId("setup-submit"));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Plotline could not write to its data folder. Check that the disk is not full.",
    );
    expect(screen.getByTestId("setup-submit")).toBeEnabled();
    expect(screen.getByTestId("welcome")).toBeInTheDocument();
  });

  it("loads the sample bakery in the current language and opens the plan overview", async () => {
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-sample"));

    expect(mocked.loadSampleWorkspace).toHaveBeenCalledWith("en");
    expect(await screen.findByTestId("page-plan")).toBeInTheDocument();
    expect(screen.getByTestId("sidebar-business-name")).toHaveTextContent("Sunrise Bakery");
  });

  it("switches the welcome screen to Japanese and uses it for the sample and the setup defaults", async () => {
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-language-ja"));

    expect(screen.getByTestId("welcome-language-ja")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Plotlineへようこそ");
    expect(document.documentElement).toHaveAttribute("lang", "ja");

    await user.click(screen.getByTestId("welcome-setup"));
    expect(await screen.findByTestId("setup-language")).toHaveValue("ja");
    expect(screen.getByTestId("setup-weekstart")).toHaveValue("sunday");

    await user.selectOptions(screen.getByTestId("setup-language"), "en");
    expect(screen.getByTestId("setup-weekstart")).toHaveValue("monday");
    expect(screen.getByTestId("setup-submit")).toHaveTextContent("Create my plan");
  });

  it("starts in the system language before any workspace exists", async () => {
    mocked.getSystemDefaults.mockResolvedValue({ timeZone: "Asia/Tokyo", language: "ja" });
    const { user } = renderWithProviders(<App />);
    expect(await screen.findByText("Plotlineへようこそ")).toBeInTheDocument();

    await user.click(screen.getByTestId("welcome-sample"));
    expect(mocked.loadSampleWorkspace).toHaveBeenCalledWith("ja");
  });

  it("disables the choices and the submit button while a request is running", async () => {
    mocked.loadSampleWorkspace.mockReturnValue(new Promise(() => {}));
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-sample"));

    expect(screen.getByTestId("welcome-sample")).toBeDisabled();
    expect(screen.getByTestId("welcome-sample")).toHaveAttribute("aria-busy", "true");
    expect(screen.getByTestId("welcome-setup")).toBeDisabled();
    expect(screen.getByText("Opening the sample…")).toBeInTheDocument();
  });

  it("disables the submit button while the business is being saved", async () => {
    mocked.saveWorkspace.mockReturnValue(new Promise(() => {}));
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("welcome-setup"));
    await user.type(await screen.findByTestId("setup-name"), "Komorebi");
    await user.click(screen.getByTestId("setup-submit"));

    expect(screen.getByTestId("setup-submit")).toBeDisabled();
    expect(screen.getByTestId("setup-submit")).toHaveTextContent("Creating your plan…");
    expect(mocked.saveWorkspace).toHaveBeenCalledTimes(1);
  });
});
