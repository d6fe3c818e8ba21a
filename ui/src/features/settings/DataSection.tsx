import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Loading } from "../../components/Spinner";
import type { Workspace } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useAppInfo } from "../../lib/queries";

export function DataSection({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <section className="card settings-section" aria-labelledby="settings-data-title">
      <h2 className="settings-section__title" id="settings-data-title">
        {t("settings.data.title")}
      </h2>
      <p className="settings-section__intro">{t("settings.data.intro")}</p>
      {info.isError && <Alert message={info.error.message} onRetry={() => void info.refetch()} />}
      {info.isPending && <Loading label={t("app.loading")} />}
      {info.isSuccess && (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t("settings.data.dataDir")}</dt>
            <dd>
              <code className="path" data-testid="settings-data-dir">
                {info.data.dataDir}
              </code>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t("settings.data.databasePath")}</dt>
            <dd>
              <code className="path">{info.data.databasePath}</code>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t("settings.data.schemaVersion")}</dt>
            <dd>{info.data.schemaVersion}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("settings.data.lastSaved")}</dt>
            <dd>
              <time dateTime={workspace.updatedAt}>
                {formatDateTime(workspace.updatedAt, workspace)}
              </time>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
