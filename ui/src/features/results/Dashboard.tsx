import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import type { AppError, Breakdown, KpiProgress, KpiReading, KpiReadingInput, PublishedPost, ResultsSummary } from "../../lib/api";
import { FUNNEL_STAGES, addKpiReading } from "../../lib/api";
import { metricLabel, platformLabel } from "../strategy/labels";
import { ChartBox } from "./ChartBox";
import { fmtKpi, fmtLocal, fmtNumber, fmtRate } from "./format";

function StatusBadge({ status }: { status: KpiProgress["status"] }) {
  const { t } = useTranslation();
  return (
    <span className={`kpi-status kpi-status--${status}`} data-testid="kpi-status">
      {t(`results.kpiStatus.${status}`)}
    </span>
  );
}

/** Metrics Plotline computes from post or account numbers; others are measured by hand. */
const COMPUTED = new Set([
  "reach",
  "impressions",
  "video_views",
  "link_clicks",
  "engagements",
  "revenue",
  "engagement_rate",
  "conversion_rate",
  "profile_visits",
  "social_sessions",
  "conversions",
  "follower_growth",
]);

function ReadingForm({ kpi }: { kpi: KpiProgress }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = useMutation<KpiReading, AppError, KpiReadingInput>({
    mutationFn: addKpiReading,
    onSuccess: () => {
      setOpen(false);
      setValue("");
      void qc.invalidateQueries({ queryKey: ["results"] });
    },
    onError: (e) => setError(e.message),
  });
  if (!open) {
    return (
      <button type="button" className="results-link" onClick={() => setOpen(true)} data-testid="kpi-reading-open">
        {t("results.reading.open")}
      </button>
    );
  }
  const id = `reading-${kpi.kpiId}`;
  return (
    <form
      className="result-kpi__reading"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value.replace(/,/g, ""));
        if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
          setError(t("results.reading.invalid"));
          return;
        }
        setError(null);
        save.mutate({ kpiId: kpi.kpiId, measuredOn: kpi.windowEnd, value: n, note: "" });
      }}
    >
      <label htmlFor={id}>{t("results.reading.label", { unit: kpi.unit })}</label>
      <input id={id} className="input" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} data-testid="kpi-reading-value" />
      <Button type="submit" variant="primary" busy={save.isPending} data-testid="kpi-reading-save">
        {t("results.reading.save")}
      </Button>
      {error && <p className="field__error">{error}</p>}
    </form>
  );
}

