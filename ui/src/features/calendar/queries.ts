// TanStack Query hooks for the calendar. Moves update the cache in place (no refetch in the
// middle of a drag: FullCalendar would turn the move into a remove + receive).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import {
  acknowledgeRisk,
  calendarBacklog,
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
} from "../../lib/api";
import type { AppError, CalendarItem, MoveOutcome, Pillar, Post, PostInput, PostStatus } from "../../lib/api";

export const calendarKeys = {
  all: ["calendar"] as const,
  range: (from: string, to: string) => ["calendar", "range", from, to] as const,
  backlog: ["calendar", "backlog"] as const,
  post: (id: string) => ["calendar", "post", id] as const,
  risk: (id: string) => ["calendar", "risk", id] as const,
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
