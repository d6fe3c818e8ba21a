import FullCalendar from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import listPlugin from "@fullcalendar/react/list";
import interactionPlugin, { Draggable } from "@fullcalendar/react/interaction";
import type { CalendarRef, DatesSetInfo, DateClickInfo, DropInfo, EventClickInfo, EventDisplayInfo, EventDropInfo, MountInfo } from "@fullcalendar/react";
import jaLocale from "@fullcalendar/react/locales/ja";
import "@fullcalendar/react/skeleton.css";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Loading } from "../../components/Spinner";
import { Page } from "../../components/Page";
import type { AppError, CalendarEvent, CalendarItem, PostStatus, Workspace } from "../../lib/api";
import { POST_STATUSES } from "../../lib/api";
import { useWorkspace } from "../../lib/queries";
import { useLocalize } from "../platforms/localize";
import { useActivePlatforms } from "../platforms/queries";
import { NO_FILTERS, UndoStack, keepTime, matches, pillarColour, platformShort, toEvent, wallTime, weekScrollTime } from "./model";
import type { Filters, Move } from "./model";
import { MoveDialog } from "./MoveDialog";
import { PostDrawer } from "./PostDrawer";
import { useBacklog, useCalendarRange, useEventsLane, useMovePost, usePillars } from "./queries";
import { EventDialog, EventsPanel, laneEvents } from "./EventsLane";
import type { LaneEventInput } from "./EventsLane";

// Module-level so FullCalendar never sees a new array (a re-render mid-drag breaks moves).
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const LOCALES = [jaLocale];
const VIEWS = ["dayGridMonth", "timeGridWeek", "listMonth"] as const;
type ViewName = (typeof VIEWS)[number];
const EVENT_TIME_FORMAT = { hour: "2-digit", minute: "2-digit", hour12: false } as const;
const SLOT_LABEL_FORMAT = { hour: "2-digit", minute: "2-digit", hour12: false } as const;
// The week's time grid scrolls inside a fixed height: with "auto" the whole day is laid out and
// the page shows 00:00 first, so `scrollTime` could not bring the morning into view.
const WEEK_HEIGHT = 640;

export function CalendarPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  return (
    <Page testId="page-calendar" title={t("pages.calendar.title")} subtitle={t("pages.calendar.subtitle")}>
      {workspace.isPending && <Loading label={t("calendar.loading")} />}
      {workspace.error && <Alert message={workspace.error.message} onRetry={() => void workspace.refetch()} />}
      {workspace.data && <CalendarScreen workspace={workspace.data} />}
    </Page>
  );
}

type Drawer = { postId: string } | { newAt: string } | null;

