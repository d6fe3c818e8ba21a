import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

// 2026-01-15 03:30 UTC is 12:30 the same day in Tokyo and 22:30 the day before in New York.
const INSTANT = "2026-01-15T03:30:00Z";

/** ICU versions differ in which space they put before AM/PM; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/\s/gu, " ");
}

describe("formatDateTime", () => {
  it("uses the workspace time zone, not the computer's", () => {
    expect(plain(formatDateTime(INSTANT, { language: "en", timeZone: "Asia/Tokyo" }))).toBe("Jan 15, 2026, 12:30 PM");
    expect(plain(formatDateTime(INSTANT, { language: "en", timeZone: "America/New_York" }))).toBe(
      "Jan 14, 2026, 10:30 PM",
    );
  });

  it("uses the chosen language", () => {
    expect(formatDateTime(INSTANT, { language: "ja", timeZone: "Asia/Tokyo" })).toBe("2026/01/15 12:30");
    expect(formatDateTime(INSTANT, { language: "ja", timeZone: "America/New_York" })).toBe("2026/01/14 22:30");
  });

  it("accepts custom options", () => {
    const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
    expect(formatDateTime(new Date(INSTANT), { language: "ja", timeZone: "Asia/Tokyo" }, options)).toBe("2026年1月15日");
  });

  it("falls back instead of throwing on an unknown time zone, and returns nothing for an invalid date", () => {
    expect(formatDateTime(INSTANT, { language: "en", timeZone: "Mars/Olympus_Mons" })).toMatch(/2026/);
    expect(formatDateTime("not a date", { language: "en", timeZone: "UTC" })).toBe("");
  });
});
