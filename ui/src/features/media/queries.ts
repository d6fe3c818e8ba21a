// TanStack Query hooks for the photo library, variant previews and photos on posts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  deleteMedia,
  exportMediaVariants,
  importMedia,
  listMedia,
  mediaTargets,
  postMedia,
  previewMediaVariants,
  setMediaFocal,
  setPostMedia,
  setVariantMedia,
  updateMediaDetails,
  variantMedia,
} from "../../lib/api";
import type {
  AppError,
  DeleteMediaReport,
  ImportReport,
  MediaDetailsInput,
  MediaExportReport,
  MediaItem,
  MediaListItem,
  MediaQuery,
  TargetInfo,
  VariantMedia,
  VariantPreview,
  VariantRequest,
} from "../../lib/api";

export const mediaKeys = {
  all: ["media"] as const,
  list: (q: MediaQuery) => ["media", "list", q.search, q.sort] as const,
  targets: ["media", "targets"] as const,
  preview: (id: string, r: VariantRequest) => ["media", "preview", id, JSON.stringify(r)] as const,
  post: (postId: string) => ["media", "post", postId] as const,
  variants: (postId: string) => ["media", "variants", postId] as const,
};

export function useMediaList(query: MediaQuery) {
  return useQuery<MediaListItem[], AppError>({
    queryKey: mediaKeys.list(query),
    queryFn: () => listMedia(query),
    placeholderData: keepPreviousData,
  });
}

export function useMediaTargets() {
  return useQuery<TargetInfo[], AppError>({ queryKey: mediaKeys.targets, queryFn: () => mediaTargets() });
}

/** Live previews; the previous set stays on screen while the next one renders. */
export function useVariantPreviews(id: string, request: VariantRequest, enabled: boolean) {
  return useQuery<VariantPreview[], AppError>({
    queryKey: mediaKeys.preview(id, request),
    queryFn: () => previewMediaVariants(id, request),
    placeholderData: keepPreviousData,
    enabled: enabled && request.targets.length > 0,
    staleTime: 60_000,
  });
}

function useInvalidateMedia() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: mediaKeys.all });
}

export function useImportMedia() {
  const invalidate = useInvalidateMedia();
  return useMutation<ImportReport | null, AppError>({ mutationFn: () => importMedia(), onSuccess: () => invalidate() });
}

export function useUpdateMediaDetails() {
  const invalidate = useInvalidateMedia();
  return useMutation<MediaItem, AppError, { id: string; input: MediaDetailsInput }>({
    mutationFn: ({ id, input }) => updateMediaDetails(id, input),
    onSuccess: () => invalidate(),
  });
}

export function useSetFocal() {
  const qc = useQueryClient();
  return useMutation<MediaItem, AppError, { id: string; x: number; y: number }>({
    mutationFn: ({ id, x, y }) => setMediaFocal(id, x, y),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["media", "list"] }),
  });
}

export function useDeleteMedia() {
  const invalidate = useInvalidateMedia();
  return useMutation<DeleteMediaReport, AppError, string[]>({ mutationFn: (ids) => deleteMedia(ids), onSuccess: () => invalidate() });
}

export function useExportVariants() {
  return useMutation<MediaExportReport | null, AppError, { id: string; request: VariantRequest }>({
    mutationFn: ({ id, request }) => exportMediaVariants(id, request),
  });
}

export function usePostMedia(postId: string) {
  return useQuery<MediaItem[], AppError>({ queryKey: mediaKeys.post(postId), queryFn: () => postMedia(postId), enabled: postId !== "" });
}

export function useSetPostMedia(postId: string) {
  const invalidate = useInvalidateMedia();
  return useMutation<MediaItem[], AppError, string[]>({
    mutationFn: (ids) => setPostMedia(postId, ids),
    onSuccess: () => invalidate(),
  });
}

/** The photos each platform of a post gets (own or the post's). */
export function useVariantMedia(postId: string) {
  return useQuery<VariantMedia[], AppError>({ queryKey: mediaKeys.variants(postId), queryFn: () => variantMedia(postId), enabled: postId !== "" });
}

export function useSetVariantMedia(postId: string, platform: string) {
  const invalidate = useInvalidateMedia();
  return useMutation<VariantMedia, AppError, string[]>({
    mutationFn: (ids) => setVariantMedia(postId, platform, ids),
    onSuccess: () => invalidate(),
  });
}
