// The post's links and, once saved, each link with its UTM tags per platform (copyable).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { useTrackedLinks } from "./queries";

type Props = {
  postId: string | null;
  links: string[];
  /** The links in the form differ from the saved ones (the preview shows saved links). */
  dirty: boolean;
  names: Record<string, string>;
  error: string | null | undefined;
  onChange: (links: string[]) => void;
};

export function LinksSection({ postId, links, dirty, names, error, onChange }: Props) {
  const { t } = useTranslation();
  const tracked = useTrackedLinks(postId);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(text);
    } catch {
      setCopied(null);
    }
  };
  return (
    <section className="post-links" aria-labelledby="post-links-title">
      <label id="post-links-title" className="field__label" htmlFor="post-links-input">
        {t("calendar.links.title")}
      </label>
      <textarea
        id="post-links-input"
        className="input"
        rows={2}
        value={links.join("\n")}
        onChange={(e) => onChange(e.target.value.split("\n"))}
        placeholder="https://"
        aria-describedby="post-links-hint"
        aria-invalid={error ? true : undefined}
        data-testid="post-links"
      />
      <p id="post-links-hint" className="field__hint">
        {t("calendar.links.hint")}
      </p>
      {error && <p className="field__error">{error}</p>}
      {postId && (tracked.data ?? []).length > 0 && (
        <div className="post-links__utm" data-testid="utm-preview">
          <p className="approval__subtitle">{t("calendar.links.utmTitle")}</p>
          {dirty && <p className="approval__muted">{t("calendar.links.saveToRefresh")}</p>}
          <ul>
            {(tracked.data ?? []).map((l) => (
              <li key={`${l.platform}-${l.url}`}>
                <span className="post-links__platform">{names[l.platform] ?? l.platform}</span>
                <code className="post-links__url" title={l.tracked}>
                  {l.tracked}
                </code>
                <Button variant="ghost" onClick={() => void copy(l.tracked)} data-testid={`utm-copy-${l.platform}`}>
                  {copied === l.tracked ? t("calendar.links.copied") : t("calendar.links.copy")}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
