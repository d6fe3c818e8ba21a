import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, emptySummary, fakeBackend, fakeEntry, fakeMetrics, resultsBackend } from "../../lib/__mocks__/api";
import i18n from "../../i18n";
import { renderWithProviders } from "../../test/render";
import { parseCount } from "./QuickEntry";
import { todayIn } from "./ResultsPage";

vi.mock("../../lib/api");
const mocked = vi.mocked(api);

const KPI: api.KpiProgress = {
  kpiId: "k1",
  objectiveId: "o1",
  objectiveStatement: "Be known in the neighbourhood",
  name: "Weekly reach",
  stage: "awareness",
  metric: "reach",
  unit: "people",
  cadence: "weekly",
  baseline: 3000,
  target: 8000,
  current: 5400,
  progress: 48,
  status: "on_track",
  source: "posts",
  windowStart: "2026-02-22",
  windowEnd: "2026-02-28",
  trend: [
    { periodStart: "2026-02-15", periodEnd: "2026-02-21", value: 4100 },
    { periodStart: "2026-02-22", periodEnd: "2026-02-28", value: 5400 },
  ],
};

function liveSummary(): api.ResultsSummary {
  const top = fakeEntry({ variantId: "v1", title: "Slow-motion croissant", format: "short_video", metrics: fakeMetrics({ reach: 1000, likes: 90 }) });
  const bottom = fakeEntry({ variantId: "v2", title: "Price list photo", contentType: "promotional", metrics: fakeMetrics({ reach: 800, likes: 16 }) });
  return {
    ...emptySummary(),
    postsPublished: 2,
    postsMeasured: 2,
    totals: fakeMetrics({ reach: 1800, likes: 106 }),
    totalsDerived: { engagement: 106, engagementRate: 106 / 1800, rateBase: "reach", ctr: null, conversionRate: null },
    kpis: [KPI, { ...KPI, kpiId: "k2", name: "Reel views", stage: "awareness", status: "at_risk", current: 1300, progress: 3.6 }],
    byPlatform: [
      {
        key: "instagram",
        label: null,
        colour: null,
        posts: 2,
        measured: 2,
        avgReach: 900,
        avgClicks: null,
        avgEngagementRate: 0.055,
        engagementRate: 106 / 1800,
        totals: fakeMetrics({ reach: 1800 }),
      },
    ],
    ranking: { top: [top], bottom: [bottom], traits: [], explanation: "Your best posts have in common: a short video." },
  };
}

async function openResults(workspace: api.Workspace = SAMPLE_WORKSPACE) {
  fakeBackend.workspace = workspace;
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-results"));
  await screen.findByTestId("page-results");
  return rendered;
}

beforeEach(() => {
  resultsBackend.summary = emptySummary();
  resultsBackend.entries = [];
  resultsBackend.reviews = [];
  resultsBackend.preview = null;
});

