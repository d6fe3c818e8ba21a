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
  PersonaAnswer,
  Recommendation,
  Region,
  WhoPosts,
  WizardAnswers,
  AvatarColor,
  ReviewCadence,
  ChainStep,
  Criterion,
  EvidenceKind,
  EvidenceInput,
  FunnelStage,
  IndustryTemplate,
  KpiInput,
  MetricInfo,
  MissingCode,
  Objective,
  ObjectiveInput,
  ObjectiveReview,
  ObjectiveStatus,
  Persona,
  PersonaInput,
  PitfallCode,
  PlanOverview,
  PlanStep,
  SmartCheck,
  SmartReason,
  StepStatus,
  UsageFrequency,
  WarningCode,
  Warning as PlanWarning,
  Kpi,
  Evidence,
  SocialUsage,
  Demographics,
  Psychographics,
  ActiveHours,
  Weekday,
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
  PersonaAnswer,
  Recommendation,
  Region,
  WhoPosts,
  WizardAnswers,
  AvatarColor,
  ReviewCadence,
  ChainStep,
  Criterion,
  EvidenceKind,
  EvidenceInput,
  FunnelStage,
  IndustryTemplate,
  KpiInput,
  MetricInfo,
  MissingCode,
  Objective,
  ObjectiveInput,
  ObjectiveReview,
  ObjectiveStatus,
  Persona,
  PersonaInput,
  PitfallCode,
  PlanOverview,
  PlanStep,
  SmartCheck,
  SmartReason,
  StepStatus,
  UsageFrequency,
  WarningCode,
  PlanWarning,
  Kpi,
  Evidence,
  SocialUsage,
  Demographics,
  Psychographics,
  ActiveHours,
  Weekday,
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

/** The persona builder's personas as the wizard's audience step needs them. */
export function wizardPersonas(): Promise<PersonaAnswer[]> {
  return unwrap(commands.wizardPersonas());
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
// ---------- Strategy: objectives, personas, plan overview ----------

export function listObjectives(): Promise<Objective[]> {
  return unwrap(commands.listObjectives());
}

/** Creates when `input.id` is null, otherwise replaces that objective (KSFs, KPIs, persona links). */
export function saveObjective(input: ObjectiveInput): Promise<Objective> {
  return unwrap(commands.saveObjective(input));
}

export function deleteObjective(id: string): Promise<null> {
  return unwrap(commands.deleteObjective(id));
}

export function reorderObjectives(ids: string[]): Promise<Objective[]> {
  return unwrap(commands.reorderObjectives(ids));
}

/** SMART check and warnings for the unsaved form, computed by the Rust side. */
export function reviewObjective(input: ObjectiveInput): Promise<ObjectiveReview> {
  return unwrap(commands.reviewObjective(input));
}

export function suggestKpis(kind: ObjectiveKind): Promise<KpiInput[]> {
  return unwrap(commands.suggestKpis(kind));
}

export function kpiCatalogue(): Promise<MetricInfo[]> {
  return unwrap(commands.kpiCatalogue());
}

export function listPersonas(): Promise<Persona[]> {
  return unwrap(commands.listPersonas());
}

export function savePersona(input: PersonaInput): Promise<Persona> {
  return unwrap(commands.savePersona(input));
}

export function duplicatePersona(id: string, copySuffix: string): Promise<Persona> {
  return unwrap(commands.duplicatePersona(id, copySuffix));
}

export function setPersonaArchived(id: string, archived: boolean): Promise<Persona> {
  return unwrap(commands.setPersonaArchived(id, archived));
}

export function deletePersona(id: string): Promise<null> {
  return unwrap(commands.deletePersona(id));
}

export function reorderPersonas(ids: string[]): Promise<Persona[]> {
  return unwrap(commands.reorderPersonas(ids));
}

export function personaFromTemplate(template: IndustryTemplate): Promise<PersonaInput> {
  return unwrap(commands.personaFromTemplate(template));
}

export function getPlanOverview(): Promise<PlanOverview> {
  return unwrap(commands.getPlanOverview());
}

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
export const OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = ["draft", "active", "achieved", "dropped"];
export const FUNNEL_STAGES: readonly FunnelStage[] = ["awareness", "interest", "action", "advocacy"];
export const CADENCES: readonly ReviewCadence[] = ["weekly", "monthly", "quarterly"];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  "interview",
  "survey",
  "support",
  "sales",
  "analytics",
  "ugc",
  "assumption",
];
export const AVATAR_COLORS: readonly AvatarColor[] = ["sage", "clay", "sky", "plum", "sand", "rose"];
export const INDUSTRY_TEMPLATES: readonly IndustryTemplate[] = [
  "cafe_bakery",
  "salon",
  "retail",
  "b2b_services",
  "local_services",
];
export const USAGE_FREQUENCIES: readonly UsageFrequency[] = ["daily", "weekly", "monthly", "rarely"];

