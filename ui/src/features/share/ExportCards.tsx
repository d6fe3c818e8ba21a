import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { RadioGroup } from "../../components/Field";
import { CSV_FORMATS } from "../../lib/api";
import type { CsvFormat, ExportOptions, ExportSummary, ImportChoice, PaperSize, PrintLayout, Resolution } from "../../lib/api";
import {
  useApplyBundle,
  useExportBundle,
  useExportCsv,
  useExportIcs,
  useExportPrint,
  usePreviewBundle,
  usePrintPreview,
} from "./queries";

function useSavedMessage() {
  const { t } = useTranslation();
  return (s: ExportSummary | null | undefined) => {
    if (!s) return null;
    const base = t("share.saved", { path: s.path, count: s.rows });
    return [base, ...s.notes].join(" ");
  };
}

export function IcsCard({ options }: { options: ExportOptions }) {
  const { t } = useTranslation();
  const ics = useExportIcs();
  const saved = useSavedMessage();
  return (
    <section className="card share-card" aria-labelledby="share-ics-title" data-testid="share-ics">
      <h3 className="share-card__title" id="share-ics-title">
        {t("share.ics.title")}
      </h3>
      <p className="share-card__intro">{t("share.ics.intro")}</p>
      <div className="button-row">
        <Button variant="primary" busy={ics.isPending} onClick={() => ics.mutate(options)} data-testid="share-ics-export">
          {t("share.ics.export")}
        </Button>
      </div>
      {ics.error && <Alert message={ics.error.message} />}
      <StatusMessage testId="share-ics-status" message={saved(ics.data)} />
    </section>
  );
}

export function CsvCard({ options }: { options: ExportOptions }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<CsvFormat>("plotline");
  const csv = useExportCsv();
  const saved = useSavedMessage();
  return (
    <section className="card share-card" aria-labelledby="share-csv-title" data-testid="share-csv">
      <h3 className="share-card__title" id="share-csv-title">
        {t("share.csv.title")}
      </h3>
      <p className="share-card__intro">{t("share.csv.intro")}</p>
      <RadioGroup
        legend={t("share.csv.format")}
        name="share-csv-format"
        value={format}
        options={CSV_FORMATS.map((f) => ({ value: f, label: t(`share.csv.formats.${f}`) }))}
        onChange={(f) => {
          csv.reset();
          setFormat(f);
        }}
        testIdPrefix="share-csv-format"
      />
      <p className="share-card__hint">{t(`share.csv.hints.${format}`)}</p>
      <div className="button-row">
        <Button variant="primary" busy={csv.isPending} onClick={() => csv.mutate({ options, format })} data-testid="share-csv-export">
          {t("share.csv.export")}
        </Button>
      </div>
      {csv.error && <Alert message={csv.error.message} />}
      <StatusMessage testId="share-csv-status" message={saved(csv.data)} />
    </section>
  );
}

