import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, fakeBackend, platformBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { defaultAnswers } from "./PlatformWizard";
import { withBuilderPersonas } from "./queries";
import { countText } from "./text";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

async function openPlatforms(workspace: api.Workspace = SAMPLE_WORKSPACE) {
  fakeBackend.workspace = workspace;
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-platforms"));
  await screen.findByTestId("page-platforms");
  return rendered;
}

describe("platforms", () => {
  beforeEach(() => {
    platformBackend.setup = { active: [], wizardAnswers: null, warning: null };
    platformBackend.designs = {};
  });

  it("the reference shows a card per platform with limits, sizes and sources, and filters", async () => {
    const { user } = await openPlatforms();
    await user.click(screen.getByTestId("platforms-tab-reference"));
    const card = await screen.findByTestId("platform-card-instagram");
    expect(within(card).getByText("2,200 (Counted in characters)", { exact: false })).toBeInTheDocument();
    expect(within(card).getByText("1080×1350")).toBeInTheDocument();
    expect(within(card).getByText("Sources (1)")).toBeInTheDocument();
    expect(screen.getAllByRole("article")).toHaveLength(3);

    await user.click(screen.getByTestId("platforms-filter-b2b"));
    expect(screen.getAllByRole("article")).toHaveLength(1);
    expect(screen.getByTestId("platform-card-linkedin")).toBeInTheDocument();

    await user.click(screen.getByTestId("platforms-filter-all"));
    await user.type(screen.getByTestId("platforms-search"), "zzz");
    expect(screen.getByTestId("platforms-none")).toBeInTheDocument();
  });

  it("the wizard takes quick answers, explains the result and makes the choice active", async () => {
    const { user } = await openPlatforms();
    expect(screen.getByText("Next in your plan")).toBeInTheDocument();
    await user.click(screen.getByTestId("platforms-start-wizard"));
    await user.click(screen.getByTestId("wizard-age-age25to34"));
    await user.click(screen.getByTestId("wizard-local"));
    await user.click(screen.getByTestId("wizard-next"));
    await user.click(screen.getByTestId("wizard-goal-awareness"));
    await user.click(screen.getByTestId("wizard-next"));
    await user.click(screen.getByTestId("wizard-add-competitor"));
    await user.type(screen.getByTestId("wizard-competitor-0-name"), "Sunny Side");
    await user.selectOptions(screen.getByTestId("wizard-competitor-0-instagram"), "succeeding");
    await user.click(screen.getByTestId("wizard-next"));
    await user.clear(screen.getByTestId("wizard-hours"));
    await user.type(screen.getByTestId("wizard-hours"), "4");
    await user.click(screen.getByTestId("wizard-next"));

    expect(await screen.findByTestId("wizard-result")).toBeInTheDocument();
    const answers = mocked.recommendPlatforms.mock.calls[0]?.[0];
    expect(answers?.audience.ageGroups).toEqual(["age25to34"]);
    expect(answers?.audience.localBusiness).toBe(true);
    expect(answers?.competitors?.[0]).toEqual({ name: "Sunny Side", activeOn: [], succeedingOn: ["instagram"] });
    expect(answers?.capacity.hoursPerWeek).toBe(4);
    expect(screen.getByTestId("wizard-recommended")).toHaveTextContent("Instagram and LINE Official Account");
    expect(screen.getByText("Reason for instagram")).toBeInTheDocument();
    expect(screen.getByText("Risk for linkedin")).toBeInTheDocument();
    expect(screen.getByText("How this is scored")).toBeInTheDocument();

    await user.click(screen.getByTestId("wizard-confirm"));
    expect(mocked.setActivePlatforms).toHaveBeenCalledWith(["instagram", "line_official_account"]);
    expect(await screen.findByTestId("active-platform-instagram")).toBeInTheDocument();
    expect(screen.getByTestId("active-platform-line_official_account")).toBeInTheDocument();

    // Re-running starts from the saved answers.
    await user.click(screen.getByTestId("platforms-rerun-wizard"));
    expect(screen.getByTestId("wizard-age-age25to34")).toBeChecked();
    expect(screen.getByTestId("wizard-local")).toBeChecked();
  });

  it("the account design counts the bio live against the platform's limit and saves", async () => {
    platformBackend.setup = {
      active: [{ platformId: "line_official_account", position: 0, chosenAt: "2026-11-24T00:00:00Z" }],
      wizardAnswers: null,
      warning: null,
    };
    const { user } = await openPlatforms();
    await user.click(await screen.findByTestId("edit-design-line_official_account"));
    const bio = await screen.findByTestId("design-bio");
    await user.type(bio, "焼きたて情報とクーポン");
    expect(screen.getByTestId("design-bio-count")).toHaveTextContent("11 / 20");
    await user.type(bio, "をお届けするパン屋のアカウントです");
    expect(screen.getByTestId("design-bio-count")).toHaveClass("counter--over");
    await user.clear(bio);
    await user.type(bio, "Fresh bread, coupons");
    await user.type(screen.getByTestId("design-concept"), "For regulars");
    await user.click(screen.getByTestId("design-check-profile"));
    await user.click(screen.getByTestId("design-save"));
    expect(mocked.saveAccountDesign).toHaveBeenCalledWith(
      expect.objectContaining({ platformId: "line_official_account", bio: "Fresh bread, coupons", checklistDone: ["profile"] }),
    );
    expect(await screen.findByText("Account design saved.")).toBeInTheDocument();
    expect(screen.getByTestId("design-completeness")).toHaveTextContent("20% complete");
  });

  it("shows the too-many-platforms warning from the backend", async () => {
    platformBackend.setup = {
      active: ["instagram", "linkedin", "line_official_account"].map((platformId, position) => ({
        platformId,
        position,
        chosenAt: "2026-11-24T00:00:00Z",
      })),
      wizardAnswers: null,
      warning: { en: "Too many platforms: concentrate.", ja: "プラットフォームが多すぎます。" },
    };
    await openPlatforms();
    expect(await screen.findByTestId("platforms-warning")).toHaveTextContent("Too many platforms");
  });

  it("the wizard's audience step starts from the persona builder", async () => {
    mocked.wizardPersonas.mockResolvedValue([
      { name: "Aiko", primary: true, ageMin: 25, ageMax: 34, usage: [{ platformId: "instagram", frequency: "daily", activeHours: "19:00–21:00" }] },
    ]);
    const { user } = await openPlatforms();
    await user.click(await screen.findByTestId("platforms-start-wizard"));
    const listed = await screen.findByTestId("wizard-personas");
    expect(listed).toHaveTextContent("Aiko");
  });

  it("persona builder personas replace stale saved ones; saved answers stay otherwise", () => {
    const saved = defaultAnswers("b2c");
    saved.audience.personas = [{ name: "Old", primary: true, ageMin: null, ageMax: null, usage: [] }];
    saved.capacity.hoursPerWeek = 7;
    const fresh = [{ name: "Aiko", primary: true, ageMin: 25, ageMax: 34, usage: [] }];
    const merged = withBuilderPersonas(saved, fresh);
    expect(merged.audience.personas?.map((p) => p.name)).toEqual(["Aiko"]);
    expect(merged.capacity.hoursPerWeek).toBe(7);
    expect(withBuilderPersonas(saved, [])).toBe(saved);
  });

  it("counts text like the platforms do", () => {
    expect(countText("x_weighted", "こんにちは")).toBe(10);
    expect(countText("x_weighted", "See https://example.com/long/path")).toBe(27);
    expect(countText("x_weighted", "👨‍👩‍👧‍👦")).toBe(2);
    expect(countText("graphemes", "👨‍👩‍👧‍👦")).toBe(1);
    expect(countText("utf16", "🍞a")).toBe(3);
    expect(countText("characters", "パン")).toBe(2);
  });
});
