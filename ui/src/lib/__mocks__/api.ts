// Automatic mock used by `vi.mock(".../lib/api")` in component tests.
// Each function is a vi.fn whose default behaves like a tiny in-memory backend, so a
// save followed by a refetch returns what was saved (as the Rust side does).
// `mockReset: true` in the vitest config restores these defaults before every test; each
// test file seeds `fakeBackend` in its own beforeEach (modules are isolated per file).
import { vi } from "vitest";
import type * as Api from "../api";

const actual = await vi.importActual<typeof Api>("../api");

export const {
  AppError,
  toWorkspaceInput,
  INDUSTRIES,
  AUDIENCES,
  LANGUAGES,
  WEEK_STARTS,
  AGE_GROUPS,
  OBJECTIVE_KINDS,
  REGIONS,
  WHO_POSTS,
  EMOJI_USES,
  OBJECTIVE_STATUSES,
  FUNNEL_STAGES,
  CADENCES,
  EVIDENCE_KINDS,
  AVATAR_COLORS,
  INDUSTRY_TEMPLATES,
  USAGE_FREQUENCIES,
  toObjectiveInput,
  toPersonaInput,
  toPostInput,
  POST_STATUSES,
  CONTENT_TYPES,
  FORMATS,
  CSV_FORMATS,
  LINK_PLACEMENTS,
  EVENT_KINDS,
  INCIDENT_STEPS,
  MEDIA_SORTS,
} = actual;

export const SAMPLE_WORKSPACE: Api.Workspace = {
  name: "Sunrise Bakery",
  industry: "bakery_food",
  audience: "b2c",
  timeZone: "Asia/Tokyo",
  language: "en",
  weekStart: "monday",
  isSample: true,
  createdAt: "2026-01-15T03:30:00Z",
  updatedAt: "2026-01-15T03:30:00Z",
};

function fromInput(input: Api.WorkspaceInput, isSample = false): Api.Workspace {
  return { ...input, isSample, createdAt: "2026-01-15T03:30:00Z", updatedAt: "2026-01-15T03:30:00Z" };
}

export const getAppInfo = vi.fn(
  async (): Promise<Api.AppInfo> => ({
    version: "0.1.0",
    schemaVersion: 1,
    dataDir: "/home/user/.local/share/com.plotline.app",
    databasePath: "/home/user/.local/share/com.plotline.app/plotline.db",
  }),
);
export const getSystemDefaults = vi.fn(
  async (): Promise<Api.SystemDefaults> => ({ timeZone: "Asia/Tokyo", language: "en" }),
);
export const listTimeZones = vi.fn(async (): Promise<string[]> => [
  "America/New_York",
  "Asia/Tokyo",
  "Europe/London",
  "UTC",
]);
/** The stored workspace; tests seed it directly. `null` means first run. */
export const fakeBackend: {
  workspace: Api.Workspace | null;
  objectives: Api.Objective[];
  personas: Api.Persona[];
} = { workspace: null, objectives: [], personas: [] };

export const getWorkspace = vi.fn(async (): Promise<Api.Workspace | null> => fakeBackend.workspace);
export const saveWorkspace = vi.fn(async (input: Api.WorkspaceInput): Promise<Api.Workspace> => {
  fakeBackend.workspace = fromInput(input, fakeBackend.workspace?.isSample ?? false);
  return fakeBackend.workspace;
});
export const loadSampleWorkspace = vi.fn(async (language: Api.Language): Promise<Api.Workspace> => {
  fakeBackend.workspace = { ...SAMPLE_WORKSPACE, language };
  return fakeBackend.workspace;
});
export const backupNow = vi.fn(async (): Promise<Api.BackupReport | null> => null);
export const restoreFromBackup = vi.fn(async (): Promise<Api.RestoreReport | null> => null);

// ---------- Platforms ----------

const SRC = ["https://example.org/source"];
function fakePlatform(id: string, en: string, ja: string, over: Partial<Api.Platform> = {}): Api.Platform {
  return {
    id,
    names: { en, ja },
    summary: { en: `${en} summary`, ja: `${ja}の概要` },
    audience: {
      ageSkew: { en: "Under 35", ja: "35歳未満" },
      regions: { en: "Global", ja: "世界" },
      japanNote: { en: "Popular in Japan", ja: "日本で人気" },
      b2bFit: "low",
      b2cFit: "high",
      localFit: "high",
      japanReach: "high",
      internationalReach: "high",
      ageFit: { under25: 3, age25to34: 3, age35to44: 2, age45to54: 1, age55plus: 1 },
      sources: SRC,
      confidence: "high",
    },
    content: {
      strengths: [{ en: "Visual stories", ja: "ビジュアルで伝える" }],
      formats: ["photo", "short_video"],
      goalFit: { awareness: 3, leadAcquisition: 1, purchaseConversion: 2, fanLtv: 3, recruitingBranding: 1, socialListening: 1 },
      sources: SRC,
      confidence: "medium",
    },
    textLimits: {
      post: { max: 2200, counting: "characters" },
      title: null,
      bio: { max: 150, counting: "characters" },
      hashtagsMax: 30,
      note: { en: "Caption note", ja: "キャプションの注意" },
      sources: SRC,
      confidence: "high",
    },
    links: { inPost: "not_clickable", note: { en: "Use the profile link", ja: "プロフィールのリンクを使う" }, sources: SRC, confidence: "high" },
    media: {
      specs: [
        { id: "feed_portrait", width: 1080, height: 1350, aspect: "4:5", maxBytes: null, formats: ["jpg"] },
        { id: "profile", width: 320, height: 320, aspect: "1:1", maxBytes: null, formats: ["jpg"] },
      ],
      sources: SRC,
      confidence: "medium",
    },
    cadence: { postsPerWeekMin: 2, postsPerWeekMax: 4, note: { en: "A few a week", ja: "週に数本" }, sources: SRC, confidence: "low" },
    effort: { kind: "photo", level: "medium", minHoursPerWeek: 2, needsVideo: false, needsPhotos: true, needsLongForm: false },
    ...over,
  };
}

export const FAKE_CATALOG: Api.Catalog = {
  catalogVersion: "test",
  checkedOn: "2026-11-24",
  platforms: [
    fakePlatform("instagram", "Instagram", "Instagram"),
    fakePlatform("linkedin", "LinkedIn", "LinkedIn", {
      audience: {
        ...fakePlatform("x", "", "").audience,
        b2bFit: "high",
        b2cFit: "low",
        japanReach: "low",
      },
    }),
    fakePlatform("line_official_account", "LINE Official Account", "LINE公式アカウント", {
      textLimits: { ...fakePlatform("x", "", "").textLimits, bio: { max: 20, counting: "characters" } },
    }),
  ],
};

export const platformBackend: {
  setup: Api.PlatformSetup;
  designs: Record<string, Api.AccountDesign>;
} = { setup: { active: [], wizardAnswers: null, warning: null }, designs: {} };

function assess(design: Api.AccountDesignInput): Api.AccountDesign {
  const filled = [design.concept, design.bio, design.handle, design.link, design.pinnedPost].filter((s) => s !== "").length;
  return {
    design,
    bioCheck: { length: Array.from(design.bio).length, limit: 150, over: false, counting: "characters" },
    checklist: [{ placement: "profile", width: 320, height: 320, aspect: "1:1", done: design.checklistDone.includes("profile") }],
    completeness: filled * 10,
    missing: [],
    updatedAt: null,
  };
}

