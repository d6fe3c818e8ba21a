import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ClipboardEvent, KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { StatusMessage } from "../../components/Alert";
import { Field } from "../../components/Field";
import { recordPostMetrics } from "../../lib/api";
import type { AppError, Metrics, PublishedPost, Snapshot, SnapshotInput } from "../../lib/api";
import { platformLabel } from "../strategy/labels";
import { fmtLocal, fmtRate } from "./format";
import { resultKeys } from "./queries";

/** The columns of quick entry, in the order owners read them off their phone. */
export const ENTRY_COLUMNS = [
  "reach",
  "impressions",
  "likes",
  "comments",
  "shares",
  "saves",
  "clicks",
  "videoViews",
  "conversions",
] as const satisfies readonly (keyof Metrics)[];
type Column = (typeof ENTRY_COLUMNS)[number];

/** A cell's text as a count: `null` when empty, `"invalid"` when not a whole number ≥ 0. */
export function parseCount(text: string): number | null | "invalid" {
  const clean = text.replace(/[,\s]/g, "").replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (clean === "") return null;
  if (!/^\d+$/.test(clean)) return "invalid";
  const n = Number(clean);
  return n > 4_294_967_295 ? "invalid" : n;
}

type Drafts = Record<string, Partial<Record<Column, string>>>;

function cellText(post: PublishedPost, col: Column, drafts: Drafts): string {
  const d = drafts[post.variantId]?.[col];
  if (d !== undefined) return d;
  const v = post.metrics[col];
  return v === null || v === undefined ? "" : String(v);
}

/** The earliest day among the posts' own days (`localTime`), for the date picker's lower bound. */
export function earliestPostDay(entries: PublishedPost[]): string | undefined {
  return entries
    .map((e) => e.localTime.slice(0, 10))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort()[0];
}

/**
 * `to` is the last day of the period, today in the business's zone: the default and latest
 * day the numbers can have been read on.
 */
