import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError, getWorkspace, saveWorkspace } from "./api";
import { commands } from "./bindings";

vi.mock("./bindings", () => ({
  commands: { getWorkspace: vi.fn(), saveWorkspace: vi.fn() },
}));

const mocked = vi.mocked(commands);

describe("api", () => {
  beforeEach(() => {
    mocked.getWorkspace.mockReset();
    mocked.saveWorkspace.mockReset();
  });

  it("returns the data of an ok result", async () => {
    mocked.getWorkspace.mockResolvedValue({ status: "ok", data: null });
    await expect(getWorkspace()).resolves.toBeNull();
  });

  it("turns an error result into an AppError with the kind and the user-facing message", async () => {
    mocked.saveWorkspace.mockResolvedValue({
      status: "error",
      error: { kind: "invalid", message: "The business name is too long. Use 100 characters or fewer.", field: "name" },
    });
    const failure = saveWorkspace({
      name: "x",
      industry: "other",
      audience: "b2c",
      timeZone: "UTC",
      language: "en",
      weekStart: "monday",
    });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({
      kind: "invalid",
      message: "The business name is too long. Use 100 characters or fewer.",
      field: "name",
    });
  });

  it("wraps a failure that never reached the command as an unknown AppError", async () => {
    mocked.getWorkspace.mockRejectedValue(new Error("IPC channel closed"));
    await expect(getWorkspace()).rejects.toMatchObject({ kind: "unknown", message: "IPC channel closed" });
  });
});
