import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { EventsLane } from "../../lib/api";
import { renderWithProviders } from "../../test/render";
import { EventsPanel, laneEvents, nextDay } from "./EventsLane";

vi.mock("../../lib/api");

const LANE: EventsLane = {
  events: [{ id: "e1", title: "Stollen week", kind: "sale", startsOn: "2026-12-07", endsOn: "2026-12-13", notes: "" }],
  holidays: [{ date: "2026-11-23", country: "JP", en: "Labour Thanksgiving Day", ja: "勤労感謝の日" }],
  hooks: [{ id: "christmas", date: "2026-12-25", en: "Christmas", ja: "クリスマス", ideaEn: "Pre-orders", ideaJa: "予約受付" }],
};

describe("events lane", () => {
  it("draws holidays as shaded days and events as all-day bars with an exclusive end", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    const [holiday, event] = laneEvents(LANE, true);
    expect(holiday).toMatchObject({ title: "勤労感謝の日", start: "2026-11-23", display: "background", editable: false });
    expect(event).toMatchObject({ title: "Stollen week", start: "2026-12-07", end: "2026-12-14", display: "block" });
    expect(laneEvents(undefined, false)).toEqual([]);
  });

  it("lists events, holidays and seasonal hooks in date order and opens an event to edit", async () => {
    const onEdit = vi.fn();
    const { user } = renderWithProviders(<EventsPanel lane={LANE} error={null} onRetry={() => undefined} onEdit={onEdit} />);
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items[0]).toContain("Labour Thanksgiving Day");
    expect(items[1]).toContain("Stollen week");
    expect(items[2]).toContain("Pre-orders");
    await user.click(screen.getByTestId("event-e1"));
    expect(onEdit).toHaveBeenCalledWith(LANE.events[0]);
    await user.click(screen.getByTestId("event-new"));
    expect(onEdit).toHaveBeenLastCalledWith(null);
  });
});
