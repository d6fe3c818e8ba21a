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
export const fakeBackend: { workspace: Api.Workspace | null } = { workspace: null };

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
