// TanStack Query hooks for the hand-off: Due today and Mark as published.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { duePosts, exportPostImages, markPostPublished } from "../../lib/api";
import type { AppError, DuePost, Post, PostImagesReport } from "../../lib/api";

export const handoffKeys = {
  due: ["handoff", "due"] as const,
};

/** Refreshed every minute while shown, so a post whose time comes moves to "post now". */
export function useDuePosts() {
  return useQuery<DuePost[], AppError>({
    queryKey: handoffKeys.due,
    queryFn: () => duePosts(),
    refetchInterval: 60_000,
  });
}

export function useMarkPublished() {
  const qc = useQueryClient();
  return useMutation<Post, AppError, { postId: string; url: string }>({
    mutationFn: ({ postId, url }) => markPostPublished(postId, url),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: handoffKeys.due });
      void qc.invalidateQueries({ queryKey: ["calendar"] });
    },
  });
}

/** "Export images": opens the folder dialog on the Rust side; `null` when cancelled. */
export function useExportPostImages() {
  return useMutation<PostImagesReport | null, AppError, string>({
    mutationFn: (postId) => exportPostImages(postId),
  });
}
