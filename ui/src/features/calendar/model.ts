// Pure calendar logic: CalendarItem → FullCalendar event, filters, the undo stack of moves.
import type { CalendarItem, PostStatus } from "../../lib/api";

export const PILLAR_COLOURS = ["leaf", "sky", "sun", "rose", "violet", "sand", "teal", "slate"] as const;

const SHORT_LABELS: Record<string, string> = {
  instagram: "IG",
  x: "X",
  facebook: "FB",
  tiktok: "TT",
  youtube: "YT",
  linkedin: "in",
  threads: "TH",
  line_official_account: "LINE",
  pinterest: "Pin",
  google_business_profile: "GBP",
  bluesky: "BS",
  mastodon: "Ma",
};

/** A short badge for a platform id (`instagram` → `IG`). */
export function platformShort(platform: string): string {
  return SHORT_LABELS[platform] ?? platform.slice(0, 3).toUpperCase();
}

export function pillarColour(colour: string | null): string {
  return colour && (PILLAR_COLOURS as readonly string[]).includes(colour) ? colour : "slate";
}

export type PostEventInput = {
  id: string;
  title: string;
  start: string;
  allDay: false;
  editable: boolean;
  className: string;
  extendedProps: { item: CalendarItem };
};

/** The chip's classes: pillar colour and status (FullCalendar v7 applies them via `eventClass`). */
export function eventClasses(item: CalendarItem): string[] {
  return ["cal-event", `cal-event--${pillarColour(item.pillarColour)}`, `cal-event--status-${item.status}`];
}

// One event object per item object: TanStack Query keeps unchanged items identical across
// refetches and moves (structural sharing, `applyMove`), and FullCalendar compares its `events`
// array item by item, so a re-render with the same posts costs FullCalendar nothing.
const EVENTS = new WeakMap<CalendarItem, PostEventInput | null>();

/** Published posts are history: they cannot be dragged. Backlog items have no event. */
export function toEvent(item: CalendarItem): PostEventInput | null {
  let event = EVENTS.get(item);
  if (event === undefined) {
    event = buildEvent(item);
    EVENTS.set(item, event);
  }
  return event;
}

function buildEvent(item: CalendarItem): PostEventInput | null {
  if (!item.localTime) return null;
  return {
    id: item.id,
    title: item.title,
    // Wall time: FullCalendar interprets it in its `timeZone` option (the workspace zone).
    start: item.localTime,
    allDay: false,
    editable: item.status !== "published",
    className: eventClasses(item).join(" "),
    extendedProps: { item },
  };
}

/** `2026-03-08T09:00` from a day (`2026-03-10`) keeping the wall-clock time of `localTime`. */
export function keepTime(day: string, localTime: string | null, fallback = "09:00"): string {
  const time = localTime && localTime.length >= 16 ? localTime.slice(11, 16) : fallback;
  return `${day}T${time}`;
}

/** FullCalendar gives wall times in the calendar zone as ISO strings; keep `YYYY-MM-DDTHH:MM`. */
export function wallTime(iso: string): string {
  return iso.slice(0, 16);
}

export type Filters = { platform: string; pillar: string; status: "" | PostStatus; text: string };
export const NO_FILTERS: Filters = { platform: "", pillar: "", status: "", text: "" };

export function matches(item: CalendarItem, f: Filters): boolean {
  if (f.platform && !item.platforms.includes(f.platform)) return false;
  if (f.pillar && item.pillarId !== f.pillar) return false;
  if (f.status && item.status !== f.status) return false;
  const text = f.text.trim().toLocaleLowerCase();
  if (text && !item.title.toLocaleLowerCase().includes(text)) return false;
  return true;
}

/** One move the user can take back: where the post was before (`null`: the backlog). */
export type Move = { postId: string; title: string; from: string | null; to: string | null };

/** A bounded stack of moves; `undo` returns the move to reverse. */
export class UndoStack {
  private readonly moves: Move[] = [];
  constructor(private readonly limit = 20) {}

  push(move: Move): void {
    if (move.from === move.to) return;
    this.moves.push(move);
    if (this.moves.length > this.limit) this.moves.shift();
  }

  peek(): Move | null {
    return this.moves.at(-1) ?? null;
  }

  pop(): Move | null {
    return this.moves.pop() ?? null;
  }

  get size(): number {
    return this.moves.length;
  }
}

/** Where the week view opens when the visible week has no earlier post: the bakery's morning. */
export const WORK_MORNING_MINUTES = 7 * 60;

/**
 * The week view's `scrollTime` (`HH:MM:00`): 07:00, or the whole hour one hour before the
 * earliest post of the visible days (`from` inclusive, `to` exclusive, `YYYY-MM-DD`) when that is
 * earlier, so the owner never opens the week on empty night hours nor above a post hidden out
 * of view.
 */
export function weekScrollTime(items: readonly Pick<CalendarItem, "localTime">[], from: string, to: string): string {
  let earliest: number | null = null;
  for (const item of items) {
    const at = item.localTime;
    if (!at || at.length < 16) continue;
    const day = at.slice(0, 10);
    if (day < from || (to && day >= to)) continue;
    const minutes = Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16));
    if (Number.isNaN(minutes)) continue;
    if (earliest === null || minutes < earliest) earliest = minutes;
  }
  let scroll = WORK_MORNING_MINUTES;
  if (earliest !== null) scroll = Math.min(scroll, Math.max(0, Math.floor(earliest / 60) * 60 - 60));
  const hh = String(Math.floor(scroll / 60)).padStart(2, "0");
  const mm = String(scroll % 60).padStart(2, "0");
  return `${hh}:${mm}:00`;
}