export function PrintCard({ options }: { options: ExportOptions }) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<PrintLayout>("month");
  const [paper, setPaper] = useState<PaperSize>("a4");
  const [open, setOpen] = useState(false);
  const preview = usePrintPreview(options, layout, open);
  const save = useExportPrint();
  const saved = useSavedMessage();

  function print() {
    // Only the calendar pages are printed (see "share-printing" in app.css).
    document.documentElement.classList.add("share-printing");
    document.documentElement.dataset.paper = paper;
    try {
      window.print();
    } finally {
      document.documentElement.classList.remove("share-printing");
    }
  }

  return (
    <section className="card share-card share-card--wide" aria-labelledby="share-print-title" data-testid="share-print">
      <h3 className="share-card__title" id="share-print-title">
        {t("share.print.title")}
      </h3>
      <p className="share-card__intro">{t("share.print.intro")}</p>
      <div className="share-options__row">
        <RadioGroup
          legend={t("share.print.layout")}
          name="share-print-layout"
          value={layout}
          options={(["month", "week"] as const).map((v) => ({ value: v, label: t(`share.print.layouts.${v}`) }))}
          onChange={setLayout}
          testIdPrefix="share-print-layout"
        />
        <RadioGroup
          legend={t("share.print.paper")}
          name="share-print-paper"
          value={paper}
          options={(["a4", "letter"] as const).map((v) => ({ value: v, label: t(`share.print.papers.${v}`) }))}
          onChange={setPaper}
          testIdPrefix="share-print-paper"
        />
      </div>
      <div className="button-row">
        <Button
          busy={open && preview.isFetching}
          onClick={() => (open ? void preview.refetch() : setOpen(true))}
          data-testid="share-print-preview"
        >
          {t("share.print.preview")}
        </Button>
        <Button variant="primary" disabled={!preview.data} onClick={print} data-testid="share-print-print">
          {t("share.print.print")}
        </Button>
        <Button busy={save.isPending} onClick={() => save.mutate({ options, layout, paper })} data-testid="share-print-save">
          {t("share.print.save")}
        </Button>
      </div>
      <p className="share-card__hint">{t("share.print.hint")}</p>
      {preview.error && <Alert message={preview.error.message} />}
      {save.error && <Alert message={save.error.message} />}
      <StatusMessage testId="share-print-status" message={saved(save.data)} />
      {preview.data && (
        <div
          className="share-print"
          data-paper={paper}
          data-testid="share-print-pages"
          aria-label={t("share.print.previewLabel")}
          role="document"
          // Built by Plotline's core from the plan with every text escaped; no scripts, no styles.
          dangerouslySetInnerHTML={{ __html: preview.data }}
        />
      )}
    </section>
  );
}

function when(iso: string | null, language: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(language, { dateStyle: "medium", timeStyle: "short" });
}