export const listPlatforms = vi.fn(async (): Promise<Api.Catalog> => FAKE_CATALOG);
/** Like plotline-core: the persona builder's live personas, shaped for the wizard. */
export const wizardPersonas = vi.fn(async (): Promise<Api.PersonaAnswer[]> =>
  fakeBackend.personas
    .filter((p) => !p.archived)
    .map((p) => ({
      name: p.name,
      primary: p.isPrimary,
      ageMin: null,
      ageMax: null,
      usage: p.socialUsage.map((u) => ({ platformId: u.platform, frequency: "daily" as const, activeHours: "" })),
    })),
);
export const recommendPlatforms = vi.fn(
  async (answers: Api.WizardAnswers): Promise<Api.Recommendation> => {
    const b2b = answers.audience.market === "b2b";
    const order = b2b ? ["linkedin", "instagram", "line_official_account"] : ["instagram", "line_official_account", "linkedin"];
    const hours = answers.capacity.hoursPerWeek ?? 0;
    return {
      ranking: order.map((platformId, i) => ({
        platformId,
        score: 90 - i * 10,
        parts: [],
        reasons: [{ en: `Reason for ${platformId}`, ja: `${platformId}の理由` }],
        risks: i === 2 ? [{ en: `Risk for ${platformId}`, ja: `${platformId}のリスク` }] : [],
      })),
      recommended: hours <= 2 ? order.slice(0, 1) : order.slice(0, 2),
      whyNotMore: { en: "Concentrate first.", ja: "まず集中。" },
      whenToAddNext: { en: "Add the next after 8 weeks.", ja: "8週間後に追加。" },
      model: {
        factors: [{ factor: "audience", weight: 35, explanation: { en: "Where your audience is", ja: "顧客のいる場所" } }],
        rules: [{ en: "One or two to start", ja: "最初は1〜2つ" }],
      },
    };
  },
);
export const getPlatformSetup = vi.fn(async (): Promise<Api.PlatformSetup> => platformBackend.setup);
export const savePlatformWizardAnswers = vi.fn(async (answers: Api.WizardAnswers): Promise<Api.PlatformSetup> => {
  platformBackend.setup = { ...platformBackend.setup, wizardAnswers: answers };
  return platformBackend.setup;
});
export const setActivePlatforms = vi.fn(async (platformIds: string[]): Promise<Api.PlatformSetup> => {
  platformBackend.setup = {
    ...platformBackend.setup,
    active: platformIds.map((platformId, position) => ({ platformId, position, chosenAt: "2026-11-24T00:00:00Z" })),
  };
  return platformBackend.setup;
});
export const getAccountDesign = vi.fn(
  async (platformId: string): Promise<Api.AccountDesign> =>
    platformBackend.designs[platformId] ??
    assess({
      platformId,
      concept: "",
      toneWords: [],
      dos: [],
      donts: [],
      emojiUse: "light",
      samplePhrases: [],
      bio: "",
      handle: "",
      link: "",
      checklistDone: [],
      pinnedPost: "",
    }),
);
export const saveAccountDesign = vi.fn(async (input: Api.AccountDesignInput): Promise<Api.AccountDesign> => {
  const saved = assess(input);
  platformBackend.designs[input.platformId] = saved;
  return saved;
});
// ---------- Strategy fakes (a tiny in-memory version of plotline-core's strategy) ----------

const STAMP = "2026-01-15T03:30:00Z";
let nextId = 1;
const newId = (prefix: string) => `${prefix}-${nextId++}`;
const amount = (text: string): number | null => (text.trim() === "" ? null : Number(text.replace(/[,%]/g, "")));

export const FAKE_CATALOGUE: Api.MetricInfo[] = [
  { id: "reach", stage: "awareness", unit: "people", vanity: true },
  { id: "video_views", stage: "awareness", unit: "views", vanity: true },
  { id: "engagements", stage: "interest", unit: "actions", vanity: true },
  { id: "follower_growth", stage: "interest", unit: "followers", vanity: true },
  { id: "profile_visits", stage: "interest", unit: "visits", vanity: false },
  { id: "link_clicks", stage: "action", unit: "clicks", vanity: false },
  { id: "conversions", stage: "action", unit: "conversions", vanity: false },
  { id: "ugc_volume", stage: "advocacy", unit: "posts", vanity: false },
];

function objectiveFrom(input: Api.ObjectiveInput, previous?: Api.Objective): Api.Objective {
  if (input.statement.trim() === "") {
    throw new actual.AppError("invalid", "Write the goal in one sentence.", "statement");
  }
  const unnamed = input.kpis.findIndex((k) => k.name.trim() === "");
  if (unnamed >= 0) {
    throw new actual.AppError("invalid", "Give this KPI a name, for example \"Weekly reach\".", `kpis.${unnamed}.name`);
  }
  if (input.targetValue.trim() !== "" && Number.isNaN(amount(input.targetValue))) {
    throw new actual.AppError("invalid", "This is not a number. Enter the target as digits.", "targetValue");
  }
  return {
    id: previous?.id ?? newId("objective"),
    kind: input.kind,
    statement: input.statement.trim(),
    baseline: amount(input.baseline),
    targetValue: amount(input.targetValue),
    unit: input.unit,
    baselineDate: input.baselineDate || null,
    deadline: input.deadline || null,
    owner: input.owner,
    status: input.status,
    sortOrder: previous?.sortOrder ?? fakeBackend.objectives.length,
    successFactors: input.successFactors.filter((f) => f.trim() !== ""),
    kpis: input.kpis.map((k) => ({
      id: k.id ?? newId("kpi"),
      name: k.name,
      stage: k.stage as Api.FunnelStage,
      metric: k.metric,
      baseline: amount(k.baseline),
      target: amount(k.target),
      unit: k.unit,
      cadence: k.cadence,
    })),
    personaIds: input.personaIds,
    createdAt: previous?.createdAt ?? STAMP,
    updatedAt: STAMP,
  };
}

export const listObjectives = vi.fn(async (): Promise<Api.Objective[]> => fakeBackend.objectives);
export const saveObjective = vi.fn(async (input: Api.ObjectiveInput): Promise<Api.Objective> => {
  const previous = fakeBackend.objectives.find((o) => o.id === input.id);
  const saved = objectiveFrom(input, previous);
  fakeBackend.objectives = previous
    ? fakeBackend.objectives.map((o) => (o.id === saved.id ? saved : o))
    : [...fakeBackend.objectives, saved];
  return saved;
});
export const deleteObjective = vi.fn(async (id: string): Promise<null> => {
  fakeBackend.objectives = fakeBackend.objectives.filter((o) => o.id !== id);
  return null;
});
export const reorderObjectives = vi.fn(async (ids: string[]): Promise<Api.Objective[]> => {
  fakeBackend.objectives = ids.flatMap((id) => fakeBackend.objectives.filter((o) => o.id === id));
  return fakeBackend.objectives;
});

const met = (reason: Api.SmartReason): Api.Criterion => ({ met: true, question: false, reason });
const unmet = (reason: Api.SmartReason): Api.Criterion => ({ met: false, question: false, reason });

