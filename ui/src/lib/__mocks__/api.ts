// Automatic mock used by `vi.mock(".../lib/api")` in component tests.
// Each function is a vi.fn whose default behaves like a tiny in-memory backend, so a
// save followed by a refetch returns what was saved (as the Rust side does).
// `mockReset: true` in the vitest config restores these defaults before every test; each
// test file seeds `fakeBackend` in its own beforeEach (modules are isolated per file).
import { vi } from "vitest";
import type * as Api from "../api";

const actual = await vi.importActual<typeof Api>("../api");

export const { AppError, toWorkspaceInput, INDUSTRIES, AUDIENCES, LANGUAGES, WEEK_STARTS } = actual;

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
