import type { TFunction } from "i18next";
import en from "../../i18n/en.json";

type MetricId = keyof typeof en.strategy.metric;

/** The translated name of a catalogue metric; unknown ids are shown as they are. */
export function metricLabel(t: TFunction, id: string): string {
  return Object.prototype.hasOwnProperty.call(en.strategy.metric, id) ? t(`strategy.metric.${id as MetricId}`) : id;
}
