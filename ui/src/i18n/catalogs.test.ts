import { describe, expect, it } from "vitest";
import en from "./en.json";
import ja from "./ja.json";

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const catalogs = { en: flatten(en), ja: flatten(ja) };

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? "").sort();
}

describe("message catalogs", () => {
  it("every English key exists in Japanese", () => {
    const missing = [...catalogs.en.keys()].filter((key) => !catalogs.ja.has(key));
    expect(missing).toEqual([]);
  });

  it("every Japanese key exists in English", () => {
    const extra = [...catalogs.ja.keys()].filter((key) => !catalogs.en.has(key));
    expect(extra).toEqual([]);
  });

  it("no message is empty", () => {
    for (const [language, entries] of Object.entries(catalogs)) {
      const empty = [...entries].filter(([, text]) => text.trim() === "").map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it("translations use the same {{placeholders}} as English", () => {
    const mismatched = [...catalogs.en].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(catalogs.ja.get(key) ?? "").join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("each empty state explains its step in exactly two sentences", () => {
    const sentenceEnd = { en: /[.!?](?=\s|$)/g, ja: /。/g };
    for (const language of ["en", "ja"] as const) {
      for (const [key, text] of catalogs[language]) {
        if (!/^empty\.\w+\.body$/.test(key)) continue;
        expect(text.match(sentenceEnd[language])?.length, `${language}:${key}`).toBe(2);
      }
    }
  });

  it("Japanese messages are actually translated", () => {
    const sameAsEnglish = [...catalogs.en].filter(
      ([key, text]) => /[a-z]{4,}/i.test(text) && catalogs.ja.get(key) === text,
    );
    // Proper names and language autonyms may stay as they are.
    expect(sameAsEnglish.map(([key]) => key)).toEqual(["app.name", "language.en"]);
  });
});