export function QuickEntry({
  entries,
  from,
  to,
  focusVariantId = null,
}: {
  entries: PublishedPost[];
  from: string;
  to: string;
  /** Opened from the dashboard's "Enter numbers" on one post: its first cell gets the focus. */
  focusVariantId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const [capturedOn, setCapturedOn] = useState(to);
  const [dateError, setDateError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // What is being saved per row, so Enter followed by blur saves once.
  const inflight = useRef(new Map<string, string>());
  const record = useMutation<Snapshot, AppError, SnapshotInput & { title: string; sent: Partial<Record<Column, string>> }>({
    mutationFn: ({ variantId, capturedOn, metrics, postUrl }) => recordPostMetrics({ variantId, capturedOn, metrics, postUrl }),
    onSuccess: (snap, vars) => {
      qc.setQueryData<PublishedPost[]>(resultKeys.entries(from, to), (old) =>
        old?.map((p) => (p.variantId === vars.variantId ? { ...p, metrics: snap.metrics, derived: snap.derived, capturedOn: snap.capturedOn } : p)),
      );
      // Drop the drafts that were saved; keep what was typed meanwhile.
      setDrafts((d) => {
        const row = { ...d[vars.variantId] };
        for (const [col, text] of Object.entries(vars.sent)) {
          if (row[col as Column] === text) delete row[col as Column];
        }
        return { ...d, [vars.variantId]: row };
      });
      setDateError(null);
      setStatus(
        vars.capturedOn === "" ? t("results.entry.saved", { title: vars.title }) : t("results.entry.savedOn", { title: vars.title, date: vars.capturedOn }),
      );
      // An earlier day may not be the post's latest reading: let the list say which is.
      if (vars.capturedOn !== "") void qc.invalidateQueries({ queryKey: resultKeys.entries(from, to) });
      void qc.invalidateQueries({ queryKey: ["results", "summary"] });
      void qc.invalidateQueries({ queryKey: ["strategy"] });
    },
    onError: (e) => {
      const onDate = e.forField("capturedOn");
      setDateError(onDate);
      setStatus(onDate ? null : e.message);
    },
    onSettled: (_d, _e, vars) => {
      inflight.current.delete(vars.variantId);
    },
  });

  function focusCell(row: number, col: number) {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    el?.focus();
    el?.select();
  }

  const focusRow = focusVariantId === null ? -1 : entries.findIndex((e) => e.variantId === focusVariantId);
  useEffect(() => {
    if (focusRow < 0) return;
    const el = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${focusRow}"][data-col="0"]`);
    el?.scrollIntoView?.({ block: "center" });
    el?.focus();
    // Only when opened for a post, not on every refresh of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusVariantId]);

  function rowMetrics(post: PublishedPost, next: Drafts): { metrics: Metrics; bad: Column[] } {
    const metrics: Metrics = { ...post.metrics };
    const bad: Column[] = [];
    for (const col of ENTRY_COLUMNS) {
      const parsed = parseCount(cellText(post, col, next));
      if (parsed === "invalid") bad.push(col);
      else metrics[col] = parsed;
    }
    return { metrics, bad };
  }

  function saveRow(post: PublishedPost, next: Drafts) {
    const pending = next[post.variantId];
    if (!pending || Object.keys(pending).length === 0) return;
    const { metrics, bad } = rowMetrics(post, next);
    setErrors((e) => {
      const copy = { ...e };
      for (const col of ENTRY_COLUMNS) delete copy[`${post.variantId}:${col}`];
      for (const col of bad) copy[`${post.variantId}:${col}`] = t("results.entry.invalid");
      return copy;
    });
    if (bad.length > 0) return;
    // Empty = today in the business's zone, decided by the app itself.
    const day = capturedOn === to ? "" : capturedOn;
    const key = JSON.stringify([day, metrics]);
    if (inflight.current.get(post.variantId) === key) return;
    inflight.current.set(post.variantId, key);
    record.mutate({ variantId: post.variantId, capturedOn: day, metrics, postUrl: null, title: post.title, sent: { ...pending } });
  }

  function setCell(post: PublishedPost, col: Column, value: string) {
    setDrafts((d) => ({ ...d, [post.variantId]: { ...d[post.variantId], [col]: value } }));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    if (e.key === "Enter" || e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey) ? -1 : 1;
      const target = Math.min(entries.length - 1, Math.max(0, row + step));
      const post = entries[row];
      if (post) saveRow(post, drafts);
      focusCell(target, col);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, row: number, col: number) {
    const text = e.clipboardData.getData("text/plain");
    if (!/[\n\t]/.test(text.trim())) return;
    e.preventDefault();
    const lines = text.replace(/\r/g, "").replace(/\n+$/, "").split("\n");
    const next: Drafts = { ...drafts };
    const touched = new Set<number>();
    lines.forEach((line, i) => {
      const post = entries[row + i];
      if (!post) return;
      line.split("\t").forEach((value, j) => {
        const column = ENTRY_COLUMNS[col + j];
        if (!column) return;
        next[post.variantId] = { ...next[post.variantId], [column]: value.trim() };
        touched.add(row + i);
      });
    });
    setDrafts(next);
    touched.forEach((r) => {
      const post = entries[r];
      if (post) saveRow(post, next);
    });
    setStatus(t("results.entry.pasted", { count: touched.size }));
  }

  if (entries.length === 0) {
    return (
      <div className="results-empty" data-testid="entry-empty">
        <h3>{t("results.entry.emptyTitle")}</h3>
        <p>{t("results.entry.emptyBody")}</p>
      </div>
    );
  }

  return (
    <div className="quick-entry" data-testid="quick-entry">
      <p className="results-section__hint">{t("results.entry.hint")}</p>
      <div className="quick-entry__date">
        <Field label={t("results.entry.capturedOn")} hint={t("results.entry.capturedOnHint")} error={dateError}>
          {(control) => (
            <input
              {...control}
              type="date"
              className="input"
              data-testid="entry-captured-on"
              value={capturedOn}
              min={earliestPostDay(entries)}
              max={to}
              onChange={(e) => {
                setCapturedOn(e.target.value || to);
                setDateError(null);
              }}
            />
          )}
        </Field>
      </div>
      <div className="quick-entry__scroll">
        <table className="results-table quick-entry__table" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col">{t("results.entry.post")}</th>
              {ENTRY_COLUMNS.map((c) => (
                <th scope="col" key={c} className="num">
                  {t(`results.metric.${c}`)}
                </th>
              ))}
              <th scope="col" className="num">{t("results.metric.engagementRate")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((post, row) => {
              const { metrics } = rowMetrics(post, drafts);
              const warn = metrics.reach !== null && metrics.impressions !== null && metrics.reach > metrics.impressions;
              return (
                <tr
                  key={post.variantId}
                  data-testid={`entry-${post.variantId}`}
                  className={row === focusRow ? "quick-entry__row--focus" : undefined}
                >
                  <th scope="row" className="quick-entry__post">
                    <span className="quick-entry__title">{post.title}</span>
                    <span className="quick-entry__meta">
                      {platformLabel(post.platform)} · {fmtLocal(post.localTime, lang)}
                    </span>
                    {warn && (
                      <span className="quick-entry__warn" role="note">
                        {t("results.entry.reachWarning")}
                      </span>
                    )}
                  </th>
                  {ENTRY_COLUMNS.map((col, c) => {
                    const err = errors[`${post.variantId}:${col}`];
                    return (
                      <td key={col} className="num">
                        <input
                          className={err ? "entry-cell entry-cell--bad" : "entry-cell"}
                          inputMode="numeric"
                          aria-label={t("results.entry.cellLabel", { metric: t(`results.metric.${col}`), title: post.title, platform: platformLabel(post.platform) })}
                          aria-invalid={err ? true : undefined}
                          title={err}
                          data-row={row}
                          data-col={c}
                          data-testid={`cell-${col}-${row}`}
                          value={cellText(post, col, drafts)}
                          onChange={(e) => setCell(post, col, e.target.value)}
                          onBlur={() => saveRow(post, drafts)}
                          onKeyDown={(e) => onKeyDown(e, row, c)}
                          onPaste={(e) => onPaste(e, row, c)}
                        />
                      </td>
                    );
                  })}
                  <td className="num" data-testid={`rate-${row}`}>
                    {fmtRate(post.derived.engagementRate, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <StatusMessage message={status} testId="entry-status" />
    </div>
  );
}
