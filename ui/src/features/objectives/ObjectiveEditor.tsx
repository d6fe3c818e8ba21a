import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Icon } from "../../components/icons";
import {
  CADENCES,
  FUNNEL_STAGES,
  OBJECTIVE_KINDS,
  OBJECTIVE_STATUSES,
  suggestKpis,
  toObjectiveInput,
} from "../../lib/api";
import type { AppError, KpiInput, Objective, ObjectiveInput, ReviewCadence } from "../../lib/api";
import { useDeleteObjective, useKpiCatalogue, usePersonas, useSaveObjective } from "../strategy/queries";
import { metricLabel } from "../strategy/labels";
import { Guidance } from "./Guidance";

const BLANK: ObjectiveInput = {
  id: null,
  kind: "awareness",
  statement: "",
  baseline: "",
  targetValue: "",
  unit: "",
  baselineDate: "",
  deadline: "",
  owner: "",
  status: "active",
  successFactors: [],
  kpis: [],
  personaIds: [],
};

type KpiField = "kpiName" | "kpiStage" | "kpiMetric" | "kpiBaseline" | "kpiTarget" | "kpiUnit" | "kpiCadence";

function blankKpi(): KpiInput {
  return { id: null, name: "", stage: "awareness", metric: "reach", baseline: "", target: "", unit: "", cadence: "weekly" };
}

type Props = { objective: Objective | null; onDone: (message: string | null) => void };

