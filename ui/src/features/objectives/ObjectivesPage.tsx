import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/icons";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Spinner";
import type { Objective } from "../../lib/api";
import { useObjectives, useReorderObjectives } from "../strategy/queries";
import { ObjectiveEditor } from "./ObjectiveEditor";

type Mode = { kind: "list" } | { kind: "new" } | { kind: "edit"; objective: Objective };

/** Objectives (KGI) with their KSFs and KPIs: a list, and an editor with live guidance. */
export function ObjectivesPage() {
  const { t } = useTranslation();
  const objectives = useObjectives();
  const reorder = useReorderObjectives();
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [status, setStatus] = useState<string | null>(null);

  const page = (children: React.ReactNode) => (
    <Page testId="page-objectives" title={t("pages.objectives.title")} subtitle={t("pages.objectives.subtitle")}>
      <StatusMessage message={status} testId="objectives-status" />
      {children}
    </Page>
  );

  if (mode.kind !== "list") {
    return page(
      <ObjectiveEditor
        key={mode.kind === "edit" ? mode.objective.id : "new"}
        objective={mode.kind === "edit" ? mode.objective : null}
        onDone={(message) => {
          setMode({ kind: "list" });
          setStatus(message);
        }}
      />,
    );
  }
  if (objectives.isPending) return page(<Loading label={t("app.loading")} />);
  if (objectives.isError) {
    return page(
      <Alert
        title={t("strategy.objectives.loadError")}
        message={objectives.error.message}
        onRetry={() => void objectives.refetch()}
        retrying={objectives.isFetching}
      />,
    );
  }
  const list = objectives.data;
  if (list.length === 0) {
    return page(
      <>
        <EmptyState
          icon="objectives"
          title={t("empty.objectives.title")}
          body={t("empty.objectives.body")}
          nextLabel={t("app.nextLabel")}
          next={t("empty.objectives.next")}
        />
        <div className="strategy-empty-action">
          <Button variant="primary" onClick={() => setMode({ kind: "new" })} data-testid="objective-new">
            <Icon name="plus" />
            <span>{t("strategy.objectives.emptyAction")}</span>
          </Button>
        </div>
      </>,
    );
  }
  const move = (index: number, by: number) => {
    const ids = list.map((o) => o.id);
    const [id] = ids.splice(index, 1);
    if (id === undefined) return;
    ids.splice(index + by, 0, id);
    reorder.mutate(ids);
  };
  return page(
    <>
      <div className="strategy-toolbar">
        <Button variant="primary" onClick={() => setMode({ kind: "new" })} data-testid="objective-new">
          <Icon name="plus" />
          <span>{t("strategy.objectives.new")}</span>
        </Button>
      </div>
      <ol className="objective-list" aria-label={t("strategy.objectives.listLabel")}>
        {list.map((o, index) => (
          <li key={o.id} className="card objective-card" data-testid="objective-card">
            <div className="objective-card__main">
              <p className="objective-card__meta">
                <span className="badge">{t(`strategy.kind.${o.kind}`)}</span>
                <span className={`strategy-status strategy-status--${o.status}`}>{t(`strategy.status.${o.status}`)}</span>
              </p>
              <h2 className="objective-card__title">{o.statement}</h2>
              <p className="objective-card__facts">
                <span>{t("strategy.objectives.kpiCount", { count: o.kpis.length })}</span>
                <span>
                  {o.deadline ? t("strategy.objectives.deadline", { date: o.deadline }) : t("strategy.objectives.noDeadline")}
                </span>
              </p>
              {o.kpis.length > 0 && (
                <ul className="stage-chips">
                  {o.kpis.map((k) => (
                    <li key={k.id} className={`stage-chip stage-chip--${k.stage}`}>
                      <span className="stage-chip__stage">{t(`strategy.stage.${k.stage}`)}</span>
                      <span>{k.name}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="objective-card__actions">
              <Button onClick={() => setMode({ kind: "edit", objective: o })} data-testid="objective-edit">
                {t("strategy.objectives.edit")}
              </Button>
              <Button
                variant="ghost"
                aria-label={`${t("strategy.objectives.moveUp")}: ${o.statement}`}
                disabled={index === 0 || reorder.isPending}
                onClick={() => move(index, -1)}
              >
                ↑
              </Button>
              <Button
                variant="ghost"
                aria-label={`${t("strategy.objectives.moveDown")}: ${o.statement}`}
                disabled={index === list.length - 1 || reorder.isPending}
                onClick={() => move(index, 1)}
              >
                ↓
              </Button>
            </div>
          </li>
        ))}
      </ol>
    </>,
  );
}
