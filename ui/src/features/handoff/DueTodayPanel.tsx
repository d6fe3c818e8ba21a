import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { copyToClipboard } from "../../lib/api";
import type { DuePost, HandoffVariant, Workspace } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { usePostMedia } from "../media/queries";
import { useExportPostImages, useDuePosts, useMarkPublished } from "./queries";

/** Plan overview → "Due today": today's and overdue posts to publish by hand. */
export function DueTodayPanel({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const due = useDuePosts();
  const [done, setDone] = useState<string | null>(null);
  // The marked post leaves the list: keep keyboard focus in the panel.
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="card due-panel" aria-labelledby="due-panel-title" data-testid="due-today">
      <h2 className="due-panel__title" id="due-panel-title" ref={heading} tabIndex={-1}>
        {t("handoff.title")}
      </h2>
      <p className="due-panel__intro">{t("handoff.intro")}</p>
      {due.isPending && <Spinner />}
      {due.isError && <Alert message={due.error.message} onRetry={() => void due.refetch()} retrying={due.isFetching} />}
      {due.data && due.data.length === 0 && (
        <p className="due-panel__empty" data-testid="due-empty">
          {t("handoff.empty")}
        </p>
      )}
      {due.data && due.data.length > 0 && (
        <ul className="due-list">
          {due.data.map((post) => (
            <DueItem
              key={post.postId}
              post={post}
              workspace={workspace}
              onPublished={(title) => {
                setDone(title);
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      <StatusMessage testId="due-status" message={done ? t("handoff.published", { title: done }) : null} />
    </section>
  );
}

function DueItem({ post, workspace, onPublished }: { post: DuePost; workspace: Workspace; onPublished: (title: string) => void }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState(false);
  // The post's photos in each size its platforms need, for uploading by hand.
  const photoCount = usePostMedia(post.postId).data?.length ?? 0;
  const images = useExportPostImages();
  const when = formatDateTime(post.scheduledAt, { language: workspace.language, timeZone: workspace.timeZone }, { timeStyle: "short", dateStyle: "medium" });
  return (
    <li className="due-item" data-testid={`due-${post.postId}`}>
      <div className="due-item__head">
        <p className="due-item__title">{post.title}</p>
        <p className="due-item__when">
          <span className={post.overdue ? "due-badge due-badge--now" : "due-badge"}>
            {post.overdue ? t("handoff.postNow") : t("handoff.laterToday")}
          </span>
          <time dateTime={post.scheduledAt}>{when}</time>
        </p>
      </div>
      {post.variants.length === 0 && <p className="due-item__note">{t("handoff.noPlatforms")}</p>}
      <ul className="due-variants">
        {post.variants.map((v) => (
          <VariantCopy key={v.platform} postId={post.postId} variant={v} />
        ))}
      </ul>
      {marking ? (
        <MarkPublishedForm
          post={post}
          onCancel={() => setMarking(false)}
          onDone={() => {
            setMarking(false);
            onPublished(post.title);
          }}
        />
      ) : (
        <div className="button-row">
          <Button variant="primary" onClick={() => setMarking(true)} data-testid={`due-mark-${post.postId}`}>
            {t("handoff.markPublished")}
          </Button>
          {photoCount > 0 && (
            <Button onClick={() => images.mutate(post.postId)} busy={images.isPending} data-testid={`due-images-${post.postId}`}>
              {t("handoff.exportImages", { count: photoCount })}
            </Button>
          )}
        </div>
      )}
      {images.error && <Alert message={images.error.message} />}
      <StatusMessage
        testId={`due-images-status-${post.postId}`}
        message={images.data ? t("handoff.imagesSaved", { count: images.data.files.length, folder: images.data.folder }) : null}
      />
    </li>
  );
}

function VariantCopy({ postId, variant }: { postId: string; variant: HandoffVariant }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <li className="due-variant">
      <div className="due-variant__head">
        <span className="due-variant__platform">{variant.platformName}</span>
        <Button
          onClick={() => {
            copyToClipboard(variant.text).then(
              () => setState("copied"),
              () => setState("failed"),
            );
          }}
          aria-label={`${t("handoff.copy")}: ${variant.platformName}`}
          data-testid={`due-copy-${postId}-${variant.platform}`}
        >
          {t("handoff.copy")}
        </Button>
      </div>
      <p className="due-variant__text" data-testid={`due-text-${postId}-${variant.platform}`}>
        {variant.text}
      </p>
      {variant.firstComment && (
        <p className="due-variant__comment">
          {t("handoff.firstComment")}: {variant.firstComment}
        </p>
      )}
      {state === "failed" && <Alert message={t("handoff.copyFailed")} />}
      <StatusMessage message={state === "copied" ? t("handoff.copied", { platform: variant.platformName }) : null} />
    </li>
  );
}

function MarkPublishedForm({ post, onCancel, onDone }: { post: DuePost; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState("");
  const mark = useMarkPublished();
  function submit(e: FormEvent) {
    e.preventDefault();
    mark.mutate({ postId: post.postId, url }, { onSuccess: onDone });
  }
  return (
    <form className="form due-mark" onSubmit={submit} noValidate aria-label={t("handoff.markPublished")}>
      <Field label={t("handoff.url")} hint={t("handoff.urlHint")} error={mark.error?.forField("url") ?? null}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="url"
            inputMode="url"
            autoFocus
            spellCheck={false}
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              mark.reset();
            }}
            data-testid={`due-url-${post.postId}`}
          />
        )}
      </Field>
      {mark.error && !mark.error.field && <Alert message={mark.error.message} />}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={mark.isPending} data-testid={`due-confirm-${post.postId}`}>
          {t("handoff.confirm")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={mark.isPending}>
          {t("handoff.cancel")}
        </Button>
      </div>
    </form>
  );
}
