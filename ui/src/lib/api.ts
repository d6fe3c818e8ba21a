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
