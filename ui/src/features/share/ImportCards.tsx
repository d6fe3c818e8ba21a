import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { useApplyCsv, useApplyIcs, usePreviewCsv, usePreviewIcs } from "./queries";

export function CsvImportCard() {
  const { t } = useTranslation();
  const previewer = usePreviewCsv();
  const apply = useApplyCsv();
  const opened = previewer.data ?? null;
  const p = opened?.preview;
  return (
    <section className="card share-card" aria-labelledby="share-csv-import-title" data-testid="share-csv-import">
      <h3 className="share-card__title" id="share-csv-import-title">
        {t("share.csvImport.title")}
      </h3>
      <p className="share-card__intro">{t("share.csvImport.intro")}</p>
      <div className="button-row">
        <Button
          busy={previewer.isPending}
          onClick={() => {
            apply.reset();
            previewer.mutate();
          }}
          data-testid="share-csv-import-open"
        >
          {t("share.csvImport.open")}
        </Button>
      </div>
      {previewer.error && <Alert message={previewer.error.message} />}
      {apply.error && <Alert message={apply.error.message} />}
      <StatusMessage
        testId="share-csv-import-status"
        message={apply.data ? t("share.csvImport.done", { count: apply.data.posts.length }) : null}
      />
      {opened && p && (
        <div className="share-review" data-testid="share-csv-import-review">
          <p className="share-review__title">
            {t("share.csvImport.summary", { file: opened.fileName, format: t(`share.csv.formats.${p.format}`), count: p.posts.length, skipped: p.skipped })}
          </p>
          {p.errors.length > 0 && (
            <div className="share-errors">
              <p className="share-errors__title">{t("share.csvImport.errors", { count: p.errors.length })}</p>
              <ul className="share-errors__list" data-testid="share-csv-import-errors">
                {p.errors.slice(0, 50).map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    <strong>{t("share.csvImport.line", { line: e.line })}</strong> {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {p.posts.length > 0 && (
            <ul className="share-review__tables">
              {p.posts.slice(0, 8).map((post) => (
                <li key={post.line}>
                  {post.scheduledLocal ? `${post.scheduledLocal.replace("T", " ")} · ` : ""}
                  {post.title}
                </li>
              ))}
              {p.posts.length > 8 && <li>{t("share.more", { count: p.posts.length - 8 })}</li>}
            </ul>
          )}
          <div className="button-row">
            <Button
              variant="primary"
              busy={apply.isPending}
              disabled={p.errors.length > 0 || p.posts.length === 0}
              onClick={() => apply.mutate(undefined, { onSuccess: () => previewer.reset() })}
              data-testid="share-csv-import-apply"
            >
              {t("share.csvImport.apply", { count: p.posts.length })}
            </Button>
            <Button variant="ghost" onClick={() => previewer.reset()}>
              {t("share.bundle.cancel")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

export function IcsImportCard() {
  const { t } = useTranslation();
  const previewer = usePreviewIcs();
  const apply = useApplyIcs();
  const opened = previewer.data ?? null;
  const p = opened?.preview;
  return (
    <section className="card share-card" aria-labelledby="share-ics-import-title" data-testid="share-ics-import">
      <h3 className="share-card__title" id="share-ics-import-title">
        {t("share.icsImport.title")}
      </h3>
      <p className="share-card__intro">{t("share.icsImport.intro")}</p>
      <div className="button-row">
        <Button
          busy={previewer.isPending}
          onClick={() => {
            apply.reset();
            previewer.mutate();
          }}
          data-testid="share-ics-import-open"
        >
          {t("share.icsImport.open")}
        </Button>
      </div>
      {previewer.error && <Alert message={previewer.error.message} />}
      {apply.error && <Alert message={apply.error.message} />}
      <StatusMessage
        testId="share-ics-import-status"
        message={apply.data ? t("share.icsImport.done", { count: apply.data.added }) : null}
      />
      {opened && p && (
        <div className="share-review" data-testid="share-ics-import-review">
          <p className="share-review__title">
            {t("share.icsImport.summary", { file: opened.fileName, count: p.added, duplicates: p.duplicates })}
          </p>
          <ul className="share-review__tables">
            {p.events.slice(0, 8).map((e) => (
              <li key={`${e.title}-${e.startsOn}`}>
                {e.startsOn}
                {e.endsOn !== e.startsOn ? ` – ${e.endsOn}` : ""} · {e.title}
                {e.duplicate ? ` (${t("share.icsImport.duplicate")})` : ""}
              </li>
            ))}
            {p.events.length > 8 && <li>{t("share.more", { count: p.events.length - 8 })}</li>}
          </ul>
          {p.notes.map((n) => (
            <p key={n} className="share-card__hint">
              {n}
            </p>
          ))}
          <div className="button-row">
            <Button
              variant="primary"
              busy={apply.isPending}
              disabled={p.added === 0}
              onClick={() => apply.mutate(undefined, { onSuccess: () => previewer.reset() })}
              data-testid="share-ics-import-apply"
            >
              {t("share.icsImport.apply", { count: p.added })}
            </Button>
            <Button variant="ghost" onClick={() => previewer.reset()}>
              {t("share.bundle.cancel")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
