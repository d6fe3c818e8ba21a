// The real copyToClipboard (api.ts is not mocked here): it uses the WebView's async clipboard.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, copyToClipboard } from "../../lib/api";

describe("copyToClipboard", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("writes the exact text through navigator.clipboard", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    await copyToClipboard("焼きたて 🥐\n#bakery");
    expect(writeText).toHaveBeenCalledWith("焼きたて 🥐\n#bakery");
  });

  it("turns a refusal into an AppError the UI can explain", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: vi.fn(async () => Promise.reject(new Error("NotAllowedError"))) } });
    await expect(copyToClipboard("x")).rejects.toBeInstanceOf(AppError);
    vi.stubGlobal("navigator", {});
    await expect(copyToClipboard("x")).rejects.toBeInstanceOf(AppError);
  });
});
