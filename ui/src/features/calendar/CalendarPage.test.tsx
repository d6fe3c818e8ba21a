import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, calendarBackend, fakeBackend, fakePost } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");
const mocked = vi.mocked(api);

function today(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

async function openCalendar() {
  fakeBackend.workspace = SAMPLE_WORKSPACE;
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-calendar"));
  await screen.findByTestId("calendar");
  return rendered;
}

describe("calendar", () => {
  beforeEach(() => {
    calendarBackend.failMoves = false;
    calendarBackend.pillars = [
      { id: "pl1", name: "Behind the oven", description: "", colour: "sun", personaIds: [], objectiveId: null, sortOrder: 0 },
    ];
    calendarBackend.posts = [
      fakePost({ id: "p1", title: "Melon pan morning", pillarId: "pl1" }, `${today()}T09:00`),
      fakePost({ id: "idea1", title: "Flour supplier visit" }),
    ];
  });

  it("shows this month's posts with pillar colour, status and platforms, and the backlog beside it", async () => {
    await openCalendar();
    const chip = await waitFor(() => {
      const el = document.querySelector('[data-testid="post-p1"]');
      if (!el) throw new Error("no event yet");
      return el as HTMLElement;
    });
    expect(chip.className).toContain("cal-event--sun");
    expect(within(chip).getByText("Melon pan morning")).toBeInTheDocument();
    expect(within(chip).getByText("IG")).toBeInTheDocument();
    expect(within(chip).getByText("Draft")).toBeInTheDocument();
    expect(within(screen.getByTestId("calendar-backlog")).getByText("Flour supplier visit")).toBeInTheDocument();
  });

  it("moves an idea with the keyboard dialog, then undoes the move with Ctrl+Z", async () => {
    const { user } = await openCalendar();
    await user.click(await screen.findByTestId("idea-move-idea1"));
    const dialog = screen.getByTestId("move-dialog");
    await user.type(within(dialog).getByTestId("move-date"), today(1));
    await user.clear(within(dialog).getByTestId("move-time"));
    await user.type(within(dialog).getByTestId("move-time"), "14:30");
    await user.click(within(dialog).getByTestId("move-submit"));
    await waitFor(() => expect(mocked.movePost).toHaveBeenCalledWith("idea1", `${today(1)}T14:30`));
    await waitFor(() => expect(screen.queryByTestId("idea-idea1")).not.toBeInTheDocument());
    expect(screen.getByTestId("calendar-notice")).toHaveTextContent("Moved “Flour supplier visit”");

    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(mocked.movePost).toHaveBeenLastCalledWith("idea1", null));
    expect(await screen.findByTestId("idea-idea1")).toBeInTheDocument();
    expect(screen.getByTestId("calendar-undo")).toBeDisabled();
  });

  it("explains a failed move and keeps the post where it was", async () => {
    calendarBackend.failMoves = true;
    const { user } = await openCalendar();
    await user.click(await screen.findByTestId("idea-move-idea1"));
    await user.type(screen.getByTestId("move-date"), today(2));
    await user.click(screen.getByTestId("move-submit"));
    expect(await screen.findByTestId("calendar-error")).toHaveTextContent("could not be moved");
    expect(screen.getByTestId("idea-idea1")).toBeInTheDocument();
  });

  it("creates a post from the drawer, with the field error shown next to the title", async () => {
    const { user } = await openCalendar();
    await user.click(screen.getByTestId("calendar-new"));
    const drawer = await screen.findByTestId("post-drawer");
    await user.click(within(drawer).getByTestId("post-save"));
    expect(await within(drawer).findByText("Give the post a short title.")).toBeInTheDocument();
    await user.type(within(drawer).getByTestId("post-title"), "Autumn chestnut bread");
    await user.click(within(drawer).getByTestId("post-save"));
    await waitFor(() => expect(screen.queryByTestId("post-drawer")).not.toBeInTheDocument());
    expect(await screen.findByTestId("idea-post-3")).toHaveTextContent("Autumn chestnut bread");
  });

  it("opens a post, moves it along the approval flow and deletes it after confirmation", async () => {
    const { user } = await openCalendar();
    await user.click(await screen.findByText("Flour supplier visit"));
    const drawer = await screen.findByTestId("post-drawer");
    expect(await within(drawer).findByTestId("post-status")).toHaveTextContent("Idea");
    await user.click(within(drawer).getByTestId("post-to-draft"));
    await waitFor(() => expect(mocked.transitionPost).toHaveBeenCalledWith("idea1", "draft"));
    // The drawer stays open and offers what core allows from the new status.
    expect(await within(drawer).findByTestId("post-to-in_review")).toBeInTheDocument();
    expect(within(drawer).getByTestId("post-status")).toHaveTextContent("Draft");

    await user.click(await within(drawer).findByTestId("post-delete"));
    await user.click(within(drawer).getByTestId("post-delete-confirm"));
    await waitFor(() => expect(screen.queryByText("Flour supplier visit")).not.toBeInTheDocument());
  });

  it("teaches what the calendar is for when nothing is planned", async () => {
    calendarBackend.posts = [];
    await openCalendar();
    expect(await screen.findByTestId("calendar-empty")).toHaveTextContent("Click a day to add a post");
  });

  it("filters by text search", async () => {
    const { user } = await openCalendar();
    await screen.findByTestId("idea-idea1");
    await user.type(screen.getByTestId("calendar-search"), "melon");
    expect(screen.queryByTestId("idea-idea1")).not.toBeInTheDocument();
    expect(screen.getByTestId("calendar-backlog")).toHaveTextContent("No unscheduled ideas");
  });
});