export function BundleCard() {
  const { t, i18n } = useTranslation();
  const exporter = useExportBundle();
  const previewer = usePreviewBundle();
  const apply = useApplyBundle();
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const opened = previewer.data ?? null;
  const conflicts = opened?.preview.conflicts ?? [];
  const keyOf = (c: { table: string; key: string }) => `${c.table}\u0000${c.key}`;
  const allChosen = conflicts.every((c) => choices[keyOf(c)] !== undefined);
  const changes = (opened?.preview.tables ?? []).filter((x) => x.added + x.updated + x.conflicts > 0);

  function chooseAll(take: Resolution) {
    setChoices(Object.fromEntries(conflicts.map((c) => [keyOf(c), take])));
  }
  function importNow() {
    const list: ImportChoice[] = conflicts.map((c) => ({ table: c.table, key: c.key, take: choices[keyOf(c)] ?? "mine" }));
    apply.mutate(list, { onSuccess: () => previewer.reset() });
  }

  return (
    <section className="card share-card share-card--wide" aria-labelledby="share-bundle-title" data-testid="share-bundle">
      <h3 className="share-card__title" id="share-bundle-title">
        {t("share.bundle.title")}
      </h3>
      <p className="share-card__intro">{t("share.bundle.intro")}</p>
      <div className="button-row">
        <Button
          variant="primary"
          busy={exporter.isPending}
          onClick={() => {
            apply.reset();
            exporter.mutate();
          }}
          data-testid="share-bundle-export"
        >
          {t("share.bundle.export")}
        </Button>
        <Button
          busy={previewer.isPending}
          onClick={() => {
            apply.reset();
            exporter.reset();
            setChoices({});
            previewer.mutate();
          }}
          data-testid="share-bundle-open"
        >
          {t("share.bundle.open")}
        </Button>
      </div>
      {exporter.error && <Alert message={exporter.error.message} />}
      {previewer.error && <Alert message={previewer.error.message} />}
      {apply.error && <Alert message={apply.error.message} />}
      <StatusMessage
        testId="share-bundle-status"
        message={
          exporter.data
            ? t("share.bundle.saved", { path: exporter.data.path, count: exporter.data.media })
            : apply.data
              ? t("share.bundle.imported", { added: apply.data.added, updated: apply.data.updated, kept: apply.data.kept })
              : null
        }
      />
      {opened && (
        <div className="share-review" data-testid="share-bundle-review">
          <p className="share-review__title">
            {t("share.bundle.from", { file: opened.fileName, business: opened.preview.business, date: opened.preview.exportedAt.slice(0, 10) })}
          </p>
          {changes.length === 0 ? (
            <p className="share-card__hint">{t("share.bundle.nothing")}</p>
          ) : (
            <ul className="share-review__tables">
              {changes.map((c) => (
                <li key={c.table}>
                  <span className="share-review__table">{t(`share.tables.${c.table}`, { defaultValue: c.table })}</span>{" "}
                  {t("share.bundle.counts", { added: c.added, updated: c.updated, conflicts: c.conflicts })}
                </li>
              ))}
            </ul>
          )}
          {conflicts.length > 0 && (
            <fieldset className="share-conflicts" data-testid="share-conflicts">
              <legend className="share-review__title">{t("share.bundle.conflictsTitle", { count: conflicts.length })}</legend>
              <p className="share-card__hint">{t("share.bundle.conflictsHint")}</p>
              <div className="button-row">
                <Button variant="ghost" onClick={() => chooseAll("mine")} data-testid="share-keep-all">
                  {t("share.bundle.keepAll")}
                </Button>
                <Button variant="ghost" onClick={() => chooseAll("theirs")} data-testid="share-take-all">
                  {t("share.bundle.takeAll")}
                </Button>
              </div>
              <ul className="share-conflicts__list">
                {conflicts.map((c) => {
                  const k = keyOf(c);
                  return (
                    <li key={k} className="share-conflict" data-testid="share-conflict">
                      <p className="share-conflict__name">
                        {c.label || c.key} <span className="share-conflict__table">{t(`share.tables.${c.table}`, { defaultValue: c.table })}</span>
                      </p>
                      {c.fields.length > 4 && (
                        <p className="share-conflict__fields">{t("share.bundle.fields", { fields: c.fields.map((f) => f.replaceAll("_", " ")).join(", ") })}</p>
                      )}
                      <dl className="share-conflict__changes">
                        {c.changes.slice(0, 4).map((ch) => (
                          <div key={ch.field} className="share-conflict__change">
                            <dt>{ch.field.replaceAll("_", " ")}</dt>
                            <dd>
                              <span className="share-conflict__side">{t("share.bundle.mineShort")}</span> {ch.mine || "—"}
                            </dd>
                            <dd>
                              <span className="share-conflict__side">{t("share.bundle.theirsShort")}</span> {ch.theirs || "—"}
                            </dd>
                          </div>
                        ))}
                      </dl>
                      <RadioGroup
                        legend={t("share.bundle.choose")}
                        name={`share-conflict-${k}`}
                        value={choices[k] ?? ("" as Resolution)}
                        options={[
                          { value: "mine" as Resolution, label: t("share.bundle.mine", { date: when(c.mineUpdatedAt, i18n.language) }) },
                          { value: "theirs" as Resolution, label: t("share.bundle.theirs", { date: when(c.theirsUpdatedAt, i18n.language) }) },
                        ]}
                        onChange={(v) => setChoices((old) => ({ ...old, [k]: v }))}
                        testIdPrefix={`share-conflict-${c.key}`}
                      />
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}
          <div className="button-row">
            <Button variant="primary" busy={apply.isPending} disabled={!allChosen} onClick={importNow} data-testid="share-bundle-import">
              {t("share.bundle.import")}
            </Button>
            <Button variant="ghost" disabled={apply.isPending} onClick={() => previewer.reset()} data-testid="share-bundle-cancel">
              {t("share.bundle.cancel")}
            </Button>
          </div>
          {!allChosen && <p className="share-card__hint">{t("share.bundle.chooseFirst")}</p>}
        </div>
      )}
    </section>
  );
}
