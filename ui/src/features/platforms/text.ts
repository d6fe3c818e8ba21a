// Live text counting for the account-design form, mirroring plotline-core's rules
// (platforms/text.rs). The saved value is checked again on the Rust side.
import type { Counting } from "../../lib/api";

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

function graphemes(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  return Array.from(text);
}

const LIGHT: [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function isEmoji(cluster: string): boolean {
  return Array.from(cluster).some((c) => {
    const cp = c.codePointAt(0) ?? 0;
    return (
      (cp >= 0x1f000 && cp <= 0x1faff) ||
      (cp >= 0x2600 && cp <= 0x27bf) ||
      (cp >= 0x2b00 && cp <= 0x2bff) ||
      (cp >= 0x2300 && cp <= 0x23ff) ||
      [0x20e3, 0x3030, 0x303d, 0x3297, 0x3299].includes(cp)
    );
  });
}

function xWeighted(text: string): number {
  let total = 0;
  for (const part of text.split(/(https?:\/\/[^\s]+)/i)) {
    if (/^https?:\/\/\S+$/i.test(part)) {
      total += 23;
      continue;
    }
    for (const g of graphemes(part)) {
      if (isEmoji(g)) total += 2;
      else
        for (const c of Array.from(g)) {
          const cp = c.codePointAt(0) ?? 0;
          total += LIGHT.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
        }
    }
  }
  return total;
}

export function countText(counting: Counting, text: string): number {
  switch (counting) {
    case "characters":
      return Array.from(text).length;
    case "graphemes":
      return graphemes(text).length;
    case "utf16":
      return text.length;
    case "x_weighted":
      return xWeighted(text);
  }
}
