// Date ranges for the mix gauge, as local `YYYY-MM-DD` strings.

export type RangeKind = "this_month" | "next_4_weeks" | "this_quarter" | "custom";
export const RANGE_KINDS: readonly RangeKind[] = ["this_month", "next_4_weeks", "this_quarter", "custom"];

export function isoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/**
 * Today in the business's time zone, as a local-midnight `Date` whose year/month/day are
 * that zone's (a planner in Lisbon working on a Tokyo shop sees Tokyo's "this month").
 */
export function zonedToday(now: Date, timeZone: string | null | undefined): Date {
  if (!timeZone) return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  try {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return new Date(get("year"), get("month") - 1, get("day"));
  } catch {
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }
}

export function addDays(iso: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  return isoDate(new Date(y, m - 1, d + days));
}

/** [from, to) of a preset range around `today`. */
export function presetRange(kind: Exclude<RangeKind, "custom">, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (kind) {
    case "this_month":
      return { from: isoDate(new Date(y, m, 1)), to: isoDate(new Date(y, m + 1, 1)) };
    case "next_4_weeks":
      return { from: isoDate(today), to: isoDate(new Date(y, m, today.getDate() + 28)) };
    case "this_quarter": {
      const q = Math.floor(m / 3) * 3;
      return { from: isoDate(new Date(y, q, 1)), to: isoDate(new Date(y, q + 3, 1)) };
    }
  }
}

/** A share 0..1 (or null when nothing is planned) as a whole percentage. */
export function percent(share: number | null): number {
  return Math.round((share ?? 0) * 100);
}
