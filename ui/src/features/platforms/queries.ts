// TanStack Query hooks for the platforms domain. `useActivePlatforms` is the hook other
// screens (the Plan overview, the calendar) use to know where the business posts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  getAccountDesign,
  getPlatformSetup,
  listPlatforms,
  recommendPlatforms,
  saveAccountDesign,
  savePlatformWizardAnswers,
  setActivePlatforms,
  wizardPersonas,
} from "../../lib/api";
import type {
  AccountDesign,
  AccountDesignInput,
  AppError,
  Catalog,
  PersonaAnswer,
  Platform,
  PlatformSetup,
  Recommendation,
  WizardAnswers,
} from "../../lib/api";

export const platformKeys = {
  catalog: ["platforms", "catalog"] as const,
  setup: ["platforms", "setup"] as const,
  design: (platformId: string) => ["platforms", "design", platformId] as const,
};

export function usePlatformCatalog() {
  return useQuery<Catalog, AppError>({ queryKey: platformKeys.catalog, queryFn: () => listPlatforms() });
}

/** The persona builder's personas for the wizard. Under the strategy key, so editing a
 * persona (which invalidates ["strategy"]) refreshes it too. */
export function useWizardPersonas() {
  return useQuery<PersonaAnswer[], AppError>({
    queryKey: ["strategy", "personas", "wizard"],
    queryFn: () => wizardPersonas(),
  });
}

/** The wizard's starting answers: the saved ones (or defaults), with the audience's personas
 * taken from the persona builder whenever it has any, so the wizard never scores stale personas. */
export function withBuilderPersonas(answers: WizardAnswers, personas: readonly PersonaAnswer[]): WizardAnswers {
  if (personas.length === 0) return answers;
  return { ...answers, audience: { ...answers.audience, personas: [...personas] } };
}

export function usePlatformSetup() {
  return useQuery<PlatformSetup, AppError>({ queryKey: platformKeys.setup, queryFn: () => getPlatformSetup() });
}

/** The workspace's active platforms in order, joined with their catalogue entries. */
export function useActivePlatforms() {
  const setup = usePlatformSetup();
  const catalog = usePlatformCatalog();
  const platforms: Platform[] =
    setup.data && catalog.data
      ? setup.data.active
          .map((a) => catalog.data.platforms.find((p) => p.id === a.platformId))
          .filter((p): p is Platform => p !== undefined)
      : [];
  return {
    platforms,
    isPending: setup.isPending || catalog.isPending,
    error: setup.error ?? catalog.error,
  };
}

export function useRecommendPlatforms() {
  return useMutation<Recommendation, AppError, WizardAnswers>({ mutationFn: (answers) => recommendPlatforms(answers) });
}

/** Save the wizard answers, then make `platformIds` the active platforms. */
export function useConfirmPlatforms() {
  const queryClient = useQueryClient();
  return useMutation<PlatformSetup, AppError, { answers: WizardAnswers; platformIds: string[] }>({
    mutationFn: async ({ answers, platformIds }) => {
      await savePlatformWizardAnswers(answers);
      return setActivePlatforms(platformIds);
    },
    onSuccess: async (setup) => {
      queryClient.setQueryData(platformKeys.setup, setup);
      await queryClient.invalidateQueries({ queryKey: platformKeys.setup });
    },
  });
}

export function useAccountDesign(platformId: string) {
  return useQuery<AccountDesign, AppError>({
    queryKey: platformKeys.design(platformId),
    queryFn: () => getAccountDesign(platformId),
  });
}

export function useSaveAccountDesign() {
  const queryClient = useQueryClient();
  return useMutation<AccountDesign, AppError, AccountDesignInput>({
    mutationFn: (input) => saveAccountDesign(input),
    onSuccess: (design) => {
      queryClient.setQueryData(platformKeys.design(design.design.platformId), design);
    },
  });
}
