import type { TFunction } from "i18next";
import en from "../../i18n/en.json";

type MetricId = keyof typeof en.strategy.metric;

/** The translated name of a catalogue metric; unknown ids are shown as they are. */
export function metricLabel(t: TFunction, id: string): string {
  return Object.prototype.hasOwnProperty.call(en.strategy.metric, id) ? t(`strategy.metric.${id as MetricId}`) : id;
}

const PLATFORM_NAMES: Record<string, string> = {
  instagram: "Instagram",
  x: "X",
  tiktok: "TikTok",
  youtube: "YouTube",
  facebook: "Facebook",
  line: "LINE",
  line_official_account: "LINE",
  mastodon: "Mastodon",
  google_business_profile: "Google Business Profile",
  linkedin: "LinkedIn",
  pinterest: "Pinterest",
  threads: "Threads",
  bluesky: "Bluesky",
};

/** The brand name of a platform id (`instagram` → `Instagram`); brand names are not translated. */
export function platformLabel(id: string): string {
  return PLATFORM_NAMES[id] ?? id;
}