export const reviewObjective = vi.fn(async (input: Api.ObjectiveInput): Promise<Api.ObjectiveReview> => {
  const target = amount(input.targetValue);
  const baseline = amount(input.baseline);
  const vanity = (metric: string) => FAKE_CATALOGUE.some((m) => m.id === metric && m.vanity);
  const warnings: Api.PlanWarning[] = [];
  if (input.kpis.length === 0) warnings.push({ code: "no_kpi", objectiveId: input.id });
  if (
    (input.kind === "purchase_conversion" || input.kind === "fan_ltv") &&
    input.kpis.length > 0 &&
    input.kpis.every((k) => vanity(k.metric))
  ) {
    warnings.push({ code: "vanity_only", objectiveId: input.id });
  }
  return {
    smart: {
      specific: input.statement.trim().length >= 12 ? met("states_what_changes") : unmet("too_short"),
      measurable: target === null ? unmet("no_target") : met("target_with_unit"),
      achievable: baseline === null ? unmet("no_baseline") : met("plausible_growth"),
      relevant: input.personaIds.length > 0 ? met("linked_to_persona") : unmet("no_persona"),
      timeBound: input.deadline ? met("has_deadline") : unmet("no_deadline"),
      growth: null,
    },
    warnings,
  };
});
export const suggestKpis = vi.fn(async (kind: Api.ObjectiveKind): Promise<Api.KpiInput[]> => [
  {
    id: null,
    name: kind === "purchase_conversion" ? "Online orders from social" : "Weekly reach",
    stage: "action",
    metric: "conversions",
    baseline: "",
    target: "",
    unit: "conversions",
    cadence: "weekly",
  },
]);
export const kpiCatalogue = vi.fn(async (): Promise<Api.MetricInfo[]> => FAKE_CATALOGUE);

function personaFrom(input: Api.PersonaInput, previous?: Api.Persona): Api.Persona {
  if (input.name.trim() === "") {
    throw new actual.AppError("invalid", "Give the persona a name.", "name");
  }
  const evidence = input.evidence.map((e) => ({ id: e.id ?? newId("evidence"), kind: e.kind, note: e.note, date: e.date || null }));
  return {
    id: previous?.id ?? newId("persona"),
    name: input.name.trim(),
    initials: input.name
      .trim()
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w.charAt(0).toUpperCase())
      .join(""),
    color: input.color,
    quote: input.quote,
    isPrimary: input.isPrimary,
    archived: previous?.archived ?? false,
    sortOrder: previous?.sortOrder ?? fakeBackend.personas.length,
    demographics: input.demographics,
    psychographics: input.psychographics,
    socialUsage: input.socialUsage,
    evidence,
    isHypothesis: evidence.every((e) => e.kind === "assumption"),
    objectiveIds: previous?.objectiveIds ?? [],
    createdAt: previous?.createdAt ?? STAMP,
    updatedAt: STAMP,
  };
}

export const listPersonas = vi.fn(async (): Promise<Api.Persona[]> => fakeBackend.personas);
export const savePersona = vi.fn(async (input: Api.PersonaInput): Promise<Api.Persona> => {
  const previous = fakeBackend.personas.find((p) => p.id === input.id);
  const saved = personaFrom(input, previous);
  fakeBackend.personas = previous
    ? fakeBackend.personas.map((p) => (p.id === saved.id ? saved : p))
    : [...fakeBackend.personas, saved];
  return saved;
});
export const duplicatePersona = vi.fn(async (id: string, copySuffix: string): Promise<Api.Persona> => {
  const original = fakeBackend.personas.find((p) => p.id === id);
  if (!original) throw new actual.AppError("notFound", "This persona no longer exists.");
  const copy = personaFrom({ ...actual.toPersonaInput(original), id: null, isPrimary: false, name: original.name + copySuffix });
  fakeBackend.personas = [...fakeBackend.personas, copy];
  return copy;
});
export const setPersonaArchived = vi.fn(async (id: string, archived: boolean): Promise<Api.Persona> => {
  fakeBackend.personas = fakeBackend.personas.map((p) => (p.id === id ? { ...p, archived } : p));
  const found = fakeBackend.personas.find((p) => p.id === id);
  if (!found) throw new actual.AppError("notFound", "This persona no longer exists.");
  return found;
});
export const deletePersona = vi.fn(async (id: string): Promise<null> => {
  fakeBackend.personas = fakeBackend.personas.filter((p) => p.id !== id);
  return null;
});
export const reorderPersonas = vi.fn(async (ids: string[]): Promise<Api.Persona[]> => {
  fakeBackend.personas = ids.flatMap((id) => fakeBackend.personas.filter((p) => p.id === id));
  return fakeBackend.personas;
});
export const personaFromTemplate = vi.fn(
  async (template: Api.IndustryTemplate): Promise<Api.PersonaInput> => ({
    id: null,
    name: template === "cafe_bakery" ? "Neighbourhood regular" : "Template persona",
    color: "clay",
    quote: "I want a small treat.",
    isPrimary: false,
    demographics: { ageRange: "30–45", gender: "", occupation: "Office worker", location: "", household: "", incomeBand: "" },
    psychographics: {
      values: ["Quality"],
      interests: [],
      informationSources: [],
      decisionFactors: [],
      painPoints: ["Sold out early"],
      goals: [],
      objections: [],
    },
    socialUsage: [{ platform: "instagram", frequency: "daily", activeHours: [], accountTypes: [] }],
    evidence: [{ id: null, kind: "assumption", note: "From the industry template.", date: "" }],
  }),
);
export const getPlanOverview = vi.fn(async (): Promise<Api.PlanOverview> => {
  const objectives = fakeBackend.objectives;
  const personas = fakeBackend.personas.filter((p) => !p.archived);
  const counted = (step: Api.ChainStep, count: number, code: Api.MissingCode): Api.PlanStep => ({
    step,
    status: count === 0 ? "missing" : "done",
    count,
    missing: count === 0 ? [{ code, count: 1 }] : [],
  });
  const later: Api.PlanStep[] = [
    counted("platforms", platformBackend.setup.active.length, "no_platform"),
    counted("pillars", pillarBackend.pillars.length, "no_pillar"),
    counted("calendar", 0, "no_scheduled_post"),
    { step: "results", status: "not_started", count: 0, missing: [] },
  ];
  return {
    steps: [
      {
        step: "objectives",
        status: objectives.length === 0 ? "missing" : "done",
        count: objectives.length,
        missing: objectives.length === 0 ? [{ code: "no_objective", count: 1 }] : [],
      },
      {
        step: "personas",
        status: personas.length === 0 ? "missing" : personas.some((p) => p.isHypothesis) ? "incomplete" : "done",
        count: personas.length,
        missing:
          personas.length === 0
            ? [{ code: "no_persona", count: 1 }]
            : personas.some((p) => p.isHypothesis)
              ? [{ code: "persona_is_hypothesis", count: personas.filter((p) => p.isHypothesis).length }]
              : [],
      },
      ...later,
    ],
    pitfalls: [
      ...(objectives.length === 0 ? [{ code: "no_objective" as const, objectiveIds: [] }] : []),
      ...(platformBackend.setup.warning ? [{ code: "too_many_platforms" as const, objectiveIds: [] }] : []),
      ...(pillarBackend.mix.warnings.some((w) => w.kind === "promotion_heavy")
        ? [{ code: "promotion_heavy_mix" as const, objectiveIds: [] }]
        : []),
    ],
  };
});

// ---- Pillars & mix ----
export const { PILLAR_COLOURS, TEAM_ROLES, APPROVAL_STEPS } = actual;

function emptyMix(): Api.MixStats {
  const slice = (target: number) => ({ count: 0, share: 0, target });
  return {
    total: 0,
    byType: [],
    value: slice(0.7),
    dialogue: slice(0.2),
    promotion: slice(0.1),
    byPillar: [],
    warnings: [],
  };
}

