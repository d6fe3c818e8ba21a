import { describe, expect, it } from "vitest";
import type { CalendarItem } from "../../lib/api";
import { eventClasses, NO_FILTERS, UndoStack, keepTime, matches, pillarColour, platformShort, toEvent, wallTime, weekScrollTime } from "./model";

const item = (over: Partial<CalendarItem> = {}): CalendarItem => ({
  id: "p1",
  title: "Melon pan morning",
  status: "draft",
  contentType: "educational",
  format: "photo",
  scheduledAt: "2026-03-08T09:00:00+09:00",
  localTime: "2026-03-08T09:00",
  platforms: ["instagram", "x"],
  pillarId: "pl1",
  pillarName: "Behind the oven",
  pillarColour: "sun",
  campaignSlug: null,
  seriesId: null,
  ...over,
});

describe("calendar model", () => {
  it("maps a scheduled item to a FullCalendar event at its wall time with pillar and status classes", () => {
    const ev = toEvent(item());
    expect(ev).toMatchObject({ id: "p1", title: "Melon pan morning", start: "2026-03-08T09:00", allDay: false, editable: true });
    expect(eventClasses(item())).toEqual(["cal-event", "cal-event--sun", "cal-event--status-draft"]);
    expect(ev?.extendedProps.item.id).toBe("p1");
  });

  it("returns the same event object for the same item so FullCalendar sees an unchanged array", () => {
    const kept = item();
    expect(toEvent(kept)).toBe(toEvent(kept));
    const moved = { ...kept, localTime: "2026-03-09T09:00" };
    expect(toEvent(moved)).not.toBe(toEvent(kept));
    expect(toEvent(moved)?.start).toBe("2026-03-09T09:00");
  });

  it("gives backlog ideas no event, locks published posts and falls back to slate for unknown colours", () => {
    expect(toEvent(item({ localTime: null, scheduledAt: null }))).toBeNull();
    expect(toEvent(item({ status: "published" }))?.editable).toBe(false);
    expect(eventClasses(item({ pillarColour: "neon" }))).toContain("cal-event--slate");
    expect(pillarColour(null)).toBe("slate");
  });

  it("keeps the wall-clock time when a post moves to another day", () => {
    expect(keepTime("2026-03-10", "2026-03-08T18:30")).toBe("2026-03-10T18:30");
    expect(keepTime("2026-03-10", null)).toBe("2026-03-10T09:00");
    expect(wallTime("2026-03-10T14:15:00+09:00")).toBe("2026-03-10T14:15");
  });

  it("filters by platform, pillar, status and title text", () => {
    expect(matches(item(), NO_FILTERS)).toBe(true);
    expect(matches(item(), { ...NO_FILTERS, platform: "x" })).toBe(true);
    expect(matches(item(), { ...NO_FILTERS, platform: "tiktok" })).toBe(false);
    expect(matches(item(), { ...NO_FILTERS, pillar: "other" })).toBe(false);
    expect(matches(item(), { ...NO_FILTERS, status: "approved" })).toBe(false);
    expect(matches(item(), { ...NO_FILTERS, text: "  MELON " })).toBe(true);
    expect(matches(item(), { ...NO_FILTERS, text: "croissant" })).toBe(false);
  });

  it("short platform labels", () => {
    expect(platformShort("instagram")).toBe("IG");
    expect(platformShort("line_official_account")).toBe("LINE");
    expect(platformShort("newsite")).toBe("NEW");
  });

  it("the undo stack returns the last move first, ignores no-op moves and is bounded", () => {
    const stack = new UndoStack(2);
    stack.push({ postId: "a", title: "A", from: "2026-03-01T09:00", to: "2026-03-02T09:00" });
    stack.push({ postId: "b", title: "B", from: null, to: "2026-03-03T09:00" });
    stack.push({ postId: "c", title: "C", from: "2026-03-04T09:00", to: "2026-03-04T09:00" });
    expect(stack.size).toBe(2);
    stack.push({ postId: "d", title: "D", from: "2026-03-05T09:00", to: null });
    expect(stack.size).toBe(2);
    expect(stack.pop()?.postId).toBe("d");
    expect(stack.peek()?.postId).toBe("b");
    expect(stack.pop()?.from).toBeNull();
    expect(stack.pop()).toBeNull();
  });

  describe("weekScrollTime", () => {
    const at = (localTime: string | null) => ({ localTime });
    it("opens an empty week at the working morning, 07:00", () => {
      expect(weekScrollTime([], "2026-03-02", "2026-03-09")).toBe("07:00:00");
    });
    it("keeps 07:00 when every post of the week is later", () => {
      expect(weekScrollTime([at("2026-03-03T09:30"), at("2026-03-05T18:00"), at(null)], "2026-03-02", "2026-03-09")).toBe("07:00:00");
    });
    it("opens one whole hour before the earliest post when it is earlier than 07:00", () => {
      expect(weekScrollTime([at("2026-03-03T09:30"), at("2026-03-04T07:30")], "2026-03-02", "2026-03-09")).toBe("06:00:00");
      expect(weekScrollTime([at("2026-03-06T05:15")], "2026-03-02", "2026-03-09")).toBe("04:00:00");
    });
    it("never scrolls above midnight for a post in the first hour", () => {
      expect(weekScrollTime([at("2026-03-06T00:20")], "2026-03-02", "2026-03-09")).toBe("00:00:00");
    });
    it("ignores posts outside the visible days (end exclusive)", () => {
      expect(weekScrollTime([at("2026-03-01T04:00"), at("2026-03-09T03:00"), at("2026-03-08T08:00")], "2026-03-02", "2026-03-09")).toBe("07:00:00");
    });
  });
});
