import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Spinner";
import type { Objective, Persona, Pillar, PillarInput } from "../../lib/api";
import { useObjectives, usePersonas } from "../strategy/queries";
import { CadenceSection } from "./CadenceSection";
import { MixSection } from "./MixSection";
import { BLANK_PILLAR, PillarEditor, toPillarInput } from "./PillarEditor";
import { useDeletePillar, usePillars } from "./queries";
import { IncidentPlaybook } from "../incident/IncidentPlaybook";
import { TeamSection } from "./TeamSection";

type Editing = { id: string | null; initial: PillarInput } | null;

/** Pillars & mix: the topics the account keeps coming back to, the 7-2-1 gauge, cadence and team settings. */
export function PillarsPage({ today }: { today?: Date } = {}) {
  const { t } = useTranslation();
  const pillars = usePillars();
  const personas = usePersonas();
  const objectives = useObjectives();
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const livePersonas = (personas.data ?? []).filter((p) => !p.archived);
  const list = pillars.data ?? [];
  const empty = pillars.data !== undefined && list.length === 0;

  const editor = editing && (
    <PillarEditor
      key={editing.id ?? "new"}
      id={editing.id}
      initial={editing.initial}
      personas={livePersonas}
      objectives={objectives.data ?? []}
      onDone={(saved) => {
        setEditing(null);
        if (saved) setStatus(t("pillars.saved", { name: saved.name }));
      }}
    />
  );

  return (
    <Page testId="page-pillars" title={t("pages.pillars.title")} subtitle={t("pages.pillars.subtitle")}>
      <StatusMessage message={status} testId="pillars-status" />
      <section className="pillars-section" aria-labelledby={empty ? undefined : "pillars-list-title"}>
        <div className="pillars-section__head">
          {!empty && (
            <h2 className="pillars-section__title" id="pillars-list-title">
              {t("pillars.listTitle")}
            </h2>
          )}
          {list.length > 0 && !editing && (
            <Button
              variant="primary"
              data-testid="pillar-new"
              onClick={() => setEditing({ id: null, initial: { ...BLANK_PILLAR, colour: nextColour(list) } })}
            >
              {t("pillars.new")}
            </Button>
          )}
        </div>
        {pillars.isError && (
          <Alert
            title={t("pillars.loadError")}
            message={pillars.error.message}
            onRetry={() => void pillars.refetch()}
            retrying={pillars.isFetching}
          />
        )}
        {pillars.isPending && <Loading label={t("pillars.loading")} />}
        {pillars.data && list.length === 0 && !editing && (
          <div className="pillars-empty" data-testid="pillars-empty">
            <EmptyState
              icon="pillars"
              title={t("empty.pillars.title")}
              body={t("pillars.empty.body")}
              nextLabel={t("app.nextLabel")}
              next={t("empty.pillars.next")}
            />
            <p className="pillars-empty__lead">{t("pillars.empty.examplesLead")}</p>
            <ul className="pillars-empty__examples">
              <li>{t("pillars.empty.example1")}</li>
              <li>{t("pillars.empty.example2")}</li>
              <li>{t("pillars.empty.example3")}</li>
            </ul>
            <div className="button-row">
              <Button
                variant="primary"
                data-testid="pillar-new"
                onClick={() => setEditing({ id: null, initial: BLANK_PILLAR })}
              >
                {t("pillars.empty.action")}
              </Button>
            </div>
          </div>
        )}
        {editing?.id === null && editor}
        {list.length > 0 && (
          <ul className="pillar-list" data-testid="pillar-list">
            {list.map((p) =>
              editing?.id === p.id ? (
                <li key={p.id}>{editor}</li>
              ) : (
                <PillarCard
                  key={p.id}
                  pillar={p}
                  personas={livePersonas}
                  objectives={objectives.data ?? []}
                  onEdit={() => setEditing({ id: p.id, initial: toPillarInput(p) })}
                  onDeleted={() => setStatus(t("pillars.deleted", { name: p.name }))}
                />
              ),
            )}
          </ul>
        )}
      </section>
      {/* Mix, cadence and team build on pillars; an empty workspace first learns what a pillar is. */}
      {!empty && (
        <>
          <MixSection pillars={list} today={today} />
          <CadenceSection today={today} />
          <TeamSection />
          <IncidentPlaybook />
        </>
      )}
    </Page>
  );
}

function nextColour(list: Pillar[]): string {
  const used = new Set(list.map((p) => p.colour));
  const colours = ["leaf", "sky", "sun", "rose", "violet", "sand", "teal", "slate"];
  return colours.find((c) => !used.has(c)) ?? "slate";
}

function PillarCard({
  pillar,
  personas,
  objectives,
  onEdit,
  onDeleted,
}: {
  pillar: Pillar;
  personas: Persona[];
  objectives: Objective[];
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const del = useDeletePillar();
  const names = personas.filter((p) => pillar.personaIds.includes(p.id)).map((p) => p.name);
  const objective = objectives.find((o) => o.id === pillar.objectiveId);
  return (
    <li className={`card pillar-card pillar-card--${pillar.colour}`} data-testid="pillar-card">
      <h3 className="pillar-card__name">
        <span className={`pillar-dot pillar-dot--${pillar.colour}`} aria-hidden="true" />
        {pillar.name}
      </h3>
      {pillar.description && <p className="pillar-card__description">{pillar.description}</p>}
      <dl className="pillar-card__facts">
        <dt>{t("pillars.card.personas")}</dt>
        <dd>{names.length > 0 ? names.join(", ") : t("pillars.card.none")}</dd>
        <dt>{t("pillars.card.objective")}</dt>
        <dd>{objective ? objective.statement : t("pillars.card.none")}</dd>
      </dl>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t("pillars.confirmDelete", { name: pillar.name })}>
          <p>{t("pillars.confirmDelete", { name: pillar.name })}</p>
          {del.error && <p className="field__error">{del.error.message}</p>}
          <div className="pillar-card__actions">
            <Button
              variant="primary"
              busy={del.isPending}
              data-testid="pillar-delete-confirm"
              onClick={() => del.mutate(pillar.id, { onSuccess: onDeleted })}
            >
              {t("pillars.confirmDeleteYes")}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t("pillars.confirmDeleteNo")}</Button>
          </div>
        </div>
      ) : (
        <div className="pillar-card__actions">
          <Button onClick={onEdit} aria-label={t("pillars.editNamed", { name: pillar.name })}>
            {t("pillars.edit")}
          </Button>
          <Button
            variant="ghost"
            onClick={() => setConfirming(true)}
            aria-label={t("pillars.deleteNamed", { name: pillar.name })}
            data-testid="pillar-delete"
          >
            {t("pillars.delete")}
          </Button>
        </div>
      )}
    </li>
  );
}
