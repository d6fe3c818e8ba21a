// Recurring series in the editor: "repeat" for a new post; for an occurrence, the choice
// between saving this one or the whole series, skipping it, or ending the series.
import { useTranslation } from "react-i18next";
import type { Post } from "../../lib/api";

export type Repeat = { frequency: "none" | "weekly" | "monthly"; interval: number; count: number };
export const NO_REPEAT: Repeat = { frequency: "none", interval: 1, count: 8 };
export type SeriesScope = "this" | "series";

type NewProps = { repeat: Repeat; onChange: (r: Repeat) => void; hasTime: boolean };

export function RepeatFields({ repeat, onChange, hasTime }: NewProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="series-fields" data-testid="series-fields">
      <legend className="field__label">{t("calendar.series.repeat")}</legend>
      <div className="calendar-drawer__row">
        <select
          className="input"
          aria-label={t("calendar.series.frequency")}
          value={repeat.frequency}
          onChange={(e) => onChange({ ...repeat, frequency: e.target.value as Repeat["frequency"] })}
          data-testid="series-frequency"
        >
          <option value="none">{t("calendar.series.none")}</option>
          <option value="weekly">{t("calendar.series.weekly")}</option>
          <option value="monthly">{t("calendar.series.monthly")}</option>
        </select>
        {repeat.frequency !== "none" && (
          <>
            <label className="series-fields__inline">
              <span>{t("calendar.series.every")}</span>
              <input
                type="number"
                className="input"
                min={1}
                max={12}
                value={repeat.interval}
                onChange={(e) => onChange({ ...repeat, interval: Math.max(1, Math.min(12, Number(e.target.value) || 1)) })}
                data-testid="series-interval"
              />
              <span>{t(`calendar.series.unit.${repeat.frequency}`)}</span>
            </label>
            <label className="series-fields__inline">
              <span>{t("calendar.series.times")}</span>
              <input
                type="number"
                className="input"
                min={1}
                max={104}
                value={repeat.count}
                onChange={(e) => onChange({ ...repeat, count: Math.max(1, Math.min(104, Number(e.target.value) || 1)) })}
                data-testid="series-count"
              />
            </label>
          </>
        )}
      </div>
      {repeat.frequency !== "none" && !hasTime && <p className="field__error">{t("calendar.series.needTime")}</p>}
    </fieldset>
  );
}

type OccurrenceProps = {
  post: Post;
  scope: SeriesScope;
  onScope: (s: SeriesScope) => void;
};

export function OccurrenceScope({ post, scope, onScope }: OccurrenceProps) {
  const { t } = useTranslation();
  if (!post.seriesId) return null;
  return (
    <fieldset className="series-fields" data-testid="series-scope">
      <legend className="field__label">{t("calendar.series.partOf")}</legend>
      <label className="calendar-drawer__check">
        <input type="radio" name="series-scope" checked={scope === "this"} onChange={() => onScope("this")} data-testid="series-scope-this" />
        {t("calendar.series.thisOnly")}
      </label>
      <label className="calendar-drawer__check">
        <input type="radio" name="series-scope" checked={scope === "series"} onChange={() => onScope("series")} data-testid="series-scope-all" />
        {t("calendar.series.wholeSeries")}
      </label>
    </fieldset>
  );
}
