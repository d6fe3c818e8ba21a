import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Icon } from "../../components/icons";
import { Loading } from "../../components/Spinner";
import type { MixStats, MixWarning, Pillar } from "../../lib/api";
import { useLocalize } from "../platforms/localize";
import { useActivePlatforms } from "../platforms/queries";
import { useWorkspace } from "../../lib/queries";
import { RANGE_KINDS, addDays, percent, presetRange, zonedToday } from "./dates";
import type { RangeKind } from "./dates";
import { useMix, useWeeklyMix } from "./queries";

const SLICES = ["value", "dialogue", "promotion"] as const;

/** Where the live mix gauge reads "today" from; tests pass a fixed date. */
export function MixSection({ pillars, today: fixedToday }: { pillars: Pillar[]; today?: Date }) {
  const workspace = useWorkspace();
  const today = fixedToday ?? zonedToday(new Date(), workspace.data?.timeZone);
  const { t } = useTranslation();
  const localize = useLocalize();
  const { platforms } = useActivePlatforms();
  const [kind, setKind] = useState<RangeKind>("next_4_weeks");
  const [platform, setPlatform] = useState<string>("");
  const initial = presetRange("next_4_weeks", today);
  const [custom, setCustom] = useState(initial);
  const range = kind === "custom" ? custom : presetRange(kind, today);
  const validCustom = range.from !== "" && range.to !== "" && range.from < range.to;
  const from = validCustom ? range.from : initial.from;
  const to = validCustom ? range.to : initial.to;
  const mix = useMix(from, to, platform || null);
  const weekly = useWeeklyMix(from, addDays(to, -1), platform || null);

  return (
    <section className="card pillars-section" aria-labelledby="mix-title" data-testid="mix-section">
      <h2 className="pillars-section__title" id="mix-title">
        {t("pillars.mix.title")}
      </h2>
      <p className="pillars-section__intro">{t("pillars.mix.intro")}</p>
      <div className="mix-controls">
        <label className="mix-control">
          <span className="field__label">{t("pillars.mix.range")}</span>
          <select
            className="input"
            value={kind}
            data-testid="mix-range"
            onChange={(e) => setKind(e.target.value as RangeKind)}
          >
            {RANGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`pillars.mix.ranges.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === "custom" && (
          <>
            <label className="mix-control">
              <span className="field__label">{t("pillars.mix.from")}</span>
              <input
                type="date"
                className="input"
                value={custom.from}
                onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
              />
            </label>
            <label className="mix-control">
              <span className="field__label">{t("pillars.mix.to")}</span>
              <input
                type="date"
                className="input"
                value={custom.to}
                onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
              />
            </label>
          </>
        )}
        <label className="mix-control">
          <span className="field__label">{t("pillars.mix.platform")}</span>
          <select
            className="input"
            value={platform}
            data-testid="mix-platform"
            onChange={(e) => setPlatform(e.target.value)}
          >
            <option value="">{t("pillars.mix.allPlatforms")}</option>
            {platforms.map((p) => (
              <option key={p.id} value={p.id}>
                {localize(p.names)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {kind === "custom" && !validCustom && <p className="field__error">{t("pillars.mix.badRange")}</p>}
      {mix.isError && (
        <Alert title={t("pillars.mix.loadError")} message={mix.error.message} onRetry={() => void mix.refetch()} />
      )}
      {mix.isPending && <Loading label={t("pillars.mix.loading")} />}
      {mix.data && <Gauge stats={mix.data} pillars={pillars} />}
      <h3 className="pillars-section__subtitle">{t("pillars.mix.weeklyTitle")}</h3>
      {weekly.isError && <Alert title={t("pillars.mix.loadError")} message={weekly.error.message} />}
      {weekly.data && (
        <ol className="week-strip" aria-label={t("pillars.mix.weeklyTitle")} data-testid="week-strip">
          {weekly.data.map((w) => {
            const heavy = w.stats.warnings.some((x) => x.kind === "promotion_heavy");
            return (
              <li
                key={w.weekStart}
                className={`week-strip__week${heavy ? " week-strip__week--heavy" : ""}`}
                data-testid={`week-${w.weekStart}`}
                data-heavy={heavy}
              >
                <span className="week-strip__label">{t("pillars.mix.weekOf", { date: w.weekStart })}</span>
                <span className="week-strip__bars" aria-hidden="true">
                  {SLICES.map((s) => (
                    <span
                      key={s}
                      className={`week-strip__bar mix-fill--${s}`}
                      style={{ flexGrow: w.stats[s].count }}
                    />
                  ))}
                </span>
                <span className="week-strip__text">
                  {w.stats.total === 0
                    ? t("pillars.mix.weekEmpty")
                    : t("pillars.mix.weekText", {
                        total: w.stats.total,
                        promotion: percent(w.stats.promotion.share),
                      })}
                </span>
                {heavy && (
                  <span className="week-strip__flag">
                    <Icon name="alert" className="week-strip__icon" />
                    {t("pillars.mix.heavyWeek")}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Gauge({ stats, pillars }: { stats: MixStats; pillars: Pillar[] }) {
  const { t } = useTranslation();
  if (stats.total === 0) {
    return (
      <p className="mix-empty" data-testid="mix-empty">
        {t("pillars.mix.empty")}
      </p>
    );
  }
  return (
    <div data-testid="mix-gauge">
      <p className="mix-total">{t("pillars.mix.total", { count: stats.total })}</p>
      <ul className="mix-bars">
        {SLICES.map((s) => {
          const slice = stats[s];
          return (
            <li key={s} className="mix-bar" data-testid={`mix-${s}`}>
              <span className="mix-bar__label">{t(`pillars.mix.slices.${s}`)}</span>
              <span className="mix-bar__track" aria-hidden="true">
                <span className={`mix-bar__fill mix-fill--${s}`} style={{ width: `${percent(slice.share)}%` }} />
                <span className="mix-bar__target" style={{ left: `${percent(slice.target)}%` }} />
              </span>
              <span className="mix-bar__value">
                {t("pillars.mix.sliceValue", {
                  count: slice.count,
                  share: percent(slice.share),
                  target: percent(slice.target),
                })}
              </span>
            </li>
          );
        })}
      </ul>
      {stats.warnings.length > 0 && (
        <ul className="warning-list" data-testid="mix-warnings">
          {stats.warnings.map((w) => (
            <WarningItem key={`${w.kind}-${w.pillarId ?? ""}`} warning={w} pillars={pillars} />
          ))}
        </ul>
      )}
      {stats.byPillar.length > 0 && (
        <>
          <h3 className="pillars-section__subtitle">{t("pillars.mix.byPillar")}</h3>
          <ul className="mix-bars">
            {stats.byPillar.map((p) => (
              <li key={p.pillarId ?? "none"} className="mix-bar">
                <span className="mix-bar__label">{p.name ?? t("pillars.mix.noPillar")}</span>
                <span className="mix-bar__track" aria-hidden="true">
                  <span
                    className={`mix-bar__fill pillar-fill--${p.colour ?? "slate"}`}
                    style={{ width: `${percent(p.share)}%` }}
                  />
                </span>
                <span className="mix-bar__value">
                  {t("pillars.mix.pillarValue", { count: p.count, share: percent(p.share) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function WarningItem({ warning, pillars }: { warning: MixWarning; pillars: Pillar[] }) {
  const { t } = useTranslation();
  const pillar = pillars.find((p) => p.id === warning.pillarId);
  return (
    <li className="strategy-warning" data-testid={`mix-warning-${warning.kind}`}>
      <Icon name="alert" className="strategy-warning__icon" />
      <span>
        <strong className="strategy-warning__title">
          {t(`pillars.mix.warnings.${warning.kind}.title`, {
            share: percent(warning.share),
            name: pillar?.name ?? "",
          })}
        </strong>
        <span className="strategy-warning__why">{t(`pillars.mix.warnings.${warning.kind}.why`)}</span>
      </span>
    </li>
  );
}
