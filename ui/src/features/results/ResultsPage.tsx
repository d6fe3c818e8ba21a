import { useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { AccountForm } from "./AccountForm";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { Spinner } from "../../components/Spinner";
import { useWorkspace } from "../../lib/queries";
import { Dashboard } from "./Dashboard";
import { addDaysIso, fmtLocal } from "./format";
import { ImportPanel } from "./ImportPanel";
import { QuickEntry } from "./QuickEntry";
import { Reviews } from "./Reviews";
import type { Choice } from "./Reviews";
import { useResultsEntries, useResultsSummary } from "./queries";

const TABS = ["dashboard", "entry", "import", "reviews"] as const;
type Tab = (typeof TABS)[number];
const RANGES = [7, 28, 91] as const;

/** Today's date in the workspace's zone (`YYYY-MM-DD`), built from parts: locales such as
 * `en-CA` format dates differently across engines. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const parts = (zone: string | undefined) =>
    new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  let p: Intl.DateTimeFormatPart[];
  try {
    p = parts(timeZone);
  } catch {
    p = parts(undefined);
  }
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? "01";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const today = todayIn(ws.data?.timeZone);
  const [days, setDays] = useState<(typeof RANGES)[number]>(28);
  const [tab, setTab] = useState<Tab>("dashboard");
  // The post the dashboard's "Enter numbers" opened the quick entry for.
  const [entryFocus, setEntryFocus] = useState<string | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ dashboard: null, entry: null, import: null, reviews: null });
  const from = addDaysIso(today, -(days - 1));
  const summary = useResultsSummary(from, today);
  const entries = useResultsEntries(from, today);

  const pillars: Choice[] = useMemo(
    () => (summary.data?.byPillar ?? []).filter((b) => b.key).map((b) => ({ id: b.key, label: b.label ?? b.key })),
    [summary.data],
  );
  const platforms = useMemo(() => (summary.data?.byPlatform ?? []).map((b) => b.key), [summary.data]);

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    const i = TABS.indexOf(tab);
    const next = e.key === "ArrowRight" ? TABS[(i + 1) % TABS.length] : e.key === "ArrowLeft" ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (next) {
      e.preventDefault();
      setTab(next);
      tabRefs.current[next]?.focus();
    }
  }

  const nothingYet = summary.data !== undefined && summary.data.postsPublished === 0 && summary.data.kpis.every((k) => k.current === null);

  return (
    <Page testId="page-results" title={t("pages.results.title")} subtitle={t("pages.results.subtitle")}>
      <div className="results-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t("results.range.label")}>
          {RANGES.map((d) => (
            <button
              key={d}
              type="button"
              role="radio"
              aria-checked={days === d}
              className={days === d ? "segmented__item segmented__item--on" : "segmented__item"}
              onClick={() => setDays(d)}
              data-testid={`range-${d}`}
            >
              {t(`results.range.d${d}`)}
            </button>
          ))}
        </div>
        <p className="results-toolbar__period" data-testid="results-period">
          {fmtLocal(from, i18n.language)} – {fmtLocal(today, i18n.language)}
        </p>
      </div>
      <div className="results-tabs" role="tablist" aria-label={t("results.tabs.label")}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`results-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`results-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? "results-tabs__tab results-tabs__tab--on" : "results-tabs__tab"}
            onClick={() => {
              setEntryFocus(null);
              setTab(id);
            }}
            onKeyDown={onTabKey}
            data-testid={`results-tab-${id}`}
          >
            {t(`results.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`results-panel-${tab}`} aria-labelledby={`results-tab-${tab}`} className="results-panel">
        {tab === "dashboard" &&
          (summary.isPending ? (
            <Spinner />
          ) : summary.error ? (
            <Alert message={summary.error.message} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
          ) : nothingYet ? (
            <EmptyState icon="results" title={t("empty.results.title")} body={t("empty.results.body")} nextLabel={t("app.nextLabel")} next={t("empty.results.next")} />
          ) : (
            summary.data && (
              <>
                <h2 className="visually-hidden">{t("results.tabs.dashboard")}</h2>
                <Dashboard
                  summary={summary.data}
                  waiting={(entries.data ?? []).filter((e) => e.capturedOn === null)}
                  onEnterNumbers={(variantId) => {
                    setEntryFocus(variantId);
                    setTab("entry");
                  }}
                />
              </>
            )
          ))}
        {tab === "entry" &&
          (entries.isPending ? (
            <Spinner />
          ) : entries.error ? (
            <Alert message={entries.error.message} onRetry={() => void entries.refetch()} />
          ) : (
            <>
              <QuickEntry entries={entries.data ?? []} from={from} to={today} focusVariantId={entryFocus} />
              <AccountForm platforms={platforms} today={today} />
            </>
          ))}
        {tab === "import" && <ImportPanel />}
        {tab === "reviews" && <Reviews today={today} pillars={pillars} platforms={platforms} />}
      </div>
    </Page>
  );
}
