// The one module that talks to the Rust side. Every command result is unwrapped here:
// callers get plain data or an AppError whose message is ready to show to the user.
import { commands } from "./bindings";
import type {
  AppInfo,
  Audience,
  BackupReport,
  ErrorKind,
  Industry,
  IpcError,
  Language,
  RestoreReport,
  SystemDefaults,
  WeekStart,
  Workspace,
  WorkspaceInput,
  AccountDesign,
  AccountDesignInput,
  ActivePlatform,
  AgeGroup,
  Catalog,
  ChecklistItem,
  Competitor,
  Confidence,
  Counting,
  EmojiUse,
  Factor,
  LinkBehaviour,
  Localized,
  MediaSpec,
  ObjectiveKind,
  Placement,
  Platform,
  PlatformScore,
  PlatformSetup,
  Recommendation,
  Region,
  WhoPosts,
  WizardAnswers,
} from "./bindings";

export type {
  AppInfo,
  Audience,
  BackupReport,
  ErrorKind,
  Industry,
  Language,
  RestoreReport,
  SystemDefaults,
  WeekStart,
  Workspace,
  WorkspaceInput,
  AccountDesign,
  AccountDesignInput,
  ActivePlatform,
  AgeGroup,
  Catalog,
  ChecklistItem,
  Competitor,
  Confidence,
  Counting,
  EmojiUse,
  Factor,
  LinkBehaviour,
  Localized,
  MediaSpec,
  ObjectiveKind,
  Placement,
  Platform,
  PlatformScore,
  PlatformSetup,
  Recommendation,
  Region,
  WhoPosts,
  WizardAnswers,
};

/** What every generated command resolves to (structural, so it does not depend on the generator's names). */
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** Error kinds from Rust, plus `unknown` for failures that never reached the command. */
export type AppErrorKind = ErrorKind | "unknown";

export class AppError extends Error {
  readonly kind: AppErrorKind;
  /** For bad input: the form field (camelCase property of the input) the message belongs next to. */
  readonly field: string | null;

  constructor(kind: AppErrorKind, message: string, field: string | null = null) {
    super(message);
    this.name = "AppError";
    this.kind = kind;
    this.field = field;
  }

  /** The message for `field`, when this error is about that field. */
  forField(field: string): string | null {
    return this.field === field ? this.message : null;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  if (isIpcError(cause)) return new AppError(cause.kind, cause.message, cause.field ?? null);
  if (cause instanceof Error) return new AppError("unknown", cause.message);
  return new AppError("unknown", String(cause));
}

async function unwrap<T>(pending: Promise<Result<T, IpcError>>): Promise<T> {
  let result: Result<T, IpcError>;
  try {
    result = await pending;
  } catch (cause) {
    throw toAppError(cause);
  }
  if (result.status === "ok") return result.data;
  throw toAppError(result.error);
}

export function getAppInfo(): Promise<AppInfo> {
  return unwrap(commands.getAppInfo());
}

export function getSystemDefaults(): Promise<SystemDefaults> {
  return unwrap(commands.getSystemDefaults());
}

export function listTimeZones(): Promise<string[]> {
  return unwrap(commands.listTimeZones());
}

/** `null` until the business has been set up (first run). */
export function getWorkspace(): Promise<Workspace | null> {
  return unwrap(commands.getWorkspace());
}

export function saveWorkspace(input: WorkspaceInput): Promise<Workspace> {
  return unwrap(commands.saveWorkspace(input));
}

export function loadSampleWorkspace(language: Language): Promise<Workspace> {
  return unwrap(commands.loadSampleWorkspace(language));
}

/** Opens a native save dialog; resolves `null` when the user cancels. */
export function backupNow(): Promise<BackupReport | null> {
  return unwrap(commands.backupNow());
}

/** Opens a native open dialog; resolves `null` when the user cancels. */
export function restoreFromBackup(): Promise<RestoreReport | null> {
  return unwrap(commands.restoreFromBackup());
}

export function toWorkspaceInput(workspace: Workspace): WorkspaceInput {
  return {
    name: workspace.name,
    industry: workspace.industry,
    audience: workspace.audience,
    timeZone: workspace.timeZone,
    language: workspace.language,
    weekStart: workspace.weekStart,
  };
}

export const INDUSTRIES: readonly Industry[] = [
  "cafe_restaurant",
  "bakery_food",
  "retail",
  "beauty_wellness",
  "fashion_apparel",
  "hospitality_travel",
  "professional_services",
  "agency",
  "b2b_tech",
  "manufacturing",
  "education",
  "health_clinic",
  "real_estate",
  "nonprofit",
  "other",
];

export const AUDIENCES: readonly Audience[] = ["b2b", "b2c", "both"];
export const LANGUAGES: readonly Language[] = ["en", "ja"];
export const WEEK_STARTS: readonly WeekStart[] = ["monday", "sunday"];

/** The platform catalogue (the same for every workspace). */
export function listPlatforms(): Promise<Catalog> {
  return unwrap(commands.listPlatforms());
}

/** Rank the platforms for the wizard's answers; nothing is saved. */
export function recommendPlatforms(answers: WizardAnswers): Promise<Recommendation> {
  return unwrap(commands.recommendPlatforms(answers));
}

export function getPlatformSetup(): Promise<PlatformSetup> {
  return unwrap(commands.getPlatformSetup());
}

export function savePlatformWizardAnswers(answers: WizardAnswers): Promise<PlatformSetup> {
  return unwrap(commands.savePlatformWizardAnswers(answers));
}

export function setActivePlatforms(platformIds: string[]): Promise<PlatformSetup> {
  return unwrap(commands.setActivePlatforms(platformIds));
}

export function getAccountDesign(platformId: string): Promise<AccountDesign> {
  return unwrap(commands.getAccountDesign(platformId));
}

export function saveAccountDesign(input: AccountDesignInput): Promise<AccountDesign> {
  return unwrap(commands.saveAccountDesign(input));
}

export const AGE_GROUPS: readonly AgeGroup[] = ["under25", "age25to34", "age35to44", "age45to54", "age55plus"];
export const OBJECTIVE_KINDS: readonly ObjectiveKind[] = [
  "awareness",
  "lead_acquisition",
  "purchase_conversion",
  "fan_ltv",
  "recruiting_branding",
  "social_listening",
];
export const REGIONS: readonly Region[] = ["japan", "international", "both"];
export const WHO_POSTS: readonly WhoPosts[] = ["owner", "staff", "team", "agency"];
export const EMOJI_USES: readonly EmojiUse[] = ["none", "light", "moderate", "heavy"];
