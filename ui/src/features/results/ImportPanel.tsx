import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { RadioGroup } from "../../components/Field";
import type { AppError, ColumnMapping, ImportField, ImportFilePreview, ImportOptions, ImportSource } from "../../lib/api";
import { IMPORT_FIELDS, IMPORT_SOURCES, chooseResultsFile, previewResultsImport } from "../../lib/api";
import { platformLabel } from "../strategy/labels";
import { fmtLocal, fmtNumber } from "./format";
import { useCommitImport } from "./queries";

const GENERIC_PLATFORMS = ["instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "threads", "line_official_account"];

export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [source, setSource] = useState<ImportSource>("meta");
  const [platform, setPlatform] = useState<string>("");
  const [file, setFile] = useState<ImportFilePreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const commit = useCommitImport();

  const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
    source,
    mapping: source === "generic" && mapping ? mapping : [],
    platform: platform || null,
    capturedOn: null,
    ...over,
  });

  async function run(task: () => Promise<ImportFilePreview | null>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const got = await task();
      if (got) {
        setFile(got);
        setMapping(got.preview.mapping);
      }
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  const choose = () => run(() => chooseResultsFile(options({ mapping: [] })));
  const refresh = (over: Partial<ImportOptions>) => file && run(() => previewResultsImport(options(over)));

  function changeSource(s: ImportSource) {
    setSource(s);
    if (file) void run(() => previewResultsImport(options({ source: s, mapping: [] })));
  }

  function changeMapping(column: string, field: ImportField | "") {
    const base = (mapping ?? []).filter((m) => m.column !== column && (field === "" || m.field !== field));
    const next = field === "" ? base : [...base, { column, field }];
    setMapping(next);
    void refresh({ source: "generic", mapping: next });
  }

  function confirm() {
    commit.mutate(options(), {
      onSuccess: (r) => {
        setStatus(t("results.import.done", { count: r.written }));
        setFile(null);
        setMapping(null);
      },
      onError: (e) => setError(e),
    });
  }

  const p = file?.preview;
  return (
    <div className="import-panel" data-testid="import-panel">
      <p className="results-section__hint">{t("results.import.hint")}</p>
      <RadioGroup
        legend={t("results.import.source")}
        name="import-source"
        value={source}
        options={IMPORT_SOURCES.map((s) => ({ value: s, label: t(`results.import.sources.${s}`) }))}
        onChange={changeSource}
        testIdPrefix="import-source"
      />
      <p className="results-section__hint">{t(`results.import.howTo.${source}`)}</p>
      {(source === "generic" || source === "meta") && (
        <div className="field">
          <label className="field__label" htmlFor="import-platform">
            {t("results.import.platform")}
          </label>
          <select
            id="import-platform"
            className="input"
            value={platform}
            onChange={(e) => {
              setPlatform(e.target.value);
              void refresh({ platform: e.target.value || null });
            }}
          >
            <option value="">{t("results.import.platformFromFile")}</option>
            {GENERIC_PLATFORMS.map((id) => (
              <option key={id} value={id}>
                {platformLabel(id)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="import-panel__actions">
        <Button variant={file ? "secondary" : "primary"} onClick={choose} busy={busy} data-testid="import-choose">
          {file ? t("results.import.chooseAnother") : t("results.import.choose")}
        </Button>
      </div>
      {error && <Alert message={error.message} title={t("results.import.failed")} />}
      {p && file && (
        <div className="import-preview" data-testid="import-preview">
          <h3>{t("results.import.previewTitle", { name: file.fileName })}</h3>
          <p>
            {t("results.import.summary", { rows: p.rows, matched: p.matched.length, unmatched: p.unmatched.length, errors: p.errors.length })}
            {p.encoding === "shift_jis" && <span className="import-preview__note"> {t("results.import.shiftJis")}</span>}
          </p>
          {source === "generic" && (
            <details className="import-mapping" open>
              <summary>{t("results.import.mappingTitle")}</summary>
              <div className="import-mapping__grid">
                {p.columns.map((col) => {
                  const current = (mapping ?? []).find((m) => m.column === col)?.field ?? "";
                  return (
                    <label key={col} className="import-mapping__row">
                      <span>{col}</span>
                      <select className="input" value={current} onChange={(e) => changeMapping(col, e.target.value as ImportField | "")}>
                        <option value="">{t("results.import.ignore")}</option>
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {t(`results.import.fields.${f}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  );
                })}
              </div>
            </details>
          )}
          {p.matched.length > 0 && (
            <table className="results-table" data-testid="import-matched">
              <caption>{t("results.import.matchedTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.import.line")}</th>
                  <th scope="col">{t("results.entry.post")}</th>
                  <th scope="col">{t("results.import.matchedBy")}</th>
                  <th scope="col" className="num">{t("results.metric.reach")}</th>
                  <th scope="col" className="num">{t("results.metric.likes")}</th>
                  <th scope="col" className="num">{t("results.metric.clicks")}</th>
                </tr>
              </thead>
              <tbody>
                {p.matched.map((m) => (
                  <tr key={m.line}>
                    <td className="num">{m.line}</td>
                    <th scope="row">
                      {m.title}
                      <span className="quick-entry__meta">
                        {platformLabel(m.platform)} · {fmtLocal(m.localTime, lang)}
                      </span>
                      {m.warning && <span className="quick-entry__warn">{t("results.entry.reachWarning")}</span>}
                    </th>
                    <td>{t(`results.import.by.${m.matchedBy}`)}</td>
                    <td className="num">{fmtNumber(m.metrics.reach, lang)}</td>
                    <td className="num">{fmtNumber(m.metrics.likes, lang)}</td>
                    <td className="num">{fmtNumber(m.metrics.clicks, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.unmatched.length > 0 && (
            <div>
              <h4>{t("results.import.unmatchedTitle")}</h4>
              <ul className="import-issues" data-testid="import-unmatched">
                {p.unmatched.map((u) => (
                  <li key={u.line}>
                    {t("results.import.lineN", { line: u.line })}: {u.text || "—"} — {u.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {p.errors.length > 0 && (
            <div>
              <h4>{t("results.import.errorsTitle")}</h4>
              <ul className="import-issues import-issues--bad" data-testid="import-errors">
                {p.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>{e.message}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="import-panel__actions">
            <Button variant="primary" onClick={confirm} busy={commit.isPending} disabled={p.matched.length === 0} data-testid="import-confirm">
              {t("results.import.confirm", { count: p.matched.length })}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setFile(null);
                setMapping(null);
              }}
            >
              {t("results.import.cancel")}
            </Button>
          </div>
        </div>
      )}
      <StatusMessage message={status} testId="import-status" />
    </div>
  );
}
