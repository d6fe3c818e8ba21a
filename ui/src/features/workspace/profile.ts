import type { Audience, Industry, Language, WeekStart, Workspace } from "../../lib/api";
import { AUDIENCES, INDUSTRIES, LANGUAGES, WEEK_STARTS } from "../../lib/api";

export type ProfileValues = {
  name: string;
  industry: Industry;
  audience: Audience;
  timeZone: string;
};

export type ProfileWithWeekStart = ProfileValues & { weekStart: WeekStart };

export const NAME_MAX_LENGTH = 80; // same limit as plotline-core (workspace::NAME_MAX_CHARS)

export type NameProblem = "required" | "tooLong";

/** Mirrors the Rust rule so the user hears about it before a round trip; Rust stays authoritative. */
export function checkName(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "required";
  if ([...trimmed].length > NAME_MAX_LENGTH) return "tooLong";
  return null;
}

export function profileOf(workspace: Workspace): ProfileWithWeekStart {
  return {
    name: workspace.name,
    industry: workspace.industry,
    audience: workspace.audience,
    timeZone: workspace.timeZone,
    weekStart: workspace.weekStart,
  };
}

/** Japanese calendars usually start on Sunday; most English-speaking business users expect Monday. */
export function defaultWeekStart(language: Language): WeekStart {
  return language === "ja" ? "sunday" : "monday";
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): value is T => (allowed as readonly string[]).includes(value);
}

export const isIndustry = oneOf(INDUSTRIES);
export const isAudience = oneOf(AUDIENCES);
export const isLanguage = oneOf(LANGUAGES);
export const isWeekStart = oneOf(WEEK_STARTS);