export function toObjectiveInput(o: Objective): ObjectiveInput {
  const num = (v: number | null) => (v === null ? "" : String(v));
  return {
    id: o.id,
    kind: o.kind,
    statement: o.statement,
    baseline: num(o.baseline),
    targetValue: num(o.targetValue),
    unit: o.unit,
    baselineDate: o.baselineDate ?? "",
    deadline: o.deadline ?? "",
    owner: o.owner,
    status: o.status,
    successFactors: [...o.successFactors],
    kpis: o.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      stage: k.stage,
      metric: k.metric,
      baseline: num(k.baseline),
      target: num(k.target),
      unit: k.unit,
      cadence: k.cadence,
    })),
    personaIds: [...o.personaIds],
  };
}

export function toPersonaInput(p: Persona): PersonaInput {
  return {
    id: p.id,
    name: p.name,
    color: p.color,
    quote: p.quote,
    isPrimary: p.isPrimary,
    demographics: { ...p.demographics },
    psychographics: { ...p.psychographics },
    socialUsage: p.socialUsage.map((u) => ({ ...u })),
    evidence: p.evidence.map((e) => ({ id: e.id, kind: e.kind, note: e.note, date: e.date ?? "" })),
  };
}

// ---- Pillars & mix (issue 6): pillars, the 7-2-1 mix, cadence, team and competitors ----

export type {
  Pillar,
  PillarInput,
  MixStats,
  MixWarning,
  MixWarningKind,
  WeekMix,
  Cadence,
  Gap,
  TeamSettings,
  TeamMember,
  TeamMemberInput,
  StepSetting,
  ApprovalStep,
  RiskCompetitor,
  Role,
  ContentType,
} from "./bindings";
import type {
  Pillar as PillarT,
  PillarInput as PillarInputT,
  MixStats as MixStatsT,
  WeekMix as WeekMixT,
  Cadence as CadenceT,
  Gap as GapT,
  TeamSettings as TeamSettingsT,
  TeamMember as TeamMemberT,
  TeamMemberInput as TeamMemberInputT,
  StepSetting as StepSettingT,
  ApprovalStep as ApprovalStepT,
  RiskCompetitor as RiskCompetitorT,
  Role as RoleT,
} from "./bindings";

/** Pillar colour names; each has a `--pillar-<name>` token. */
export const PILLAR_COLOURS = ["leaf", "sky", "sun", "rose", "violet", "sand", "teal", "slate"] as const;
export const TEAM_ROLES: readonly RoleT[] = ["owner", "operator", "manager", "brand_legal"];
export const APPROVAL_STEPS: readonly ApprovalStepT[] = ["manager_review", "brand_check"];

