import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { SAMPLE_WORKSPACE, fakeBackend, pillarBackend, platformBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

describe("plan overview", () => {
  beforeEach(() => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
    fakeBackend.objectives = [];
    fakeBackend.personas = [];
    platformBackend.setup = { active: [], wizardAnswers: null, warning: null };
    pillarBackend.reset();
  });

  it("welcomes the business and draws the six links of the chain in order", async () => {
    renderWithProviders(<App />);
    const page = await screen.findByTestId("page-plan");
    expect(within(page).getByRole("heading", { level: 2, name: /^Welcome/ })).toHaveTextContent("Welcome, Sunrise Bakery");

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

  it("shows what is missing at each link and the pitfall of posting without an objective", async () => {
    renderWithProviders(<App />);
    const objectives = await screen.findByTestId("plan-step-objectives");
    expect(await within(objectives).findByTestId("plan-status-objectives")).toHaveTextContent("Missing");
    expect(within(objectives).getByText("Write your first objective.")).toBeInTheDocument();
    expect(within(screen.getByTestId("plan-step-personas")).getByText("Describe at least one customer.")).toBeInTheDocument();
    const calendar = screen.getByTestId("plan-step-calendar");
    expect(within(calendar).getByTestId("plan-status-calendar")).toHaveTextContent("Missing");
    expect(within(calendar).getByText("Schedule posts for the coming 4 weeks.")).toBeInTheDocument();
    expect(within(screen.getByTestId("plan-step-pillars")).getByText("Decide your content pillars.")).toBeInTheDocument();
    expect(within(screen.getByTestId("plan-step-results")).getByTestId("plan-status-results")).toHaveTextContent(
      "Not started",
    );
    const pitfalls = screen.getByTestId("plan-pitfalls");
    expect(within(pitfalls).getByText("Posting without an objective")).toBeInTheDocument();
  });

  it("counts objectives and personas once they exist", async () => {
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
        successFactors: [],
        kpis: [],
        personaIds: [],
        createdAt: "2026-01-15T03:30:00Z",
        updatedAt: "2026-01-15T03:30:00Z",
      },
    ];
    renderWithProviders(<App />);
    expect(await screen.findByTestId("plan-count-objectives")).toHaveTextContent("1 objective");
    expect(screen.getByTestId("plan-status-objectives")).toHaveTextContent("Done");
    expect(screen.queryByTestId("plan-pitfalls")).not.toBeInTheDocument();
  });

  it("counts platforms and pillars, and links the platform and mix pitfalls to where they are fixed", async () => {
    platformBackend.setup = {
      active: ["instagram", "x", "facebook", "tiktok"].map((platformId, position) => ({
        platformId,
        position,
        chosenAt: "2026-01-01T00:00:00Z",
      })),
      wizardAnswers: null,
      warning: { en: "Too many platforms", ja: "多すぎます" },
    };
    pillarBackend.pillars = [
      { id: "p1", name: "Seasonal", description: "", colour: "sun", personaIds: [], objectiveId: null, sortOrder: 0 },
    ];
    pillarBackend.mix = {
      ...pillarBackend.mix,
      warnings: [{ kind: "promotion_heavy", share: 0.4, pillarId: null, message: "Promotion is 40%." }],
    };
    const { user } = renderWithProviders(<App />);
    expect(await screen.findByTestId("plan-count-platforms")).toHaveTextContent("4 platforms");
    expect(screen.getByTestId("plan-status-platforms")).toHaveTextContent("Done");
    expect(await screen.findByTestId("plan-count-pillars")).toHaveTextContent("1 pillar");
    const pitfalls = screen.getByTestId("plan-pitfalls");
    expect(within(pitfalls).getByText("Too many platforms")).toBeInTheDocument();
    expect(within(pitfalls).getByText("Promotion-heavy mix")).toBeInTheDocument();
    await user.click(screen.getByTestId("pitfall-link-promotion_heavy_mix"));
    expect(await screen.findByTestId("page-pillars")).toBeInTheDocument();
  });

  it("reads naturally in Japanese", async () => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, name: "サンライズベーカリー", language: "ja" };
    renderWithProviders(<App />);
    expect(await screen.findByText("サンライズベーカリーのSNS計画へようこそ")).toBeInTheDocument();
    expect(screen.getByTestId("page-title")).toHaveTextContent("計画の全体像");
    expect(screen.getByRole("button", { name: "テーマと配分を開く" })).toBeInTheDocument();
    expect(await screen.findByText("目標なしで投稿している")).toBeInTheDocument();
  });
});
