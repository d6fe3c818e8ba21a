/** Navigation order follows the planning method. Ids are stable (used by e2e tests). */
export const SECTION_IDS = [
  "plan",
  "objectives",
  "personas",
  "platforms",
  "pillars",
  "calendar",
  "media",
  "results",
  "share",
  "settings",
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** The chain drawn on the Plan overview: objective → persona → platforms → pillars → calendar → results. */
export const METHOD_CHAIN = ["objectives", "personas", "platforms", "pillars", "calendar", "results"] as const;

export type MethodStepId = (typeof METHOD_CHAIN)[number];

/** Sections that, for now, show an explanatory empty state. */
export type EmptySectionId = Exclude<SectionId, "plan" | "settings">;
