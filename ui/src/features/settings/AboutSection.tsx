import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Loading } from "../../components/Spinner";
import { useAppInfo } from "../../lib/queries";
import thirdParty from "./third-party.json";

/** Main open-source components and their licences (SPDX ids; `null` = public domain). */
const COMPONENTS: ReadonlyArray<{ name: string; license: string | null }> = [
  { name: "Tauri", license: "MIT OR Apache-2.0" },
  { name: "React", license: "MIT" },
  { name: "SQLite", license: null },
  { name: "TanStack Query", license: "MIT" },
  { name: "i18next", license: "MIT" },
];

export function AboutSection() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <section className="card settings-section" aria-labelledby="settings-about-title">
      <h2 className="settings-section__title" id="settings-about-title">
        {t("settings.about.title")}
      </h2>
      {info.isError && <Alert message={info.error.message} onRetry={() => void info.refetch()} />}
      {info.isPending && <Loading label={t("app.loading")} />}
      {info.isSuccess && (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t("settings.about.version")}</dt>
            <dd data-testid="settings-version">{info.data.version}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("settings.about.schemaVersion")}</dt>
            <dd>{info.data.schemaVersion}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("settings.about.license")}</dt>
            <dd>{t("settings.about.licenseValue")}</dd>
          </div>
        </dl>
      )}
      <h3 className="settings-section__subtitle">{t("settings.about.components")}</h3>
      <ul className="credits">
        {COMPONENTS.map((component) => (
          <li key={component.name} className="credits__item">
            <span className="credits__name">{component.name}</span>
            <span className="credits__license">{component.license ?? t("settings.about.publicDomain")}</span>
          </li>
        ))}
      </ul>
      <details className="credits-all" data-testid="settings-third-party">
        <summary>{t("settings.about.allComponents", { count: thirdParty.length })}</summary>
        <ul className="credits credits--all">
          {thirdParty.map((c) => (
            <li key={`${c.kind}:${c.name}@${c.version}`} className="credits__item">
              <span className="credits__name">
                {c.name} <span className="credits__version">{c.version}</span>
              </span>
              <span className="credits__license">{c.license}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
