import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Loading } from "../../components/Spinner";
import { CONTENT_TYPES, FORMATS, toPostInput } from "../../lib/api";
import type { AppError, CalendarItem, Pillar, Post, PostInput, PostStatus } from "../../lib/api";
import { MediaPicker } from "../media/MediaPicker";
import { ALLOWED_NEXT } from "./model";
import {
  useAcknowledgeRisk,
  useCreatePost,
  useDeletePost,
  useDuplicatePost,
  usePost,
  useRiskReview,
  useTransitionPost,
  useUpdatePost,
} from "./queries";

type Props = {
  postId: string | null;
  newAt: string;
  pillars: Pillar[];
  platforms: { id: string; name: string }[];
  onClose: () => void;
  onMoveTo: (item: CalendarItem) => void;
};

function emptyInput(at: string, pillars: Pillar[], platforms: { id: string }[]): PostInput {
  return {
    title: "",
    body: "",
    pillarId: pillars[0]?.id ?? null,
    contentType: "educational",
    format: "photo",
    objectiveId: null,
    kpiId: null,
    personaIds: [],
    campaignName: null,
    campaignSlug: null,
    scheduledLocal: at || null,
    ownerId: null,
    notes: "",
    links: [],
    variants: platforms.slice(0, 1).map((p) => ({ platform: p.id, textOverride: null, hashtags: [], firstComment: null, linkPlacement: "none" })),
  };
}

/** Opens a post (or a new one) beside the calendar. */
export function PostDrawer(props: Props) {
  const { t } = useTranslation();
  const post = usePost(props.postId);
  return (
    <div className="calendar-dialog__backdrop">
      <div
        className="calendar-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="calendar-drawer-title"
        data-testid="post-drawer"
        onKeyDown={(e) => {
          if (e.key === "Escape") props.onClose();
        }}
      >
        <h2 id="calendar-drawer-title" className="calendar-dialog__title">
          {props.postId ? t("calendar.drawer.editTitle") : t("calendar.drawer.newTitle")}
        </h2>
        {props.postId && post.isPending && <Loading label={t("calendar.loading")} />}
        {post.error && <Alert message={post.error.message} onRetry={() => void post.refetch()} />}
        {(props.postId === null || post.data) && (
          <PostForm
            {...props}
            post={post.data ?? null}
            initial={post.data ? toPostInput(post.data) : emptyInput(props.newAt, props.pillars, props.platforms)}
          />
        )}
      </div>
    </div>
  );
}

