import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, fakeBackend, pillarBackend, platformBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { addDays, presetRange } from "./dates";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

async function openPillars() {
  fakeBackend.workspace = SAMPLE_WORKSPACE;
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-pillars"));
  await screen.findByTestId("page-pillars");
  return rendered;
}

function stats(value: number, dialogue: number, promotion: number, warnings: api.MixWarning[] = []): api.MixStats {
  const total = value + dialogue + promotion;
  const slice = (count: number, target: number) => ({ count, share: total ? count / total : 0, target });
  return {
    total,
    byType: [],
    value: slice(value, 0.7),
    dialogue: slice(dialogue, 0.2),
    promotion: slice(promotion, 0.1),
    byPillar: [],
    warnings,
  };
}

const SEASONAL: api.Pillar = {
  id: "p1",
  name: "Seasonal",
  description: "What is new",
  colour: "sun",
  personaIds: [],
  objectiveId: null,
  sortOrder: 0,
};

const promoWarning: api.MixWarning = {
  kind: "promotion_heavy",
  share: 0.5,
  pillarId: null,
  message: "Promotion is 50% of posts.",
};

describe("pillars & mix", () => {
  beforeEach(() => {
    fakeBackend.objectives = [];
    fakeBackend.personas = [];
    platformBackend.setup = { active: [], wizardAnswers: null, warning: null };
    pillarBackend.reset();
  });

  it("teaches what a pillar is when there is none, and shows a field error next to the name", async () => {
    const { user } = await openPillars();
    const empty = await screen.findByTestId("pillars-empty");
    expect(within(empty).getByText(/3–5 topic areas/)).toBeInTheDocument();
    expect(within(empty).getByText("Next in your plan")).toBeInTheDocument();
    expect(screen.queryByTestId("mix-section")).not.toBeInTheDocument();
    await user.click(within(empty).getByTestId("pillar-new"));
    await user.click(screen.getByTestId("pillar-save"));
    const name = screen.getByTestId("pillar-name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(/Give the pillar a short name/);

    await user.type(name, "Behind the scenes");
    await user.click(screen.getByRole("radio", { name: "Rose" }));
    await user.click(screen.getByTestId("pillar-save"));
    const card = await screen.findByTestId("pillar-card");
    expect(within(card).getByRole("heading", { name: "Behind the scenes" })).toBeInTheDocument();
    expect(mocked.createPillar).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: "Behind the scenes", colour: "rose" }),
    );
    expect(screen.getByTestId("pillars-status")).toHaveTextContent("Saved “Behind the scenes”.");
  });

  it("edits a pillar with its personas and deletes it only after confirmation", async () => {
    fakeBackend.personas = [];
    pillarBackend.pillars = [SEASONAL];
    const { user } = await openPillars();
    await user.click(await screen.findByRole("button", { name: "Edit Seasonal" }));
    const name = screen.getByTestId("pillar-name");
    await user.clear(name);
    await user.type(name, "Seasonal bakes");
    await user.click(screen.getByTestId("pillar-save"));
    expect(await screen.findByRole("heading", { name: "Seasonal bakes" })).toBeInTheDocument();
    expect(mocked.updatePillar).toHaveBeenCalledWith("p1", expect.objectContaining({ name: "Seasonal bakes" }));

    await user.click(screen.getByRole("button", { name: "Delete Seasonal bakes" }));
    expect(mocked.deletePillar).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("pillar-delete-confirm"));
    expect(await screen.findByTestId("pillars-empty")).toBeInTheDocument();
    expect(mocked.deletePillar).toHaveBeenCalledWith("p1");
  });

  it("shows the 7-2-1 gauge with text values, a calm promotion warning and the heavy week", async () => {
    pillarBackend.pillars = [SEASONAL];
    pillarBackend.mix = stats(6, 1, 3, [promoWarning]);
    pillarBackend.weeks = [
      { weekStart: "2026-12-07", stats: stats(5, 1, 0) },
      { weekStart: "2026-12-14", stats: stats(1, 0, 3, [promoWarning]) },
    ];
    const { user } = await openPillars();
    const gauge = await screen.findByTestId("mix-gauge");
    expect(within(gauge).getByTestId("mix-value")).toHaveTextContent("6 · 60% (guideline 70%)");
    expect(within(gauge).getByTestId("mix-promotion")).toHaveTextContent("3 · 30% (guideline 10%)");
    const warning = within(gauge).getByTestId("mix-warning-promotion_heavy");
    expect(warning).toHaveTextContent("Promotion is 50% of posts");
    expect(warning).toHaveTextContent("Above one in five");

    expect(screen.getByTestId("week-2026-12-14")).toHaveAttribute("data-heavy", "true");
    expect(screen.getByTestId("week-2026-12-14")).toHaveTextContent("Promotion-heavy");
    expect(screen.getByTestId("week-2026-12-07")).toHaveAttribute("data-heavy", "false");

    // Switching the range asks the core for that range; the weekly strip ends the day before `to`.
    await user.selectOptions(screen.getByTestId("mix-range"), "this_quarter");
    const q = presetRange("this_quarter", new Date());
    expect(mocked.getMix).toHaveBeenLastCalledWith(q.from, q.to, null);
    expect(mocked.getWeeklyMix).toHaveBeenLastCalledWith(q.from, addDays(q.to, -1), null);
  });

  it("saves a platform's cadence and lists the weeks under it", async () => {
    platformBackend.setup = {
      active: [{ platformId: "instagram", position: 0, chosenAt: "2026-01-01T00:00:00Z" }],
      wizardAnswers: null,
      warning: null,
    };
    pillarBackend.pillars = [SEASONAL];
    pillarBackend.gaps = [{ platform: "instagram", weekStart: "2026-12-14", planned: 1, target: 3 }];
    const { user } = await openPillars();
    const row = await screen.findByTestId("cadence-instagram");
    const posts = within(row).getByLabelText("Posts per week");
    await user.clear(posts);
    await user.type(posts, "3");
    await user.type(within(row).getByLabelText("Preferred times"), "07:30, 18:00");
    await user.click(within(row).getByRole("button", { name: "Save" }));
    expect(mocked.setCadence).toHaveBeenCalledWith({
      platform: "instagram",
      postsPerWeek: 3,
      timeSlots: ["07:30", "18:00"],
    });
    expect(await screen.findByTestId("gaps")).toHaveTextContent("week of 2026-12-14: 1 of 3 posts planned");
  });

  it("turns approval steps on and off, adds team members and competitor names", async () => {
    pillarBackend.pillars = [SEASONAL];
    const { user } = await openPillars();
    const brand = await screen.findByTestId("step-brand_check");
    expect(brand).not.toBeChecked();
    await user.click(brand);
    expect(mocked.setApprovalStep).toHaveBeenCalledWith("brand_check", true);

    const team = screen.getByTestId("team-section");
    await user.type(within(team).getByLabelText("Name"), "Aiko");
    await user.selectOptions(within(team).getByLabelText("Role"), "manager");
    await user.click(within(team).getByRole("button", { name: "Add member" }));
    expect(await within(team).findByTestId("team-members")).toHaveTextContent("Aiko · Manager");

    await user.click(within(team).getByRole("button", { name: "Add" }));
    expect(within(team).getByTestId("competitor-name")).toHaveAccessibleDescription(/competitor's name/);
    await user.type(within(team).getByTestId("competitor-name"), "Sunny Side");
    await user.click(within(team).getByRole("button", { name: "Add" }));
    expect(await within(team).findByTestId("competitors")).toHaveTextContent("Sunny Side");
    await user.click(within(team).getByRole("button", { name: "Remove Sunny Side" }));
    expect(mocked.removeCompetitor).toHaveBeenCalled();
  });
});