function KpiCard({ kpi }: { kpi: KpiProgress }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pct = kpi.progress;
  const width = pct === null ? 0 : Math.max(0, Math.min(100, pct));
  const labels = useMemo(() => kpi.trend.map((p) => fmtLocal(p.periodEnd, lang)), [kpi.trend, lang]);
  const series = useMemo(
    () => [
      { label: t("results.kpi.value"), values: kpi.trend.map((p) => p.value), colour: "--color-brand" },
      ...(kpi.target !== null
        ? [{ label: t("results.kpi.target"), values: kpi.trend.map(() => kpi.target), colour: "--color-text-subtle", dashed: true }]
        : []),
    ],
    [kpi.trend, kpi.target, t],
  );
  const format = useMemo(() => (v: number | null) => fmtKpi(v, kpi.unit, lang), [kpi.unit, lang]);
  return (
    <article className="result-kpi" data-testid={`kpi-${kpi.kpiId}`}>
      <header className="result-kpi__head">
        <div>
          <h4 className="result-kpi__name">{kpi.name}</h4>
          <p className="result-kpi__metric">
            {metricLabel(t, kpi.metric)} · {t(`strategy.cadence.${kpi.cadence}`)}
          </p>
        </div>
        <StatusBadge status={kpi.status} />
      </header>
      <dl className="result-kpi__numbers">
        <div>
          <dt>{t("results.kpi.current")}</dt>
          <dd data-testid="kpi-current">{fmtKpi(kpi.current, kpi.unit, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.kpi.baseline")}</dt>
          <dd>{fmtKpi(kpi.baseline, kpi.unit, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.kpi.target")}</dt>
          <dd>{fmtKpi(kpi.target, kpi.unit, lang)}</dd>
        </div>
      </dl>
      <div
        className="result-kpi-progress"
        role="progressbar"
        aria-label={t("results.kpi.progressLabel", { name: kpi.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct === null ? undefined : Math.round(width)}
      >
        <span className={`result-kpi-progress__bar result-kpi-progress__bar--${kpi.status}`} style={{ width: `${width}%` }} />
      </div>
      <p className="result-kpi__progress" data-testid="kpi-progress">
        {pct === null
          ? t(kpi.status === "no_data" ? "results.kpiHint.no_data" : "results.kpiHint.no_target")
          : t("results.kpi.progress", { pct: fmtNumber(pct, lang) })}
        {kpi.source !== "none" && kpi.source !== "summed_post_reach" && (
          <span className="result-kpi__source"> · {t(`results.source.${kpi.source}`)}</span>
        )}
      </p>
      {kpi.source === "summed_post_reach" && (
        <p className="result-kpi__note" data-testid="kpi-source-note">
          {t("results.source.summed_post_reach")}
        </p>
      )}
      {!COMPUTED.has(kpi.metric) && <ReadingForm kpi={kpi} />}
      <ChartBox title={t("results.kpi.trendTitle", { name: kpi.name })} kind="line" labels={labels} series={series} format={format} height={120} />
    </article>
  );
}

function KpiSection({ kpis }: { kpis: KpiProgress[] }) {
  const { t } = useTranslation();
  if (kpis.length === 0) {
    return <p className="results-empty" data-testid="kpis-empty">{t("results.kpi.none")}</p>;
  }
  return (
    <div className="kpi-stages">
      {FUNNEL_STAGES.map((stage) => {
        const list = kpis.filter((k) => k.stage === stage);
        if (list.length === 0) return null;
        return (
          <section key={stage} className="kpi-stage" aria-labelledby={`stage-${stage}`} data-testid={`stage-${stage}`}>
            <h3 className="kpi-stage__title" id={`stage-${stage}`}>
              {t(`strategy.stage.${stage}`)}
            </h3>
            <div className="result-kpi-grid">
              {list.map((k) => (
                <KpiCard key={k.kpiId} kpi={k} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

type Dimension = "platform" | "pillar" | "content_type" | "format";

function breakdownLabel(t: (key: string) => string, dim: Dimension, b: Breakdown): string {
  switch (dim) {
    case "platform":
      return platformLabel(b.key);
    case "pillar":
      return b.label ?? t("results.breakdown.noPillar");
    case "content_type":
      return t(`calendar.contentType.${b.key}`);
    case "format":
      return t(`calendar.format.${b.key}`);
  }
}

function BreakdownSection({ summary }: { summary: ResultsSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [dim, setDim] = useState<Dimension>("platform");
  const rows: Breakdown[] = {
    platform: summary.byPlatform,
    pillar: summary.byPillar,
    content_type: summary.byContentType,
    format: summary.byFormat,
  }[dim];
  const loose = t as unknown as (key: string) => string;
  const labels = rows.map((b) => breakdownLabel(loose, dim, b));
  const series = useMemo(
    () => [{ label: t("results.breakdown.avgRate"), values: rows.map((b) => (b.avgEngagementRate === null ? null : b.avgEngagementRate * 100)), colour: "--color-brand" }],
    [rows, t],
  );
  const pctFormat = useMemo(() => (v: number | null) => (v === null ? "–" : `${fmtNumber(v, lang, 1)}%`), [lang]);
  return (
    <section className="results-section" aria-labelledby="breakdown-title">
      <div className="results-section__head">
        <h3 id="breakdown-title">{t("results.breakdown.title")}</h3>
        <div className="segmented" role="radiogroup" aria-label={t("results.breakdown.by")}>
          {(["platform", "pillar", "content_type", "format"] as const).map((d) => (
            <button
              key={d}
              type="button"
              role="radio"
              aria-checked={dim === d}
              className={dim === d ? "segmented__item segmented__item--on" : "segmented__item"}
              onClick={() => setDim(d)}
              data-testid={`breakdown-${d}`}
            >
              {t(`results.breakdown.dim.${d}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="results-two">
        <ChartBox title={t("results.breakdown.chartTitle")} kind="bar" labels={labels} series={series} format={pctFormat} horizontal height={Math.max(120, rows.length * 36)} />
        <table className="results-table" data-testid="breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t(`results.breakdown.dim.${dim}`)}</th>
              <th scope="col" className="num">{t("results.breakdown.posts")}</th>
              <th scope="col" className="num">{t("results.breakdown.avgReach")}</th>
              <th scope="col" className="num">{t("results.breakdown.avgClicks")}</th>
              <th scope="col" className="num">{t("results.breakdown.avgRate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b, i) => (
              <tr key={b.key || "none"} data-testid={`breakdown-row-${b.key || "none"}`}>
                <th scope="row">{labels[i]}</th>
                <td className="num">
                  {b.measured}/{b.posts}
                </td>
                <td className="num">{fmtNumber(b.avgReach, lang)}</td>
                <td className="num">{fmtNumber(b.avgClicks, lang, 1)}</td>
                <td className="num" data-testid="breakdown-rate">{fmtRate(b.avgEngagementRate, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MixSection({ summary }: { summary: ResultsSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { planned, published } = summary.mix;
  const labels = [t("results.mix.value"), t("results.mix.dialogue"), t("results.mix.promotion")];
  const series = useMemo(
    () => [
      { label: t("results.mix.target"), values: [70, 20, 10], colour: "--color-border-strong" },
      { label: t("results.mix.planned", { count: planned.total }), values: [planned.value, planned.dialogue, planned.promotion].map((g) => (g.share ?? 0) * 100), colour: "--color-accent" },
      { label: t("results.mix.published", { count: published.total }), values: [published.value, published.dialogue, published.promotion].map((g) => (g.share ?? 0) * 100), colour: "--color-brand" },
    ],
    [planned, published, t],
  );
  const format = useMemo(() => (v: number | null) => (v === null ? "–" : `${fmtNumber(v, lang)}%`), [lang]);
  return (
    <section className="results-section" aria-labelledby="mix-title">
      <h3 id="mix-title">{t("results.mix.title")}</h3>
      <p className="results-section__hint">{t("results.mix.hint")}</p>
      <ChartBox title={t("results.mix.chartTitle")} kind="bar" labels={labels} series={series} format={format} testId="mix-chart" />
    </section>
  );
}

function PostList({ posts, testId }: { posts: PublishedPost[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ol className="rank-list" data-testid={testId}>
      {posts.map((p) => (
        <li key={p.variantId} className="rank-list__item">
          <span className="rank-list__title">{p.title}</span>
          <span className="rank-list__meta">
            {platformLabel(p.platform)} · {fmtLocal(p.localTime, lang)} · {t(`calendar.format.${p.format}`)}
            {p.pillarName ? ` · ${p.pillarName}` : ""}
          </span>
          <span className="rank-list__rate">
            {t("results.ranking.rate", { rate: fmtRate(p.derived.engagementRate, lang) })}
            {p.derived.rateBase === "impressions" ? ` ${t("results.ranking.ofImpressions")}` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}

function RankingSection({ summary }: { summary: ResultsSummary }) {
  const { t } = useTranslation();
  const r = summary.ranking;
  return (
    <section className="results-section" aria-labelledby="ranking-title">
      <h3 id="ranking-title">{t("results.ranking.title")}</h3>
      <p className="ranking-explanation" data-testid="ranking-explanation">
        {r.explanation}
      </p>
      {r.top.length > 0 && (
        <div className="results-two">
          <div>
            <h4>{t("results.ranking.top")}</h4>
            <PostList posts={r.top} testId="top-posts" />
          </div>
          <div>
            <h4>{t("results.ranking.bottom")}</h4>
            <PostList posts={r.bottom} testId="bottom-posts" />
          </div>
        </div>
      )}
    </section>
  );
}

/** How many posts without numbers the dashboard lists; the rest are counted. */
const WAITING_SHOWN = 5;

function WaitingSection({ waiting, onEnterNumbers }: { waiting: PublishedPost[]; onEnterNumbers: (variantId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (waiting.length === 0) return null;
  const shown = waiting.slice(0, WAITING_SHOWN);
  return (
    <section className="results-section results-waiting" aria-labelledby="waiting-title" data-testid="results-waiting">
      <h3 id="waiting-title">{t("results.waiting.title", { count: waiting.length })}</h3>
      <p className="results-section__hint">{t("results.waiting.hint")}</p>
      <ul className="results-waiting__list">
        {shown.map((p) => (
          <li key={p.variantId} className="results-waiting__item" data-testid={`waiting-${p.variantId}`}>
            <span className="results-waiting__post">
              <span className="results-waiting__title">{p.title}</span>
              <span className="results-waiting__meta">
                {platformLabel(p.platform)} · {fmtLocal(p.localTime, lang)}
              </span>
            </span>
            <Button
              variant="secondary"
              onClick={() => onEnterNumbers(p.variantId)}
              aria-label={t("results.waiting.actionLabel", { title: p.title, platform: platformLabel(p.platform) })}
              data-testid={`waiting-enter-${p.variantId}`}
            >
              {t("results.waiting.action")}
            </Button>
          </li>
        ))}
      </ul>
      {waiting.length > shown.length && (
        <p className="results-section__hint" data-testid="waiting-more">
          {t("results.waiting.more", { count: waiting.length - shown.length })}
        </p>
      )}
    </section>
  );
}

export function Dashboard({
  summary,
  waiting = [],
  onEnterNumbers = () => undefined,
}: {
  summary: ResultsSummary;
  /** Published posts (variants) of the period without any numbers yet. */
  waiting?: PublishedPost[];
  onEnterNumbers?: (variantId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = summary.totalsDerived;
  return (
    <div className="results-dashboard" data-testid="results-dashboard">
      <dl className="results-totals" data-testid="results-totals">
        <div>
          <dt>{t("results.totals.posts")}</dt>
          <dd data-testid="total-posts">
            {summary.postsMeasured}/{summary.postsPublished}
          </dd>
        </div>
        <div>
          <dt>{t("results.totals.reach")}</dt>
          <dd data-testid="total-reach">{fmtNumber(summary.totals.reach, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.totals.engagement")}</dt>
          <dd data-testid="total-engagement">{fmtNumber(d.engagement, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.totals.rate")}</dt>
          <dd data-testid="total-rate">{fmtRate(d.engagementRate, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.totals.clicks")}</dt>
          <dd data-testid="total-clicks">{fmtNumber(summary.totals.clicks, lang)}</dd>
        </div>
      </dl>
      {summary.totals.reach !== null && (
        <p className="results-totals__note" data-testid="total-reach-note">
          {t("results.totals.reachNote")}
        </p>
      )}
      <WaitingSection waiting={waiting} onEnterNumbers={onEnterNumbers} />
      <section className="results-section" aria-labelledby="kpi-title">
        <h3 id="kpi-title">{t("results.kpi.title")}</h3>
        <p className="results-section__hint">{t("results.kpi.hint")}</p>
        <KpiSection kpis={summary.kpis} />
      </section>
      <RankingSection summary={summary} />
      <BreakdownSection summary={summary} />
      <MixSection summary={summary} />
    </div>
  );
}
