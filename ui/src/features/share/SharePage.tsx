import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";
import { POST_STATUSES } from "../../lib/api";
import type { ExportOptions, PostStatus } from "../../lib/api";
import { useLocalize } from "../platforms/localize";
import { useActivePlatforms } from "../platforms/queries";
import { BundleCard, CsvCard, IcsCard, PrintCard } from "./ExportCards";
import { CsvImportCard, IcsImportCard } from "./ImportCards";
import { CalDavPublishPanel } from "../connections/CalDavPublishPanel";

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** From today to six weeks ahead: what a team usually needs to see. */
export function defaultOptions(today = new Date()): ExportOptions {
  const end = new Date(today);
  end.setDate(end.getDate() + 41);
  return { from: isoDay(today), to: isoDay(end), platforms: [], statuses: [], includeEvents: true };
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The filters every export shares. */
function ShareOptions({ value, onChange }: { value: ExportOptions; onChange: (o: ExportOptions) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { platforms } = useActivePlatforms();
  return (
    <section className="card share-options" aria-labelledby="share-options-title" data-testid="share-options">
      <h2 className="share-card__title" id="share-options-title">
        {t("share.options.title")}
      </h2>
      <p className="share-card__intro">{t("share.options.intro")}</p>
      <div className="share-options__row">
        <label className="field">
          <span className="field__label">{t("share.options.from")}</span>
          <input
            className="input"
            type="date"
            value={value.from ?? ""}
            onChange={(e) => onChange({ ...value, from: e.target.value || null })}
            data-testid="share-from"
          />
        </label>
        <label className="field">
          <span className="field__label">{t("share.options.to")}</span>
          <input
            className="input"
            type="date"
            value={value.to ?? ""}
            onChange={(e) => onChange({ ...value, to: e.target.value || null })}
            data-testid="share-to"
          />
        </label>
        <label className="checkbox share-options__events">
          <input
            type="checkbox"
            checked={value.includeEvents}
            onChange={(e) => onChange({ ...value, includeEvents: e.target.checked })}
            data-testid="share-events"
          />
          <span>{t("share.options.events")}</span>
        </label>
      </div>
      {platforms.length > 0 && (
        <fieldset className="field field--group">
          <legend className="field__label">{t("share.options.platforms")}</legend>
          <div className="share-options__choices">
            {platforms.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={value.platforms.includes(p.id)}
                  onChange={() => onChange({ ...value, platforms: toggle(value.platforms, p.id) })}
                  data-testid={`share-platform-${p.id}`}
                />
                <span>{localize(p.names)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="field field--group">
        <legend className="field__label">{t("share.options.statuses")}</legend>
        <div className="share-options__choices">
          {POST_STATUSES.map((s: PostStatus) => (
            <label key={s} className="checkbox">
              <input
                type="checkbox"
                checked={value.statuses.includes(s)}
                onChange={() => onChange({ ...value, statuses: toggle(value.statuses, s) })}
                data-testid={`share-status-${s}`}
              />
              <span>{t(`calendar.status.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="share-options__hint">{t("share.options.hint")}</p>
    </section>
  );
}

/**
 * The Share screen: shared options, one card per export and import, then publishing to a team
 * calendar (CalDAV).
 */
export function SharePage() {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ExportOptions>(() => defaultOptions());
  return (
    <Page testId="page-share" title={t("pages.share.title")} subtitle={t("pages.share.subtitle")}>
      <ShareOptions value={options} onChange={setOptions} />
      <h2 className="share-section-title">{t("share.sections.export")}</h2>
      <div className="share-grid">
        <IcsCard options={options} />
        <CsvCard options={options} />
      </div>
      <PrintCard options={options} />
      <BundleCard />
      <h2 className="share-section-title">{t("share.sections.import")}</h2>
      <div className="share-grid share-grid--top">
        <CsvImportCard />
        <IcsImportCard />
      </div>
      <h2 className="share-section-title">{t("share.sections.publish")}</h2>
      <CalDavPublishPanel />
    </Page>
  );
}