/** The objective form: goal, KSFs, KPI table, with the SMART check and warnings beside it. */
export function ObjectiveEditor({ objective, onDone }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ObjectiveInput>(() => (objective ? toObjectiveInput(objective) : BLANK));
  const [confirming, setConfirming] = useState(false);
  const [suggestMessage, setSuggestMessage] = useState<string | null>(null);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const save = useSaveObjective();
  const remove = useDeleteObjective();
  const personas = usePersonas();
  const catalogue = useKpiCatalogue();
  const reviewed = useDeferredValue(form);

  const error: AppError | null = save.error ?? remove.error ?? null;
  const fieldError = (field: string) => error?.forField(field) ?? null;
  const generalError = error && (error.field === null || error.field === "personaIds") ? error.message : null;

  const set = <K extends keyof ObjectiveInput>(key: K, value: ObjectiveInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setKpi = (index: number, patch: Partial<KpiInput>) =>
    setForm((f) => ({ ...f, kpis: f.kpis.map((k, i) => (i === index ? { ...k, ...patch } : k)) }));
  const setFactor = (index: number, value: string) =>
    setForm((f) => ({ ...f, successFactors: f.successFactors.map((s, i) => (i === index ? value : s)) }));

  const moveFactor = (index: number, by: number) =>
    setForm((f) => {
      const factors = [...f.successFactors];
      const [moved] = factors.splice(index, 1);
      if (moved === undefined) return f;
      factors.splice(index + by, 0, moved);
      return { ...f, successFactors: factors };
    });

  const metricsFor = (stage: string) => (catalogue.data ?? []).filter((m) => m.stage === stage);

  const addSuggested = async () => {
    setSuggestError(null);
    try {
      const suggested = await suggestKpis(form.kind);
      const existing = new Set(form.kpis.map((k) => k.name));
      const fresh = suggested.filter((k) => !existing.has(k.name));
      setForm((f) => ({ ...f, kpis: [...f.kpis, ...fresh] }));
      setSuggestMessage(t("strategy.objectives.suggestedAdded", { count: fresh.length }));
    } catch (cause) {
      setSuggestError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(form, { onSuccess: () => onDone(t("strategy.objectives.saved")) });
  };

  return (
    <div className="strategy-editor">
      <form className="form strategy-editor__form" onSubmit={submit} noValidate data-testid="objective-form">
        <h2 className="form__title">
          {objective ? t("strategy.objectives.editorEdit") : t("strategy.objectives.editorNew")}
        </h2>
        <p className="form__intro">{t("strategy.objectives.editorIntro")}</p>
        {generalError && <Alert message={generalError} />}

        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.objectives.goalSection")}</legend>
          <Field label={t("strategy.objectives.kindLabel")}>
            {(control) => (
              <select
                {...control}
                className="input select"
                value={form.kind}
                onChange={(e) => set("kind", e.target.value as ObjectiveInput["kind"])}
                data-testid="objective-kind"
              >
                {OBJECTIVE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`strategy.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t("strategy.objectives.statementLabel")}
            hint={t("strategy.objectives.statementHint")}
            error={fieldError("statement")}
          >
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={2}
                value={form.statement}
                onChange={(e) => set("statement", e.target.value)}
                data-testid="objective-statement"
              />
            )}
          </Field>
          <div className="strategy-grid">
            <Field label={t("strategy.objectives.baselineLabel")} error={fieldError("baseline")}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  inputMode="decimal"
                  value={form.baseline}
                  onChange={(e) => set("baseline", e.target.value)}
                  data-testid="objective-baseline"
                />
              )}
            </Field>
            <Field label={t("strategy.objectives.targetLabel")} error={fieldError("targetValue")}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  inputMode="decimal"
                  value={form.targetValue}
                  onChange={(e) => set("targetValue", e.target.value)}
                  data-testid="objective-target"
                />
              )}
            </Field>
            <Field label={t("strategy.objectives.unitLabel")} hint={t("strategy.objectives.unitHint")}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={form.unit}
                  onChange={(e) => set("unit", e.target.value)}
                  data-testid="objective-unit"
                />
              )}
            </Field>
            <Field label={t("strategy.objectives.baselineDateLabel")} error={fieldError("baselineDate")}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  className="input"
                  value={form.baselineDate}
                  onChange={(e) => set("baselineDate", e.target.value)}
                  data-testid="objective-baseline-date"
                />
              )}
            </Field>
            <Field label={t("strategy.objectives.deadlineLabel")} error={fieldError("deadline")}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  className="input"
                  value={form.deadline}
                  onChange={(e) => set("deadline", e.target.value)}
                  data-testid="objective-deadline"
                />
              )}
            </Field>
            <Field label={t("strategy.objectives.ownerLabel")}>
              {(control) => (
                <input {...control} className="input" value={form.owner} onChange={(e) => set("owner", e.target.value)} />
              )}
            </Field>
            <Field label={t("strategy.objectives.statusLabel")}>
              {(control) => (
                <select
                  {...control}
                  className="input select"
                  value={form.status}
                  onChange={(e) => set("status", e.target.value as ObjectiveInput["status"])}
                >
                  {OBJECTIVE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`strategy.status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="field field--group">
            <legend className="field__label">{t("strategy.objectives.personasLabel")}</legend>
            {(personas.data ?? []).filter((p) => !p.archived).length === 0 ? (
              <p className="field__hint">{t("strategy.objectives.noPersonas")}</p>
            ) : (
              <div className="radio-row">
                {(personas.data ?? [])
                  .filter((p) => !p.archived)
                  .map((p) => (
                    <label key={p.id} className="radio">
                      <input
                        type="checkbox"
                        data-testid="objective-persona"
                        checked={form.personaIds.includes(p.id)}
                        onChange={(e) =>
                          set(
                            "personaIds",
                            e.target.checked ? [...form.personaIds, p.id] : form.personaIds.filter((id) => id !== p.id),
                          )
                        }
                      />
                      <span>{p.name}</span>
                    </label>
                  ))}
              </div>
            )}
          </fieldset>
        </fieldset>

        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.objectives.ksfSection")}</legend>
          <p className="field__hint">{t("strategy.objectives.ksfIntro")}</p>
          <ol className="ksf-list">
            {form.successFactors.map((factor, i) => (
              <li key={i} className="ksf-list__item">
                <input
                  className="input"
                  aria-label={t("strategy.objectives.ksfLabel", { n: i + 1 })}
                  value={factor}
                  onChange={(e) => setFactor(i, e.target.value)}
                />
                <Button
                  variant="ghost"
                  aria-label={t("strategy.objectives.moveKsfUp", { n: i + 1 })}
                  disabled={i === 0}
                  onClick={() => moveFactor(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  aria-label={t("strategy.objectives.removeKsf", { n: i + 1 })}
                  onClick={() => set("successFactors", form.successFactors.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ol>
          <div>
            <Button onClick={() => set("successFactors", [...form.successFactors, ""])} data-testid="ksf-add">
              <Icon name="plus" />
              <span>{t("strategy.objectives.addKsf")}</span>
            </Button>
          </div>
        </fieldset>

        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.objectives.kpiSection")}</legend>
          <p className="field__hint">{t("strategy.objectives.kpiIntro")}</p>
          {form.kpis.length === 0 ? (
            <p className="strategy-muted">{t("strategy.objectives.noKpis")}</p>
          ) : (
            <ol className="kpi-list" aria-label={t("strategy.objectives.kpiSection")}>
              {form.kpis.map((kpi, i) => {
                const label = (key: KpiField) => `${t("strategy.objectives.kpiRow", { n: i + 1 })}: ${t(`strategy.objectives.${key}`)}`;
                const err = (name: string) => fieldError(`kpis.${i}.${name}`);
                const rowError = err("name") ?? err("stage") ?? err("metric") ?? err("baseline") ?? err("target");
                return (
                  <li key={i} className="kpi-card" data-testid="kpi-row">
                    <span className="kpi-card__number" aria-hidden="true">
                      {i + 1}
                    </span>
                    <label className="kpi-field kpi-field--kpiName">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiName")}
                      </span>
                      <input
                        className="input"
                        aria-label={label("kpiName")}
                        aria-invalid={err("name") ? true : undefined}
                        value={kpi.name}
                        onChange={(e) => setKpi(i, { name: e.target.value })}
                        data-testid="kpi-name"
                      />
                    </label>
                    <label className="kpi-field kpi-field--kpiStage">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiStage")}
                      </span>
                      <select
                        className="input select"
                        aria-label={label("kpiStage")}
                        value={kpi.stage}
                        onChange={(e) => {
                          const stage = e.target.value;
                          const first = metricsFor(stage)[0];
                          setKpi(i, { stage, metric: first ? first.id : "custom" });
                        }}
                        data-testid="kpi-stage"
                      >
                        {FUNNEL_STAGES.map((s) => (
                          <option key={s} value={s}>
                            {t(`strategy.stage.${s}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="kpi-field kpi-field--kpiMetric">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiMetric")}
                      </span>
                      <select
                        className="input select"
                        aria-label={label("kpiMetric")}
                        value={kpi.metric}
                        onChange={(e) => {
                          const metric = e.target.value;
                          const info = metricsFor(kpi.stage).find((m) => m.id === metric);
                          setKpi(i, { metric, unit: kpi.unit || (info?.unit ?? "") });
                        }}
                        data-testid="kpi-metric"
                      >
                        {metricsFor(kpi.stage).map((m) => (
                          <option key={m.id} value={m.id}>
                            {metricLabel(t, m.id)}
                          </option>
                        ))}
                        {!metricsFor(kpi.stage).some((m) => m.id === kpi.metric) && kpi.metric !== "custom" && (
                          <option value={kpi.metric}>{kpi.metric}</option>
                        )}
                        <option value="custom">{t("strategy.metric.custom")}</option>
                      </select>
                    </label>
                    <label className="kpi-field kpi-field--kpiBaseline">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiBaseline")}
                      </span>
                      <input
                        className="input"
                        inputMode="decimal"
                        aria-label={label("kpiBaseline")}
                        aria-invalid={err("baseline") ? true : undefined}
                        value={kpi.baseline}
                        onChange={(e) => setKpi(i, { baseline: e.target.value })}
                      />
                    </label>
                    <label className="kpi-field kpi-field--kpiTarget">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiTarget")}
                      </span>
                      <input
                        className="input"
                        inputMode="decimal"
                        aria-label={label("kpiTarget")}
                        aria-invalid={err("target") ? true : undefined}
                        value={kpi.target}
                        onChange={(e) => setKpi(i, { target: e.target.value })}
                      />
                    </label>
                    <label className="kpi-field kpi-field--kpiUnit">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiUnit")}
                      </span>
                      <input
                        className="input"
                        aria-label={label("kpiUnit")}
                        value={kpi.unit}
                        onChange={(e) => setKpi(i, { unit: e.target.value })}
                      />
                    </label>
                    <label className="kpi-field kpi-field--kpiCadence">
                      <span className="kpi-field__label" aria-hidden="true">
                        {t("strategy.objectives.kpiCadence")}
                      </span>
                      <select
                        className="input select"
                        aria-label={label("kpiCadence")}
                        value={kpi.cadence}
                        onChange={(e) => setKpi(i, { cadence: e.target.value as ReviewCadence })}
                      >
                        {CADENCES.map((c) => (
                          <option key={c} value={c}>
                            {t(`strategy.cadence.${c}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <span className="kpi-card__remove">
                      <Button
                        variant="ghost"
                        aria-label={t("strategy.objectives.removeKpi", { n: i + 1 })}
                        onClick={() => set("kpis", form.kpis.filter((_, j) => j !== i))}
                        data-testid="kpi-remove"
                      >
                        ×
                      </Button>
                    </span>
                    {rowError && (
                      <p className="field__error" role="alert">
                        {rowError}
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          <div className="button-row">
            <Button onClick={() => set("kpis", [...form.kpis, blankKpi()])} data-testid="kpi-add">
              <Icon name="plus" />
              <span>{t("strategy.objectives.addKpi")}</span>
            </Button>
            <Button onClick={() => void addSuggested()} data-testid="kpi-suggest">
              {t("strategy.objectives.addSuggested")}
            </Button>
          </div>
          {suggestMessage && <p className="field__hint" role="status">{suggestMessage}</p>}
          {suggestError && <Alert message={suggestError} />}
        </fieldset>

        {confirming ? (
          <div className="confirm" role="alertdialog" aria-label={t("strategy.objectives.confirmDelete")}>
            <p>{t("strategy.objectives.confirmDelete")}</p>
            <div className="button-row">
              <Button
                variant="primary"
                className="button--danger"
                busy={remove.isPending}
                onClick={() =>
                  objective && remove.mutate(objective.id, { onSuccess: () => onDone(t("strategy.objectives.deleted")) })
                }
                data-testid="objective-delete-confirm"
              >
                {t("strategy.objectives.confirmDeleteYes")}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t("strategy.objectives.confirmDeleteNo")}</Button>
            </div>
          </div>
        ) : (
          <div className="form__actions">
            <div className="button-row">
              <Button type="submit" variant="primary" busy={save.isPending} data-testid="objective-save">
                {t("strategy.objectives.save")}
              </Button>
              <Button onClick={() => onDone(null)}>{t("strategy.objectives.cancel")}</Button>
            </div>
            {objective && (
              <Button variant="ghost" onClick={() => setConfirming(true)} data-testid="objective-delete">
                {t("strategy.objectives.delete")}
              </Button>
            )}
          </div>
        )}
      </form>
      <Guidance input={reviewed} />
    </div>
  );
}
