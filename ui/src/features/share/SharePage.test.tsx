import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, fakeBackend, shareBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { defaultOptions } from "./SharePage";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

async function openShare() {
  fakeBackend.workspace = SAMPLE_WORKSPACE;
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-share"));
  await screen.findByTestId("page-share");
  return rendered;
}

const preview = (conflicts: api.Conflict[]): api.Previewed<api.BundlePreview> => ({
  fileName: "team.plotline",
  preview: {
    business: "Sunrise Bakery",
    exportedAt: "2026-05-01T09:00:00Z",
    appVersion: "0.1.0",
    tables: [{ table: "posts", added: 2, updated: 1, unchanged: 5, kept: 0, conflicts: conflicts.length }],
    conflicts,
    media: 0,
    skippedTables: [],
    emptyWorkspace: false,
  },
});

const conflict = (key: string, label: string): api.Conflict => ({
  table: "posts",
  key,
  label,
  mineUpdatedAt: "2026-05-01T08:00:00Z",
  theirsUpdatedAt: "2026-05-01T08:30:00Z",
  fields: ["title"],
  changes: [{ field: "title", mine: `${label} (mine)`, theirs: `${label} (theirs)` }],
});

describe("Share screen", () => {
  beforeEach(() => {
    shareBackend.bundlePreview = null;
  });

  it("defaults to the next six weeks", () => {
    expect(defaultOptions(new Date(2026, 0, 30))).toMatchObject({ from: "2026-01-30", to: "2026-03-12", includeEvents: true });
  });

  it("exports a calendar file with the shared options and says where it went", async () => {
    const { user } = await openShare();
    await user.click(screen.getByTestId("share-status-scheduled"));
    await user.click(screen.getByTestId("share-events"));
    await user.click(screen.getByTestId("share-ics-export"));
    expect(mocked.exportIcs).toHaveBeenCalledWith(expect.objectContaining({ statuses: ["scheduled"], includeEvents: false }));
    expect(await screen.findByTestId("share-ics-status")).toHaveTextContent("/home/me/plotline-calendar.ics");
  });

  it("exports a spreadsheet in the chosen layout and explains it", async () => {
    const { user } = await openShare();
    await user.click(screen.getByTestId("share-csv-format-hootsuite"));
    expect(screen.getByTestId("share-csv")).toHaveTextContent("350");
    await user.click(screen.getByTestId("share-csv-export"));
    expect(mocked.exportCsv).toHaveBeenCalledWith(expect.anything(), "hootsuite");
    expect(await screen.findByTestId("share-csv-status")).toHaveTextContent("plotline-posts-hootsuite.csv");
  });

  it("shows an export error next to its card", async () => {
    mocked.exportIcs.mockRejectedValueOnce(new api.AppError("invalid", "The last day is before the first day.", "to"));
    const { user } = await openShare();
    await user.click(screen.getByTestId("share-ics-export"));
    expect(await within(screen.getByTestId("share-ics")).findByRole("alert")).toHaveTextContent("before the first day");
  });

  it("previews the printable calendar in the app and prints it", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const { user } = await openShare();
    expect(screen.getByTestId("share-print-print")).toBeDisabled();
    await user.click(screen.getByTestId("share-print-preview"));
    expect(await screen.findByTestId("share-print-pages")).toHaveTextContent("Sunrise Bakery");
    await user.click(screen.getByTestId("share-print-print"));
    expect(print).toHaveBeenCalled();
    expect(document.documentElement).not.toHaveClass("share-printing");
  });

  it("asks about each conflict before a bundle is imported", async () => {
    shareBackend.bundlePreview = preview([conflict("p1", "Spring menu"), conflict("p2", "Open day")]);
    const { user } = await openShare();
    await user.click(screen.getByTestId("share-bundle-open"));
    const review = await screen.findByTestId("share-bundle-review");
    expect(review).toHaveTextContent("Sunrise Bakery");
    expect(screen.getAllByTestId("share-conflict")).toHaveLength(2);
    expect(screen.getAllByTestId("share-conflict")[0]).toHaveTextContent("Spring menu (theirs)");
    expect(screen.getByTestId("share-bundle-import")).toBeDisabled();
    await user.click(screen.getByTestId("share-conflict-p1-theirs"));
    expect(screen.getByTestId("share-bundle-import")).toBeDisabled();
    await user.click(screen.getByTestId("share-conflict-p2-mine"));
    await user.click(screen.getByTestId("share-bundle-import"));
    expect(mocked.applyBundleImport).toHaveBeenCalledWith([
      { table: "posts", key: "p1", take: "theirs" },
      { table: "posts", key: "p2", take: "mine" },
    ]);
    expect(await screen.findByTestId("share-bundle-status")).toHaveTextContent("1 updated, 1 kept");
    expect(screen.queryByTestId("share-bundle-review")).not.toBeInTheDocument();
  });

  it("lists spreadsheet problems by line and refuses to import until they are fixed", async () => {
    const { user } = await openShare();
    await user.click(screen.getByTestId("share-csv-import-open"));
    expect(await screen.findByTestId("share-csv-import-errors")).toHaveTextContent("Line 3: Text is empty");
    expect(screen.getByTestId("share-csv-import-apply")).toBeDisabled();
    expect(mocked.applyCsvImport).not.toHaveBeenCalled();
  });

  it("adds calendar-file events after a preview", async () => {
    const { user } = await openShare();
    await user.click(screen.getByTestId("share-ics-import-open"));
    expect(await screen.findByTestId("share-ics-import-review")).toHaveTextContent("Christmas market");
    await user.click(screen.getByTestId("share-ics-import-apply"));
    expect(await screen.findByTestId("share-ics-import-status")).toHaveTextContent("Added 1 event(s)");
  });
});
