// Number formatting for the results screens (UI language; `null` shows as a dash).
export const DASH = "–";

export function fmtNumber(value: number | null | undefined, language: string, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A fraction (0.042) as a percentage (4.2 %). */
export function fmtRate(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** A KPI value in its unit (`%` KPIs are already percentages). */
export function fmtKpi(value: number | null | undefined, unit: string, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const n = fmtNumber(value, language, Math.abs(value) < 100 ? 1 : 0);
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/** `2026-03-08T09:00` → a short local date and time in the UI language. */
export function fmtLocal(local: string, language: string): string {
  const [date, time] = local.split("T");
  const [y, m, d] = (date ?? "").split("-").map(Number);
  if (!y || !m || !d) return local;
  const day = new Intl.DateTimeFormat(language, { month: "short", day: "numeric", weekday: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return time ? `${day} ${time}` : day;
}

/** `YYYY-MM-DD` of a date, in local calendar terms. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addDaysIso(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
