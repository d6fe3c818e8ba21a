import type { Language } from "./api";

export type DateContext = { language: Language; timeZone: string };

const DEFAULT_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/**
 * Formats an instant in the UI language and the workspace's time zone (not the
 * computer's). An unknown time zone falls back to the system one rather than throwing.
 */
export function formatDateTime(
  value: string | Date,
  { language, timeZone }: DateContext,
  options: Intl.DateTimeFormatOptions = DEFAULT_OPTIONS,
): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(language, options).format(date);
  }
}