export function listPillars(): Promise<PillarT[]> {
  return unwrap(commands.listPillars());
}
export function createPillar(input: PillarInputT): Promise<PillarT> {
  return unwrap(commands.createPillar(input));
}
export function updatePillar(id: string, input: PillarInputT): Promise<PillarT> {
  return unwrap(commands.updatePillar(id, input));
}
export function deletePillar(id: string): Promise<null> {
  return unwrap(commands.deletePillar(id));
}
/** Mix of posts scheduled in [from, to) (dates `YYYY-MM-DD`), optionally one platform. */
export function getMix(from: string, to: string, platform: string | null): Promise<MixStatsT> {
  return unwrap(commands.getMix(from, to, platform));
}
/** Week-by-week mix over the dates [from, to]. */
export function getWeeklyMix(from: string, to: string, platform: string | null): Promise<WeekMixT[]> {
  return unwrap(commands.getWeeklyMix(from, to, platform));
}
export function listCadences(): Promise<CadenceT[]> {
  return unwrap(commands.listCadences());
}
export function setCadence(input: CadenceT): Promise<CadenceT | null> {
  return unwrap(commands.setCadence(input));
}
export function cadenceGaps(from: string, to: string): Promise<GapT[]> {
  return unwrap(commands.cadenceGaps(from, to));
}
export function getTeam(): Promise<TeamSettingsT> {
  return unwrap(commands.getTeam());
}
export function addTeamMember(input: TeamMemberInputT): Promise<TeamMemberT> {
  return unwrap(commands.addTeamMember(input));
}
export function setApprovalStep(step: ApprovalStepT, required: boolean): Promise<StepSettingT[]> {
  return unwrap(commands.setApprovalStep(step, required));
}
export function listCompetitors(): Promise<RiskCompetitorT[]> {
  return unwrap(commands.listCompetitors());
}
export function addCompetitor(name: string): Promise<RiskCompetitorT> {
  return unwrap(commands.addCompetitor(name));
}
export function removeCompetitor(id: string): Promise<null> {
  return unwrap(commands.removeCompetitor(id));
}

// ---- calendar (issue 6) ----
import type {
  CalendarItem,
  MoveOutcome,
  Post,
  PostInput,
  PostStatus,
  RiskReview,
  RiskCategory,
  ContentType,
  Format,
  VariantInput,
} from "./bindings";
export type { CalendarItem, MoveOutcome, Post, PostInput, PostStatus, RiskReview, RiskCategory, Format, VariantInput };

export const POST_STATUSES: readonly PostStatus[] = ["idea", "draft", "in_review", "changes_requested", "approved", "scheduled", "published"];
export const CONTENT_TYPES: readonly ContentType[] = ["educational", "entertainment", "promotional", "community"];
export const FORMATS: readonly Format[] = ["photo", "carousel", "short_video", "long_video", "text", "story", "live", "link"];

/** Posts scheduled in [from, to) (RFC 3339 instants or `YYYY-MM-DD`). */
export function calendarRange(from: string, to: string): Promise<CalendarItem[]> {
  return unwrap(commands.calendarRange(from, to));
}

export function calendarBacklog(): Promise<CalendarItem[]> {
  return unwrap(commands.calendarBacklog());
}

/** `to`: wall time in the workspace zone (`2026-03-08T09:00`), or `null` for the backlog. */
export function movePost(postId: string, to: string | null): Promise<MoveOutcome> {
  return unwrap(commands.movePost({ postId, to }));
}

export function getPost(id: string): Promise<Post> {
  return unwrap(commands.getPost(id));
}

export function createPost(input: PostInput): Promise<Post> {
  return unwrap(commands.createPost(input));
}

export function updatePost(id: string, input: PostInput): Promise<Post> {
  return unwrap(commands.updatePost(id, input));
}

export function duplicatePost(id: string): Promise<Post> {
  return unwrap(commands.duplicatePost(id, null));
}

export function deletePost(id: string): Promise<void> {
  return unwrap(commands.deletePost(id)).then(() => undefined);
}

export function transitionPost(postId: string, to: PostStatus, note = ""): Promise<Post> {
  return unwrap(commands.transitionPost({ postId, to, actorId: null, note }));
}

export function postRiskReview(id: string): Promise<RiskReview[]> {
  return unwrap(commands.postRiskReview(id));
}

