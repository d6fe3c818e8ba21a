import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field, RadioGroup } from "../../components/Field";
import { Icon } from "../../components/icons";
import { AVATAR_COLORS, EVIDENCE_KINDS, USAGE_FREQUENCIES } from "../../lib/api";
import type {
  ActiveHours,
  Demographics,
  EvidenceKind,
  PersonaInput,
  Psychographics,
  SocialUsage,
  UsageFrequency,
  Weekday,
} from "../../lib/api";
import { platformLabel } from "../strategy/labels";
import { useSavePersona } from "../strategy/queries";

export const BLANK_PERSONA: PersonaInput = {
  id: null,
  name: "",
  color: "sage",
  quote: "",
  isPrimary: false,
  demographics: { ageRange: "", gender: "", occupation: "", location: "", household: "", incomeBand: "" },
  psychographics: {
    values: [],
    interests: [],
    informationSources: [],
    decisionFactors: [],
    painPoints: [],
    goals: [],
    objections: [],
  },
  socialUsage: [],
  evidence: [],
};

export const STEPS = ["basics", "demographics", "psychographics", "social", "evidence"] as const;
type Step = (typeof STEPS)[number];

const DEMOGRAPHICS = ["ageRange", "gender", "occupation", "location", "household", "incomeBand"] as const;
const PSYCHOGRAPHICS = [
  "values",
  "interests",
  "informationSources",
  "decisionFactors",
  "painPoints",
  "goals",
  "objections",
] as const;
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** Platform catalogue ids (plotline-core platforms::PLATFORM_IDS), so the wizard can score them. */
const PLATFORMS = [
  "instagram",
  "line_official_account",
  "x",
  "tiktok",
  "youtube",
  "facebook",
  "linkedin",
  "pinterest",
  "threads",
  "bluesky",
  "mastodon",
  "google_business_profile",
];

type Props = {
  initial: PersonaInput;
  /** "wizard": one step at a time (first-timers); "page": the whole one-page form. */
  mode: "wizard" | "page";
  onDone: (message: string | null) => void;
};

/** Lines typed in a textarea ↔ the list the Rust side stores. */
const toLines = (list: string[]) => list.join("\n");
const fromLines = (text: string) => text.split("\n");

