// TanStack Query hooks for objectives, personas and the Plan overview. Every write
// invalidates all three: they are joined (links, counts, pitfalls).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  deleteObjective,
  deletePersona,
  duplicatePersona,
  getPlanOverview,
  kpiCatalogue,
  listObjectives,
  listPersonas,
  reorderObjectives,
  reorderPersonas,
  reviewObjective,
  saveObjective,
  savePersona,
  setPersonaArchived,
} from "../../lib/api";
import type {
  AppError,
  MetricInfo,
  Objective,
  ObjectiveInput,
  ObjectiveReview,
  Persona,
  PersonaInput,
  PlanOverview,
} from "../../lib/api";

export const strategyKeys = {
  all: ["strategy"] as const,
  objectives: ["strategy", "objectives"] as const,
  personas: ["strategy", "personas"] as const,
  plan: ["strategy", "plan"] as const,
  catalogue: ["strategy", "catalogue"] as const,
  review: (input: ObjectiveInput) => ["strategy", "review", input] as const,
};

export function useObjectives() {
  return useQuery<Objective[], AppError>({ queryKey: strategyKeys.objectives, queryFn: () => listObjectives() });
}

export function usePersonas() {
  return useQuery<Persona[], AppError>({ queryKey: strategyKeys.personas, queryFn: () => listPersonas() });
}

export function usePlanOverview() {
  return useQuery<PlanOverview, AppError>({ queryKey: strategyKeys.plan, queryFn: () => getPlanOverview() });
}

export function useKpiCatalogue() {
  return useQuery<MetricInfo[], AppError>({ queryKey: strategyKeys.catalogue, queryFn: () => kpiCatalogue() });
}

/** The live SMART check and warnings of the form, from the Rust side (nothing is saved). */
export function useObjectiveReview(input: ObjectiveInput) {
  return useQuery<ObjectiveReview, AppError>({
    queryKey: strategyKeys.review(input),
    queryFn: () => reviewObjective(input),
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 5_000,
  });
}

function useStrategyWriter<TVariables, TResult>(write: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, AppError, TVariables>({
    mutationFn: (variables) => write(variables),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: strategyKeys.all });
    },
  });
}

export const useSaveObjective = () => useStrategyWriter((input: ObjectiveInput) => saveObjective(input));
export const useDeleteObjective = () => useStrategyWriter((id: string) => deleteObjective(id));
export const useReorderObjectives = () => useStrategyWriter((ids: string[]) => reorderObjectives(ids));
export const useSavePersona = () => useStrategyWriter((input: PersonaInput) => savePersona(input));
export const useDuplicatePersona = () =>
  useStrategyWriter(({ id, copySuffix }: { id: string; copySuffix: string }) => duplicatePersona(id, copySuffix));
export const useArchivePersona = () =>
  useStrategyWriter(({ id, archived }: { id: string; archived: boolean }) => setPersonaArchived(id, archived));
export const useDeletePersona = () => useStrategyWriter((id: string) => deletePersona(id));
export const useReorderPersonas = () => useStrategyWriter((ids: string[]) => reorderPersonas(ids));