export function acknowledgeRisk(postId: string, category: RiskCategory, term: string): Promise<void> {
  return unwrap(commands.acknowledgeRisk({ postId, category, term, actorId: null })).then(() => undefined);
}

/** The form input that saves `post` unchanged (variants kept). */
export function toPostInput(post: Post): PostInput {
  return {
    title: post.title,
    body: post.body,
    pillarId: post.pillarId,
    contentType: post.contentType,
    format: post.format,
    objectiveId: post.objectiveId,
    kpiId: post.kpiId,
    personaIds: [...post.personaIds],
    campaignName: post.campaignName,
    campaignSlug: post.campaignSlug,
    scheduledLocal: post.time?.local ?? null,
    ownerId: post.ownerId,
    notes: post.notes,
    links: [...post.links],
    variants: post.variants.map((v) => ({
      platform: v.platform,
      textOverride: v.textOverride,
      hashtags: [...v.hashtags],
      firstComment: v.firstComment,
      linkPlacement: v.linkPlacement,
    })),
  };
}

// ---------- Connections (CalDAV, keychain), publishing, hand-off ----------

import type {
  CalDavConnection,
  CalDavInput,
  ConnectionInfo,
  DuePost,
  HandoffVariant,
  PlanAction,
  PlanItem,
  PublishFailure,
  PublishRun,
  PublishSummary,
  SecureStoreStatus,
} from "./bindings";

export type {
  CalDavConnection,
  CalDavInput,
  ConnectionInfo,
  DuePost,
  HandoffVariant,
  PlanAction,
  PlanItem,
  PublishFailure,
  PublishRun,
  PublishSummary,
  SecureStoreStatus,
};

export function listConnections(): Promise<CalDavConnection[]> {
  return unwrap(commands.listConnections());
}

/** Whether the OS keychain can hold passwords right now (no fallback storage exists). */
export function secureStoreStatus(): Promise<SecureStoreStatus> {
  return unwrap(commands.secureStoreStatus());
}

/** Checks address, user name and password against the server; saves nothing. */
export function testCaldavConnection(input: CalDavInput): Promise<void> {
  return unwrap(commands.testCaldavConnection(input)).then(() => undefined);
}

/** Saves the connection; the password goes to the OS keychain and never comes back. */
export function addCaldavConnection(input: CalDavInput): Promise<ConnectionInfo> {
  return unwrap(commands.addCaldavConnection(input));
}

export function testSavedConnection(id: string): Promise<void> {
  return unwrap(commands.testSavedConnection(id)).then(() => undefined);
}

/** Removes the connection and its keychain entry. */
export function removeConnection(id: string): Promise<void> {
  return unwrap(commands.removeConnection(id)).then(() => undefined);
}

/** Publishes the plan's dated posts to the connection's calendar (`dryRun`: only the preview). */
export function publishCaldav(connectionId: string, dryRun: boolean): Promise<PublishSummary> {
  return unwrap(commands.publishCaldav(connectionId, dryRun));
}

/** Approved and scheduled posts due today (overdue first) with the text to paste per platform. */
export function duePosts(): Promise<DuePost[]> {
  return unwrap(commands.duePosts());
}

/** Stores the live post's URL and moves the post to Published. */
export function markPostPublished(postId: string, url: string): Promise<Post> {
  return unwrap(commands.markPostPublished({ postId, url }));
}

/** Puts `text` on the clipboard (WebKitGTK allows it during a click or key press). */
export async function copyToClipboard(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) {
    throw new AppError("unsupported", "Copying is not available here. Select the text and copy it with Ctrl+C.");
  }
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new AppError("unsupported", "Plotline could not copy the text. Select it and copy it with Ctrl+C.");
  }
}

// ---------------------------------------------------------------- share (issue 8)