describe("Results", () => {
  it("teaches what to do while nothing is published", async () => {
    await openResults();
    expect(await screen.findByText("Learn from your results")).toBeInTheDocument();
    expect(screen.getByText("Next in your plan")).toBeInTheDocument();
  });

  it("shows KPI progress by funnel stage with status, numbers and a table view", async () => {
    resultsBackend.summary = liveSummary();
    await openResults();
    const card = await screen.findByTestId("kpi-k1");
    expect(within(card).getByTestId("kpi-current")).toHaveTextContent("5,400 people");
    expect(within(card).getByTestId("kpi-status")).toHaveTextContent("On track");
    expect(within(card).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "48");
    // jsdom has no canvas: the chart is its table.
    expect(within(card).getByRole("table")).toHaveTextContent("4,100 people");
    expect(within(screen.getByTestId("kpi-k2")).getByTestId("kpi-status")).toHaveTextContent("At risk");
    expect(within(screen.getByTestId("stage-awareness")).getByRole("heading", { level: 3 })).toHaveTextContent("Awareness");
    expect(screen.getByTestId("total-reach")).toHaveTextContent("1,800");
    expect(screen.getByTestId("ranking-explanation")).toHaveTextContent("a short video");
    expect(within(screen.getByTestId("top-posts")).getByText("Slow-motion croissant")).toBeInTheDocument();
    expect(within(screen.getByTestId("breakdown-row-instagram")).getByTestId("breakdown-rate")).toHaveTextContent("5.5%");
  });

  it("a KPI Plotline cannot compute takes a measured value", async () => {
    resultsBackend.summary = {
      ...liveSummary(),
      kpis: [KPI, { ...KPI, kpiId: "k9", metric: "nps", name: "NPS", current: null, progress: null, status: "no_data", source: "none" }],
    };
    const { user } = await openResults();
    const card = await screen.findByTestId("kpi-k9");
    expect(within(card).getByTestId("kpi-progress")).toHaveTextContent("No numbers for this period yet");
    await user.click(within(card).getByTestId("kpi-reading-open"));
    await user.type(within(card).getByTestId("kpi-reading-value"), "44");
    await user.click(within(card).getByTestId("kpi-reading-save"));
    await waitFor(() => expect(mocked.addKpiReading.mock.calls[0]?.[0]).toEqual({ kpiId: "k9", measuredOn: "2026-02-28", value: 44, note: "" }));
    expect(within(screen.getByTestId("kpi-k1")).queryByTestId("kpi-reading-open")).toBeNull();
  });

  it("quick entry saves a row with Enter, warns on reach above impressions and refuses non-numbers", async () => {
    resultsBackend.summary = liveSummary();
    resultsBackend.entries = [
      fakeEntry({ variantId: "a", title: "Croissant layers" }),
      fakeEntry({ variantId: "b", title: "Melon pan crust" }),
      fakeEntry({ variantId: "c", title: "Weekend box" }),
    ];
    const { user } = await openResults();
    await user.click(screen.getByTestId("results-tab-entry"));
    const reach = await screen.findByTestId("cell-reach-0");
    await user.type(reach, "1200");
    await user.type(screen.getByTestId("cell-impressions-0"), "900{Enter}");
    await waitFor(() =>
      expect(mocked.recordPostMetrics).toHaveBeenCalledWith(
        expect.objectContaining({ variantId: "a", metrics: expect.objectContaining({ reach: 1200, impressions: 900 }) }),
      ),
    );
    expect(screen.getByTestId("cell-impressions-1")).toHaveFocus();
    expect(within(screen.getByTestId("entry-a")).getByRole("note")).toHaveTextContent("Reach is higher than impressions");

    const saves = mocked.recordPostMetrics.mock.calls.length;
    await user.type(screen.getByTestId("cell-likes-1"), "-3{Enter}");
    expect(screen.getByTestId("cell-likes-1")).toHaveAttribute("aria-invalid", "true");
    expect(mocked.recordPostMetrics).toHaveBeenCalledTimes(saves);
  });

  it("quick entry records the numbers on the day the owner picks, and shows a refused day next to the date", async () => {
    resultsBackend.summary = liveSummary();
    resultsBackend.entries = [fakeEntry({ variantId: "a", title: "Croissant layers" }), fakeEntry({ variantId: "b", title: "Melon pan crust" })];
    const { user } = await openResults();
    await user.click(screen.getByTestId("results-tab-entry"));
    const date = await screen.findByLabelText("Numbers read on");
    // Today (in the business's zone) by default, never later, never before the earliest post.
    const today = todayIn(SAMPLE_WORKSPACE.timeZone);
    expect(date).toHaveValue(today);
    expect(date).toHaveAttribute("max", today);
    expect(date).toHaveAttribute("min", "2026-02-10");
    await user.type(screen.getByTestId("cell-likes-0"), "40{Enter}");
    await waitFor(() => expect(mocked.recordPostMetrics).toHaveBeenCalledWith(expect.objectContaining({ variantId: "a", capturedOn: "" })));

    fireEvent.change(date, { target: { value: "2026-02-20" } });
    await user.type(screen.getByTestId("cell-likes-1"), "12{Enter}");
    await waitFor(() =>
      expect(mocked.recordPostMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({ variantId: "b", capturedOn: "2026-02-20", metrics: expect.objectContaining({ likes: 12 }) }),
      ),
    );
    expect(await screen.findByTestId("entry-status")).toHaveTextContent("as read on 2026-02-20");

    mocked.recordPostMetrics.mockRejectedValueOnce(
      new api.AppError("invalid", "2026-02-01 is before “Croissant layers” went out (2026-02-10). Pick 2026-02-10 or a later day.", "capturedOn"),
    );
    fireEvent.change(date, { target: { value: "2026-02-01" } });
    await user.clear(screen.getByTestId("cell-likes-0"));
    await user.type(screen.getByTestId("cell-likes-0"), "41{Enter}");
    expect(await screen.findByText(/went out \(2026-02-10\)/)).toHaveClass("field__error");
    expect(date).toHaveAttribute("aria-invalid", "true");
  });

  it("says that summed reach counts people once per post, in both languages", async () => {
    resultsBackend.summary = { ...liveSummary(), kpis: [{ ...KPI, source: "summed_post_reach" }] };
    await openResults();
    const card = await screen.findByTestId("kpi-k1");
    expect(within(card).getByTestId("kpi-source-note")).toHaveTextContent(
      "Sum of each post's reach: people who saw several posts are counted more than once.",
    );
    expect(screen.getByTestId("total-reach-note")).toHaveTextContent("counted more than once");
    await i18n.changeLanguage("ja");
    expect(await within(card).findByText(/複数の投稿を見た人は、その数だけ重複して数えられます/)).toBeInTheDocument();
    await i18n.changeLanguage("en");
  });

  it("a published post without numbers has a one-click way into the quick entry", async () => {
    resultsBackend.summary = liveSummary();
    resultsBackend.entries = [
      fakeEntry({ variantId: "b", title: "Melon pan crust", capturedOn: "2026-02-20", metrics: fakeMetrics({ likes: 12 }) }),
      fakeEntry({ variantId: "a", title: "Croissant layers" }),
    ];
    const { user } = await openResults();
    const waiting = await screen.findByTestId("results-waiting");
    expect(within(waiting).getByRole("heading", { level: 3 })).toHaveTextContent("Published, no numbers yet (1)");
    expect(within(waiting).queryByText("Melon pan crust")).toBeNull();
    await user.click(within(waiting).getByRole("button", { name: "Enter the numbers of “Croissant layers” on Instagram" }));
    expect(screen.getByTestId("results-tab-entry")).toHaveAttribute("aria-selected", "true");
    await waitFor(() => expect(screen.getByTestId("cell-reach-1")).toHaveFocus());
    expect(screen.getByTestId("entry-a")).toHaveClass("quick-entry__row--focus");
  });

  it("account numbers for a week are saved per platform", async () => {
    resultsBackend.summary = liveSummary();
    resultsBackend.entries = [fakeEntry({ variantId: "a", title: "One" })];
    const { user } = await openResults();
    await user.click(screen.getByTestId("results-tab-entry"));
    await user.type(await screen.findByTestId("account-followers"), "1,301");
    await user.type(screen.getByTestId("account-webSessions"), "abc");
    await user.click(screen.getByTestId("account-save"));
    expect(screen.getByTestId("account-webSessions")).toHaveAttribute("aria-invalid", "true");
    expect(mocked.saveAccountMetrics).not.toHaveBeenCalled();
    await user.clear(screen.getByTestId("account-webSessions"));
    await user.type(screen.getByTestId("account-webSessions"), "260");
    await user.click(screen.getByTestId("account-save"));
    await waitFor(() =>
      expect(mocked.saveAccountMetrics.mock.calls[0]?.[0]).toEqual(
        expect.objectContaining({ platform: "instagram", followers: 1301, webSessions: 260, profileVisits: null }),
      ),
    );
    expect(await screen.findByText(/Saved the Instagram numbers/)).toBeInTheDocument();
  });

  it("pasting a spreadsheet column fills down", async () => {
    resultsBackend.entries = [
      fakeEntry({ variantId: "a", title: "One" }),
      fakeEntry({ variantId: "b", title: "Two" }),
      fakeEntry({ variantId: "c", title: "Three" }),
    ];
    const { user } = await openResults();
    await user.click(screen.getByTestId("results-tab-entry"));
    const first = await screen.findByTestId("cell-likes-0");
    fireEvent.paste(first, { clipboardData: { getData: () => "12\n34\n56\n" } });
    await waitFor(() => expect(mocked.recordPostMetrics).toHaveBeenCalledTimes(3));
    expect(mocked.recordPostMetrics).toHaveBeenCalledWith(expect.objectContaining({ variantId: "c", metrics: expect.objectContaining({ likes: 56 }) }));
    expect(screen.getByTestId("cell-likes-1")).toHaveValue("34");
    expect(screen.getByTestId("cell-likes-2")).toHaveValue("56");
  });

  it("imports after a preview, and only when confirmed", async () => {
    resultsBackend.preview = {
      fileName: "meta.csv",
      preview: {
        source: "meta",
        encoding: "shift_jis",
        columns: ["Description", "Reach"],
        mapping: [{ column: "Reach", field: "reach" }],
        rows: 3,
        matched: [
          {
            line: 2,
            variantId: "a",
            postId: "p",
            title: "Croissant layers",
            platform: "instagram",
            localTime: "2026-02-10T09:00",
            matchedBy: "published_url",
            metrics: fakeMetrics({ reach: 400 }),
            postUrl: null,
            warning: null,
          },
        ],
        unmatched: [{ line: 3, text: "Closed for the holiday", date: "2026-02-11", platform: "instagram", reason: "no published post" }],
        errors: [{ line: 4, message: "Line 4: 'abc' is not a whole number (column \"Likes\")." }],
      },
    };
    const { user } = await openResults();
    await user.click(screen.getByTestId("results-tab-import"));
    await user.click(screen.getByTestId("import-choose"));
    const preview = await screen.findByTestId("import-preview");
    expect(preview).toHaveTextContent("3 lines: 1 matched, 1 not matched, 1 with problems.");
    expect(preview).toHaveTextContent("(read as Shift_JIS)");
    expect(within(preview).getByTestId("import-errors")).toHaveTextContent("Line 4");
    // How each row was matched: here by the link saved with "Mark as published".
    expect(preview).toHaveTextContent("Link saved when published");
    expect(mocked.commitResultsImport).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("import-confirm"));
    await waitFor(() => expect(mocked.commitResultsImport).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Imported the numbers of 1 post.")).toBeInTheDocument();
  });

  it("a review needs a hypothesis to be completed, then shows in the history and as a report", async () => {
    resultsBackend.summary = liveSummary();
    const { user } = await openResults();
    await user.click(screen.getByTestId("results-tab-reviews"));
    await user.click(await screen.findByTestId("review-new-monthly"));
    await user.type(screen.getByTestId("review-worked"), "Short videos");
    await user.click(screen.getByTestId("review-complete"));
    expect(await screen.findByText(/Write the next hypothesis/)).toBeInTheDocument();
    await user.type(screen.getByTestId("review-hypothesis"), "Videos for new products lift engagement to 5%");
    await user.click(screen.getByTestId("review-add-decision"));
    await user.type(screen.getByRole("textbox", { name: "Decision 1" }), "One more kitchen video a week");
    await user.click(screen.getByTestId("review-complete"));
    const history = await screen.findByTestId("review-history");
    expect(history).toHaveTextContent("Videos for new products");
    expect(history).toHaveTextContent("Completed");
    expect(mocked.saveReview.mock.lastCall?.[0]).toEqual(
      expect.objectContaining({ cadence: "monthly", decisions: [{ text: "One more kitchen video a week", area: "pillar", target: null }] }),
    );
    await user.click(within(history).getByTestId("review-open-report"));
    const report = await screen.findByTestId("review-report");
    expect(within(report).getByRole("heading", { level: 2 })).toHaveTextContent("Monthly social media review");
    expect(report).toHaveTextContent("One more kitchen video a week");
  });

  it("speaks Japanese", async () => {
    resultsBackend.summary = liveSummary();
    await i18n.changeLanguage("ja");
    await openResults({ ...SAMPLE_WORKSPACE, language: "ja" });
    expect(await screen.findByText("KPIの進み具合")).toBeInTheDocument();
    expect(within(screen.getByTestId("kpi-k2")).getByTestId("kpi-status")).toHaveTextContent("要注意");
    expect(screen.getByTestId("results-tab-entry")).toHaveTextContent("数値を入力");
  });

  it("knows today's date in the workspace's zone", () => {
    const now = new Date("2026-03-01T20:30:00Z");
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-03-02");
    expect(todayIn("Europe/Lisbon", now)).toBe("2026-03-01");
    expect(todayIn("Not/AZone", now)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("reads counts strictly", () => {
    expect(parseCount("1,200")).toBe(1200);
    expect(parseCount("１２")).toBe(12);
    expect(parseCount("")).toBeNull();
    expect(parseCount("-1")).toBe("invalid");
    expect(parseCount("1.5")).toBe("invalid");
  });
});
