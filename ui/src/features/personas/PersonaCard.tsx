import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import type { Persona } from "../../lib/api";
import { platformLabel } from "../strategy/labels";
import { useArchivePersona, useDeletePersona, useDuplicatePersona, useReorderPersonas } from "../strategy/queries";

type Props = {
  persona: Persona;
  ids: string[];
  index: number;
  onEdit: () => void;
  onStatus: (message: string | null) => void;
};

/** One persona as a card an owner could pin on the wall (it also prints on its own page). */
export function PersonaCard({ persona: p, ids, index, onEdit }: Props) {
  const { t } = useTranslation();
  const duplicate = useDuplicatePersona();
  const archive = useArchivePersona();
  const remove = useDeletePersona();
  const reorder = useReorderPersonas();
  const [confirming, setConfirming] = useState(false);
  const [printing, setPrinting] = useState(false);
  const error = duplicate.error ?? archive.error ?? remove.error ?? reorder.error;

  const move = (by: number) => {
    const next = [...ids];
    next.splice(index, 1);
    next.splice(index + by, 0, p.id);
    reorder.mutate(next);
  };
  const print = () => {
    setPrinting(true);
    // Let the print-only class apply before the WebView's print dialog takes the snapshot.
    window.setTimeout(() => {
      window.print();
      setPrinting(false);
    }, 50);
  };
  const psycho = p.psychographics;
  const demo = [p.demographics.ageRange, p.demographics.occupation, p.demographics.location, p.demographics.household]
    .filter((x) => x.trim() !== "")
    .join(" · ");

  return (
    <li
      className={`card persona-card${p.archived ? " persona-card--archived" : ""}${printing ? " persona-card--printing" : ""}`}
      data-testid="persona-card"
    >
      <div className="persona-card__head">
        <span className={`avatar avatar--${p.color}`} aria-hidden="true">
          {p.initials}
        </span>
        <div>
          <h2 className="persona-card__name">{p.name}</h2>
          {demo && <p className="persona-card__demo">{demo}</p>}
          <p className="persona-card__badges">
            {p.isPrimary && <span className="badge badge--primary">{t("strategy.personas.primary")}</span>}
            {p.archived && <span className="badge">{t("strategy.personas.archived")}</span>}
            {p.isHypothesis && (
              <span className="badge badge--hypothesis" data-testid="persona-hypothesis">
                {t("strategy.personas.hypothesis")}
              </span>
            )}
          </p>
        </div>
      </div>
      {p.quote && <blockquote className="persona-card__quote">“{p.quote}”</blockquote>}
      <dl className="persona-card__facts">
        {(["goals", "painPoints", "decisionFactors"] as const)
          .filter((key) => psycho[key].length > 0)
          .map((key) => (
            <div key={key}>
              <dt>{t(`strategy.personas.${key}`)}</dt>
              <dd>{psycho[key].join(" · ")}</dd>
            </div>
          ))}
        {p.socialUsage.length > 0 && (
          <div>
            <dt>{t("strategy.personas.social")}</dt>
            <dd>
              {p.socialUsage.map((u) => `${platformLabel(u.platform)} (${t(`strategy.frequency.${u.frequency}`)})`).join(" · ")}
            </dd>
          </div>
        )}
      </dl>
      <p className="persona-card__evidence">
        {t("strategy.personas.evidenceCount", { count: p.evidence.length })}
        {p.evidence.length > 0 && ": "}
        {[...new Set(p.evidence.map((e) => t(`strategy.evidenceKind.${e.kind}`)))].join(", ")}
        {p.objectiveIds.length > 0 && ` · ${t("strategy.personas.objectivesLinked", { count: p.objectiveIds.length })}`}
      </p>
      {error && <Alert message={error.message} />}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t("strategy.personas.confirmDelete", { name: p.name })}>
          <p>{t("strategy.personas.confirmDelete", { name: p.name })}</p>
          <div className="button-row">
            <Button
              variant="primary"
              className="button--danger"
              busy={remove.isPending}
              onClick={() => remove.mutate(p.id)}
              data-testid="persona-delete-confirm"
            >
              {t("strategy.personas.confirmDeleteYes")}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t("strategy.personas.confirmDeleteNo")}</Button>
          </div>
        </div>
      ) : (
        <div className="persona-card__actions no-print">
          <Button onClick={onEdit} data-testid="persona-edit">
            {t("strategy.personas.edit")}
          </Button>
          <Button
            variant="ghost"
            busy={duplicate.isPending}
            onClick={() => duplicate.mutate({ id: p.id, copySuffix: t("strategy.personas.copySuffix") })}
          >
            {t("strategy.personas.duplicate")}
          </Button>
          <Button variant="ghost" onClick={() => archive.mutate({ id: p.id, archived: !p.archived })}>
            {p.archived ? t("strategy.personas.restore") : t("strategy.personas.archive")}
          </Button>
          <Button variant="ghost" onClick={print}>
            {t("strategy.personas.print")}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(true)} data-testid="persona-delete">
            {t("strategy.personas.delete")}
          </Button>
          <Button
            variant="ghost"
            aria-label={t("strategy.personas.moveUp", { name: p.name })}
            disabled={index === 0 || reorder.isPending}
            onClick={() => move(-1)}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            aria-label={t("strategy.personas.moveDown", { name: p.name })}
            disabled={index === ids.length - 1 || reorder.isPending}
            onClick={() => move(1)}
          >
            ↓
          </Button>
        </div>
      )}
    </li>
  );
}