export type {
  ExportOptions,
  ExportSummary,
  BundleSummary,
  CsvFormat,
  PrintLayout,
  PaperSize,
  BundlePreview,
  BundleImportReport,
  ImportChoice,
  Resolution,
  Conflict,
  TableChanges,
  CsvImportPreview,
  IcsImportPreview,
  Previewed,
} from "./bindings";
import type {
  ExportOptions as ShareExportOptions,
  ExportSummary as ShareExportSummary,
  BundleSummary as ShareBundleSummary,
  CsvFormat as ShareCsvFormat,
  PrintLayout as SharePrintLayout,
  PaperSize as SharePaperSize,
  BundlePreview as ShareBundlePreview,
  BundleImportReport as ShareImportReport,
  ImportChoice as ShareImportChoice,
  CsvImportPreview as ShareCsvImportPreview,
  IcsImportPreview as ShareIcsImportPreview,
  Previewed as SharePreviewed,
} from "./bindings";

export const CSV_FORMATS: readonly ShareCsvFormat[] = ["plotline", "buffer", "hootsuite"];

/**
 * Automated tests only: a path that replaces the native file dialog. The e2e harness sets
 * `window.__plotlineTestPaths`; the Rust side ignores paths unless started by the harness.
 */
function testPath(kind: "save" | "open"): string | null {
  const paths = (globalThis as { __plotlineTestPaths?: { save?: string; open?: string } }).__plotlineTestPaths;
  return paths?.[kind] ?? null;
}

export function exportIcs(options: ShareExportOptions): Promise<ShareExportSummary | null> {
  return unwrap(commands.exportIcs(options, testPath("save")));
}
export function exportCsv(options: ShareExportOptions, format: ShareCsvFormat): Promise<ShareExportSummary | null> {
  return unwrap(commands.exportCsv(options, format, testPath("save")));
}
export function printCalendarHtml(options: ShareExportOptions, layout: SharePrintLayout): Promise<string> {
  return unwrap(commands.printCalendarHtml(options, layout));
}
export function exportPrintCalendar(
  options: ShareExportOptions,
  layout: SharePrintLayout,
  paper: SharePaperSize,
): Promise<ShareExportSummary | null> {
  return unwrap(commands.exportPrintCalendar(options, layout, paper, testPath("save")));
}
export function exportBundle(): Promise<ShareBundleSummary | null> {
  return unwrap(commands.exportBundle(testPath("save")));
}
export function previewBundleImport(): Promise<SharePreviewed<ShareBundlePreview> | null> {
  return unwrap(commands.previewBundleImport(testPath("open")));
}
export function applyBundleImport(choices: ShareImportChoice[]): Promise<ShareImportReport> {
  return unwrap(commands.applyBundleImport(choices));
}
export function previewCsvImport(): Promise<SharePreviewed<ShareCsvImportPreview> | null> {
  return unwrap(commands.previewCsvImport(testPath("open")));
}
export function applyCsvImport(): Promise<ShareCsvImportPreview> {
  return unwrap(commands.applyCsvImport());
}
export function previewIcsImport(): Promise<SharePreviewed<ShareIcsImportPreview> | null> {
  return unwrap(commands.previewIcsImport(testPath("open")));
}
export function applyIcsImport(): Promise<ShareIcsImportPreview> {
  return unwrap(commands.applyIcsImport());
}

// ---- calendar: post editor, approval, series, events, incident playbook (issue 6) ----
import type {
  Comment as PostCommentT,
  Event as CalendarEventT,
  EventInput as CalendarEventInputT,
  EventsLane as EventsLaneT,
  HistoryEntry as HistoryEntryT,
  Holiday as HolidayT,
  IncidentContact as IncidentContactT,
  IncidentContactInput as IncidentContactInputT,
  IncidentStep as IncidentStepT,
  Issue as CheckIssueT,
  SeriesInput as SeriesInputT,
  SeriesCreated as SeriesCreatedT,
  SignOffState as SignOffStateT,
  TrackedLink as TrackedLinkT,
  VariantCheck as VariantCheckT,
  LinkPlacement as LinkPlacementT,
  EventKind as EventKindT,
} from "./bindings";
export type {
  PostCommentT as PostComment,
  CalendarEventT as CalendarEvent,
  CalendarEventInputT as CalendarEventInput,
  EventsLaneT as EventsLane,
  HistoryEntryT as HistoryEntry,
  HolidayT as Holiday,
  IncidentContactT as IncidentContact,
  IncidentContactInputT as IncidentContactInput,
  IncidentStepT as IncidentStep,
  CheckIssueT as CheckIssue,
  SeriesInputT as SeriesInput,
  SignOffStateT as SignOffState,
  TrackedLinkT as TrackedLink,
  VariantCheckT as VariantCheck,
  LinkPlacementT as LinkPlacement,
  EventKindT as EventKind,
};

