import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Loading } from "../../components/Spinner";
import type { Platform } from "../../lib/api";
import { useLocalize } from "./localize";
import { usePlatformCatalog } from "./queries";

type Filter = "all" | "b2b" | "b2c" | "japan" | "low_effort";
const FILTERS: readonly Filter[] = ["all", "b2b", "b2c", "japan", "low_effort"];

function matches(p: Platform, filter: Filter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "b2b":
      return p.audience.b2bFit !== "low";
    case "b2c":
      return p.audience.b2cFit !== "low";
    case "japan":
      return p.audience.japanReach === "high";
    case "low_effort":
      return p.effort.level === "low";
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000_000) return `${bytes / 1_000_000_000} GB`;
  if (bytes >= 1_000_000) return `${bytes / 1_000_000} MB`;
  return `${Math.round(bytes / 1000)} KB`;
}

function Sources({ urls }: { urls: string[] }) {
  const { t } = useTranslation();
  return (
    <details className="platform-card__sources">
      <summary>{t("platforms.card.sources", { count: urls.length })}</summary>
      <ul>
        {urls.map((u) => (
          <li key={u}>
            <span className="platform-card__url">{u}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function PlatformCard({ platform: p }: { platform: Platform }) {
  const { t } = useTranslation();
  const loc = useLocalize();
  const limits = p.textLimits;
  const sources = Array.from(
    new Set([
      ...p.audience.sources,
      ...p.content.sources,
      ...limits.sources,
      ...p.links.sources,
      ...p.media.sources,
      ...p.cadence.sources,
    ]),
  );
  const groups = [
    ["audience", p.audience.confidence],
    ["limits", limits.confidence],
    ["media", p.media.confidence],
    ["cadence", p.cadence.confidence],
  ] as const;
  return (
    <article className="card platform-card" data-testid={`platform-card-${p.id}`} aria-labelledby={`platform-${p.id}-name`}>
      <header className="platform-card__header">
        <h2 className="platform-card__name" id={`platform-${p.id}-name`}>
          {loc(p.names)}
        </h2>
        <span className={`badge platform-effort platform-effort--${p.effort.level}`}>
          {t(`platforms.effort.${p.effort.level}`)} · {t(`platforms.effortKind.${p.effort.kind}`)}
        </span>
      </header>
      <p className="platform-card__summary">{loc(p.summary)}</p>
      <dl className="platform-facts">
        <dt>{t("platforms.card.audience")}</dt>
        <dd>
          {loc(p.audience.ageSkew)} {loc(p.audience.regions)}
          <span className="platform-card__note">{loc(p.audience.japanNote)}</span>
          <span className="platform-fits">
            {t("platforms.card.fitB2b")}: {t(`platforms.fit.${p.audience.b2bFit}`)} · {t("platforms.card.fitB2c")}:{" "}
            {t(`platforms.fit.${p.audience.b2cFit}`)}
          </span>
        </dd>
        <dt>{t("platforms.card.strengths")}</dt>
        <dd>
          <ul className="platform-list">
            {p.content.strengths.map((s) => (
              <li key={s.en}>{loc(s)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t("platforms.card.formats")}</dt>
        <dd>{p.content.formats.map((f) => t(`platforms.format.${f}`)).join(" · ")}</dd>
        <dt>{t("platforms.card.limits")}</dt>
        <dd>
          <ul className="platform-list">
            <li>
              {t("platforms.card.post")}: {limits.post.max.toLocaleString()} ({t(`platforms.counting.${limits.post.counting}`)})
            </li>
            {limits.title && (
              <li>
                {t("platforms.card.title")}: {limits.title.max.toLocaleString()}
              </li>
            )}
            <li>
              {t("platforms.card.bio")}: {limits.bio.max.toLocaleString()}
            </li>
            {limits.hashtagsMax !== null && (
              <li>
                {t("platforms.card.hashtags")}: {limits.hashtagsMax}
              </li>
            )}
          </ul>
          <span className="platform-card__note">{loc(limits.note)}</span>
        </dd>
        <dt>{t("platforms.card.links")}</dt>
        <dd>
          <strong>{t(`platforms.link.${p.links.inPost}`)}</strong> — {loc(p.links.note)}
        </dd>
        <dt>{t("platforms.card.media")}</dt>
        <dd>
          <table className="platform-media">
            <thead>
              <tr>
                <th scope="col">{t("platforms.card.placement")}</th>
                <th scope="col">{t("platforms.card.size")}</th>
                <th scope="col">{t("platforms.card.aspect")}</th>
                <th scope="col">{t("platforms.card.maxFile")}</th>
              </tr>
            </thead>
            <tbody>
              {p.media.specs.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{t(`platforms.placement.${m.id}`)}</th>
                  <td>
                    {m.width}×{m.height}
                  </td>
                  <td>{m.aspect}</td>
                  <td>{m.maxBytes !== null ? formatBytes(m.maxBytes) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </dd>
        <dt>{t("platforms.card.cadence")}</dt>
        <dd>
          {t("platforms.card.perWeek", { min: p.cadence.postsPerWeekMin, max: p.cadence.postsPerWeekMax })} —{" "}
          {loc(p.cadence.note)}
        </dd>
        <dt>{t("platforms.card.hours")}</dt>
        <dd>{t("platforms.card.hoursValue", { hours: p.effort.minHoursPerWeek })}</dd>
        <dt>{t("platforms.card.confidence")}</dt>
        <dd className="platform-confidence">
          {groups.map(([g, c]) => (
            <span key={g} className={`platform-confidence__item platform-confidence__item--${c}`}>
              {t(`platforms.card.group.${g}`)}: {t(`platforms.confidence.${c}`)}
            </span>
          ))}
        </dd>
      </dl>
      <Sources urls={sources} />
    </article>
  );
}

/** The read-only catalogue: one card per platform, searchable and filterable. */
export function PlatformReference() {
  const { t } = useTranslation();
  const loc = useLocalize();
  const catalog = usePlatformCatalog();
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  if (catalog.isPending) return <Loading label={t("platforms.loading")} />;
  if (catalog.error) return <Alert message={catalog.error.message} onRetry={() => void catalog.refetch()} />;
  const q = query.trim().toLowerCase();
  const shown = catalog.data.platforms.filter(
    (p) =>
      matches(p, filter) &&
      (q === "" ||
        [p.id, p.names.en, p.names.ja, loc(p.summary), ...p.content.strengths.map(loc)].some((s) => s.toLowerCase().includes(q))),
  );
  return (
    <div className="platform-reference">
      <div className="platform-reference__tools">
        <label className="field platform-reference__search">
          <span className="field__label">{t("platforms.reference.search")}</span>
          <input
            className="input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("platforms.reference.searchPlaceholder")}
            data-testid="platforms-search"
          />
        </label>
        <div className="segmented" role="group" aria-label={t("platforms.reference.filter")}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className="segmented__option"
              aria-pressed={f === filter}
              onClick={() => setFilter(f)}
              data-testid={`platforms-filter-${f}`}
            >
              {t(`platforms.reference.filters.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="platform-reference__meta">
        {t("platforms.reference.checked", { date: catalog.data.checkedOn, version: catalog.data.catalogVersion })}
      </p>
      {shown.length === 0 ? (
        <p className="platform-reference__none" data-testid="platforms-none">
          {t("platforms.reference.none")}
        </p>
      ) : (
        <div className="platform-grid">
          {shown.map((p) => (
            <PlatformCard key={p.id} platform={p} />
          ))}
        </div>
      )}
    </div>
  );
}
