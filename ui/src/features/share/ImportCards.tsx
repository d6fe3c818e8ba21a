import type { ReactNode } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import type { CsvImportPreview, IcsImportPreview, Previewed } from "../../lib/api";
import { useApplyCsv, useApplyIcs, usePreviewCsv, usePreviewIcs } from "./queries";

/** What differs between the file imports (spreadsheet, calendar file) that share one card. */
interface FileImportCardProps<T> {
  /** Names the i18n keys (`share.<format>Import.*`) and the test ids (`share-<format>-import-*`). */
  format: "csv" | "ics";
  previewer: UseMutationResult<Previewed<T> | null, Error, void>;
  apply: UseMutationResult<T, Error, void>;
  /** How many items an import of `p` adds (the done message and the apply button's count). */
  count: (p: T) => number;
  /** The review's title line. */
  summary: (opened: Previewed<T>) => string;
  canApply: (p: T) => boolean;
  /** The format's own review details (rows, errors, notes). */
  review: (p: T) => ReactNode;
}

/** A two-step import card: open a file, review what it would add, then apply or cancel. */
function FileImportCard<T>({ format, previewer, apply, count, summary, canApply, review }: FileImportCardProps<T>) {
  const { t } = useTranslation();
  const opened = previewer.data ?? null;
  const p = opened?.preview;
  const id = `share-${format}-import`;
  const key = (name: "title" | "intro" | "open" | "done" | "apply") => `share.${format}Import.${name}` as const;
  return (
    <section className="card share-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 className="share-card__title" id={`${id}-title`}>
        {t(key("title"))}
      </h3>
      <p className="share-card__intro">{t(key("intro"))}</p>
      <div className="button-row">
        <Button
          busy={previewer.isPending}
          onClick={() => {
            apply.reset();
            previewer.mutate();
          }}
          data-testid={`${id}-open`}
        >
          {t(key("open"))}
        </Button>
      </div>
      {previewer.error && <Alert message={previewer.error.message} />}
      {apply.error && <Alert message={apply.error.message} />}
      <StatusMessage testId={`${id}-status`} message={apply.data ? t(key("done"), { count: count(apply.data) }) : null} />
      {opened && p && (
        <div className="share-review" data-testid={`${id}-review`}>
          <p className="share-review__title">{summary(opened)}</p>
          {review(p)}
          <div className="button-row">
            <Button
              variant="primary"
              busy={apply.isPending}
              disabled={!canApply(p)}
              onClick={() => apply.mutate(undefined, { onSuccess: () => previewer.reset() })}
              data-testid={`${id}-apply`}
            >
              {t(key("apply"), { count: count(p) })}
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

/** The first eight rows of a review, then "and N more". */
function FirstRows<R>({ rows, rowKey, render }: { rows: R[]; rowKey: (r: R) => string | number; render: (r: R) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul className="share-review__tables">
      {rows.slice(0, 8).map((r) => (
        <li key={rowKey(r)}>{render(r)}</li>
      ))}
      {rows.length > 8 && <li>{t("share.more", { count: rows.length - 8 })}</li>}
    </ul>
  );
}

export function CsvImportCard() {
  const { t } = useTranslation();
  return (
    <FileImportCard<CsvImportPreview>
      format="csv"
      previewer={usePreviewCsv()}
      apply={useApplyCsv()}
      count={(p) => p.posts.length}
      canApply={(p) => p.errors.length === 0 && p.posts.length > 0}
      summary={({ fileName, preview: p }) =>
        t("share.csvImport.summary", { file: fileName, format: t(`share.csv.formats.${p.format}`), count: p.posts.length, skipped: p.skipped })
      }
      review={(p) => (
        <>
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
            <FirstRows
              rows={p.posts}
              rowKey={(post) => post.line}
              render={(post) => `${post.scheduledLocal ? `${post.scheduledLocal.replace("T", " ")} · ` : ""}${post.title}`}
            />
          )}
        </>
      )}
    />
  );
}

export function IcsImportCard() {
  const { t } = useTranslation();
  return (
    <FileImportCard<IcsImportPreview>
      format="ics"
      previewer={usePreviewIcs()}
      apply={useApplyIcs()}
      count={(p) => p.added}
      canApply={(p) => p.added > 0}
      summary={({ fileName, preview: p }) => t("share.icsImport.summary", { file: fileName, count: p.added, duplicates: p.duplicates })}
      review={(p) => (
        <>
          <FirstRows
            rows={p.events}
            rowKey={(e) => `${e.title}-${e.startsOn}`}
            render={(e) =>
              `${e.startsOn}${e.endsOn !== e.startsOn ? ` – ${e.endsOn}` : ""} · ${e.title}${e.duplicate ? ` (${t("share.icsImport.duplicate")})` : ""}`
            }
          />
          {p.notes.map((n) => (
            <p key={n} className="share-card__hint">
              {n}
            </p>
          ))}
        </>
      )}
    />
  );
}
