// The events lane: the business's own events (launches, sales, store events) and public
// holidays drawn on the calendar, plus a side list with seasonal hooks and the event editor.
import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { EVENT_KINDS } from "../../lib/api";
import type { AppError, CalendarEvent, CalendarEventInput, EventsLane } from "../../lib/api";
import { useDeleteEvent, useSaveEvent } from "./queries";

export type LaneEventInput = {
  id: string;
  title: string;
  start: string;
  end?: string;
  allDay: true;
  display: "block" | "background";
  editable: false;
  className: string;
  extendedProps: { lane: { kind: "event"; event: CalendarEvent } | { kind: "holiday"; title: string } };
};

/** `2026-12-24` + 1 day (FullCalendar's all-day ends are exclusive). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The business's events as all-day bars; holidays as shaded days in the month grid
 * (`holidayDisplay` "background") or as all-day entries in the week and list views.
 */
export function laneEvents(lane: EventsLane | undefined, ja: boolean, holidayDisplay: "background" | "block" = "background"): LaneEventInput[] {
  if (!lane) return [];
  const holidays: LaneEventInput[] = lane.holidays.map((h) => {
    const title = ja ? h.ja : h.en;
    return {
      id: `holiday-${h.country}-${h.date}`,
      title,
      start: h.date,
      allDay: true,
      display: holidayDisplay,
      editable: false,
      className: "cal-lane cal-lane--holiday",
      extendedProps: { lane: { kind: "holiday", title } },
    };
  });
  const events: LaneEventInput[] = lane.events.map((e) => ({
    id: `event-${e.id}`,
    title: e.title,
    start: e.startsOn,
    end: nextDay(e.endsOn),
    allDay: true,
    display: "block",
    editable: false,
    className: `cal-lane cal-lane--event cal-lane--${e.kind}`,
    extendedProps: { lane: { kind: "event", event: e } },
  }));
  return [...holidays, ...events];
}

type PanelProps = {
  lane: EventsLane | undefined;
  error: AppError | null;
  onRetry: () => void;
  onEdit: (event: CalendarEvent | null) => void;
};