export const LINK_PLACEMENTS: readonly LinkPlacementT[] = ["none", "in_text", "first_comment", "link_in_bio", "link_sticker"];
export const EVENT_KINDS: readonly EventKindT[] = ["launch", "sale", "store_event", "other"];
export const INCIDENT_STEPS: readonly IncidentStepT[] = ["verify", "escalate", "respond"];

/** Live platform checks of the unsaved editor form (no database). */
/** `variantMediaFormats`: platforms with their own photos → those photos' file types. */
export function checkPostDraft(post: PostInput, mediaFormats: string[] = [], variantMediaFormats: Record<string, string[]> = {}): Promise<VariantCheckT[]> {
  return unwrap(commands.checkPostDraft({ post, mediaFormats, variantMediaFormats }));
}
export function postSignOffs(id: string): Promise<SignOffStateT[]> {
  return unwrap(commands.postSignOffs(id));
}
export function signOffPost(id: string, step: ApprovalStepT, memberId: string): Promise<null> {
  return unwrap(commands.signOffPost(id, step, memberId));
}
export function postHistory(id: string): Promise<HistoryEntryT[]> {
  return unwrap(commands.postHistory(id));
}
export function postComments(id: string): Promise<PostCommentT[]> {
  return unwrap(commands.postComments(id));
}
export function addPostComment(id: string, authorId: string | null, body: string): Promise<PostCommentT> {
  return unwrap(commands.addPostComment(id, authorId, body));
}
export function postTrackedLinks(id: string): Promise<TrackedLinkT[]> {
  return unwrap(commands.postTrackedLinks(id));
}
export function createSeries(input: SeriesInputT): Promise<SeriesCreatedT> {
  return unwrap(commands.createSeries(input));
}
export function updateSeries(seriesId: string, template: PostInput): Promise<Post[]> {
  return unwrap(commands.updateSeries(seriesId, template));
}
export function skipPostOccurrence(id: string): Promise<null> {
  return unwrap(commands.skipPostOccurrence(id));
}
export function deleteSeries(seriesId: string): Promise<null> {
  return unwrap(commands.deleteSeries(seriesId));
}
/** The business's events and the public holidays of the dates [from, to). */
export function calendarEvents(from: string, to: string): Promise<EventsLaneT> {
  return unwrap(commands.calendarEvents(from, to));
}
export function createEvent(input: CalendarEventInputT): Promise<CalendarEventT> {
  return unwrap(commands.createEvent(input));
}
export function updateEvent(id: string, input: CalendarEventInputT): Promise<CalendarEventT> {
  return unwrap(commands.updateEvent(id, input));
}
export function deleteEvent(id: string): Promise<null> {
  return unwrap(commands.deleteEvent(id));
}
export function listIncidentContacts(): Promise<IncidentContactT[]> {
  return unwrap(commands.listIncidentContacts());
}
export function saveIncidentContact(id: string | null, input: IncidentContactInputT): Promise<IncidentContactT> {
  return unwrap(commands.saveIncidentContact(id, input));
}
export function deleteIncidentContact(id: string): Promise<null> {
  return unwrap(commands.deleteIncidentContact(id));
}

