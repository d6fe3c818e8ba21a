// TanStack Query hooks for the calendar. Moves update the cache in place (no refetch in the
// middle of a drag: FullCalendar would turn the move into a remove + receive).
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import {
  acknowledgeRisk,
  addPostComment,
  calendarBacklog,
  calendarEvents,
  checkPostDraft,
  createEvent,
  createSeries,
  deleteEvent,
  deleteSeries,
  getTeam,
  postComments,
  postHistory,
  postSignOffs,
  postTrackedLinks,
  signOffPost,
  skipPostOccurrence,
  updateEvent,
  updateSeries,
  calendarRange,
  createPost,
  deletePost,
  duplicatePost,
  getPost,
  listPillars,
  movePost,
  postRiskReview,
  transitionPost,
  updatePost,
  startSeriesFromPost,
} from "../../lib/api";
import type { AppError, CalendarItem, MoveOutcome, Pillar, Post, PostInput, PostStatus } from "../../lib/api";
import type {
  ApprovalStep,
  CalendarEventInput,
  EventsLane,
  HistoryEntry,
  PostComment,
  SeriesInput,
  SeriesRule,
  SignOffState,
  TeamSettings,
  TrackedLink,
  VariantCheck,
} from "../../lib/api";

export const calendarKeys = {
  all: ["calendar"] as const,
  range: (from: string, to: string) => ["calendar", "range", from, to] as const,
  backlog: ["calendar", "backlog"] as const,
  post: (id: string) => ["calendar", "post", id] as const,
  risk: (id: string) => ["calendar", "risk", id] as const,
  signOffs: (id: string) => ["calendar", "signoffs", id] as const,
  history: (id: string) => ["calendar", "history", id] as const,
  comments: (id: string) => ["calendar", "comments", id] as const,
  links: (id: string) => ["calendar", "links", id] as const,
  events: (from: string, to: string) => ["calendar", "events", from, to] as const,
  team: ["calendar", "team"] as const,
  pillars: ["calendar", "pillars"] as const,
};

export function useCalendarRange(from: string, to: string) {
  return useQuery<CalendarItem[], AppError>({
    queryKey: calendarKeys.range(from, to),
    queryFn: () => calendarRange(from, to),
    enabled: from !== "",
    placeholderData: (previous) => previous,
  });
}

export function useBacklog() {
  return useQuery<CalendarItem[], AppError>({ queryKey: calendarKeys.backlog, queryFn: () => calendarBacklog() });
}

export function usePillars() {
  return useQuery<Pillar[], AppError>({ queryKey: calendarKeys.pillars, queryFn: () => listPillars() });
}

export function usePost(id: string | null) {
  return useQuery<Post, AppError>({ queryKey: calendarKeys.post(id ?? ""), queryFn: () => getPost(id ?? ""), enabled: id !== null });
}

export function useRiskReview(id: string | null) {
  return useQuery({ queryKey: calendarKeys.risk(id ?? ""), queryFn: () => postRiskReview(id ?? ""), enabled: id !== null });
}

/** Puts a moved item into every cached range/backlog list (or takes it out). */
export function applyMove(client: QueryClient, item: CalendarItem) {
  client.setQueriesData<CalendarItem[]>({ queryKey: ["calendar", "range"] }, (old) =>
    old ? [...old.filter((i) => i.id !== item.id), ...(item.localTime ? [item] : [])] : old,
  );
  client.setQueryData<CalendarItem[]>(calendarKeys.backlog, (old) =>
    old ? (item.localTime ? old.filter((i) => i.id !== item.id) : [item, ...old.filter((i) => i.id !== item.id)]) : old,
  );
}

export function useMovePost() {
  const client = useQueryClient();
  return useMutation<MoveOutcome, AppError, { postId: string; to: string | null }>({
    mutationFn: ({ postId, to }) => movePost(postId, to),
    onSuccess: (outcome) => {
      applyMove(client, outcome.item);
      client.removeQueries({ queryKey: calendarKeys.post(outcome.item.id) });
    },
  });
}

function useCalendarWriter<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation<R, AppError, V>({
    mutationFn: write,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });
}