export function PersonaEditor({ initial, mode, onDone }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<PersonaInput>(initial);
  const [step, setStep] = useState(0);
  const save = useSavePersona();
  const error = save.error;
  const fieldError = (field: string) => error?.forField(field) ?? null;

  const set = <K extends keyof PersonaInput>(key: K, value: PersonaInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setDemo = (key: keyof Demographics, value: string) =>
    setForm((f) => ({ ...f, demographics: { ...f.demographics, [key]: value } }));
  const setPsycho = (key: keyof Psychographics, value: string[]) =>
    setForm((f) => ({ ...f, psychographics: { ...f.psychographics, [key]: value } }));
  const setUsage = (index: number, patch: Partial<SocialUsage>) =>
    setForm((f) => ({ ...f, socialUsage: f.socialUsage.map((u, i) => (i === index ? { ...u, ...patch } : u)) }));
  const setHours = (index: number, hours: ActiveHours[]) => setUsage(index, { activeHours: hours });

  const visible = (s: Step) => mode === "page" || STEPS[step] === s;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (mode === "wizard" && step < STEPS.length - 1) {
      setStep(step + 1);
      return;
    }
    save.mutate(
      { ...form, socialUsage: form.socialUsage.map((u) => ({ ...u, accountTypes: u.accountTypes.filter((a) => a.trim()) })) },
      {
        onSuccess: () => onDone(t("strategy.personas.saved")),
        onError: (e) => {
          // Send a first-timer back to the step that holds the problem.
          if (mode === "wizard" && e.field === "name") setStep(0);
          if (mode === "wizard" && e.field?.startsWith("evidence")) setStep(4);
          if (mode === "wizard" && e.field?.startsWith("socialUsage")) setStep(3);
        },
      },
    );
  };

  const title = form.id ? t("strategy.personas.editorEdit") : t("strategy.personas.editorNew");
  const generalError = error && error.field === null ? error.message : null;

  return (
    <form className="form persona-form" onSubmit={submit} noValidate data-testid={`persona-${mode}`}>
      <h2 className="form__title">{title}</h2>
      {mode === "wizard" && (
        <>
          <p className="form__intro">{t("strategy.personas.wizardIntro")}</p>
          <ol className="wizard-steps" aria-label={t("strategy.personas.wizard")}>
            {STEPS.map((s, i) => (
              <li
                key={s}
                className={`wizard-steps__item${i === step ? " wizard-steps__item--current" : ""}${i < step ? " wizard-steps__item--done" : ""}`}
                aria-current={i === step ? "step" : undefined}
              >
                <span className="wizard-steps__number">{i + 1}</span>
                <span>{t(`strategy.personas.${s}`)}</span>
              </li>
            ))}
          </ol>
          <p className="strategy-muted" data-testid="wizard-step">
            {t("strategy.personas.stepOf", { n: step + 1, total: STEPS.length, name: t(`strategy.personas.${STEPS[step] ?? "basics"}`) })}
          </p>
        </>
      )}
      {generalError && <Alert message={generalError} />}

      {visible("basics") && (
        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.personas.basics")}</legend>
          <Field label={t("strategy.personas.nameLabel")} hint={t("strategy.personas.nameHint")} error={fieldError("name")}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={form.name}
                onChange={(e) => set("name", e.target.value)}
                data-testid="persona-name"
              />
            )}
          </Field>
          <Field label={t("strategy.personas.quoteLabel")} hint={t("strategy.personas.quoteHint")}>
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={2}
                value={form.quote}
                onChange={(e) => set("quote", e.target.value)}
                data-testid="persona-quote"
              />
            )}
          </Field>
          <RadioGroup
            legend={t("strategy.personas.colorLabel")}
            name="persona-color"
            value={form.color}
            options={AVATAR_COLORS.map((c) => ({ value: c, label: t(`strategy.color.${c}`) }))}
            onChange={(c) => set("color", c)}
            testIdPrefix="persona-color"
          />
          <label className="checkbox">
            <input type="checkbox" checked={form.isPrimary} onChange={(e) => set("isPrimary", e.target.checked)} />
            <span>{t("strategy.personas.primaryLabel")}</span>
          </label>
        </fieldset>
      )}

      {visible("demographics") && (
        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.personas.demographics")}</legend>
          <p className="field__hint">{t("strategy.personas.optional")}</p>
          <div className="strategy-grid">
            {DEMOGRAPHICS.map((key) => (
              <Field key={key} label={t(`strategy.personas.${key}`)}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    value={form.demographics[key]}
                    onChange={(e) => setDemo(key, e.target.value)}
                    data-testid={`persona-${key}`}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      )}

      {visible("psychographics") && (
        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.personas.psychographics")}</legend>
          <p className="field__hint">{t("strategy.personas.listHint")}</p>
          <div className="strategy-grid">
            {PSYCHOGRAPHICS.map((key) => (
              <Field key={key} label={t(`strategy.personas.${key}`)}>
                {(control) => (
                  <textarea
                    {...control}
                    className="input"
                    rows={3}
                    value={toLines(form.psychographics[key])}
                    onChange={(e) => setPsycho(key, fromLines(e.target.value))}
                    data-testid={`persona-${key}`}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      )}

      {visible("social") && (
        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.personas.social")}</legend>
          {form.socialUsage.length === 0 && <p className="strategy-muted">{t("strategy.personas.noPlatforms")}</p>}
          {form.socialUsage.map((u, i) => (
            <div key={i} className="usage-row card" data-testid="usage-row">
              <div className="strategy-grid">
                <Field label={t("strategy.personas.platform")} error={fieldError(`socialUsage.${i}.platform`)}>
                  {(control) => (
                    <select
                      {...control}
                      className="input select"
                      value={u.platform}
                      onChange={(e) => setUsage(i, { platform: e.target.value })}
                    >
                      {[...new Set([u.platform, ...PLATFORMS])].map((p) => (
                        <option key={p} value={p}>
                          {platformLabel(p)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t("strategy.personas.frequencyLabel")}>
                  {(control) => (
                    <select
                      {...control}
                      className="input select"
                      value={u.frequency}
                      onChange={(e) => setUsage(i, { frequency: e.target.value as UsageFrequency })}
                    >
                      {USAGE_FREQUENCIES.map((f) => (
                        <option key={f} value={f}>
                          {t(`strategy.frequency.${f}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t("strategy.personas.accountTypes")} hint={t("strategy.personas.accountTypesHint")}>
                  {(control) => (
                    <input
                      {...control}
                      className="input"
                      value={u.accountTypes.join(", ")}
                      onChange={(e) => setUsage(i, { accountTypes: e.target.value.split(/[,、]\s*/) })}
                    />
                  )}
                </Field>
              </div>
              <fieldset className="field field--group">
                <legend className="field__label">{t("strategy.personas.activeHours")}</legend>
                {fieldError(`socialUsage.${i}.activeHours`) && (
                  <p className="field__error">{fieldError(`socialUsage.${i}.activeHours`)}</p>
                )}
                {u.activeHours.map((h, j) => {
                  const update = (patch: Partial<ActiveHours>) =>
                    setHours(
                      i,
                      u.activeHours.map((x, k) => (k === j ? { ...x, ...patch } : x)),
                    );
                  return (
                    <div key={j} className="hours-row">
                      <select
                        className="input select"
                        aria-label={t("strategy.personas.weekdayLabel")}
                        value={h.weekday}
                        onChange={(e) => update({ weekday: e.target.value as Weekday })}
                      >
                        {WEEKDAYS.map((d) => (
                          <option key={d} value={d}>
                            {t(`strategy.weekday.${d}`)}
                          </option>
                        ))}
                      </select>
                      <input
                        className="input"
                        type="number"
                        min={0}
                        max={23}
                        aria-label={t("strategy.personas.from")}
                        value={h.from}
                        onChange={(e) => update({ from: Number(e.target.value) })}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        className="input"
                        type="number"
                        min={1}
                        max={24}
                        aria-label={t("strategy.personas.to")}
                        value={h.to}
                        onChange={(e) => update({ to: Number(e.target.value) })}
                      />
                      <Button
                        variant="ghost"
                        aria-label={t("strategy.personas.removeHours")}
                        onClick={() => setHours(i, u.activeHours.filter((_, k) => k !== j))}
                      >
                        ×
                      </Button>
                    </div>
                  );
                })}
                <div className="button-row">
                  <Button onClick={() => setHours(i, [...u.activeHours, { weekday: "sat", from: 9, to: 11 }])}>
                    {t("strategy.personas.addHours")}
                  </Button>
                  <Button
                    variant="ghost"
                    onClick={() => set("socialUsage", form.socialUsage.filter((_, k) => k !== i))}
                  >
                    {t("strategy.personas.removePlatform", { platform: platformLabel(u.platform) })}
                  </Button>
                </div>
              </fieldset>
            </div>
          ))}
          <div>
            <Button
              onClick={() =>
                set("socialUsage", [
                  ...form.socialUsage,
                  { platform: "instagram", frequency: "daily", activeHours: [], accountTypes: [] },
                ])
              }
              data-testid="usage-add"
            >
              <Icon name="plus" />
              <span>{t("strategy.personas.addPlatform")}</span>
            </Button>
          </div>
        </fieldset>
      )}

      {visible("evidence") && (
        <fieldset className="strategy-section">
          <legend className="strategy-section__title">{t("strategy.personas.evidence")}</legend>
          <p className="field__hint">{t("strategy.personas.evidenceIntro")}</p>
          {form.evidence.length === 0 && <p className="strategy-muted">{t("strategy.personas.noEvidence")}</p>}
          {form.evidence.map((e, i) => {
            const update = (patch: Partial<PersonaInput["evidence"][number]>) =>
              set(
                "evidence",
                form.evidence.map((x, k) => (k === i ? { ...x, ...patch } : x)),
              );
            return (
              <div key={i} className="evidence-row" data-testid="evidence-row">
                <Field label={t("strategy.personas.evidenceKindLabel")}>
                  {(control) => (
                    <select
                      {...control}
                      className="input select"
                      value={e.kind}
                      onChange={(ev) => update({ kind: ev.target.value as EvidenceKind })}
                      data-testid="evidence-kind"
                    >
                      {EVIDENCE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`strategy.evidenceKind.${k}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t("strategy.personas.evidenceNote")}>
                  {(control) => (
                    <input
                      {...control}
                      className="input"
                      value={e.note}
                      onChange={(ev) => update({ note: ev.target.value })}
                      data-testid="evidence-note"
                    />
                  )}
                </Field>
                <Field label={t("strategy.personas.evidenceDate")} error={fieldError(`evidence.${i}.date`)}>
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      className="input"
                      value={e.date}
                      onChange={(ev) => update({ date: ev.target.value })}
                    />
                  )}
                </Field>
                <Button
                  variant="ghost"
                  className="evidence-row__remove"
                  aria-label={t("strategy.personas.removeEvidence", { n: i + 1 })}
                  onClick={() => set("evidence", form.evidence.filter((_, k) => k !== i))}
                >
                  ×
                </Button>
              </div>
            );
          })}
          <div>
            <Button
              onClick={() => set("evidence", [...form.evidence, { id: null, kind: "interview", note: "", date: "" }])}
              data-testid="evidence-add"
            >
              <Icon name="plus" />
              <span>{t("strategy.personas.addEvidence")}</span>
            </Button>
          </div>
        </fieldset>
      )}

      <div className="form__actions">
        <div className="button-row">
          {mode === "wizard" && step > 0 && (
            <Button onClick={() => setStep(step - 1)} data-testid="wizard-back">
              {t("strategy.personas.back")}
            </Button>
          )}
          {mode === "wizard" && step < STEPS.length - 1 ? (
            // Distinct keys: React must not turn this very button into the submit button
            // while its click is still being handled (that would save one step early).
            <Button key="next" variant="primary" onClick={() => setStep(step + 1)} data-testid="wizard-next">
              {t("strategy.personas.next")}
            </Button>
          ) : (
            <Button key="save" type="submit" variant="primary" busy={save.isPending} data-testid="persona-save">
              {t("strategy.personas.save")}
            </Button>
          )}
        </div>
        <Button variant="ghost" onClick={() => onDone(null)}>
          {t("strategy.personas.cancel")}
        </Button>
      </div>
    </form>
  );
}