// ---- results and review (issue 9): dashboard, quick entry, imports, PDCA reviews ----
import type {
  ResultsSummary as ResultsSummaryT,
  PublishedPost as PublishedPostT,
  SnapshotInput as SnapshotInputT,
  Snapshot as SnapshotT,
  AccountMetricsInput as AccountMetricsInputT,
  AccountMetrics as AccountMetricsT,
  KpiReadingInput as KpiReadingInputT,
  KpiReading as KpiReadingT,
  ImportOptions as ImportOptionsT,
  ImportFilePreview as ImportFilePreviewT,
  ImportResult as ImportResultT,
  Review as ReviewT,
  ReviewInput as ReviewInputT,
  ReviewSnapshot as ReviewSnapshotT,
  ImportSource as ImportSourceT,
  ImportField as ImportFieldT,
  DecisionArea as DecisionAreaT,
} from "./bindings";
export type {
  ResultsSummary,
  PublishedPost,
  SnapshotInput,
  Snapshot,
  Metrics,
  Derived,
  RateBase,
  AccountMetricsInput,
  AccountMetrics,
  KpiReadingInput,
  KpiReading,
  KpiProgress,
  KpiStatus,
  ValueSource,
  TrendPoint,
  Breakdown,
  MixShares,
  MixComparison,
  Ranking,
  SharedTrait,
  TraitAttribute,
  RankGroup,
  ImportOptions,
  ImportFilePreview,
  ImportPreview,
  ImportResult,
  ImportMatch,
  UnmatchedRow,
  RowError,
  ImportSource,
  ImportField,
  ColumnMapping,
  MatchKind,
  Review,
  ReviewInput,
  ReviewSnapshot,
  ReviewPost,
  ReviewStatus,
  Decision,
  DecisionArea,
  GuidelineShare,
} from "./bindings";

export const IMPORT_SOURCES: readonly ImportSourceT[] = ["meta", "x", "linkedin", "generic"];
export const IMPORT_FIELDS: readonly ImportFieldT[] = [
  "post_url",
  "published_at",
  "text",
  "platform",
  "impressions",
  "reach",
  "likes",
  "comments",
  "shares",
  "saves",
  "clicks",
  "profile_visits",
  "video_views",
  "conversions",
  "revenue",
];
export const DECISION_AREAS: readonly DecisionAreaT[] = ["pillar", "platform", "cadence", "other"];

/** The dashboard for [from, to] (`YYYY-MM-DD`, inclusive); `null` = the last four weeks. */
export function resultsSummary(from: string | null, to: string | null): Promise<ResultsSummaryT> {
  return unwrap(commands.resultsSummary(from, to));
}
/** Published post variants of the period with their latest numbers (quick entry). */
export function resultsEntries(from: string | null, to: string | null): Promise<PublishedPostT[]> {
  return unwrap(commands.resultsEntries(from, to));
}
export function recordPostMetrics(input: SnapshotInputT): Promise<SnapshotT> {
  return unwrap(commands.recordPostMetrics(input));
}
export function variantSnapshots(variantId: string): Promise<SnapshotT[]> {
  return unwrap(commands.variantSnapshots(variantId));
}
export function saveAccountMetrics(input: AccountMetricsInputT): Promise<AccountMetricsT> {
  return unwrap(commands.saveAccountMetrics(input));
}
export function addKpiReading(input: KpiReadingInputT): Promise<KpiReadingT> {
  return unwrap(commands.addKpiReading(input));
}
/** Opens the file dialog (Rust side) and previews the file; `null` when cancelled. */
export function chooseResultsFile(options: ImportOptionsT): Promise<ImportFilePreviewT | null> {
  return unwrap(commands.chooseResultsFile(options));
}
export function previewResultsImport(options: ImportOptionsT): Promise<ImportFilePreviewT> {
  return unwrap(commands.previewResultsImport(options));
}
export function commitResultsImport(options: ImportOptionsT): Promise<ImportResultT> {
  return unwrap(commands.commitResultsImport(options));
}
export function listReviews(): Promise<ReviewT[]> {
  return unwrap(commands.listReviews());
}
export function saveReview(input: ReviewInputT): Promise<ReviewT> {
  return unwrap(commands.saveReview(input));
}
export function deleteReview(id: string): Promise<null> {
  return unwrap(commands.deleteReview(id));
}
export function reviewNumbers(periodStart: string, periodEnd: string): Promise<ReviewSnapshotT> {
  return unwrap(commands.reviewNumbers(periodStart, periodEnd));
}

