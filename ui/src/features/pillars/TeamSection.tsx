import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { APPROVAL_STEPS, TEAM_ROLES } from "../../lib/api";
import type { Role } from "../../lib/api";
import { useAddCompetitor, useAddTeamMember, useCompetitors, useRemoveCompetitor, useSetApprovalStep, useTeam } from "./queries";

/** Who is on the team, which approval steps are required, and the competitor names the risk check looks for. */
export function TeamSection() {
  const { t } = useTranslation();
  const team = useTeam();
  const setStep = useSetApprovalStep();
  const addMember = useAddTeamMember();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("operator");

  const submitMember = (e: React.FormEvent) => {
    e.preventDefault();
    addMember.mutate({ name, role }, { onSuccess: () => setName("") });
  };

  return (
    <section className="card pillars-section" aria-labelledby="team-title" data-testid="team-section">
      <h2 className="pillars-section__title" id="team-title">
        {t("pillars.team.title")}
      </h2>
      <p className="pillars-section__intro">{t("pillars.team.intro")}</p>
      {team.isError && <Alert title={t("pillars.team.loadError")} message={team.error.message} />}
      {team.data && (
        <>
          <ol className="approval-flow" aria-label={t("pillars.team.flowLabel")}>
            <li className="approval-flow__step">
              <span>{t("pillars.team.drafts")}</span>
              <span className="approval-flow__always">{t("pillars.team.always")}</span>
            </li>
            {APPROVAL_STEPS.map((step) => {
              const required = team.data.steps.find((s) => s.step === step)?.required ?? false;
              return (
                <li key={step} className="approval-flow__step">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={required}
                      data-testid={`step-${step}`}
                      disabled={setStep.isPending}
                      onChange={(e) => setStep.mutate({ step, required: e.target.checked })}
                    />
                    <span>{t(`pillars.team.steps.${step}`)}</span>
                  </label>
                </li>
              );
            })}
          </ol>
          {setStep.error && <p className="field__error">{setStep.error.message}</p>}
          <h3 className="pillars-section__subtitle">{t("pillars.team.membersTitle")}</h3>
          {team.data.members.length === 0 ? (
            <p className="mix-empty">{t("pillars.team.noMembers")}</p>
          ) : (
            <ul className="member-list" data-testid="team-members">
              {team.data.members.map((m) => (
                <li key={m.id}>
                  <strong>{m.name}</strong> · {t(`pillars.team.roles.${m.role}`)}
                </li>
              ))}
            </ul>
          )}
          <form className="inline-form" onSubmit={submitMember}>
            <Field label={t("pillars.team.memberName")} error={addMember.error?.forField("name") ?? null}>
              {(c) => <input {...c} className="input" value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label={t("pillars.team.role")}>
              {(c) => (
                <select {...c} className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  {TEAM_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`pillars.team.roles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button type="submit" busy={addMember.isPending}>
              {t("pillars.team.addMember")}
            </Button>
          </form>
          {addMember.error && !addMember.error.field && <p className="field__error">{addMember.error.message}</p>}
        </>
      )}
      <Competitors />
    </section>
  );
}

function Competitors() {
  const { t } = useTranslation();
  const list = useCompetitors();
  const add = useAddCompetitor();
  const remove = useRemoveCompetitor();
  const [name, setName] = useState("");
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    add.mutate(name, { onSuccess: () => setName("") });
  };
  return (
    <>
      <h3 className="pillars-section__subtitle">{t("pillars.competitors.title")}</h3>
      <p className="pillars-section__intro">{t("pillars.competitors.intro")}</p>
      {list.isError && <Alert title={t("pillars.competitors.loadError")} message={list.error.message} />}
      {list.data && list.data.length > 0 && (
        <ul className="competitor-list" data-testid="competitors">
          {list.data.map((c) => (
            <li key={c.id} className="competitor-list__item">
              <span>{c.name}</span>
              <Button
                variant="ghost"
                onClick={() => remove.mutate(c.id)}
                aria-label={t("pillars.competitors.remove", { name: c.name })}
              >
                {t("pillars.competitors.removeShort")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit}>
        <Field label={t("pillars.competitors.name")} error={add.error?.forField("name") ?? null}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              data-testid="competitor-name"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" busy={add.isPending}>
          {t("pillars.competitors.add")}
        </Button>
      </form>
      {add.error && !add.error.field && <p className="field__error">{add.error.message}</p>}
    </>
  );
}
