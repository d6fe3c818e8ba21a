// TanStack Query hooks for results: the dashboard, quick entry, imports and reviews.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  commitResultsImport,
  listReviews,
  resultsEntries,
  resultsSummary,
  reviewNumbers,
  saveReview,
  deleteReview,
} from "../../lib/api";
import type {
  AppError,
  ImportOptions,
  ImportResult,
  PublishedPost,
  ResultsSummary,
  Review,
  ReviewInput,
  ReviewSnapshot,
} from "../../lib/api";

export const resultKeys = {
  all: ["results"] as const,
  summary: (from: string, to: string) => ["results", "summary", from, to] as const,
  entries: (from: string, to: string) => ["results", "entries", from, to] as const,
  reviews: ["results", "reviews"] as const,
  numbers: (from: string, to: string) => ["results", "numbers", from, to] as const,
};

export function useResultsSummary(from: string, to: string) {
  return useQuery<ResultsSummary, AppError>({
    queryKey: resultKeys.summary(from, to),
    queryFn: () => resultsSummary(from, to),
  });
}

export function useResultsEntries(from: string, to: string) {
  return useQuery<PublishedPost[], AppError>({
    queryKey: resultKeys.entries(from, to),
    queryFn: () => resultsEntries(from, to),
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation<ImportResult, AppError, ImportOptions>({
    mutationFn: commitResultsImport,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: resultKeys.all });
      void qc.invalidateQueries({ queryKey: ["strategy"] });
    },
  });
}

export function useReviews() {
  return useQuery<Review[], AppError>({ queryKey: resultKeys.reviews, queryFn: listReviews });
}

export function useReviewNumbers(from: string, to: string, enabled: boolean) {
  return useQuery<ReviewSnapshot, AppError>({
    queryKey: resultKeys.numbers(from, to),
    queryFn: () => reviewNumbers(from, to),
    enabled,
  });
}

export function useSaveReview() {
  const qc = useQueryClient();
  return useMutation<Review, AppError, ReviewInput>({
    mutationFn: saveReview,
    onSuccess: () => void qc.invalidateQueries({ queryKey: resultKeys.reviews }),
  });
}

export function useDeleteReview() {
  const qc = useQueryClient();
  return useMutation<null, AppError, string>({
    mutationFn: deleteReview,
    onSuccess: () => void qc.invalidateQueries({ queryKey: resultKeys.reviews }),
  });
}
