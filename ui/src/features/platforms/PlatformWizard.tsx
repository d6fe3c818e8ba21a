import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field, RadioGroup } from "../../components/Field";
import { Loading } from "../../components/Spinner";
import { AGE_GROUPS, AUDIENCES, OBJECTIVE_KINDS, REGIONS, WHO_POSTS } from "../../lib/api";
import type { Audience, Catalog, Competitor, Recommendation, WizardAnswers } from "../../lib/api";
import { useLocalize } from "./localize";
import { useConfirmPlatforms, useRecommendPlatforms } from "./queries";

const STEPS = ["audience", "goals", "competitors", "capacity", "result"] as const;
type Step = (typeof STEPS)[number];
export const MAX_COMPETITORS = 5;
/** Mirrors plotline-core: more than 3 platforms below 10 hours a week is "too many". */
const MANY_PLATFORMS = 3;
const LOW_CAPACITY_HOURS = 10;

export function defaultAnswers(market: Audience): WizardAnswers {
  return {
    audience: { personas: [], ageGroups: [], market, region: "japan", localBusiness: false },
    goals: [],
    competitors: [],
    capacity: { hoursPerWeek: 3, whoPosts: "owner", shortVideo: false, photos: true, longForm: false },
  };
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function Check({ checked, onChange, label, testId }: { checked: boolean; onChange: () => void; label: string; testId?: string }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={onChange} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}

function Fieldset({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="field field--group">
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="check-grid">{children}</div>
    </fieldset>
  );
}

type Props = {
  catalog: Catalog;
  initial: WizardAnswers;
  onDone: () => void;
  onCancel: () => void;
};

/** The five-step platform selector: audience, goals, competitors, capacity, result. */
export function PlatformWizard({ catalog, initial, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const loc = useLocalize();
  const [step, setStep] = useState<Step>("audience");
  const [answers, setAnswers] = useState<WizardAnswers>(initial);
  const [chosen, setChosen] = useState<string[]>([]);
  const recommend = useRecommendPlatforms();
  const confirm = useConfirmPlatforms();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = STEPS.indexOf(step);
  const name = (id: string) => {
    const p = catalog.platforms.find((x) => x.id === id);
    return p ? loc(p.names) : id;
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const audience = answers.audience;
  const setAudience = (patch: Partial<WizardAnswers["audience"]>) => setAnswers({ ...answers, audience: { ...audience, ...patch } });
  const capacity = answers.capacity;
  const setCapacity = (patch: Partial<WizardAnswers["capacity"]>) => setAnswers({ ...answers, capacity: { ...capacity, ...patch } });
  const competitors = answers.competitors ?? [];
  const setCompetitor = (i: number, patch: Partial<Competitor>) =>
    setAnswers({ ...answers, competitors: competitors.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  const goTo = (next: Step) => {
    if (next === "result") {
      recommend.mutate(answers, { onSuccess: (r) => setChosen(r.recommended) });
    }
    setStep(next);
  };
  const fieldError = (field: string) => (recommend.error ? recommend.error.forField(field) : null);

  let body: ReactNode;
  if (step === "audience") {
    const personas = audience.personas ?? [];
    body = (
      <>
        {personas.length > 0 && (
          <div className="wizard-personas" data-testid="wizard-personas">
            <p className="field__label">{t("platforms.wizard.personasTitle")}</p>
            <ul className="platform-list">
              {personas.map((p) => (
                <li key={p.name}>
                  {p.name}
                  {p.primary ? ` (${t("platforms.wizard.primary")})` : ""}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Fieldset legend={t("platforms.wizard.ageGroups")} hint={t("platforms.wizard.ageGroupsHint")}>
          {AGE_GROUPS.map((g) => (
            <Check
              key={g}
              checked={(audience.ageGroups ?? []).includes(g)}
              onChange={() => setAudience({ ageGroups: toggle(audience.ageGroups ?? [], g) })}
              label={t(`platforms.age.${g}`)}
              testId={`wizard-age-${g}`}
            />
          ))}
        </Fieldset>
        <RadioGroup
          legend={t("platforms.wizard.market")}
          name="wizard-market"
          value={audience.market}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
          onChange={(market) => setAudience({ market })}
          testIdPrefix="wizard-market"
        />
        <RadioGroup
          legend={t("platforms.wizard.region")}
          name="wizard-region"
          value={audience.region}
          options={REGIONS.map((r) => ({ value: r, label: t(`platforms.region.${r}`) }))}
          onChange={(region) => setAudience({ region })}
          testIdPrefix="wizard-region"
        />
        <Check
          checked={audience.localBusiness ?? false}
          onChange={() => setAudience({ localBusiness: !(audience.localBusiness ?? false) })}
          label={t("platforms.wizard.local")}
          testId="wizard-local"
        />
      </>
    );
  } else if (step === "goals") {
    body = (
      <Fieldset legend={t("platforms.wizard.goals")} hint={t("platforms.wizard.goalsHint")}>
        {OBJECTIVE_KINDS.map((g) => (
          <Check
            key={g}
            checked={(answers.goals ?? []).includes(g)}
            onChange={() => setAnswers({ ...answers, goals: toggle(answers.goals ?? [], g) })}
            label={t(`platforms.goal.${g}`)}
            testId={`wizard-goal-${g}`}
          />
        ))}
      </Fieldset>
    );
  } else if (step === "competitors") {
    body = (
      <div className="wizard-competitors">
        <p className="field__hint">{t("platforms.wizard.competitorsHint")}</p>
        {competitors.map((c, i) => (
          <fieldset key={i} className="card wizard-competitor" data-testid={`wizard-competitor-${i}`}>
            <legend className="field__label">{t("platforms.wizard.competitor", { n: i + 1 })}</legend>
            <Field label={t("platforms.wizard.competitorName")}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={c.name}
                  onChange={(e) => setCompetitor(i, { name: e.target.value })}
                  data-testid={`wizard-competitor-${i}-name`}
                />
              )}
            </Field>
            <div className="wizard-competitor__platforms">
              {catalog.platforms.map((p) => {
                const status = (c.succeedingOn ?? []).includes(p.id) ? "succeeding" : (c.activeOn ?? []).includes(p.id) ? "active" : "none";
                return (
                  <label key={p.id} className="wizard-competitor__platform">
                    <span>{loc(p.names)}</span>
                    <select
                      className="select"
                      value={status}
                      onChange={(e) => {
                        const v = e.target.value;
                        const active = (c.activeOn ?? []).filter((x) => x !== p.id);
                        const succeeding = (c.succeedingOn ?? []).filter((x) => x !== p.id);
                        setCompetitor(i, {
                          activeOn: v === "active" ? [...active, p.id] : active,
                          succeedingOn: v === "succeeding" ? [...succeeding, p.id] : succeeding,
                        });
                      }}
                      data-testid={`wizard-competitor-${i}-${p.id}`}
                    >
                      <option value="none">—</option>
                      <option value="active">{t("platforms.wizard.active")}</option>
                      <option value="succeeding">{t("platforms.wizard.succeeding")}</option>
                    </select>
                  </label>
                );
              })}
            </div>
            <Button variant="ghost" onClick={() => setAnswers({ ...answers, competitors: competitors.filter((_, j) => j !== i) })}>
              {t("platforms.wizard.removeCompetitor")}
            </Button>
          </fieldset>
        ))}
        {competitors.length < MAX_COMPETITORS && (
          <Button
            onClick={() => setAnswers({ ...answers, competitors: [...competitors, { name: "", activeOn: [], succeedingOn: [] }] })}
            data-testid="wizard-add-competitor"
          >
            {t("platforms.wizard.addCompetitor")}
          </Button>
        )}
      </div>
    );
  } else if (step === "capacity") {
    body = (
      <>
        <Field label={t("platforms.wizard.hours")} hint={t("platforms.wizard.hoursHint")} error={fieldError("hoursPerWeek")}>
          {(control) => (
            <input
              {...control}
              className="input input--short"
              type="number"
              min={0}
              max={80}
              step={0.5}
              value={capacity.hoursPerWeek ?? ""}
              onChange={(e) => setCapacity({ hoursPerWeek: Number(e.target.value) })}
              data-testid="wizard-hours"
            />
          )}
        </Field>
        <RadioGroup
          legend={t("platforms.wizard.whoPosts")}
          name="wizard-who"
          value={capacity.whoPosts}
          options={WHO_POSTS.map((w) => ({ value: w, label: t(`platforms.who.${w}`) }))}
          onChange={(whoPosts) => setCapacity({ whoPosts })}
          testIdPrefix="wizard-who"
        />
        <Fieldset legend={t("platforms.wizard.skills")}>
          <Check checked={capacity.shortVideo} onChange={() => setCapacity({ shortVideo: !capacity.shortVideo })} label={t("platforms.wizard.shortVideo")} testId="wizard-video" />
          <Check checked={capacity.photos} onChange={() => setCapacity({ photos: !capacity.photos })} label={t("platforms.wizard.photos")} testId="wizard-photos" />
          <Check checked={capacity.longForm} onChange={() => setCapacity({ longForm: !capacity.longForm })} label={t("platforms.wizard.longForm")} testId="wizard-longform" />
        </Fieldset>
      </>
    );
  } else {
    body = (
      <WizardResult
        result={recommend.data}
        pending={recommend.isPending}
        error={recommend.error?.message ?? null}
        onBack={() => setStep(recommend.error?.field ? "capacity" : "audience")}
        chosen={chosen}
        setChosen={setChosen}
        name={name}
        hours={capacity.hoursPerWeek ?? 0}
      />
    );
  }

  const isLast = step === "result";
  return (
    <section className="wizard" data-testid="platform-wizard" aria-labelledby="wizard-step-title">
      <ol className="wizard__steps">
        {STEPS.map((s, i) => (
          <li key={s} className="wizard__step" aria-current={s === step ? "step" : undefined} data-done={i < index || undefined}>
            <span className="wizard__step-number">{i + 1}</span> {t(`platforms.wizard.steps.${s}`)}
          </li>
        ))}
      </ol>
      <h2 className="wizard__title" id="wizard-step-title" tabIndex={-1} ref={headingRef}>
        {t(`platforms.wizard.titles.${step}`)}
      </h2>
      <p className="wizard__intro">{t(`platforms.wizard.intros.${step}`)}</p>
      <div className="wizard__body">{body}</div>
      {confirm.error && <Alert message={confirm.error.message} />}
      <div className="button-row wizard__actions">
        <Button variant="ghost" onClick={onCancel} data-testid="wizard-cancel">
          {t("platforms.wizard.cancel")}
        </Button>
        {index > 0 && (
          <Button onClick={() => setStep(STEPS[index - 1] ?? "audience")} data-testid="wizard-back">
            {t("platforms.wizard.back")}
          </Button>
        )}
        {!isLast && (
          <Button variant="primary" onClick={() => goTo(STEPS[index + 1] ?? "result")} data-testid="wizard-next">
            {index === 3 ? t("platforms.wizard.seeResult") : t("platforms.wizard.next")}
          </Button>
        )}
        {isLast && recommend.data && (
          <Button
            variant="primary"
            busy={confirm.isPending}
            disabled={chosen.length === 0}
            onClick={() => confirm.mutate({ answers, platformIds: chosen }, { onSuccess: onDone })}
            data-testid="wizard-confirm"
          >
            {t("platforms.wizard.confirm", { count: chosen.length })}
          </Button>
        )}
      </div>
      {isLast && chosen.length > MANY_PLATFORMS && (capacity.hoursPerWeek ?? 0) < LOW_CAPACITY_HOURS && (
        <p className="platforms-warning" role="status" data-testid="wizard-too-many">
          {t("platforms.wizard.tooMany", { count: chosen.length, hours: capacity.hoursPerWeek })}
        </p>
      )}
    </section>
  );
}

type ResultProps = {
  result: Recommendation | undefined;
  pending: boolean;
  error: string | null;
  onBack: () => void;
  chosen: string[];
  setChosen: (ids: string[]) => void;
  name: (id: string) => string;
  hours: number;
};

function WizardResult({ result, pending, error, onBack, chosen, setChosen, name }: ResultProps) {
  const { t } = useTranslation();
  const loc = useLocalize();
  if (pending) return <Loading label={t("platforms.wizard.scoring")} />;
  if (error || !result)
    return (
      <div>
        <Alert message={error ?? t("platforms.wizard.noResult")} />
        <Button onClick={onBack}>{t("platforms.wizard.fix")}</Button>
      </div>
    );
  return (
    <div className="wizard-result" data-testid="wizard-result">
      <div className="wizard-result__pick card">
        <p className="wizard-result__headline" data-testid="wizard-recommended">
          {t("platforms.wizard.startWith", { names: result.recommended.map(name).join(t("platforms.wizard.and")) })}
        </p>
        <p>
          <strong>{t("platforms.wizard.whyNotMore")}</strong> {loc(result.whyNotMore)}
        </p>
        <p>
          <strong>{t("platforms.wizard.whenNext")}</strong> {loc(result.whenToAddNext)}
        </p>
      </div>
      <ol className="wizard-ranking">
        {result.ranking.map((s, i) => (
          <li key={s.platformId} className="wizard-ranking__item card" data-testid={`wizard-rank-${s.platformId}`}>
            <div className="wizard-ranking__head">
              <label className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.platformId)}
                  onChange={() => setChosen(toggle(chosen, s.platformId))}
                  data-testid={`wizard-choose-${s.platformId}`}
                />
                <span className="wizard-ranking__name">
                  {i + 1}. {name(s.platformId)}
                </span>
              </label>
              {result.recommended.includes(s.platformId) && <span className="badge">{t("platforms.wizard.recommended")}</span>}
              <span className="wizard-ranking__score">{t("platforms.wizard.score", { score: s.score })}</span>
            </div>
            <div className="score-bar" aria-hidden="true">
              <span className="score-bar__fill" style={{ width: `${s.score}%` }} />
            </div>
            {(i < 4 || result.recommended.includes(s.platformId)) && (
              <div className="wizard-ranking__notes">
                {s.reasons.length > 0 && (
                  <ul className="platform-list reasons">
                    {s.reasons.map((r) => (
                      <li key={r.en}>{loc(r)}</li>
                    ))}
                  </ul>
                )}
                {s.risks.length > 0 && (
                  <ul className="platform-list risks">
                    {s.risks.map((r) => (
                      <li key={r.en}>{loc(r)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      <details className="wizard-model card" data-testid="wizard-model">
        <summary>{t("platforms.wizard.howScored")}</summary>
        <table className="platform-media">
          <thead>
            <tr>
              <th scope="col">{t("platforms.wizard.factor")}</th>
              <th scope="col">{t("platforms.wizard.weight")}</th>
              <th scope="col">{t("platforms.wizard.how")}</th>
            </tr>
          </thead>
          <tbody>
            {result.model.factors.map((f) => (
              <tr key={f.factor}>
                <th scope="row">{t(`platforms.factor.${f.factor}`)}</th>
                <td>{f.weight}</td>
                <td>{loc(f.explanation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="platform-list">
          {result.model.rules.map((r) => (
            <li key={r.en}>{loc(r)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
