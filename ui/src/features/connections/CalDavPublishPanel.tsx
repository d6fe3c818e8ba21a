import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import type { PlanAction, PublishSummary } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useWorkspace } from "../../lib/queries";
import { useNavigation } from "../shell/navigation";
import { useConnections, usePublishCaldav } from "./queries";

const SHOWN: readonly PlanAction[] = ["create", "update", "delete"];

/** Share → "Publish to a team calendar": preview (dry run), then publish to a CalDAV connection. */
export function CalDavPublishPanel() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const connections = useConnections();
  const workspace = useWorkspace().data;
  const publish = usePublishCaldav();
  const [chosen, setChosen] = useState<string>("");
  const list = connections.data ?? [];
  const selectedId = chosen || list[0]?.connection.id || "";
  const selected = list.find((c) => c.connection.id === selectedId);
  const result = publish.data ?? null;
  const when = (at: string) =>
    workspace ? formatDateTime(at, { language: workspace.language, timeZone: workspace.timeZone }) : at;

  return (
    <section className="card caldav-panel" aria-labelledby="caldav-panel-title" data-testid="caldav-panel">
      <h2 className="caldav-panel__title" id="caldav-panel-title">
        {t("connections.publish.title")}
      </h2>
      <p className="caldav-panel__intro">{t("connections.publish.intro")}</p>

      {connections.isPending && <Spinner />}
      {connections.isError && (
        <Alert message={connections.error.message} onRetry={() => void connections.refetch()} retrying={connections.isFetching} />
      )}
      {connections.data && list.length === 0 && (
        <div className="caldav-panel__empty" data-testid="caldav-no-connections">
          <p>{t("connections.publish.none")}</p>
          <Button onClick={() => navigate("settings", { focusHeading: true })} data-testid="caldav-go-settings">
            {t("connections.publish.goSettings")}
          </Button>
        </div>
      )}
      {list.length > 0 && (
        <>
          <Field label={t("connections.publish.calendar")}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={selectedId}
                onChange={(e) => {
                  setChosen(e.target.value);
                  publish.reset();
                }}
                data-testid="caldav-connection"
              >
                {list.map((c) => (
                  <option key={c.connection.id} value={c.connection.id}>
                    {c.connection.label} ({c.connection.username})
                  </option>
                ))}
              </select>
            )}
          </Field>
          {selected?.lastRun && (
            <p className="caldav-panel__last" data-testid="caldav-last-run">
              {t("connections.publish.lastRun", { when: when(selected.lastRun.at), count: selected.lastRun.created + selected.lastRun.updated })}
            </p>
          )}
          <div className="button-row">
            <Button
              busy={publish.isPending && publish.variables?.dryRun === true}
              disabled={publish.isPending}
              onClick={() => publish.mutate({ connectionId: selectedId, dryRun: true })}
              data-testid="caldav-preview"
            >
              {t("connections.publish.preview")}
            </Button>
            <Button
              variant="primary"
              busy={publish.isPending && publish.variables?.dryRun === false}
              disabled={publish.isPending}
              onClick={() => publish.mutate({ connectionId: selectedId, dryRun: false })}
              data-testid="caldav-publish"
            >
              {t("connections.publish.publish")}
            </Button>
          </div>
          {publish.isPending && <p className="caldav-panel__working">{t("connections.publish.working")}</p>}
          {publish.error && <Alert title={t("connections.publish.failed")} message={publish.error.message} />}
          {result && <PublishResult summary={result} when={when} />}
        </>
      )}
    </section>
  );
}

function PublishResult({ summary, when }: { summary: PublishSummary; when: (at: string) => string }) {
  const { t } = useTranslation();
  const changes = summary.plan.filter((p) => SHOWN.includes(p.action));
  const counts = t(summary.dryRun ? "connections.publish.wouldCounts" : "connections.publish.counts", {
    created: summary.created,
    updated: summary.updated,
    deleted: summary.deleted,
    unchanged: summary.unchanged,
  });
  return (
    <div className="caldav-result" data-testid={summary.dryRun ? "caldav-preview-result" : "caldav-publish-result"}>
      <StatusMessage
        message={summary.dryRun ? `${t("connections.publish.previewDone")} ${counts}` : `${t("connections.publish.done")} ${counts}`}
      />
      {summary.failures.length > 0 && (
        <div className="caldav-result__failures" role="alert" data-testid="caldav-failures">
          <p className="caldav-result__failures-title">{t("connections.publish.failures", { count: summary.failures.length })}</p>
          <ul>
            {summary.failures.map((f) => (
              <li key={f.uid}>
                <strong>{summary.plan.find((p) => p.uid === f.uid)?.summary ?? f.uid}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary.dryRun && changes.length > 0 && (
        <ul className="caldav-result__list" aria-label={t("connections.publish.changes")}>
          {changes.map((p) => (
            <li key={p.uid} className={`caldav-result__item caldav-result__item--${p.action}`}>
              <span className="caldav-result__action">{t(`connections.publish.action.${p.action}`)}</span>
              <span className="caldav-result__when">{p.starts ? (p.starts.length > 10 ? when(p.starts) : p.starts) : ""}</span>
              <span className="caldav-result__summary">{p.summary ?? t("connections.publish.removedPost")}</span>
            </li>
          ))}
        </ul>
      )}
      {summary.dryRun && changes.length === 0 && <p className="caldav-panel__intro">{t("connections.publish.upToDate")}</p>}
    </div>
  );
}
