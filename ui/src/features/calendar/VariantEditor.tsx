// Per-platform versions of a post: one tab per platform, each inheriting the master text
// until edited, with the platform's live counter and its errors/warnings from core.
import { useId, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { LINK_PLACEMENTS } from "../../lib/api";
import { VariantPhotos } from "../media/MediaPicker";
import type { CheckIssue, VariantCheck, VariantInput } from "../../lib/api";

type Props = {
  variants: VariantInput[];
  masterText: string;
  names: Record<string, string>;
  checks: VariantCheck[];
  onChange: (variants: VariantInput[]) => void;
  /** The saved post (null while new): a platform can then get its own photos. */
  postId?: string | null;
};

/** `#bread, tokyo  #パン` → `["bread", "tokyo", "パン"]`. */
export function parseHashtags(text: string): string[] {
  return text
    .split(/[\s,、]+/)
    .map((t) => t.replace(/^[#＃]+/, "").trim())
    .filter(Boolean);
}

export function issueText(t: TFunction, issue: CheckIssue, check: VariantCheck, name: string) {
  return t(`calendar.check.${issue.code}`, {
    name,
    length: check.length,
    limit: check.limit,
    hashtags: check.hashtags,
    hashtagLimit: check.hashtagLimit ?? "",
    detail: issue.detail ?? "",
  });
}

export function VariantEditor({ variants, masterText, names, checks, onChange, postId = null }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const active = variants.find((v) => v.platform === selected) ?? variants[0];
  if (!active) return null;
  const index = variants.indexOf(active);
  const check = checks.find((c) => c.platform === active.platform) ?? null;
  const name = names[active.platform] ?? active.platform;
  const update = (patch: Partial<VariantInput>) => onChange(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  const inherits = active.textOverride === null;
  const errors = (c: VariantCheck | undefined) => c?.issues.filter((i) => i.severity === "error").length ?? 0;

  return (
    <section className="variant-editor" aria-label={t("calendar.variants.label")} data-testid="variant-editor">
      <div className="variant-editor__tabs" role="tablist" aria-label={t("calendar.variants.label")}>
        {variants.map((v) => {
          const c = checks.find((x) => x.platform === v.platform);
          const isActive = v.platform === active.platform;
          return (
            <button
              key={v.platform}
              type="button"
              role="tab"
              id={`${baseId}-tab-${v.platform}`}
              aria-selected={isActive}
              aria-controls={`${baseId}-panel`}
              tabIndex={isActive ? 0 : -1}
              className="variant-editor__tab"
              data-testid={`variant-tab-${v.platform}`}
              onClick={() => setSelected(v.platform)}
              onKeyDown={(e) => {
                if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
                e.preventDefault();
                const i = variants.indexOf(v);
                const next = variants[(i + (e.key === "ArrowRight" ? 1 : variants.length - 1)) % variants.length];
                if (!next) return;
                setSelected(next.platform);
                document.getElementById(`${baseId}-tab-${next.platform}`)?.focus();
              }}
            >
              {names[v.platform] ?? v.platform}
              {errors(c) > 0 && (
                <span className="variant-editor__badge variant-editor__badge--error" aria-label={t("calendar.variants.errors", { count: errors(c) })}>
                  {errors(c)}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div className="variant-editor__panel" role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${active.platform}`}>
        <div className="variant-editor__head">
          <label className="field__label" htmlFor={`${baseId}-text`}>
            {t("calendar.variants.text", { name })}
          </label>
          {inherits ? (
            <span className="variant-editor__inherits" data-testid="variant-inherits">
              {t("calendar.variants.inherits")}
            </span>
          ) : (
            <Button variant="ghost" onClick={() => update({ textOverride: null })} data-testid="variant-reset">
              {t("calendar.variants.reset")}
            </Button>
          )}
        </div>
        <textarea
          id={`${baseId}-text`}
          className="input"
          rows={4}
          value={active.textOverride ?? masterText}
          onChange={(e) => update({ textOverride: e.target.value })}
          aria-describedby={`${baseId}-counter`}
          data-testid="variant-text"
        />
        {check && (
          <p
            id={`${baseId}-counter`}
            className={`variant-editor__counter${check.length > check.limit ? " variant-editor__counter--over" : ""}`}
            data-testid="variant-counter"
          >
            {t(`calendar.variants.counter.${check.counting}`, { length: check.length, limit: check.limit })}
            {check.hashtagLimit !== null && ` · ${t("calendar.variants.hashtagCounter", { count: check.hashtags, limit: check.hashtagLimit })}`}
          </p>
        )}
        <div className="calendar-drawer__row calendar-drawer__row--two">
          <div className="field">
            <label className="field__label" htmlFor={`${baseId}-tags`}>
              {t("calendar.variants.hashtags")}
            </label>
            <input
              id={`${baseId}-tags`}
              className="input"
              value={active.hashtags.map((h) => `#${h}`).join(" ")}
              onChange={(e) => update({ hashtags: parseHashtags(e.target.value) })}
              placeholder={t("calendar.variants.hashtagsPlaceholder")}
              data-testid="variant-hashtags"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${baseId}-link`}>
              {t("calendar.variants.linkPlacement")}
            </label>
            <select
              id={`${baseId}-link`}
              className="input"
              value={active.linkPlacement}
              onChange={(e) => update({ linkPlacement: e.target.value as VariantInput["linkPlacement"] })}
              data-testid="variant-link-placement"
            >
              {LINK_PLACEMENTS.map((p) => (
                <option key={p} value={p}>
                  {t(`calendar.variants.placement.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${baseId}-comment`}>
            {t("calendar.variants.firstComment")}
          </label>
          <input
            id={`${baseId}-comment`}
            className="input"
            value={active.firstComment ?? ""}
            onChange={(e) => update({ firstComment: e.target.value || null })}
            data-testid="variant-first-comment"
          />
        </div>
        {check && check.issues.length > 0 && (
          <ul className="variant-editor__issues" data-testid="variant-issues" aria-live="polite">
            {check.issues.map((issue) => (
              <li key={`${issue.code}-${issue.detail ?? ""}`} className={`variant-editor__issue variant-editor__issue--${issue.severity}`} data-severity={issue.severity}>
                <strong>{t(`calendar.check.severity.${issue.severity}`)}</strong> {issueText(t, issue, check, name)}
              </li>
            ))}
          </ul>
        )}
        {postId !== null && <VariantPhotos key={active.platform} postId={postId} platform={active.platform} name={name} />}
      </div>
    </section>
  );
}