function PostForm({ post, initial, pillars, platforms, onClose, onMoveTo }: Props & { post: Post | null; initial: PostInput }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<PostInput>(initial);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const create = useCreatePost();
  const update = useUpdatePost();
  const duplicate = useDuplicatePost();
  const remove = useDeletePost();
  const transition = useTransitionPost();
  const ack = useAcknowledgeRisk();
  const risks = useRiskReview(post?.id ?? null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const set = <K extends keyof PostInput>(key: K, value: PostInput[K]) => setInput((old) => ({ ...old, [key]: value }));
  const run = async (work: () => Promise<unknown>, close = true) => {
    setError(null);
    try {
      await work();
      if (close) onClose();
    } catch (cause) {
      setError(cause as AppError);
    }
  };
  const save = () => run(() => (post ? update.mutateAsync({ id: post.id, input }) : create.mutateAsync(input)));
  const platformIds = Array.from(new Set([...platforms.map((p) => p.id), ...input.variants.map((v) => v.platform)]));
  const togglePlatform = (id: string, on: boolean) =>
    set(
      "variants",
      on
        ? [...input.variants, { platform: id, textOverride: null, hashtags: [], firstComment: null, linkPlacement: "none" }]
        : input.variants.filter((v) => v.platform !== id),
    );
  const unacknowledged = (risks.data ?? []).filter((r) => !r.acknowledgedBy && !r.acknowledgedAt);
  const generalError = error && !error.field ? error.message : null;

  return (
    <form
      className="calendar-drawer__form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {generalError && <Alert message={generalError} />}
      <Field label={t("calendar.drawer.title")} error={error?.forField("title")}>
        {(c) => <input {...c} ref={titleRef} className="input" value={input.title} onChange={(e) => set("title", e.target.value)} data-testid="post-title" />}
      </Field>
      <Field label={t("calendar.drawer.body")} error={error?.forField("body")}>
        {(c) => <textarea {...c} className="input" rows={5} value={input.body} onChange={(e) => set("body", e.target.value)} data-testid="post-body" />}
      </Field>
      <div className="calendar-drawer__row">
        <Field label={t("calendar.drawer.pillar")} error={error?.forField("pillarId")}>
          {(c) => (
            <select {...c} className="input" value={input.pillarId ?? ""} onChange={(e) => set("pillarId", e.target.value || null)} data-testid="post-pillar">
              <option value="">{t("calendar.drawer.noPillar")}</option>
              {pillars.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("calendar.drawer.contentType")}>
          {(c) => (
            <select {...c} className="input" value={input.contentType} onChange={(e) => set("contentType", e.target.value as PostInput["contentType"])} data-testid="post-content-type">
              {CONTENT_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`calendar.contentType.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("calendar.drawer.format")}>
          {(c) => (
            <select {...c} className="input" value={input.format} onChange={(e) => set("format", e.target.value as PostInput["format"])} data-testid="post-format">
              {FORMATS.map((v) => (
                <option key={v} value={v}>
                  {t(`calendar.format.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="calendar-drawer__platforms">
        <legend className="field__label">{t("calendar.drawer.platforms")}</legend>
        {platformIds.map((id) => (
          <label key={id} className="calendar-drawer__check">
            <input
              type="checkbox"
              checked={input.variants.some((v) => v.platform === id)}
              onChange={(e) => togglePlatform(id, e.target.checked)}
              data-testid={`post-platform-${id}`}
            />
            {platforms.find((p) => p.id === id)?.name ?? id}
          </label>
        ))}
        {error?.forField("variants") && <p className="field__error">{error.forField("variants")}</p>}
      </fieldset>
      <Field label={t("calendar.drawer.scheduled")} hint={t("calendar.drawer.scheduledHint")} error={error?.forField("scheduledLocal")}>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            className="input"
            value={input.scheduledLocal ?? ""}
            onChange={(e) => set("scheduledLocal", e.target.value || null)}
            data-testid="post-scheduled"
          />
        )}
      </Field>
      <MediaPicker postId={post?.id ?? null} />
      {post && (
        <section className="calendar-drawer__status" aria-label={t("calendar.drawer.status")}>
          <p>
            {t("calendar.drawer.status")}: <strong data-testid="post-status">{t(`calendar.status.${post.status}`)}</strong>
          </p>
          {unacknowledged.length > 0 && ALLOWED_NEXT[post.status].includes("approved") && (
            <p className="calendar-drawer__risk-note">{t("calendar.risk.beforeApproval")}</p>
          )}
          {(risks.data ?? []).length > 0 && (
            <ul className="calendar-drawer__risks" data-testid="post-risks">
              {(risks.data ?? []).map((r) => (
                <li key={`${r.hit.category}-${r.hit.term}`}>
                  <span>
                    {t(`calendar.risk.${r.hit.category}`)}: “{r.hit.term}”
                  </span>
                  {r.acknowledgedAt ? (
                    <span className="calendar-drawer__ack">{t("calendar.risk.acknowledged")}</span>
                  ) : (
                    <Button onClick={() => void run(() => ack.mutateAsync({ id: post.id, category: r.hit.category, term: r.hit.term }).then(() => risks.refetch()), false)}>
                      {t("calendar.risk.acknowledge")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="calendar-drawer__transitions">
            {ALLOWED_NEXT[post.status].map((to: PostStatus) => (
              <Button key={to} onClick={() => void run(() => transition.mutateAsync({ id: post.id, to }))} data-testid={`post-to-${to}`}>
                {t(`calendar.transition.${to}`)}
              </Button>
            ))}
          </div>
        </section>
      )}
      <div className="calendar-dialog__actions">
        {post && (
          <>
            <Button onClick={() => void run(() => duplicate.mutateAsync(post.id))} data-testid="post-duplicate">
              {t("calendar.drawer.duplicate")}
            </Button>
            <Button
              onClick={() =>
                onMoveTo({
                  id: post.id,
                  title: post.title,
                  status: post.status,
                  contentType: post.contentType,
                  format: post.format,
                  scheduledAt: post.scheduledAt,
                  localTime: post.time?.local ?? null,
                  platforms: post.variants.map((v) => v.platform),
                  pillarId: post.pillarId,
                  pillarName: null,
                  pillarColour: null,
                  campaignSlug: post.campaignSlug,
                  seriesId: post.seriesId,
                })
              }
              data-testid="post-move"
            >
              {t("calendar.moveTo")}
            </Button>
            {confirmDelete ? (
              <Button variant="primary" onClick={() => void run(() => remove.mutateAsync(post.id))} data-testid="post-delete-confirm">
                {t("calendar.drawer.deleteConfirm")}
              </Button>
            ) : (
              <Button variant="ghost" onClick={() => setConfirmDelete(true)} data-testid="post-delete">
                {t("calendar.drawer.delete")}
              </Button>
            )}
          </>
        )}
        <Button onClick={onClose} data-testid="post-cancel">
          {t("calendar.cancel")}
        </Button>
        <Button type="submit" variant="primary" busy={create.isPending || update.isPending} data-testid="post-save">
          {t("calendar.drawer.save")}
        </Button>
      </div>
    </form>
  );
}
