// TanStack Query hooks over api.ts. The Rust side is the source of truth; these hooks
// only cache it and invalidate what a mutation changed.
import { QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  backupNow,
  getAppInfo,
  getSystemDefaults,
  getWorkspace,
  listTimeZones,
  loadSampleWorkspace,
  restoreFromBackup,
  saveWorkspace,
} from "./api";
import type { AppError, Language, Workspace, WorkspaceInput } from "./api";

export const queryKeys = {
  workspace: ["workspace"] as const,
  appInfo: ["appInfo"] as const,
  systemDefaults: ["systemDefaults"] as const,
  timeZones: ["timeZones"] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local IPC: data only changes through our own mutations, and a failed command
      // will not succeed on an automatic retry. The user gets a Retry button instead.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function useWorkspace() {
  return useQuery<Workspace | null, AppError>({ queryKey: queryKeys.workspace, queryFn: () => getWorkspace() });
}

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => getAppInfo() });
}

export function useSystemDefaults() {
  return useQuery({ queryKey: queryKeys.systemDefaults, queryFn: () => getSystemDefaults() });
}

export function useTimeZones() {
  return useQuery({ queryKey: queryKeys.timeZones, queryFn: () => listTimeZones() });
}

function useWorkspaceWriter<TVariables>(write: (variables: TVariables) => Promise<Workspace>) {
  const queryClient = useQueryClient();
  return useMutation<Workspace, AppError, TVariables>({
    mutationFn: (variables) => write(variables),
    onSuccess: async (workspace) => {
      queryClient.setQueryData(queryKeys.workspace, workspace);
      await queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
    },
  });
}

export function useSaveWorkspace() {
  return useWorkspaceWriter<WorkspaceInput>(saveWorkspace);
}

export function useLoadSample() {
  return useWorkspaceWriter<Language>(loadSampleWorkspace);
}

export function useBackupNow() {
  return useMutation({ mutationFn: () => backupNow() });
}

export function useRestoreFromBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => restoreFromBackup(),
    onSuccess: async (report) => {
      // A restore replaces the whole database: everything cached is stale.
      if (report !== null) await queryClient.invalidateQueries();
    },
  });
}
