import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import type { AppError, Decision, DecisionArea, Review, ReviewCadence, ReviewInput, ReviewSnapshot } from "../../lib/api";
import { CADENCES, DECISION_AREAS } from "../../lib/api";
import { useWorkspace } from "../../lib/queries";
import { platformLabel } from "../strategy/labels";
import { addDaysIso, fmtKpi, fmtLocal, fmtNumber, fmtRate } from "./format";
import { useDeleteReview, useReviewNumbers, useReviews, useSaveReview } from "./queries";

export type Choice = { id: string; label: string };

const WINDOW: Record<ReviewCadence, number> = { weekly: 7, monthly: 28, quarterly: 91 };

function blank(cadence: ReviewCadence, today: string): ReviewInput {
  return {
    id: null,
    cadence,
    periodStart: addDaysIso(today, -WINDOW[cadence]),
    periodEnd: addDaysIso(today, -1),
    status: "draft",
    worked: "",
    stopDoing: "",
    hypothesis: "",
    decisions: [],
  };
}

function toInput(r: Review): ReviewInput {
  return {
    id: r.id,
    cadence: r.cadence,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    worked: r.worked,
    stopDoing: r.stopDoing,
    hypothesis: r.hypothesis,
    decisions: r.decisions,
  };
}

function Numbers({ s }: { s: ReviewSnapshot }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <dl className="results-totals results-totals--compact">
        <div>
          <dt>{t("results.totals.posts")}</dt>
          <dd>
            {s.postsMeasured}/{s.postsPublished}
          </dd>
        </div>
        <div>
          <dt>{t("results.totals.reach")}</dt>
          <dd>{fmtNumber(s.reach, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.totals.engagement")}</dt>
          <dd>{fmtNumber(s.engagement, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.totals.rate")}</dt>
          <dd>{fmtRate(s.engagementRate, lang)}</dd>
        </div>
        <div>
          <dt>{t("results.totals.clicks")}</dt>
          <dd>{fmtNumber(s.clicks, lang)}</dd>
        </div>
      </dl>
      {s.reach !== null && <p className="results-totals__note">{t("results.totals.reachNote")}</p>}
      {s.kpis.length > 0 && (
        <table className="results-table">
          <thead>
            <tr>
              <th scope="col">{t("results.kpi.name")}</th>
              <th scope="col" className="num">{t("results.kpi.current")}</th>
              <th scope="col" className="num">{t("results.kpi.target")}</th>
              <th scope="col" className="num">{t("results.kpi.progressShort")}</th>
              <th scope="col">{t("results.kpi.status")}</th>
            </tr>
          </thead>
          <tbody>
            {s.kpis.map((k) => (
              <tr key={k.kpiId}>
                <th scope="row">{k.name}</th>
                <td className="num">{fmtKpi(k.current, k.unit, lang)}</td>
                <td className="num">{fmtKpi(k.target, k.unit, lang)}</td>
                <td className="num">{k.progress === null ? "–" : `${fmtNumber(k.progress, lang)}%`}</td>
                <td>
                  <span className={`kpi-status kpi-status--${k.status}`}>{t(`results.kpiStatus.${k.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="ranking-explanation">{s.explanation}</p>
      {s.top.length > 0 && (
        <div className="results-two">
          <div>
            <h4>{t("results.ranking.top")}</h4>
            <RankList posts={s.top} lang={lang} />
          </div>
          <div>
            <h4>{t("results.ranking.bottom")}</h4>
            <RankList posts={s.bottom} lang={lang} />
          </div>
        </div>
      )}
    </>
  );
}

function RankList({ posts, lang }: { posts: ReviewSnapshot["top"]; lang: string }) {
  return (
    <ol className="rank-list">
      {posts.map((p) => (
        <li key={`${p.title}-${p.platform}-${p.localTime}`} className="rank-list__item">
          <span className="rank-list__title">{p.title}</span>
          <span className="rank-list__meta">
            {platformLabel(p.platform)} · {fmtLocal(p.localTime, lang)} · {fmtRate(p.engagementRate, lang)}
          </span>
        </li>
      ))}
    </ol>
  );
}

function targetLabel(d: Decision, pillars: Choice[]): string {
  if (!d.target) return "";
  if (d.area === "pillar") return pillars.find((p) => p.id === d.target)?.label ?? "";
  return platformLabel(d.target);
}

/** The one-page report an owner can print (to PDF) and hand over. */
export function ReviewReport({ review, pillars, onClose }: { review: Review; pillars: Choice[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const lang = i18n.language;
  return (
    <article className="review-report" data-testid="review-report" aria-labelledby="report-title">
      <div className="review-report__actions no-print">
        <Button variant="primary" onClick={() => window.print()} data-testid="report-print">
          {t("results.review.print")}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t("results.review.closeReport")}
        </Button>
      </div>
      <header className="review-report__head">
        <p className="review-report__business">{ws.data?.name}</p>
        <h2 id="report-title">{t(`results.review.reportTitle.${review.cadence}`)}</h2>
        <p>
          {fmtLocal(review.periodStart, lang)} – {fmtLocal(review.periodEnd, lang)}
        </p>
      </header>
      <Numbers s={review.snapshot} />
      <section className="review-report__prompts">
        <h3>{t("results.review.worked")}</h3>
        <p>{review.worked || "—"}</p>
        <h3>{t("results.review.stop")}</h3>
        <p>{review.stopDoing || "—"}</p>
        <h3>{t("results.review.hypothesis")}</h3>
        <p>{review.hypothesis || "—"}</p>
        {review.decisions.length > 0 && (
          <>
            <h3>{t("results.review.decisions")}</h3>
            <ul>
              {review.decisions.map((d, i) => (
                <li key={i}>
                  {d.text}
                  <span className="review-report__tag">
                    {" "}
                    ({t(`results.review.area.${d.area}`)}
                    {targetLabel(d, pillars) ? `: ${targetLabel(d, pillars)}` : ""})
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}

function Editor({
  initial,
  pillars,
  platforms,
  onDone,
}: {
  initial: ReviewInput;
  pillars: Choice[];
  platforms: string[];
  onDone: (r: Review | null) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ReviewInput>(initial);
  const numbers = useReviewNumbers(form.periodStart, form.periodEnd, form.periodStart <= form.periodEnd);
  const save = useSaveReview();
  const [error, setError] = useState<AppError | null>(null);
  const set = <K extends keyof ReviewInput>(k: K, v: ReviewInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setDecision = (i: number, d: Partial<Decision>) =>
    set(
      "decisions",
      form.decisions.map((x, j) => (j === i ? { ...x, ...d } : x)),
    );

  function submit(status: ReviewInput["status"]) {
    setError(null);
    save.mutate(
      { ...form, status },
      {
        onSuccess: (r) => onDone(r),
        onError: (e) => setError(e),
      },
    );
  }

  const field = (name: string) => error?.forField(name) ?? null;
  return (
    <form className="review-editor" data-testid="review-editor" onSubmit={(e) => e.preventDefault()} aria-labelledby="review-editor-title">
      <h3 id="review-editor-title">{form.id ? t("results.review.editTitle") : t("results.review.newTitle")}</h3>
      <div className="review-editor__period">
        <Field label={t("results.review.cadence")}>
          {(c) => (
            <select
              {...c}
              className="input select"
              value={form.cadence}
              data-testid="review-cadence"
              onChange={(e) => {
                const cadence = e.target.value as ReviewCadence;
                setForm((f) => ({ ...f, cadence, periodStart: addDaysIso(f.periodEnd, -(WINDOW[cadence] - 1)) }));
              }}
            >
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`strategy.cadence.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("results.review.from")} error={field("periodStart")}>
          {(c) => <input {...c} type="date" className="input" value={form.periodStart} onChange={(e) => set("periodStart", e.target.value)} />}
        </Field>
        <Field label={t("results.review.to")} error={field("periodEnd")}>
          {(c) => <input {...c} type="date" className="input" value={form.periodEnd} onChange={(e) => set("periodEnd", e.target.value)} />}
        </Field>
      </div>
      <section className="review-editor__numbers" aria-label={t("results.review.numbers")}>
        <h4>{t("results.review.numbers")}</h4>
        {numbers.data ? <Numbers s={numbers.data} /> : numbers.error ? <Alert message={numbers.error.message} /> : <p>{t("app.loading")}</p>}
      </section>
      <Field label={t("results.review.worked")} hint={t("results.review.workedHint")} error={field("worked")}>
        {(c) => <textarea {...c} className="input" rows={3} value={form.worked} data-testid="review-worked" onChange={(e) => set("worked", e.target.value)} />}
      </Field>
      <Field label={t("results.review.stop")} hint={t("results.review.stopHint")} error={field("stopDoing")}>
        {(c) => <textarea {...c} className="input" rows={3} value={form.stopDoing} data-testid="review-stop" onChange={(e) => set("stopDoing", e.target.value)} />}
      </Field>
      <Field label={t("results.review.hypothesis")} hint={t("results.review.hypothesisHint")} error={field("hypothesis")}>
        {(c) => <textarea {...c} className="input" rows={2} value={form.hypothesis} data-testid="review-hypothesis" onChange={(e) => set("hypothesis", e.target.value)} />}
      </Field>
      <fieldset className="review-decisions">
        <legend>{t("results.review.decisions")}</legend>
        <p className="field__hint">{t("results.review.decisionsHint")}</p>
        {error?.forField("decisions") && <p className="field__error">{error.message}</p>}
        {form.decisions.map((d, i) => (
          <div className="review-decision" key={i}>
            <input
              className="input"
              aria-label={t("results.review.decisionText", { n: i + 1 })}
              value={d.text}
              onChange={(e) => setDecision(i, { text: e.target.value })}
            />
            <select
              className="input select"
              aria-label={t("results.review.decisionArea", { n: i + 1 })}
              value={d.area}
              onChange={(e) => setDecision(i, { area: e.target.value as DecisionArea, target: null })}
            >
              {DECISION_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`results.review.area.${a}`)}
                </option>
              ))}
            </select>
            {d.area !== "other" && (
              <select
                className="input select"
                aria-label={t("results.review.decisionTarget", { n: i + 1 })}
                value={d.target ?? ""}
                onChange={(e) => setDecision(i, { target: e.target.value || null })}
              >
                <option value="">{t("results.review.anyTarget")}</option>
                {(d.area === "pillar" ? pillars : platforms.map((p) => ({ id: p, label: platformLabel(p) }))).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
            <Button variant="ghost" onClick={() => set("decisions", form.decisions.filter((_, j) => j !== i))}>
              {t("results.review.removeDecision")}
            </Button>
          </div>
        ))}
        <Button onClick={() => set("decisions", [...form.decisions, { text: "", area: "pillar", target: null }])} data-testid="review-add-decision">
          {t("results.review.addDecision")}
        </Button>
      </fieldset>
      {error && !error.field && <Alert message={error.message} />}
      <div className="review-editor__actions">
        <Button variant="primary" onClick={() => submit("completed")} busy={save.isPending} data-testid="review-complete">
          {t("results.review.complete")}
        </Button>
        <Button onClick={() => submit("draft")} busy={save.isPending} data-testid="review-save-draft">
          {t("results.review.saveDraft")}
        </Button>
        <Button variant="ghost" onClick={() => onDone(null)}>
          {t("results.review.cancel")}
        </Button>
      </div>
    </form>
  );
}

export function Reviews({ today, pillars, platforms }: { today: string; pillars: Choice[]; platforms: string[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const reviews = useReviews();
  const del = useDeleteReview();
  const [editing, setEditing] = useState<ReviewInput | null>(null);
  const [report, setReport] = useState<Review | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  if (report) {
    return <ReviewReport review={report} pillars={pillars} onClose={() => setReport(null)} />;
  }
  if (editing) {
    return (
      <Editor
        initial={editing}
        pillars={pillars}
        platforms={platforms}
        onDone={(r) => {
          setEditing(null);
          if (r) setStatus(t("results.review.saved"));
        }}
      />
    );
  }
  const list = reviews.data ?? [];
  return (
    <div className="reviews" data-testid="reviews">
      <p className="results-section__hint">{t("results.review.intro")}</p>
      <div className="reviews__new">
        {(["weekly", "monthly", "quarterly"] as const).map((c) => (
          <Button key={c} variant={c === "weekly" ? "primary" : "secondary"} onClick={() => setEditing(blank(c, today))} data-testid={`review-new-${c}`}>
            {t(`results.review.new.${c}`)}
          </Button>
        ))}
      </div>
      {reviews.error && <Alert message={reviews.error.message} />}
      {list.length === 0 && reviews.isSuccess && (
        <div className="results-empty">
          <h3>{t("results.review.emptyTitle")}</h3>
          <p>{t("results.review.emptyBody")}</p>
        </div>
      )}
      {list.length > 0 && (
        <ul className="review-history" data-testid="review-history">
          {list.map((r) => (
            <li key={r.id} className="review-history__item" data-testid={`review-${r.id}`}>
              <div>
                <p className="review-history__title">
                  {t(`strategy.cadence.${r.cadence}`)} · {fmtLocal(r.periodStart, lang)} – {fmtLocal(r.periodEnd, lang)}
                  <span className={`review-status review-status--${r.status}`}>{t(`results.review.status.${r.status}`)}</span>
                </p>
                <p className="review-history__hypothesis">{r.hypothesis || r.worked || "—"}</p>
              </div>
              <div className="review-history__actions">
                <Button onClick={() => setReport(r)} data-testid="review-open-report">
                  {t("results.review.report")}
                </Button>
                <Button variant="ghost" onClick={() => setEditing(toInput(r))} data-testid="review-edit">
                  {t("results.review.edit")}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => {
                    if (window.confirm(t("results.review.confirmDelete"))) del.mutate(r.id);
                  }}
                >
                  {t("results.review.delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <StatusMessage message={status} testId="review-status" />
    </div>
  );
}
