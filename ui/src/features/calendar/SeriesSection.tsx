// Recurring series in the editor: "repeat" for a new post or an existing single post (it
// becomes the first occurrence); for an occurrence, the choice between saving this one or the
// whole series, skipping it, or ending the series.
import { useTranslation } from "react-i18next";
import type { Post, SeriesRule } from "../../lib/api";

export type Repeat = {
  frequency: "none" | "weekly" | "monthly";
  interval: number;
  /** The series ends after `count` posts or on the `until` date (`YYYY-MM-DD`). */
  ends: "count" | "until";
  count: number;
  until: string;
};
export const NO_REPEAT: Repeat = { frequency: "none", interval: 1, ends: "count", count: 8, until: "" };
export type SeriesScope = "this" | "series";

/** The rule core validates: exactly one end (an empty date is sent as such, so core names the field). */
export function toRule(repeat: Repeat): SeriesRule {
  return {
    frequency: repeat.frequency === "monthly" ? "monthly" : "weekly",
    interval: repeat.interval,
    until: repeat.ends === "until" ? repeat.until : null,
    count: repeat.ends === "count" ? repeat.count : null,
  };
}

type FieldErrors = { interval?: string | null; count?: string | null; until?: string | null };
type NewProps = { repeat: Repeat; onChange: (r: Repeat) => void; hasTime: boolean; existing?: boolean; errors?: FieldErrors };

export function RepeatFields({ repeat, onChange, hasTime, existing = false, errors = {} }: NewProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="series-fields" data-testid="series-fields">
      <legend className="field__label">{existing ? t("calendar.series.makeSeries") : t("calendar.series.repeat")}</legend>
      {existing && <p className="field__hint">{t("calendar.series.makeSeriesHint")}</p>}
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
          </>
        )}
      </div>
      {errors.interval && <p className="field__error">{errors.interval}</p>}
      {repeat.frequency !== "none" && (
        <div className="series-fields__ends" role="radiogroup" aria-label={t("calendar.series.ends")}>
          <span className="series-fields__ends-label">{t("calendar.series.ends")}</span>
          <div className="series-fields__end">
            <label className="calendar-drawer__check">
              <input
                type="radio"
                name="series-ends"
                checked={repeat.ends === "count"}
                onChange={() => onChange({ ...repeat, ends: "count" })}
                data-testid="series-ends-count"
              />
              {t("calendar.series.endsAfter")}
            </label>
            <input
              type="number"
              className="input"
              min={1}
              max={104}
              aria-label={t("calendar.series.times")}
              disabled={repeat.ends !== "count"}
              value={repeat.count}
              onChange={(e) => onChange({ ...repeat, count: Math.max(1, Math.min(104, Number(e.target.value) || 1)) })}
              data-testid="series-count"
            />
            <span>{t("calendar.series.posts")}</span>
          </div>
          {errors.count && <p className="field__error">{errors.count}</p>}
          <div className="series-fields__end">
            <label className="calendar-drawer__check">
              <input
                type="radio"
                name="series-ends"
                checked={repeat.ends === "until"}
                onChange={() => onChange({ ...repeat, ends: "until" })}
                data-testid="series-ends-until"
              />
              {t("calendar.series.endsOn")}
            </label>
            <input
              type="date"
              className="input"
              aria-label={t("calendar.series.until")}
              aria-invalid={errors.until ? true : undefined}
              disabled={repeat.ends !== "until"}
              value={repeat.until}
              onChange={(e) => onChange({ ...repeat, until: e.target.value })}
              data-testid="series-until"
            />
          </div>
          {errors.until && (
            <p className="field__error" data-testid="series-until-error">
              {errors.until}
            </p>
          )}
        </div>
      )}
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