function CalendarScreen({ workspace }: { workspace: Workspace }) {
  const { t, i18n } = useTranslation();
  const calendarRef = useRef<CalendarRef>(null);
  const backlogRef = useRef<HTMLUListElement>(null);
  const [view, setView] = useState<ViewName>("dayGridMonth");
  const [range, setRange] = useState({ from: "", to: "", title: "" });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [drawer, setDrawer] = useState<Drawer>(null);
  const [moving, setMoving] = useState<CalendarItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editingEvent, setEditingEvent] = useState<{ event: CalendarEvent | null } | null>(null);
  const undo = useRef(new UndoStack());
  const [undoSize, setUndoSize] = useState(0);

  const items = useCalendarRange(range.from, range.to);
  const backlog = useBacklog();
  const pillars = usePillars();
  const platforms = useActivePlatforms();
  const move = useMovePost();
  const localize = useLocalize();

  const lane = useEventsLane(range.from, range.to);
  const ja = i18n.language.startsWith("ja");
  // Lane and post events are built separately so that a view change or a lane refetch does not
  // rebuild 300 post events (and the other way round); `toEvent` returns the same object for
  // the same item, so FullCalendar sees an equal array when the posts did not change.
  const laneInputs = useMemo(() => laneEvents(lane.data, ja, view === "dayGridMonth" ? "background" : "block"), [lane.data, ja, view]);
  const postInputs = useMemo(() => (items.data ?? []).filter((i) => matches(i, filters)).flatMap((i) => toEvent(i) ?? []), [items.data, filters]);
  const events = useMemo(() => [...laneInputs, ...postInputs], [laneInputs, postInputs]);
  const scrollTime = useMemo(
    () => weekScrollTime((items.data ?? []).filter((i) => matches(i, filters)), range.from, range.to),
    [items.data, filters, range.from, range.to],
  );
  // Once the week's posts are known, open it at the morning (or just above an earlier post).
  // Only once per visible week, so a refetch after a move does not pull the owner's scroll away.
  const scrolledFor = useRef("");
  const weekLoaded = items.isSuccess && !items.isPlaceholderData;
  useEffect(() => {
    if (view !== "timeGridWeek" || !weekLoaded || !range.from) return;
    const key = `${range.from}/${range.to}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    calendarRef.current?.getApi().scrollToTime(scrollTime);
  }, [view, weekLoaded, range.from, range.to, scrollTime]);
  useEffect(() => {
    if (view !== "timeGridWeek") scrolledFor.current = "";
  }, [view]);
  const backlogItems = useMemo(() => (backlog.data ?? []).filter((i) => matches(i, filters)), [backlog.data, filters]);

  const doMove = useCallback(
    async (entry: Move, revert?: () => void) => {
      setError(null);
      try {
        const outcome = await move.mutateAsync({ postId: entry.postId, to: entry.to });
        undo.current.push(entry);
        setUndoSize(undo.current.size);
        setNotice(entry.to ? t("calendar.moved", { title: entry.title }) : t("calendar.unscheduled", { title: entry.title }));
        return outcome;
      } catch (cause) {
        revert?.();
        setError(t("calendar.moveFailed", { message: (cause as AppError).message }));
        return null;
      }
    },
    [move, t],
  );

  const undoLast = useCallback(async () => {
    const last = undo.current.pop();
    setUndoSize(undo.current.size);
    if (!last) return;
    setError(null);
    try {
      await move.mutateAsync({ postId: last.postId, to: last.from });
      setNotice(t("calendar.undone", { title: last.title }));
    } catch (cause) {
      setError(t("calendar.moveFailed", { message: (cause as AppError).message }));
    }
  }, [move, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z") {
        e.preventDefault();
        void undoLast();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undoLast]);

  // The backlog list is an external drag source for FullCalendar.
  useEffect(() => {
    const el = backlogRef.current;
    if (!el) return;
    const draggable = new Draggable(el, {
      itemSelector: "[data-backlog-id]",
      eventData: (itemEl: HTMLElement) => ({
        title: itemEl.dataset.title ?? "",
        create: false,
        duration: "00:30",
      }),
    });
    return () => draggable.destroy();
  }, [backlog.isSuccess]);

  // Handlers read the latest state through a ref so that their identity never changes.
  const latest = useRef({ backlog: backlog.data, doMove, setDrawer, setMoving, setEditingEvent });
  useLayoutEffect(() => {
    latest.current = { backlog: backlog.data, doMove, setDrawer, setMoving, setEditingEvent };
  }, [backlog.data, doMove]);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const from = info.startStr.slice(0, 10);
    const to = info.endStr.slice(0, 10);
    setRange((old) => (old.from === from && old.to === to && old.title === info.view.title ? old : { from, to, title: info.view.title }));
  }, []);

  const onEventDrop = useCallback((info: EventDropInfo) => {
    const item = info.event.extendedProps.item as CalendarItem;
    const day = info.event.startStr.slice(0, 10);
    // Month cells have no time: moving between days keeps the post's wall-clock time.
    const to = info.view.type === "dayGridMonth" ? keepTime(day, item.localTime) : wallTime(info.event.startStr);
    void latest.current.doMove({ postId: item.id, title: item.title, from: item.localTime, to }, info.revert);
  }, []);

  const onDrop = useCallback((info: DropInfo) => {
    const id = info.draggedEl.dataset.backlogId;
    const item = latest.current.backlog?.find((i) => i.id === id);
    if (!item) return;
    const to = info.allDay ? keepTime(info.dateStr.slice(0, 10), null) : wallTime(info.dateStr);
    void latest.current.doMove({ postId: item.id, title: item.title, from: null, to });
  }, []);

  const onEventClick = useCallback((info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const lane = info.event.extendedProps.lane as LaneEventInput["extendedProps"]["lane"] | undefined;
    if (lane) {
      if (lane.kind === "event") latest.current.setEditingEvent({ event: lane.event });
      return;
    }
    const item = info.event.extendedProps.item as CalendarItem;
    // The chip's own "back to ideas" button (FullCalendar owns the click on the event).
    if ((info.jsEvent.target as HTMLElement | null)?.closest("[data-unschedule]")) {
      void latest.current.doMove({ postId: item.id, title: item.title, from: item.localTime, to: null });
      return;
    }
    latest.current.setDrawer({ postId: item.id });
  }, []);

  const onDateClick = useCallback((info: DateClickInfo) => {
    const at = info.allDay ? keepTime(info.dateStr.slice(0, 10), null) : wallTime(info.dateStr);
    latest.current.setDrawer({ newAt: at });
  }, []);

  const onEventDidMount = useCallback((info: MountInfo<EventDisplayInfo>) => {
    const lane = info.event.extendedProps.lane as LaneEventInput["extendedProps"]["lane"] | undefined;
    if (lane) {
      info.el.dataset.testid = `lane-${info.event.id}`;
      info.el.title = info.event.title;
      if (lane.kind === "event") {
        info.el.tabIndex = 0;
        info.el.addEventListener("keydown", (e: KeyboardEvent) => {
          if (e.key === "Enter") latest.current.setEditingEvent({ event: lane.event });
        });
      }
      return;
    }
    const item = info.event.extendedProps.item as CalendarItem;
    info.el.title = `${item.localTime?.slice(11, 16) ?? ""} ${item.title}`;
    info.el.dataset.testid = `post-${item.id}`;
    info.el.dataset.status = item.status;
    info.el.tabIndex = 0;
    info.el.setAttribute("aria-label", `${item.localTime?.replace("T", " ") ?? ""} ${item.title}`);
    info.el.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.target !== info.el) return;
      if (e.key === "Enter") {
        e.preventDefault();
        latest.current.setDrawer({ postId: item.id });
      } else if (e.key.toLowerCase() === "m") {
        e.preventDefault();
        latest.current.setMoving(item);
      }
    });
  }, []);

  // Chips get their labels from here instead of each calling useTranslation (hundreds of
  // subscriptions and t() calls per render pass in a busy month).
  const chipLabels = useMemo<ChipLabels>(
    () => ({
      status: Object.fromEntries(POST_STATUSES.map((s) => [s, t(`calendar.status.${s}`)])) as Record<PostStatus, string>,
      toBacklog: (title: string) => t("calendar.toBacklog", { title }),
      toBacklogShort: t("calendar.toBacklogShort"),
    }),
    [t],
  );
  const onEventContent = useCallback((arg: EventDisplayInfo) => <EventChip arg={arg} labels={chipLabels} />, [chipLabels]);

  const api = () => calendarRef.current?.getApi();
  const changeView = (next: ViewName) => {
    setView(next);
    api()?.changeView(next);
  };

  const firstDay = workspace.weekStart === "sunday" ? 0 : 1;
  const locale = i18n.language.startsWith("ja") ? "ja" : "en";

  return (
    <div className="calendar" data-testid="calendar">
      <div className="calendar__toolbar" role="toolbar" aria-label={t("calendar.toolbar")}>
        <div className="calendar__nav">
          <Button onClick={() => api()?.prev()} data-testid="calendar-prev" aria-label={t("calendar.prev")}>
            ‹
          </Button>
          <Button onClick={() => api()?.today()} data-testid="calendar-today">
            {t("calendar.today")}
          </Button>
          <Button onClick={() => api()?.next()} data-testid="calendar-next" aria-label={t("calendar.next")}>
            ›
          </Button>
          <h2 className="calendar__title" data-testid="calendar-title" aria-live="polite">
            {range.title}
          </h2>
        </div>
        <div className="calendar__views" role="group" aria-label={t("calendar.viewLabel")}>
          {VIEWS.map((v) => (
            <Button
              key={v}
              variant={view === v ? "primary" : "secondary"}
              aria-pressed={view === v}
              onClick={() => changeView(v)}
              data-testid={`calendar-view-${v}`}
            >
              {t(`calendar.views.${v}`)}
            </Button>
          ))}
        </div>
        <div className="calendar__actions">
          <Button onClick={() => void undoLast()} disabled={undoSize === 0 || move.isPending} data-testid="calendar-undo">
            {t("calendar.undo")}
          </Button>
          <Button variant="primary" onClick={() => setDrawer({ newAt: "" })} data-testid="calendar-new">
            {t("calendar.newPost")}
          </Button>
        </div>
      </div>
      <div className="calendar__filters">
        <label className="calendar__filter">
          <span>{t("calendar.filters.search")}</span>
          <input
            type="search"
            className="input"
            value={filters.text}
            onChange={(e) => setFilters({ ...filters, text: e.target.value })}
            data-testid="calendar-search"
          />
        </label>
        <label className="calendar__filter">
          <span>{t("calendar.filters.platform")}</span>
          <select className="input" value={filters.platform} onChange={(e) => setFilters({ ...filters, platform: e.target.value })} data-testid="calendar-filter-platform">
            <option value="">{t("calendar.filters.all")}</option>
            {platforms.platforms.map((p) => (
              <option key={p.id} value={p.id}>
                {localize(p.names)}
              </option>
            ))}
          </select>
        </label>
        <label className="calendar__filter">
          <span>{t("calendar.filters.pillar")}</span>
          <select className="input" value={filters.pillar} onChange={(e) => setFilters({ ...filters, pillar: e.target.value })} data-testid="calendar-filter-pillar">
            <option value="">{t("calendar.filters.all")}</option>
            {(pillars.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="calendar__filter">
          <span>{t("calendar.filters.status")}</span>
          <select
            className="input"
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: e.target.value as Filters["status"] })}
            data-testid="calendar-filter-status"
          >
            <option value="">{t("calendar.filters.all")}</option>
            {POST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`calendar.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <div data-testid="calendar-error">
          <Alert message={error} />
        </div>
      )}
      <p className="calendar__notice" role="status" data-testid="calendar-notice">
        {notice}
      </p>
      {items.isSuccess && items.data.length === 0 && backlog.isSuccess && backlog.data.length === 0 && (
        <p className="calendar__empty" data-testid="calendar-empty">
          {t("empty.calendar.body")} {t("calendar.emptyMonth")}
        </p>
      )}
      {items.error && <Alert message={items.error.message} onRetry={() => void items.refetch()} />}
      <div className="calendar__body">
        <div className={`calendar__grid calendar__grid--${view}`}>
          <FullCalendar
            ref={calendarRef}
            plugins={PLUGINS}
            locales={LOCALES}
            locale={locale}
            timeZone={workspace.timeZone}
            firstDay={firstDay}
            initialView="dayGridMonth"
            events={events}
            editable
            eventDurationEditable={false}
            droppable
            dayMaxEvents={3}
            height={view === "timeGridWeek" ? WEEK_HEIGHT : "auto"}
            tableHeaderSticky={false}
            eventTimeFormat={EVENT_TIME_FORMAT}
            slotHeaderFormat={SLOT_LABEL_FORMAT}
            scrollTime={scrollTime}
            datesSet={onDatesSet}
            eventDrop={onEventDrop}
            drop={onDrop}
            eventClick={onEventClick}
            dateClick={onDateClick}
            eventDidMount={onEventDidMount}
            eventContent={onEventContent}
            backgroundEventDidMount={onEventDidMount}
            backgroundEventContent={onEventContent}
          />
        </div>
        <aside className="calendar__backlog" aria-labelledby="calendar-backlog-title" data-testid="calendar-backlog">
          <h2 id="calendar-backlog-title" className="calendar__backlog-title">
            {t("calendar.backlog.title")}
          </h2>
          <p className="calendar__backlog-hint">{t("calendar.backlog.hint")}</p>
          {backlog.error && <Alert message={backlog.error.message} onRetry={() => void backlog.refetch()} />}
          {backlog.isSuccess && backlogItems.length === 0 && <p className="calendar__backlog-empty">{t("calendar.backlog.empty")}</p>}
          <ul ref={backlogRef} className="calendar__backlog-list">
            {backlogItems.map((item) => (
              <li
                key={item.id}
                className={`calendar__idea cal-event--${pillarColour(item.pillarColour)}`}
                data-backlog-id={item.id}
                data-title={item.title}
                data-testid={`idea-${item.id}`}
              >
                <button type="button" className="calendar__idea-open" onClick={() => setDrawer({ postId: item.id })}>
                  {item.title}
                </button>
                <span className="calendar__idea-meta">
                  {item.pillarName ?? ""} {item.platforms.map(platformShort).join(" ")}
                </span>
                <button type="button" className="calendar__idea-move" onClick={() => setMoving(item)} data-testid={`idea-move-${item.id}`}>
                  {t("calendar.moveTo")}
                </button>
              </li>
            ))}
          </ul>
          <EventsPanel lane={lane.data} error={lane.error} onRetry={() => void lane.refetch()} onEdit={(event) => setEditingEvent({ event })} />
        </aside>
      </div>
      {moving && (
        <MoveDialog
          item={moving}
          onClose={() => setMoving(null)}
          onMove={async (to) => {
            const ok = await doMove({ postId: moving.id, title: moving.title, from: moving.localTime, to });
            if (ok) setMoving(null);
          }}
        />
      )}
      {editingEvent && (
        <EventDialog event={editingEvent.event} defaultDate={range.from || new Date().toISOString().slice(0, 10)} onClose={() => setEditingEvent(null)} />
      )}
      {drawer && (
        <PostDrawer
          key={"postId" in drawer ? drawer.postId : `new-${drawer.newAt}`}
          postId={"postId" in drawer ? drawer.postId : null}
          newAt={"newAt" in drawer ? drawer.newAt : ""}
          pillars={pillars.data ?? []}
          platforms={platforms.platforms.map((p) => ({ id: p.id, name: localize(p.names) }))}
          onClose={() => setDrawer(null)}
          onMoveTo={(item) => {
            setDrawer(null);
            setMoving(item);
          }}
        />
      )}
    </div>
  );
}

type ChipLabels = { status: Record<PostStatus, string>; toBacklog: (title: string) => string; toBacklogShort: string };

function EventChip({ arg, labels }: { arg: EventDisplayInfo; labels: ChipLabels }) {
  if (arg.event.extendedProps.lane) {
    return <span className="cal-lane__title">{arg.event.title}</span>;
  }
  const item = arg.event.extendedProps.item as CalendarItem;
  return (
    <span className="cal-chip">
      <span className="cal-chip__time">{arg.timeText}</span>
      <span className="cal-chip__title">{item.title}</span>
      <span className="cal-chip__meta">
        {item.platforms.map((p) => (
          <span key={p} className="cal-chip__platform" title={p}>
            {platformShort(p)}
          </span>
        ))}
        <span className={`cal-chip__status cal-chip__status--${item.status}`}>{labels.status[item.status]}</span>
      </span>
      {item.status !== "published" && (
        <button
          type="button"
          className="cal-chip__unschedule"
          aria-label={labels.toBacklog(item.title)}
          title={labels.toBacklogShort}
          data-testid={`unschedule-${item.id}`}
          data-unschedule
        >
          ↩
        </button>
      )}
    </span>
  );
}