export const useCreatePost = () => useCalendarWriter((input: PostInput) => createPost(input));
export const useUpdatePost = () => useCalendarWriter(({ id, input }: { id: string; input: PostInput }) => updatePost(id, input));
export const useDuplicatePost = () => useCalendarWriter((id: string) => duplicatePost(id));
export const useDeletePost = () => useCalendarWriter((id: string) => deletePost(id));
export const useTransitionPost = () =>
  useCalendarWriter(({ id, to }: { id: string; to: PostStatus }) => transitionPost(id, to));
export const useAcknowledgeRisk = () =>
  useCalendarWriter(({ id, category, term }: { id: string; category: Parameters<typeof acknowledgeRisk>[1]; term: string }) =>
    acknowledgeRisk(id, category, term),
  );

// ---- editor checks, approval panel, series, events lane ----

/** The unsaved form's platform checks (with the attached photos' formats), refreshed 200 ms after typing stops. */
export function useDraftChecks(input: PostInput, mediaFormats: string[] = [], variantMediaFormats: Record<string, string[]> = {}) {
  const [debounced, setDebounced] = useState(input);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(input), 200);
    return () => clearTimeout(t);
  }, [input]);
  return useQuery<VariantCheck[], AppError>({
    queryKey: ["calendar", "checks", debounced, mediaFormats, variantMediaFormats],
    queryFn: () => checkPostDraft(debounced, mediaFormats, variantMediaFormats),
    placeholderData: (previous) => previous,
  });
}

export function useSignOffs(id: string | null) {
  return useQuery<SignOffState[], AppError>({ queryKey: calendarKeys.signOffs(id ?? ""), queryFn: () => postSignOffs(id ?? ""), enabled: id !== null });
}
export function useHistory(id: string | null) {
  return useQuery<HistoryEntry[], AppError>({ queryKey: calendarKeys.history(id ?? ""), queryFn: () => postHistory(id ?? ""), enabled: id !== null });
}
export function useComments(id: string | null) {
  return useQuery<PostComment[], AppError>({ queryKey: calendarKeys.comments(id ?? ""), queryFn: () => postComments(id ?? ""), enabled: id !== null });
}
export function useTrackedLinks(id: string | null) {
  return useQuery<TrackedLink[], AppError>({ queryKey: calendarKeys.links(id ?? ""), queryFn: () => postTrackedLinks(id ?? ""), enabled: id !== null });
}
export function useTeam() {
  return useQuery<TeamSettings, AppError>({ queryKey: calendarKeys.team, queryFn: () => getTeam() });
}
export function useEventsLane(from: string, to: string) {
  return useQuery<EventsLane, AppError>({
    queryKey: calendarKeys.events(from, to),
    queryFn: () => calendarEvents(from, to),
    enabled: from !== "",
    placeholderData: (previous) => previous,
  });
}

export const useSignOff = () =>
  useCalendarWriter(({ id, step, memberId }: { id: string; step: ApprovalStep; memberId: string }) => signOffPost(id, step, memberId));
export const useAddComment = () =>
  useCalendarWriter(({ id, authorId, body }: { id: string; authorId: string | null; body: string }) => addPostComment(id, authorId, body));
export const useCreateSeries = () => useCalendarWriter((input: SeriesInput) => createSeries(input));
export const useUpdateSeries = () =>
  useCalendarWriter(({ seriesId, template }: { seriesId: string; template: PostInput }) => updateSeries(seriesId, template));
export const useSkipOccurrence = () => useCalendarWriter((id: string) => skipPostOccurrence(id));
export const useDeleteSeries = () => useCalendarWriter((seriesId: string) => deleteSeries(seriesId));
export const useSaveEvent = () =>
  useCalendarWriter(({ id, input }: { id: string | null; input: CalendarEventInput }) => (id ? updateEvent(id, input) : createEvent(input)));
export const useDeleteEvent = () => useCalendarWriter((id: string) => deleteEvent(id));
export const useStartSeriesFromPost = () =>
  useCalendarWriter(({ postId, rule }: { postId: string; rule: SeriesRule }) => startSeriesFromPost(postId, rule));
