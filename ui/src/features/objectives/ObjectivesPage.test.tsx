import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import i18n from "../../i18n";
import { SAMPLE_WORKSPACE, fakeBackend, saveObjective } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

async function openObjectives() {
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-objectives"));
  await screen.findByTestId("page-objectives");
  return rendered;
}

describe("objectives", () => {
  beforeEach(() => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
    fakeBackend.objectives = [];
    fakeBackend.personas = [];
  }, 20_000);

  it("shows the empty state that teaches, with a way to start", async () => {
    await openObjectives();
    expect(screen.getByText("Set your first objective")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Write your first objective" })).toBeInTheDocument();
  }, 20_000);

  it("shows the error from Rust next to the statement field and keeps the form", async () => {
    const { user } = await openObjectives();
    await user.click(screen.getByRole("button", { name: "Write your first objective" }));
    await user.click(screen.getByRole("button", { name: "Save objective" }));
    const statement = screen.getByLabelText("Goal in one sentence");
    await waitFor(() => expect(statement).toHaveAttribute("aria-invalid", "true"));
    expect(statement).toHaveAccessibleDescription(/Write the goal in one sentence/);
    expect(fakeBackend.objectives).toHaveLength(0);
  }, 20_000);

  it("warns about vanity-only KPIs on a sales goal, and stops once a KPI measures action", async () => {
    const { user } = await openObjectives();
    await user.click(screen.getByRole("button", { name: "Write your first objective" }));
    await user.selectOptions(screen.getByLabelText("Kind of objective"), "purchase_conversion");
    await user.type(screen.getByLabelText("Goal in one sentence"), "+15% online orders by June");
    await user.click(screen.getByRole("button", { name: "Add KPI" }));
    await user.type(screen.getByLabelText("KPI 1: KPI name"), "Weekly reach");

    const warnings = screen.getByTestId("objective-warnings");
    expect(await within(warnings).findByText("Only likes and followers are measured")).toBeInTheDocument();
    expect(within(warnings).getByText(/likes alone do not prove sales/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Add KPI" }));
    await user.type(screen.getByLabelText("KPI 2: KPI name"), "Orders");
    await user.selectOptions(screen.getByLabelText("KPI 2: Stage"), "action");
    expect(screen.getByLabelText("KPI 2: Metric")).toHaveValue("link_clicks");
    await waitFor(() =>
      expect(within(warnings).queryByText("Only likes and followers are measured")).not.toBeInTheDocument(),
    );

    await user.click(screen.getByRole("button", { name: "Save objective" }));
    expect(await screen.findByText("Objective saved.")).toBeInTheDocument();
    const card = await screen.findByTestId("objective-card");
    expect(card).toHaveTextContent("+15% online orders by June");
    expect(card).toHaveTextContent("2 KPIs");
    expect(saveObjective).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: "purchase_conversion",
        kpis: [
          expect.objectContaining({ name: "Weekly reach", stage: "awareness", metric: "reach" }),
          expect.objectContaining({ name: "Orders", stage: "action", metric: "link_clicks" }),
        ],
      }),
    );
  }, 20_000);

  it("shows a KPI's error in its own row", async () => {
    const { user } = await openObjectives();
    await user.click(screen.getByRole("button", { name: "Write your first objective" }));
    await user.type(screen.getByLabelText("Goal in one sentence"), "Known in the neighbourhood by May");
    await user.click(screen.getByRole("button", { name: "Add KPI" }));
    await user.click(screen.getByRole("button", { name: "Save objective" }));
    const row = await screen.findByTestId("kpi-row");
    expect(await within(row).findByRole("alert")).toHaveTextContent("Give this KPI a name");
    expect(within(row).getByLabelText("KPI 1: KPI name")).toHaveAttribute("aria-invalid", "true");
    expect(fakeBackend.objectives).toHaveLength(0);
  }, 20_000);

  it("shows the live SMART check computed by core", async () => {
    const { user } = await openObjectives();
    await user.click(screen.getByRole("button", { name: "Write your first objective" }));
    const smart = screen.getByTestId("smart-check");
    expect(
      await within(smart).findByText("Link it to a persona, so you know whose behaviour must change."),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText("Target"), "230");
    await waitFor(() => expect(within(smart).getByTestId("smart-measurable")).toHaveAttribute("data-state", "met"));
  }, 20_000);

  it("adds suggested KPIs for the kind of objective, ready to edit", async () => {
    const { user } = await openObjectives();
    await user.click(screen.getByRole("button", { name: "Write your first objective" }));
    await user.selectOptions(screen.getByLabelText("Kind of objective"), "purchase_conversion");
    await user.click(screen.getByRole("button", { name: "Add suggested KPIs" }));
    expect(await screen.findByDisplayValue("Online orders from social")).toBeInTheDocument();
    expect(screen.getByText("Added 1 suggested KPI. Edit it to fit.")).toBeInTheDocument();
  }, 20_000);

  it("deletes an objective only after confirmation", async () => {
    fakeBackend.objectives = [
      {
        id: "o1",
        kind: "awareness",
        statement: "Make the chestnut line known",
        baseline: 3000,
        targetValue: 8000,
        unit: "people",
        baselineDate: null,
        deadline: "2026-11-30",
        owner: "",
        status: "active",
        sortOrder: 0,
        successFactors: ["Behind the scenes"],
        kpis: [],
        personaIds: [],
        createdAt: "2026-01-15T03:30:00Z",
        updatedAt: "2026-01-15T03:30:00Z",
      },
    ];
    const { user } = await openObjectives();
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    expect(screen.getByDisplayValue("Behind the scenes")).toBeInTheDocument();
    // Success factors are ordered: a new one can be moved to the top.
    await user.click(screen.getByRole("button", { name: "Add success factor" }));
    await user.type(screen.getByLabelText("Success factor 2"), "Hashtag for customers");
    await user.click(screen.getByRole("button", { name: "Move success factor 2 up" }));
    expect(screen.getByLabelText("Success factor 1")).toHaveValue("Hashtag for customers");
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Keep it" }));
    expect(fakeBackend.objectives).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Delete objective" }));
    expect(await screen.findByText("Objective deleted.")).toBeInTheDocument();
    expect(fakeBackend.objectives).toHaveLength(0);
  }, 20_000);

  it("reads naturally in Japanese", async () => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, language: "ja" };
    await i18n.changeLanguage("ja");
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByTestId("nav-objectives"));
    await user.click(await screen.findByRole("button", { name: "最初の目標を書く" }));
    expect(screen.getByLabelText("目標を一文で")).toBeInTheDocument();
    expect(screen.getByText("SMARTチェック")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "おすすめのKPIを追加" })).toBeInTheDocument();
  }, 20_000);
});
