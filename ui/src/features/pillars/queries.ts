// TanStack Query hooks for pillars, the content mix, cadence, team and competitors.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addCompetitor,
  addTeamMember,
  cadenceGaps,
  createPillar,
  deletePillar,
  getMix,
  getTeam,
  getWeeklyMix,
  listCadences,
  listCompetitors,
  listPillars,
  removeCompetitor,
  setApprovalStep,
  setCadence,
  updatePillar,
} from "../../lib/api";
import type {
  AppError,
  ApprovalStep,
  Cadence,
  Gap,
  MixStats,
  Pillar,
  PillarInput,
  RiskCompetitor,
  TeamMember,
  TeamMemberInput,
  TeamSettings,
  WeekMix,
} from "../../lib/api";

export const pillarKeys = {
  all: ["pillars"] as const,
  list: ["pillars", "list"] as const,
  mix: (from: string, to: string, platform: string | null) => ["pillars", "mix", from, to, platform] as const,
  weekly: (from: string, to: string, platform: string | null) => ["pillars", "weekly", from, to, platform] as const,
  cadences: ["pillars", "cadences"] as const,
  gaps: (from: string, to: string) => ["pillars", "gaps", from, to] as const,
  team: ["pillars", "team"] as const,
  competitors: ["pillars", "competitors"] as const,
};

export function usePillars() {
  return useQuery<Pillar[], AppError>({ queryKey: pillarKeys.list, queryFn: () => listPillars() });
}

export function useMix(from: string, to: string, platform: string | null) {
  return useQuery<MixStats, AppError>({
    queryKey: pillarKeys.mix(from, to, platform),
    queryFn: () => getMix(from, to, platform),
  });
}

export function useWeeklyMix(from: string, to: string, platform: string | null) {
  return useQuery<WeekMix[], AppError>({
    queryKey: pillarKeys.weekly(from, to, platform),
    queryFn: () => getWeeklyMix(from, to, platform),
  });
}

export function useCadences() {
  return useQuery<Cadence[], AppError>({ queryKey: pillarKeys.cadences, queryFn: () => listCadences() });
}

export function useCadenceGaps(from: string, to: string) {
  return useQuery<Gap[], AppError>({ queryKey: pillarKeys.gaps(from, to), queryFn: () => cadenceGaps(from, to) });
}

export function useTeam() {
  return useQuery<TeamSettings, AppError>({ queryKey: pillarKeys.team, queryFn: () => getTeam() });
}

export function useCompetitors() {
  return useQuery<RiskCompetitor[], AppError>({ queryKey: pillarKeys.competitors, queryFn: () => listCompetitors() });
}

/** Every write here can change the mix, the plan overview and the calendar's pillar colours. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: pillarKeys.all });
    await queryClient.invalidateQueries({ queryKey: ["strategy"] });
  };
}

export function useSavePillar() {
  const invalidate = useInvalidateAll();
  return useMutation<Pillar, AppError, { id: string | null; input: PillarInput }>({
    mutationFn: ({ id, input }) => (id ? updatePillar(id, input) : createPillar(input)),
    onSuccess: invalidate,
  });
}

export function useDeletePillar() {
  const invalidate = useInvalidateAll();
  return useMutation<null, AppError, string>({ mutationFn: (id) => deletePillar(id), onSuccess: invalidate });
}

export function useSetCadence() {
  const invalidate = useInvalidateAll();
  return useMutation<Cadence | null, AppError, Cadence>({ mutationFn: (c) => setCadence(c), onSuccess: invalidate });
}

export function useAddTeamMember() {
  const invalidate = useInvalidateAll();
  return useMutation<TeamMember, AppError, TeamMemberInput>({
    mutationFn: (m) => addTeamMember(m),
    onSuccess: invalidate,
  });
}

export function useSetApprovalStep() {
  const invalidate = useInvalidateAll();
  return useMutation<unknown, AppError, { step: ApprovalStep; required: boolean }>({
    mutationFn: ({ step, required }) => setApprovalStep(step, required),
    onSuccess: invalidate,
  });
}

export function useAddCompetitor() {
  const invalidate = useInvalidateAll();
  return useMutation<RiskCompetitor, AppError, string>({ mutationFn: (n) => addCompetitor(n), onSuccess: invalidate });
}

export function useRemoveCompetitor() {
  const invalidate = useInvalidateAll();
  return useMutation<null, AppError, string>({ mutationFn: (id) => removeCompetitor(id), onSuccess: invalidate });
}