export const pillarBackend: {
  pillars: Api.Pillar[];
  mix: Api.MixStats;
  weeks: Api.WeekMix[];
  cadences: Api.Cadence[];
  gaps: Api.Gap[];
  team: Api.TeamSettings;
  competitors: Api.RiskCompetitor[];
  reset: () => void;
} = {
  pillars: [],
  mix: emptyMix(),
  weeks: [],
  cadences: [],
  gaps: [],
  team: { members: [], steps: [] },
  competitors: [],
  reset() {
    this.pillars = [];
    this.mix = emptyMix();
    this.weeks = [];
    this.cadences = [];
    this.gaps = [];
    this.team = {
      members: [],
      steps: [
        { step: "manager_review", required: true },
        { step: "brand_check", required: false },
      ],
    };
    this.competitors = [];
  },
};
let fakePillarSeq = 0;
const nextPillarId = () => `pillar-fake-${++fakePillarSeq}`;
function checkPillar(input: Api.PillarInput) {
  if (!input.name.trim()) throw new actual.AppError("invalid", "Give the pillar a short name.", "name");
}
export const listPillars = vi.fn(async (): Promise<Api.Pillar[]> => pillarBackend.pillars);
export const createPillar = vi.fn(async (input: Api.PillarInput): Promise<Api.Pillar> => {
  checkPillar(input);
  const p: Api.Pillar = { ...input, id: nextPillarId(), sortOrder: pillarBackend.pillars.length };
  pillarBackend.pillars = [...pillarBackend.pillars, p];
  return p;
});
export const updatePillar = vi.fn(async (id: string, input: Api.PillarInput): Promise<Api.Pillar> => {
  checkPillar(input);
  const old = pillarBackend.pillars.find((p) => p.id === id);
  const p: Api.Pillar = { ...input, id, sortOrder: old?.sortOrder ?? 0 };
  pillarBackend.pillars = pillarBackend.pillars.map((x) => (x.id === id ? p : x));
  return p;
});
export const deletePillar = vi.fn(async (id: string): Promise<null> => {
  pillarBackend.pillars = pillarBackend.pillars.filter((p) => p.id !== id);
  return null;
});
// The range and platform arguments are checked through the recorded calls.
export const getMix = vi.fn(async (): Promise<Api.MixStats> => pillarBackend.mix);
export const getWeeklyMix = vi.fn(async (): Promise<Api.WeekMix[]> => pillarBackend.weeks);
export const listCadences = vi.fn(async (): Promise<Api.Cadence[]> => pillarBackend.cadences);
export const setCadence = vi.fn(async (input: Api.Cadence): Promise<Api.Cadence | null> => {
  pillarBackend.cadences = [...pillarBackend.cadences.filter((c) => c.platform !== input.platform), input];
  return input;
});
export const cadenceGaps = vi.fn(async (): Promise<Api.Gap[]> => pillarBackend.gaps);
export const getTeam = vi.fn(async (): Promise<Api.TeamSettings> => pillarBackend.team);
export const addTeamMember = vi.fn(async (input: Api.TeamMemberInput): Promise<Api.TeamMember> => {
  if (!input.name.trim()) throw new actual.AppError("invalid", "Give the team member a name.", "name");
  const m = { ...input, id: nextPillarId() };
  pillarBackend.team = { ...pillarBackend.team, members: [...pillarBackend.team.members, m] };
  return m;
});
export const setApprovalStep = vi.fn(async (step: Api.ApprovalStep, required: boolean): Promise<Api.StepSetting[]> => {
  const steps = pillarBackend.team.steps.map((s) => (s.step === step ? { step, required } : s));
  pillarBackend.team = { ...pillarBackend.team, steps };
  return steps;
});
export const listCompetitors = vi.fn(async (): Promise<Api.RiskCompetitor[]> => pillarBackend.competitors);
export const addCompetitor = vi.fn(async (name: string): Promise<Api.RiskCompetitor> => {
  if (!name.trim()) throw new actual.AppError("invalid", "Type the competitor's name.", "name");
  const c = { id: nextPillarId(), name };
  pillarBackend.competitors = [...pillarBackend.competitors, c];
  return c;
});
export const removeCompetitor = vi.fn(async (id: string): Promise<null> => {
  pillarBackend.competitors = pillarBackend.competitors.filter((c) => c.id !== id);
  return null;
});
// ---------- Calendar ----------

/** The fake store of posts: scheduled ones have `time`, backlog ideas do not. */
/** The calendar's pillars are the Pillars screen's (one fake store, as in plotline-core). */
export const calendarBackend: { posts: Api.Post[]; pillars: Api.Pillar[]; failMoves: boolean } = {
  posts: [],
  get pillars() {
    return pillarBackend.pillars;
  },
  set pillars(value: Api.Pillar[]) {
    pillarBackend.pillars = value;
  },
  failMoves: false,
};

/** The fake backend's answer for `allowedNext` (the real one comes from core's workflow). */
const FAKE_NEXT: Record<Api.PostStatus, Api.PostStatus[]> = {
  idea: ["draft"],
  draft: ["idea", "in_review"],
  in_review: ["approved", "changes_requested", "draft"],
  changes_requested: ["draft", "in_review"],
  approved: ["scheduled", "changes_requested", "draft"],
  scheduled: ["published", "approved"],
  published: [],
};

export function fakePost(over: Partial<Api.Post> & { id: string; title: string }, local: string | null = null): Api.Post {
  const status: Api.PostStatus = over.status ?? (local ? "draft" : "idea");
  return {
    allowedNext: FAKE_NEXT[status],
    body: "",
    pillarId: null,
    contentType: "educational",
    format: "photo",
    objectiveId: null,
    kpiId: null,
    personaIds: [],
    campaignName: null,
    campaignSlug: null,
    scheduledAt: local ? `${local}:00+09:00` : null,
    time: local ? { utc: `${local}:00Z`, timeZone: "Asia/Tokyo", local } : null,
    status: local ? "draft" : "idea",
    ownerId: null,
    notes: "",
    links: [],
    seriesId: null,
    variants: [{ id: `${over.id}-v`, platform: "instagram", textOverride: null, hashtags: [], firstComment: null, linkPlacement: "none" }],
    publication: null,
    createdAt: "2026-01-15T03:30:00Z",
    updatedAt: "2026-01-15T03:30:00Z",
    ...over,
  };
}

function toItem(p: Api.Post): Api.CalendarItem {
  const pillar = calendarBackend.pillars.find((x) => x.id === p.pillarId) ?? null;
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    contentType: p.contentType,
    format: p.format,
    scheduledAt: p.scheduledAt,
    localTime: p.time?.local ?? null,
    platforms: p.variants.map((v) => v.platform),
    pillarId: p.pillarId,
    pillarName: pillar?.name ?? null,
    pillarColour: pillar?.colour ?? null,
    campaignSlug: p.campaignSlug,
    seriesId: p.seriesId,
  };
}

function findPost(id: string): Api.Post {
  const post = calendarBackend.posts.find((p) => p.id === id);
  if (!post) throw new actual.AppError("notFound", "That post no longer exists.");
  return post;
}

function schedule(post: Api.Post, local: string | null): Api.Post {
  return {
    ...post,
    scheduledAt: local ? `${local}:00+09:00` : null,
    time: local ? { utc: `${local}:00Z`, timeZone: "Asia/Tokyo", local } : null,
  };
}

function store(post: Api.Post): Api.Post {
  calendarBackend.posts = [...calendarBackend.posts.filter((p) => p.id !== post.id), post];
  return post;
}