// ---- media (issue 7) ----
import type {
  DeleteMediaReport,
  ExportedVariant,
  ImportFailure,
  ImportReport,
  MediaDetailsInput,
  MediaExportReport,
  MediaInUse,
  MediaItem,
  MediaListItem,
  MediaQuery,
  MediaSort,
  Mode as VariantMode,
  PostImagesReport,
  TargetInfo,
  VariantMedia,
  VariantPreview,
  VariantRequest,
} from "./bindings";
export type {
  DeleteMediaReport,
  ExportedVariant,
  ImportFailure,
  ImportReport,
  MediaDetailsInput,
  MediaExportReport,
  MediaInUse,
  MediaItem,
  MediaListItem,
  MediaQuery,
  MediaSort,
  VariantMode,
  PostImagesReport,
  TargetInfo,
  VariantMedia,
  VariantPreview,
  VariantRequest,
};

export const MEDIA_SORTS: readonly MediaSort[] = ["newest", "oldest", "name", "largest"];

export function listMedia(query: MediaQuery): Promise<MediaListItem[]> {
  return unwrap(commands.listMedia(query));
}

/** Opens the native multi-file dialog (Rust side); resolves `null` when the user cancels. */
export function importMedia(): Promise<ImportReport | null> {
  return unwrap(commands.importMedia());
}

export function updateMediaDetails(id: string, input: MediaDetailsInput): Promise<MediaItem> {
  return unwrap(commands.updateMediaDetails(id, input));
}

export function setMediaFocal(id: string, x: number, y: number): Promise<MediaItem> {
  return unwrap(commands.setMediaFocal(id, x, y));
}

export function deleteMedia(ids: string[]): Promise<DeleteMediaReport> {
  return unwrap(commands.deleteMedia(ids));
}

export function mediaTargets(): Promise<TargetInfo[]> {
  return unwrap(commands.mediaTargets());
}

export function previewMediaVariants(id: string, request: VariantRequest): Promise<VariantPreview[]> {
  return unwrap(commands.previewMediaVariants(id, request));
}

/** Opens the native folder dialog (Rust side); resolves `null` when the user cancels. */
export function exportMediaVariants(id: string, request: VariantRequest): Promise<MediaExportReport | null> {
  return unwrap(commands.exportMediaVariants(id, request));
}

export function postMedia(postId: string): Promise<MediaItem[]> {
  return unwrap(commands.postMedia(postId));
}

export function setPostMedia(postId: string, mediaIds: string[]): Promise<MediaItem[]> {
  return unwrap(commands.setPostMedia(postId, mediaIds));
}

/** The photos each platform of a post gets (its own, else the post's). */
export function variantMedia(postId: string): Promise<VariantMedia[]> {
  return unwrap(commands.variantMedia(postId));
}

/** One platform's own photos; an empty list goes back to the post's photos. */
export function setVariantMedia(postId: string, platform: string, mediaIds: string[]): Promise<VariantMedia> {
  return unwrap(commands.setVariantMedia(postId, platform, mediaIds));
}

/** Due today: the post's photos in each platform's size, into a folder the user picks
 *  (native dialog, Rust side); `null` when cancelled. */
export function exportPostImages(postId: string): Promise<PostImagesReport | null> {
  return unwrap(commands.exportPostImages(postId));
}

// ---- calendar: series from an existing post (issue 6) ----
import type { SeriesRule as SeriesRuleT } from "./bindings";
export type { SeriesRuleT as SeriesRule };
/** Turn an existing scheduled post into the first occurrence of a new series. */
export function startSeriesFromPost(postId: string, rule: SeriesRuleT): Promise<SeriesCreatedT> {
  return unwrap(commands.startSeriesFromPost(postId, rule));
}