/** The side list of the visible range: events, holidays and seasonal hooks. */
export function EventsPanel({ lane, error, onRetry, onEdit }: PanelProps) {
  const { t, i18n } = useTranslation();
  const ja = i18n.language.startsWith("ja");
  const empty = lane && lane.events.length === 0 && lane.holidays.length === 0 && lane.hooks.length === 0;
  // One list in date order: the business's events, public holidays and seasonal hooks.
  const rows: { date: string; order: number; node: ReactNode }[] = [
    ...(lane?.events ?? []).map((e) => ({
      date: e.startsOn,
      order: 0,
      node: (
        <li key={e.id} className={`events-panel__item events-panel__item--${e.kind}`}>
          <button type="button" className="events-panel__open" onClick={() => onEdit(e)} data-testid={`event-${e.id}`}>
            <span className="events-panel__date">{e.startsOn === e.endsOn ? e.startsOn.slice(5) : `${e.startsOn.slice(5)} – ${e.endsOn.slice(5)}`}</span>
            <span>{e.title}</span>
            <span className="events-panel__kind">{t(`calendar.events.kind.${e.kind}`)}</span>
          </button>
        </li>
      ),
    })),
    ...(lane?.holidays ?? []).map((h) => ({
      date: h.date,
      order: 1,
      node: (
        <li key={`${h.country}-${h.date}`} className="events-panel__item events-panel__item--holiday" data-testid={`holiday-${h.date}`}>
          <span className="events-panel__date">{h.date.slice(5)}</span>
          <span>{ja ? h.ja : h.en}</span>
          <span className="events-panel__kind">{t("calendar.events.holiday", { country: h.country })}</span>
        </li>
      ),
    })),
    ...(lane?.hooks ?? []).map((h) => ({
      date: h.date,
      order: 2,
      node: (
        <li key={`hook-${h.id}-${h.date}`} className="events-panel__item events-panel__item--hook" data-testid={`hook-${h.id}-${h.date}`}>
          <span className="events-panel__date">{h.date.slice(5)}</span>
          <span>
            {ja ? h.ja : h.en}
            <span className="events-panel__idea">{ja ? h.ideaJa : h.ideaEn}</span>
          </span>
          <span className="events-panel__kind">{t("calendar.events.hook")}</span>
        </li>
      ),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  return (
    <section className="events-panel" aria-labelledby="events-panel-title" data-testid="events-panel">
      <div className="events-panel__head">
        <h2 id="events-panel-title" className="calendar__backlog-title">
          {t("calendar.events.title")}
        </h2>
        <Button onClick={() => onEdit(null)} data-testid="event-new">
          {t("calendar.events.new")}
        </Button>
      </div>
      {error && <Alert message={error.message} onRetry={onRetry} />}
      {empty && <p className="calendar__backlog-empty">{t("calendar.events.empty")}</p>}
      <ul className="events-panel__list">
        {rows.map((r) => r.node)}
      </ul>
    </section>
  );
}

type DialogProps = { event: CalendarEvent | null; defaultDate: string; onClose: () => void };

/** Create, edit or delete one of the business's events. */
export function EventDialog({ event, defaultDate, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<CalendarEventInput>(
    event
      ? { title: event.title, kind: event.kind, startsOn: event.startsOn, endsOn: event.endsOn, notes: event.notes }
      : { title: "", kind: "store_event", startsOn: defaultDate, endsOn: null, notes: "" },
  );
  const [error, setError] = useState<AppError | null>(null);
  const [confirm, setConfirm] = useState(false);
  const save = useSaveEvent();
  const remove = useDeleteEvent();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onClose();
    } catch (cause) {
      setError(cause as AppError);
    }
  };
  const set = <K extends keyof CalendarEventInput>(k: K, v: CalendarEventInput[K]) => setInput((o) => ({ ...o, [k]: v }));
  return (
    <div className="calendar-dialog__backdrop">
      <div
        className="calendar-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="event-dialog-title"
        data-testid="event-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
        }}
      >
        <h2 id="event-dialog-title" className="calendar-dialog__title">
          {event ? t("calendar.events.editTitle") : t("calendar.events.newTitle")}
        </h2>
        <form
          className="calendar-drawer__form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => save.mutateAsync({ id: event?.id ?? null, input }));
          }}
        >
          {error && !error.field && <Alert message={error.message} />}
          <Field label={t("calendar.events.name")} error={error?.forField("title")}>
            {(c) => <input {...c} ref={first} className="input" value={input.title} onChange={(e) => set("title", e.target.value)} data-testid="event-title" />}
          </Field>
          <Field label={t("calendar.events.kindLabel")}>
            {(c) => (
              <select {...c} className="input" value={input.kind} onChange={(e) => set("kind", e.target.value as CalendarEventInput["kind"])} data-testid="event-kind">
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`calendar.events.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="calendar-drawer__row calendar-drawer__row--two">
            <Field label={t("calendar.events.starts")} error={error?.forField("startsOn")}>
              {(c) => <input {...c} type="date" className="input" value={input.startsOn} onChange={(e) => set("startsOn", e.target.value)} data-testid="event-starts" />}
            </Field>
            <Field label={t("calendar.events.ends")} hint={t("calendar.events.endsHint")} error={error?.forField("endsOn")}>
              {(c) => <input {...c} type="date" className="input" value={input.endsOn ?? ""} onChange={(e) => set("endsOn", e.target.value || null)} data-testid="event-ends" />}
            </Field>
          </div>
          <Field label={t("calendar.events.notes")}>
            {(c) => <textarea {...c} className="input" rows={2} value={input.notes} onChange={(e) => set("notes", e.target.value)} data-testid="event-notes" />}
          </Field>
          <div className="calendar-dialog__actions">
            {event &&
              (confirm ? (
                <Button variant="primary" onClick={() => void run(() => remove.mutateAsync(event.id))} data-testid="event-delete-confirm">
                  {t("calendar.events.deleteConfirm")}
                </Button>
              ) : (
                <Button variant="ghost" onClick={() => setConfirm(true)} data-testid="event-delete">
                  {t("calendar.drawer.delete")}
                </Button>
              ))}
            <Button onClick={onClose} data-testid="event-cancel">
              {t("calendar.cancel")}
            </Button>
            <Button type="submit" variant="primary" busy={save.isPending} data-testid="event-save">
              {t("calendar.drawer.save")}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
