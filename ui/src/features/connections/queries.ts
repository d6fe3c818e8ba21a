// TanStack Query hooks for connections (CalDAV accounts) and publishing to them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addCaldavConnection,
  listConnections,
  publishCaldav,
  removeConnection,
  secureStoreStatus,
  testCaldavConnection,
  testSavedConnection,
} from "../../lib/api";
import type {
  AppError,
  CalDavConnection,
  CalDavInput,
  ConnectionInfo,
  PublishSummary,
  SecureStoreStatus,
} from "../../lib/api";

export const connectionKeys = {
  all: ["connections"] as const,
  list: ["connections", "list"] as const,
  secureStore: ["connections", "secureStore"] as const,
};

export function useConnections() {
  return useQuery<CalDavConnection[], AppError>({ queryKey: connectionKeys.list, queryFn: () => listConnections() });
}

export function useSecureStoreStatus() {
  return useQuery<SecureStoreStatus, AppError>({
    queryKey: connectionKeys.secureStore,
    queryFn: () => secureStoreStatus(),
  });
}

export function useTestCaldav() {
  return useMutation<void, AppError, CalDavInput>({ mutationFn: (input) => testCaldavConnection(input) });
}

export function useAddCaldav() {
  const qc = useQueryClient();
  return useMutation<ConnectionInfo, AppError, CalDavInput>({
    mutationFn: (input) => addCaldavConnection(input),
    onSettled: () => qc.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

export function useTestSaved() {
  return useMutation<void, AppError, string>({ mutationFn: (id) => testSavedConnection(id) });
}

export function useRemoveConnection() {
  const qc = useQueryClient();
  return useMutation<void, AppError, string>({
    mutationFn: (id) => removeConnection(id),
    onSettled: () => qc.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

export function usePublishCaldav() {
  const qc = useQueryClient();
  return useMutation<PublishSummary, AppError, { connectionId: string; dryRun: boolean }>({
    mutationFn: ({ connectionId, dryRun }) => publishCaldav(connectionId, dryRun),
    onSuccess: (summary) => {
      if (!summary.dryRun) void qc.invalidateQueries({ queryKey: connectionKeys.list });
    },
  });
}