export const calendarRange = vi.fn(async (from: string, to: string): Promise<Api.CalendarItem[]> =>
  calendarBackend.posts.filter((p) => p.time && p.time.local.slice(0, 10) >= from && p.time.local.slice(0, 10) < to).map(toItem),
);
export const calendarBacklog = vi.fn(async (): Promise<Api.CalendarItem[]> =>
  calendarBackend.posts.filter((p) => !p.time).map(toItem),
);
export const movePost = vi.fn(async (postId: string, to: string | null): Promise<Api.MoveOutcome> => {
  if (calendarBackend.failMoves) throw new actual.AppError("conflict", "The database is busy. Try again.");
  const before = findPost(postId);
  const after = store(schedule(before, to));
  return { changed: before.time?.local !== after.time?.local, item: toItem(after) };
});
export const getPost = vi.fn(async (id: string): Promise<Api.Post> => findPost(id));
export const createPost = vi.fn(async (input: Api.PostInput): Promise<Api.Post> => {
  if (!input.title.trim()) throw new actual.AppError("invalid", "Give the post a short title.", "title");
  const post = fakePost({ id: `post-${calendarBackend.posts.length + 1}`, title: input.title, body: input.body, pillarId: input.pillarId }, input.scheduledLocal);
  return store(post);
});
export const updatePost = vi.fn(async (id: string, input: Api.PostInput): Promise<Api.Post> => {
  if (!input.title.trim()) throw new actual.AppError("invalid", "Give the post a short title.", "title");
  return store(schedule({ ...findPost(id), title: input.title, body: input.body, pillarId: input.pillarId }, input.scheduledLocal));
});
export const duplicatePost = vi.fn(async (id: string): Promise<Api.Post> =>
  store({ ...findPost(id), id: `${id}-copy`, status: "draft" }),
);
export const deletePost = vi.fn(async (id: string): Promise<void> => {
  calendarBackend.posts = calendarBackend.posts.filter((p) => p.id !== id);
});
export const transitionPost = vi.fn(async (postId: string, to: Api.PostStatus): Promise<Api.Post> =>
  store({ ...findPost(postId), status: to, allowedNext: FAKE_NEXT[to] }),
);
export const postRiskReview = vi.fn(async (): Promise<Api.RiskReview[]> => []);
export const acknowledgeRisk = vi.fn(async (): Promise<void> => undefined);

// ---------- Connections (CalDAV, keychain), publishing, hand-off ----------

export const connectionsBackend: {
  connections: Api.CalDavConnection[];
  storeAvailable: boolean;
  /** Passwords "in the keychain", by connection id (never returned by any fake). */
  keychain: Map<string, string>;
  /** What the fake server accepts as the password. */
  serverPassword: string;
  due: Api.DuePost[];
  clipboard: string[];
  published: { postId: string; url: string }[];
} = {
  connections: [],
  storeAvailable: true,
  keychain: new Map(),
  serverPassword: "wonderland",
  due: [],
  clipboard: [],
  published: [],
};

const NO_STORE =
  "Plotline could not reach your system keychain (no Secret Service). Nothing was stored. On Linux, make sure GNOME Keyring or KWallet is running and unlocked.";

