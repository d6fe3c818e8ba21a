// Where a published post went live: the URL pasted when it was marked published (Due today),
// shown for the platforms it was posted to as read-only text with a Copy button. The app opens no
// browser itself (no opener plugin): the owner copies the link and pastes it where needed.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { copyToClipboard } from "../../lib/api";
import type { Post } from "../../lib/api";

type Props = {
  post: Post;
  /** Platform id → display name in the workspace's language. */
  names: Record<string, string>;
};

export function PublishedSection({ post, names }: Props) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<"done" | "failed" | null>(null);
  const publication = post.publication;
  if (post.status !== "published" || !publication) return null;
  const platforms = post.variants.map((v) => names[v.platform] ?? v.platform);
  const day = new Date(publication.publishedAt);
  const when = Number.isNaN(day.getTime()) ? publication.publishedAt : day.toLocaleDateString(i18n.language, { dateStyle: "medium" });
  const copy = () =>
    copyToClipboard(publication.url).then(
      () => setCopied("done"),
      () => setCopied("failed"),
    );
  return (
    <section className="post-published" aria-labelledby="post-published-title" data-testid="post-published">
      <p id="post-published-title" className="approval__subtitle">
        {t("handoff.live.title")}
      </p>
      <p className="approval__muted">{t("handoff.live.when", { date: when })}</p>
      <ul className="post-published__list">
        {(platforms.length > 0 ? platforms : [t("handoff.live.noPlatform")]).map((name) => (
          <li key={name} className="post-published__row" data-testid="post-published-row">
            <span className="post-links__platform">{name}</span>
            <code className="post-links__url" title={publication.url} data-testid="post-published-url">
              {publication.url}
            </code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Button variant="ghost" onClick={() => void copy()} data-testid="post-published-copy">
          {t("handoff.live.copy")}
        </Button>
      </div>
      <p role="status" className="approval__muted" data-testid="post-published-status">
        {copied === "done" ? t("handoff.live.copied") : copied === "failed" ? t("handoff.live.copyFailed") : ""}
      </p>
    </section>
  );
}
