import { describe, expect, it } from "vitest";
import { isoDate, presetRange, zonedToday } from "./dates";

describe("mix date ranges", () => {
  it("use the business's time zone for today, not the computer's", () => {
    // 20:00 UTC on 31 March is already 1 April in Tokyo, still 31 March in New York.
    const now = new Date("2026-03-31T20:00:00Z");
    expect(isoDate(zonedToday(now, "Asia/Tokyo"))).toBe("2026-04-01");
    expect(isoDate(zonedToday(now, "America/New_York"))).toBe("2026-03-31");
    expect(presetRange("this_month", zonedToday(now, "Asia/Tokyo"))).toEqual({ from: "2026-04-01", to: "2026-05-01" });
    expect(presetRange("this_quarter", zonedToday(now, "America/New_York"))).toEqual({ from: "2026-01-01", to: "2026-04-01" });
  });

  it("fall back to the computer's date for an unknown zone", () => {
    const now = new Date(2026, 5, 15, 12);
    expect(isoDate(zonedToday(now, "Not/AZone"))).toBe("2026-06-15");
    expect(isoDate(zonedToday(now, null))).toBe("2026-06-15");
  });
});