function checkCaldav(input: Api.CalDavInput) {
  if (!input.label.trim()) throw new actual.AppError("invalid", 'Give this calendar a name, e.g. "Team calendar".', "label");
  if (!/^https:\/\//.test(input.url.trim()))
    throw new actual.AppError("invalid", "Enter the calendar's full CalDAV address, starting with https://.", "url");
  if (!input.username.trim()) throw new actual.AppError("invalid", "Enter the user name for this calendar.", "username");
  if (!input.password) throw new actual.AppError("invalid", "Enter the password.", "password");
}

export const listConnections = vi.fn(async (): Promise<Api.CalDavConnection[]> => connectionsBackend.connections);
export const secureStoreStatus = vi.fn(
  async (): Promise<Api.SecureStoreStatus> =>
    connectionsBackend.storeAvailable ? { available: true, message: null } : { available: false, message: NO_STORE },
);
export const testCaldavConnection = vi.fn(async (input: Api.CalDavInput): Promise<void> => {
  checkCaldav(input);
  if (input.password !== connectionsBackend.serverPassword)
    throw new actual.AppError("invalid", "The calendar server refused this user name or password (401).", "password");
});
export const addCaldavConnection = vi.fn(async (input: Api.CalDavInput): Promise<Api.ConnectionInfo> => {
  checkCaldav(input);
  if (!connectionsBackend.storeAvailable) throw new actual.AppError("unsupported", NO_STORE);
  const id = `conn-${connectionsBackend.connections.length + 1}`;
  const info: Api.ConnectionInfo = {
    id,
    kind: "caldav",
    label: input.label.trim(),
    url: input.url.trim(),
    username: input.username.trim(),
    createdAt: "2026-04-01T00:00:00Z",
    updatedAt: "2026-04-01T00:00:00Z",
  };
  connectionsBackend.keychain.set(id, input.password);
  connectionsBackend.connections = [...connectionsBackend.connections, { connection: info, lastRun: null }];
  return info;
});
export const testSavedConnection = vi.fn(async (id: string): Promise<void> => {
  if (connectionsBackend.keychain.get(id) !== connectionsBackend.serverPassword)
    throw new actual.AppError("invalid", "The calendar server refused this user name or password (401).", "password");
});
export const removeConnection = vi.fn(async (id: string): Promise<void> => {
  connectionsBackend.keychain.delete(id);
  connectionsBackend.connections = connectionsBackend.connections.filter((c) => c.connection.id !== id);
});
export const publishCaldav = vi.fn(async (connectionId: string, dryRun: boolean): Promise<Api.PublishSummary> => {
  const conn = connectionsBackend.connections.find((c) => c.connection.id === connectionId);
  if (!conn) throw new actual.AppError("notFound", "This connection no longer exists.");
  const first = conn.lastRun === null;
  const plan: Api.PlanItem[] = [
    { uid: "p1@plotline.app", href: "/cal/p1.ics", action: first ? "create" : "unchanged", summary: "[Instagram] Sakura anpan", starts: "2026-04-03T00:00:00Z" },
    { uid: "p2@plotline.app", href: "/cal/p2.ics", action: first ? "create" : "unchanged", summary: "[LINE] Bread class", starts: "2026-04-04T00:00:00Z" },
  ];
  const summary: Api.PublishSummary = {
    dryRun,
    created: first ? 2 : 0,
    updated: 0,
    deleted: 0,
    unchanged: first ? 0 : 2,
    failures: [],
    plan,
  };
  if (!dryRun) {
    connectionsBackend.connections = connectionsBackend.connections.map((c) =>
      c.connection.id === connectionId
        ? { ...c, lastRun: { at: "2026-04-01T03:00:00Z", created: summary.created, updated: 0, deleted: 0, unchanged: summary.unchanged, failures: 0 } }
        : c,
    );
  }
  return summary;
});
export const duePosts = vi.fn(async (): Promise<Api.DuePost[]> => connectionsBackend.due);
export const markPostPublished = vi.fn(async (postId: string, url: string): Promise<Api.Post> => {
  if (!/^https?:\/\/[^/\s]+/.test(url.trim()))
    throw new actual.AppError("invalid", "Paste the address of the live post, starting with https://.", "url");
  connectionsBackend.published.push({ postId, url: url.trim() });
  connectionsBackend.due = connectionsBackend.due.filter((d) => d.postId !== postId);
  return {
    ...fakePost({ id: postId, title: "Published" }, null),
    status: "published",
    publication: { postId, url: url.trim(), publishedAt: "2026-03-10T00:30:00Z" },
  };
});
export const copyToClipboard = vi.fn(async (text: string): Promise<void> => {
  connectionsBackend.clipboard.push(text);
});
// ---------------------------------------------------------------- share (issue 8)

const exported = (path: string, rows = 3): Api.ExportSummary => ({ path, posts: rows, events: 0, rows, bytes: 1024, notes: [] });
export const exportIcs = vi.fn(async (): Promise<Api.ExportSummary | null> => exported("/home/me/plotline-calendar.ics"));
export const exportCsv = vi.fn(
  async (_o: Api.ExportOptions, format: Api.CsvFormat): Promise<Api.ExportSummary | null> => exported(`/home/me/plotline-posts-${format}.csv`),
);
export const printCalendarHtml = vi.fn(
  async (): Promise<string> => "<!DOCTYPE html><html><body><section class=\"page\">Sunrise Bakery</section></body></html>",
);
export const exportPrintCalendar = vi.fn(async (): Promise<Api.ExportSummary | null> => exported("/home/me/plotline-calendar.html"));
export const exportBundle = vi.fn(
  async (): Promise<Api.BundleSummary | null> => ({
    path: "/home/me/plotline-plan.plotline",
    tables: { posts: 3 },
    media: 0,
    bytes: 2048,
    exportedAt: "2026-05-01T00:00:00Z",
  }),
);
export const shareBackend: { bundlePreview: Api.Previewed<Api.BundlePreview> | null } = { bundlePreview: null };
export const previewBundleImport = vi.fn(async (): Promise<Api.Previewed<Api.BundlePreview> | null> => shareBackend.bundlePreview);
export const applyBundleImport = vi.fn(
  async (choices: Api.ImportChoice[]): Promise<Api.BundleImportReport> => ({
    added: 1,
    updated: choices.filter((c) => c.take === "theirs").length,
    kept: choices.filter((c) => c.take === "mine").length,
    unchanged: 0,
    media: 0,
    tables: [],
  }),
);
const csvPreview: Api.CsvImportPreview = {
  format: "buffer",
  rows: 2,
  posts: [{ line: 2, title: "Weekend brunch", scheduledLocal: "2026-05-02T10:30", platforms: [], status: "draft" }],
  skipped: 0,
  errors: [{ line: 3, message: "Text is empty; every post needs its text." }],
};
export const previewCsvImport = vi.fn(async (): Promise<Api.Previewed<Api.CsvImportPreview> | null> => ({ fileName: "buffer.csv", preview: csvPreview }));
export const applyCsvImport = vi.fn(async (): Promise<Api.CsvImportPreview> => csvPreview);
const icsPreview: Api.IcsImportPreview = {
  events: [{ title: "Christmas market", startsOn: "2026-12-24", endsOn: "2026-12-25", recurring: false, duplicate: false }],
  added: 1,
  duplicates: 0,
  notes: [],
};
export const previewIcsImport = vi.fn(async (): Promise<Api.Previewed<Api.IcsImportPreview> | null> => ({ fileName: "holidays.ics", preview: icsPreview }));
export const applyIcsImport = vi.fn(async (): Promise<Api.IcsImportPreview> => icsPreview);

// ---------- Calendar: editor checks, approval, series, events, incident playbook ----------

/** Extra fake state; tests set it in their beforeEach (reset by `resetContentBackend`). */
export const contentBackend: {
  checks: Api.VariantCheck[];
  signOffs: Api.SignOffState[];
  comments: Api.PostComment[];
  lane: Api.EventsLane;
  contacts: Api.IncidentContact[];
} = { checks: [], signOffs: [], comments: [], lane: { events: [], holidays: [], hooks: [] }, contacts: [] };

export function resetContentBackend() {
  contentBackend.checks = [];
  contentBackend.signOffs = [];
  contentBackend.comments = [];
  contentBackend.lane = { events: [], holidays: [], hooks: [] };
  contentBackend.contacts = [];
}

/** A fake check: the X length is the text length (weighting is core's job and tested there). */
export const checkPostDraft = vi.fn(async (post: Api.PostInput): Promise<Api.VariantCheck[]> =>
  contentBackend.checks.length > 0
    ? contentBackend.checks
    : post.variants.map((v) => {
        const length = (v.textOverride ?? post.body).length;
        const limit = v.platform === "x" ? 280 : 2200;
        return {
          platform: v.platform,
          inherits: v.textOverride === null,
          length,
          limit,
          counting: v.platform === "x" ? "x_weighted" : "characters",
          hashtags: v.hashtags.length,
          hashtagLimit: null,
          issues: length > limit ? [{ severity: "error", code: "too_long", message: "Too long", detail: null }] : [],
        } satisfies Api.VariantCheck;
      }),
);
export const postSignOffs = vi.fn(async (): Promise<Api.SignOffState[]> => contentBackend.signOffs);
export const signOffPost = vi.fn(async (_id: string, step: Api.ApprovalStep, memberId: string): Promise<null> => {
  const name = pillarBackend.team.members.find((m) => m.id === memberId)?.name ?? memberId;
  contentBackend.signOffs = contentBackend.signOffs.map((s) => (s.step === step ? { ...s, memberName: name, at: "2026-01-15T03:30:00Z" } : s));
  return null;
});
export const postHistory = vi.fn(async (): Promise<Api.HistoryEntry[]> => []);
export const postComments = vi.fn(async (): Promise<Api.PostComment[]> => contentBackend.comments);
export const addPostComment = vi.fn(async (_id: string, _author: string | null, body: string): Promise<Api.PostComment> => {
  const c = { id: `c${contentBackend.comments.length + 1}`, authorId: null, authorName: "You", body, createdAt: "2026-01-15T03:30:00Z" };
  contentBackend.comments = [...contentBackend.comments, c];
  return c;
});
export const postTrackedLinks = vi.fn(async (): Promise<Api.TrackedLink[]> => []);
export const createSeries = vi.fn(async (input: Api.SeriesInput) => {
  const first = createPost(input.template);
  const post = await first;
  store({ ...post, seriesId: "series-1" });
  return { seriesId: "series-1", posts: [post] };
});
export const updateSeries = vi.fn(async (): Promise<Api.Post[]> => []);
export const skipPostOccurrence = vi.fn(async (id: string): Promise<null> => {
  calendarBackend.posts = calendarBackend.posts.filter((p) => p.id !== id);
  return null;
});
export const deleteSeries = vi.fn(async (seriesId: string): Promise<null> => {
  calendarBackend.posts = calendarBackend.posts.filter((p) => p.seriesId !== seriesId);
  return null;
});
export const calendarEvents = vi.fn(async (): Promise<Api.EventsLane> => contentBackend.lane);
export const createEvent = vi.fn(async (input: Api.CalendarEventInput): Promise<Api.CalendarEvent> => {
  if (!input.title.trim()) throw new actual.AppError("invalid", "Give the event a name.", "title");
  const ev = { id: `ev${contentBackend.lane.events.length + 1}`, title: input.title, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn ?? input.startsOn, notes: input.notes };
  contentBackend.lane = { ...contentBackend.lane, events: [...contentBackend.lane.events, ev] };
  return ev;
});
export const updateEvent = vi.fn(async (id: string, input: Api.CalendarEventInput): Promise<Api.CalendarEvent> => {
  const ev = { id, title: input.title, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn ?? input.startsOn, notes: input.notes };
  contentBackend.lane = { ...contentBackend.lane, events: contentBackend.lane.events.map((e) => (e.id === id ? ev : e)) };
  return ev;
});
export const deleteEvent = vi.fn(async (id: string): Promise<null> => {
  contentBackend.lane = { ...contentBackend.lane, events: contentBackend.lane.events.filter((e) => e.id !== id) };
  return null;
});
export const listIncidentContacts = vi.fn(async (): Promise<Api.IncidentContact[]> => contentBackend.contacts);
export const saveIncidentContact = vi.fn(async (id: string | null, input: Api.IncidentContactInput): Promise<Api.IncidentContact> => {
  if (!input.name.trim()) throw new actual.AppError("invalid", "Enter who to contact.", "name");
  if (!input.phone.trim() && !input.email.trim()) throw new actual.AppError("invalid", "Add a phone number or an email address.", "phone");
  const c = { ...input, id: id ?? `contact${contentBackend.contacts.length + 1}` };
  contentBackend.contacts = [...contentBackend.contacts.filter((x) => x.id !== c.id), c];
  return c;
});
export const deleteIncidentContact = vi.fn(async (id: string): Promise<null> => {
  contentBackend.contacts = contentBackend.contacts.filter((c) => c.id !== id);
  return null;
});

// ---- results and review (issue 9) ----
export const { IMPORT_SOURCES, IMPORT_FIELDS, DECISION_AREAS } = actual;

function emptyShares(): Api.MixShares {
  const g = (target: number) => ({ count: 0, share: 0, target });
  return { total: 0, value: g(0.7), dialogue: g(0.2), promotion: g(0.1) };
}

export function emptySummary(from = "2026-02-01", to = "2026-02-28"): Api.ResultsSummary {
  return {
    from,
    to,
    postsPublished: 0,
    postsMeasured: 0,
    totals: fakeMetrics(),
    totalsDerived: { engagement: null, engagementRate: null, rateBase: null, ctr: null, conversionRate: null },
    kpis: [],
    byPlatform: [],
    byPillar: [],
    byContentType: [],
    byFormat: [],
    mix: { planned: emptyShares(), published: emptyShares() },
    ranking: { top: [], bottom: [], traits: [], explanation: "Enter the numbers of at least two published posts to compare the best and the weakest." },
    account: [],
  };
}

export function fakeMetrics(over: Partial<Api.Metrics> = {}): Api.Metrics {
  return {
    impressions: null,
    reach: null,
    likes: null,
    comments: null,
    shares: null,
    saves: null,
    clicks: null,
    profileVisits: null,
    videoViews: null,
    conversions: null,
    revenue: null,
    ...over,
  };
}

function derive(m: Api.Metrics): Api.Derived {
  const parts = [m.likes, m.comments, m.shares, m.saves];
  const engagement = parts.every((p) => p === null) ? null : parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  const base = m.reach ? m.reach : m.impressions ? m.impressions : null;
  return {
    engagement,
    engagementRate: engagement !== null && base ? engagement / base : null,
    rateBase: engagement !== null && base ? (m.reach ? "reach" : "impressions") : null,
    ctr: null,
    conversionRate: null,
  };
}

export function fakeEntry(over: Partial<Api.PublishedPost> & { variantId: string; title: string }): Api.PublishedPost {
  const metrics = over.metrics ?? fakeMetrics();
  return {
    postId: `post-${over.variantId}`,
    platform: "instagram",
    pillarId: null,
    pillarName: null,
    pillarColour: null,
    contentType: "educational",
    format: "photo",
    localTime: "2026-02-10T09:00",
    textLength: 40,
    hasVideo: false,
    capturedOn: null,
    postUrl: null,
    derived: derive(metrics),
    ...over,
    metrics,
  };
}

export const resultsBackend: {
  summary: Api.ResultsSummary;
  entries: Api.PublishedPost[];
  reviews: Api.Review[];
  preview: Api.ImportFilePreview | null;
} = { summary: emptySummary(), entries: [], reviews: [], preview: null };

export const resultsSummary = vi.fn(async (): Promise<Api.ResultsSummary> => resultsBackend.summary);
export const resultsEntries = vi.fn(async (): Promise<Api.PublishedPost[]> => resultsBackend.entries);
export const recordPostMetrics = vi.fn(async (input: Api.SnapshotInput): Promise<Api.Snapshot> => {
  resultsBackend.entries = resultsBackend.entries.map((e) =>
    e.variantId === input.variantId ? { ...e, metrics: input.metrics, derived: derive(input.metrics), capturedOn: input.capturedOn || "2026-02-28" } : e,
  );
  return {
    id: `snap-${input.variantId}`,
    variantId: input.variantId,
    postId: `post-${input.variantId}`,
    platform: "instagram",
    capturedOn: input.capturedOn || "2026-02-28",
    metrics: input.metrics,
    derived: derive(input.metrics),
    source: "manual",
    postUrl: null,
    createdAt: "2026-02-28T00:00:00Z",
    updatedAt: "2026-02-28T00:00:00Z",
  };
});
export const variantSnapshots = vi.fn(async (): Promise<Api.Snapshot[]> => []);
export const saveAccountMetrics = vi.fn(async (input: Api.AccountMetricsInput): Promise<Api.AccountMetrics> => ({
  ...input,
  id: "acc-1",
  createdAt: "2026-02-28T00:00:00Z",
  updatedAt: "2026-02-28T00:00:00Z",
}));
export const addKpiReading = vi.fn(async (input: Api.KpiReadingInput): Promise<Api.KpiReading> => ({ ...input, id: "reading-1" }));
export const chooseResultsFile = vi.fn(async (): Promise<Api.ImportFilePreview | null> => resultsBackend.preview);
export const previewResultsImport = vi.fn(async (): Promise<Api.ImportFilePreview> => {
  if (!resultsBackend.preview) throw new actual.AppError("conflict", "Choose the exported file again.");
  return resultsBackend.preview;
});
export const commitResultsImport = vi.fn(async (): Promise<Api.ImportResult> => ({
  written: resultsBackend.preview?.preview.matched.length ?? 0,
  unmatched: resultsBackend.preview?.preview.unmatched.length ?? 0,
  errors: resultsBackend.preview?.preview.errors.length ?? 0,
}));
export const listReviews = vi.fn(async (): Promise<Api.Review[]> => resultsBackend.reviews);
export const reviewNumbers = vi.fn(async (): Promise<Api.ReviewSnapshot> => ({
  postsPublished: resultsBackend.summary.postsPublished,
  postsMeasured: resultsBackend.summary.postsMeasured,
  reach: resultsBackend.summary.totals.reach,
  impressions: resultsBackend.summary.totals.impressions,
  engagement: resultsBackend.summary.totalsDerived.engagement,
  engagementRate: resultsBackend.summary.totalsDerived.engagementRate,
  clicks: resultsBackend.summary.totals.clicks,
  kpis: resultsBackend.summary.kpis,
  top: [],
  bottom: [],
  explanation: resultsBackend.summary.ranking.explanation,
}));
export const saveReview = vi.fn(async (input: Api.ReviewInput): Promise<Api.Review> => {
  if (input.status === "completed" && !input.hypothesis.trim()) {
    throw new actual.AppError("invalid", "Write the next hypothesis before completing the review.", "hypothesis");
  }
  const review: Api.Review = {
    ...input,
    id: input.id ?? `review-${resultsBackend.reviews.length + 1}`,
    snapshot: await reviewNumbers(),
    createdAt: "2026-02-28T00:00:00Z",
    updatedAt: "2026-02-28T00:00:00Z",
  };
  resultsBackend.reviews = [review, ...resultsBackend.reviews.filter((r) => r.id !== review.id)];
  return review;
});
export const deleteReview = vi.fn(async (id: string): Promise<null> => {
  resultsBackend.reviews = resultsBackend.reviews.filter((r) => r.id !== id);
  return null;
});

// ---------- Media (issue 7) ----------

export function fakeMediaItem(id: string, name: string, over: Partial<Api.MediaItem> = {}): Api.MediaItem {
  return {
    id,
    sha256: id.padEnd(64, "0").slice(0, 64),
    originalName: name,
    bytes: 120000,
    width: 1600,
    height: 1200,
    format: "jpeg",
    takenAt: null,
    altText: "",
    tags: [],
    focalX: 0.5,
    focalY: 0.5,
    createdAt: "2026-01-15T03:30:00Z",
    updatedAt: "2026-01-15T03:30:00Z",
    ...over,
  };
}

export const FAKE_TARGETS: Api.TargetInfo[] = [
  { key: "instagram:feed_square", platform: "instagram", platformName: { en: "Instagram", ja: "Instagram" }, placement: "feed_square", width: 1080, height: 1080, maxBytes: 8000000, safeZones: false },
  { key: "instagram:story", platform: "instagram", platformName: { en: "Instagram", ja: "Instagram" }, placement: "story", width: 1080, height: 1920, maxBytes: 8000000, safeZones: true },
  { key: "x:landscape", platform: "x", platformName: { en: "X", ja: "X" }, placement: "landscape", width: 1600, height: 900, maxBytes: 5000000, safeZones: false },
];

export const mediaBackend: {
  items: Api.MediaItem[];
  postMedia: Record<string, string[]>;
  /** post id → platform → that platform's own photos */
  variantMedia: Record<string, Record<string, string[]>>;
  importResult: Api.ImportReport | null;
  exportFolder: string | null;
} = { items: [], postMedia: {}, variantMedia: {}, importResult: null, exportFolder: null };

function usedBy(id: string): number {
  return Object.values(mediaBackend.postMedia).filter((ids) => ids.includes(id)).length;
}
function findMedia(id: string): Api.MediaItem {
  const m = mediaBackend.items.find((i) => i.id === id);
  if (!m) throw new actual.AppError("notFound", "That photo is no longer in the library.");
  return m;
}

export const listMedia = vi.fn(async (query: Api.MediaQuery): Promise<Api.MediaListItem[]> => {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const items = mediaBackend.items.filter((m) =>
    words.every((w) => m.originalName.toLowerCase().includes(w) || m.altText.toLowerCase().includes(w) || m.tags.some((t) => t.includes(w))),
  );
  if (query.sort === "name") items.sort((a, b) => a.originalName.localeCompare(b.originalName));
  if (query.sort === "oldest") items.reverse();
  return items.map((m) => ({ ...m, usedByPosts: usedBy(m.id) }));
});
export const importMedia = vi.fn(async (): Promise<Api.ImportReport | null> => {
  const r = mediaBackend.importResult;
  if (r) mediaBackend.items = [...r.imported, ...mediaBackend.items.filter((m) => !r.imported.some((i) => i.id === m.id))];
  return r;
});
export const updateMediaDetails = vi.fn(async (id: string, input: Api.MediaDetailsInput): Promise<Api.MediaItem> => {
  if (input.altText.length > 1000) throw new actual.AppError("invalid", "Alt text can be up to 1000 characters.", "altText");
  const m = { ...findMedia(id), altText: input.altText.trim(), tags: input.tags.map((t) => t.trim().toLowerCase()).filter(Boolean) };
  mediaBackend.items = mediaBackend.items.map((i) => (i.id === id ? m : i));
  return m;
});
export const setMediaFocal = vi.fn(async (id: string, x: number, y: number): Promise<Api.MediaItem> => {
  const m = { ...findMedia(id), focalX: x, focalY: y };
  mediaBackend.items = mediaBackend.items.map((i) => (i.id === id ? m : i));
  return m;
});
export const deleteMedia = vi.fn(async (ids: string[]): Promise<Api.DeleteMediaReport> => {
  const inUse = ids.filter((id) => usedBy(id) > 0);
  const deleted = ids.filter((id) => !inUse.includes(id));
  mediaBackend.items = mediaBackend.items.filter((m) => !deleted.includes(m.id));
  return {
    deleted,
    inUse: inUse.map((id) => ({ id, name: findMedia(id).originalName, postTitles: ["Melon pan launch"] })),
  };
});
export const mediaTargets = vi.fn(async (): Promise<Api.TargetInfo[]> => FAKE_TARGETS);
export const previewMediaVariants = vi.fn(async (_id: string, request: Api.VariantRequest): Promise<Api.VariantPreview[]> =>
  request.targets.map((key) => {
    const t = FAKE_TARGETS.find((x) => x.key === key) ?? FAKE_TARGETS[0]!;
    const s = 240 / Math.max(t.width, t.height);
    return { key, width: Math.round(t.width * s), height: Math.round(t.height * s), dataUrl: "data:image/jpeg;base64,AAAA" };
  }),
);
export const exportMediaVariants = vi.fn(async (id: string, request: Api.VariantRequest): Promise<Api.MediaExportReport | null> => {
  const folder = mediaBackend.exportFolder;
  if (!folder) return null;
  const name = findMedia(id).originalName.replace(/\.[a-z]+$/i, "");
  return {
    folder,
    files: request.targets.map((key) => {
      const t = FAKE_TARGETS.find((x) => x.key === key) ?? FAKE_TARGETS[0]!;
      return {
        platform: t.platform,
        placement: t.placement,
        width: t.width,
        height: t.height,
        path: `${folder}/2026-12-03_${name}_${t.platform}-${t.placement}.jpg`,
        bytes: 200000,
        format: "jpeg",
        quality: 85,
        maxBytes: t.maxBytes,
        fitsLimit: true,
      };
    }),
  };
});
export const variantMedia = vi.fn(async (postId: string): Promise<Api.VariantMedia[]> =>
  Object.keys(mediaBackend.variantMedia[postId] ?? {}).map((platform) => ({
    platform,
    own: true,
    media: (mediaBackend.variantMedia[postId]?.[platform] ?? []).map(findMedia),
  })),
);
export const setVariantMedia = vi.fn(async (postId: string, platform: string, mediaIds: string[]): Promise<Api.VariantMedia> => {
  const own = (mediaBackend.variantMedia[postId] ??= {});
  if (mediaIds.length === 0) delete own[platform];
  else own[platform] = [...new Set(mediaIds)];
  const ids = own[platform] ?? mediaBackend.postMedia[postId] ?? [];
  return { platform, own: mediaIds.length > 0, media: ids.map(findMedia) };
});
export const exportPostImages = vi.fn(async (postId: string): Promise<Api.PostImagesReport | null> => {
  const folder = mediaBackend.exportFolder;
  if (!folder) return null;
  const ids = mediaBackend.postMedia[postId] ?? [];
  if (ids.length === 0) throw new actual.AppError("conflict", "This post has no photos yet. Attach photos in the post's editor, then export them.", null);
  const t = FAKE_TARGETS[0]!;
  const dir = `${folder}/2026-12-03_post`;
  return {
    folder: dir,
    asIs: [],
    files: ids.map((id, i) => ({
      platform: t.platform,
      placement: t.placement,
      width: t.width,
      height: t.height,
      path: `${dir}/2026-12-03_0${i + 1}-${findMedia(id).originalName}_${t.platform}-${t.placement}.jpg`,
      bytes: 200000,
      format: "jpeg" as const,
      quality: 85,
      maxBytes: t.maxBytes,
      fitsLimit: true,
    })),
  };
});
export const postMedia = vi.fn(async (postId: string): Promise<Api.MediaItem[]> =>
  (mediaBackend.postMedia[postId] ?? []).map(findMedia),
);
export const setPostMedia = vi.fn(async (postId: string, mediaIds: string[]): Promise<Api.MediaItem[]> => {
  mediaBackend.postMedia[postId] = [...new Set(mediaIds)];
  return mediaBackend.postMedia[postId]!.map(findMedia);
});
// ---- calendar: series from an existing post ----
export const startSeriesFromPost = vi.fn(async (postId: string, rule: Api.SeriesRule) => {
  const post = calendarBackend.posts.find((p) => p.id === postId);
  if (!post) throw new actual.AppError("notFound", "That post no longer exists.");
  if (!post.time) throw new actual.AppError("invalid", "Give this post a date and time first.", "scheduledLocal");
  if (rule.until && rule.until <= post.time.local.slice(0, 10))
    throw new actual.AppError("invalid", "The end date must be after the first post; choose a later date.", "until");
  const attached = { ...post, seriesId: "series-from-post" };
  store(attached);
  return { seriesId: "series-from-post", posts: [attached] };
});
