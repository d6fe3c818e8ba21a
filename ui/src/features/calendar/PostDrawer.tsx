import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Loading } from "../../components/Spinner";
import { CONTENT_TYPES, FORMATS, toPostInput } from "../../lib/api";
import type { AppError, CalendarItem, Pillar, Post, PostInput } from "../../lib/api";
import { MediaPicker } from "../media/MediaPicker";
import { usePostMedia, useVariantMedia } from "../media/queries";
import { ApprovalPanel } from "./ApprovalPanel";
import { LinksSection } from "./LinksSection";
import { PublishedSection } from "./PublishedSection";
import {
  useCreatePost,
  useCreateSeries,
  useDeletePost,
  useDeleteSeries,
  useDraftChecks,
  useDuplicatePost,
  usePost,
  useSkipOccurrence,
  useUpdatePost,
  useUpdateSeries,
  useStartSeriesFromPost,
} from "./queries";
import { NO_REPEAT, OccurrenceScope, RepeatFields, toRule } from "./SeriesSection";
import type { Repeat, SeriesScope } from "./SeriesSection";
import { VariantEditor } from "./VariantEditor";

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

function toItem(post: Post): CalendarItem {
  return {
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
  };
}

/**
 * The editor. Sections, top to bottom: what the post says (title, master text, pillar,
 * type, format), where it goes (platforms and their versions with live checks), links with
 * UTM preview, media, when (time, repeat or series scope), approval, where a published post
 * went live, then the actions.
 */
function PostForm({ post, initial, pillars, platforms, onClose, onMoveTo }: Props & { post: Post | null; initial: PostInput }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<PostInput>(initial);
  const [repeat, setRepeat] = useState<Repeat>(NO_REPEAT);
  const [scope, setScope] = useState<SeriesScope>("this");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const create = useCreatePost();
  const update = useUpdatePost();
  const duplicate = useDuplicatePost();
  const remove = useDeletePost();
  const createSeries = useCreateSeries();
  const updateSeries = useUpdateSeries();
  const skip = useSkipOccurrence();
  const deleteSeries = useDeleteSeries();
  const startSeries = useStartSeriesFromPost();
  const attached = usePostMedia(post?.id ?? "");
  const mediaFormats = useMemo(() => (attached.data ?? []).map((m) => m.format), [attached.data]);
  const perPlatform = useVariantMedia(post?.id ?? "");
  const variantFormats = useMemo(
    () => Object.fromEntries((perPlatform.data ?? []).filter((v) => v.own).map((v) => [v.platform, v.media.map((m) => m.format)])),
    [perPlatform.data],
  );
  const checks = useDraftChecks(input, mediaFormats, variantFormats);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const saved = useMemo(() => JSON.stringify(initial), [initial]);
  const dirty = JSON.stringify(input) !== saved;
  const repeating = repeat.frequency !== "none" && !post?.seriesId;
  const names = useMemo(() => Object.fromEntries(platforms.map((p) => [p.id, p.name])), [platforms]);
  const checkErrors = (checks.data ?? []).reduce((n, c) => n + c.issues.filter((i) => i.severity === "error").length, 0);

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
  const clean = (): PostInput => ({ ...input, links: input.links.map((l) => l.trim()).filter(Boolean) });
  const save = () =>
    run(() => {
      const data = clean();
      if (post?.seriesId && scope === "series") return updateSeries.mutateAsync({ seriesId: post.seriesId, template: data });
      if (post && repeating) return saveAndRepeat(post, data);
      if (post) return update.mutateAsync({ id: post.id, input: data });
      if (repeating) return createSeries.mutateAsync({ template: data, ...toRule(repeat) });
      return create.mutateAsync(data);
    });
  // An existing single post becomes the first occurrence: save its edits, then start the series.
  const saveAndRepeat = async (p: Post, data: PostInput) => {
    if (dirty) await update.mutateAsync({ id: p.id, input: data });
    return startSeries.mutateAsync({ postId: p.id, rule: toRule(repeat) });
  };
  const platformIds = Array.from(new Set([...platforms.map((p) => p.id), ...input.variants.map((v) => v.platform)]));
  const togglePlatform = (id: string, on: boolean) =>
    set(
      "variants",
      on
        ? [...input.variants, { platform: id, textOverride: null, hashtags: [], firstComment: null, linkPlacement: "none" }]
        : input.variants.filter((v) => v.platform !== id),
    );
  const generalError = error && !error.field ? error.message : null;
  const busy = create.isPending || update.isPending || createSeries.isPending || updateSeries.isPending || startSeries.isPending;

  return (
    <form
      className="calendar-drawer__form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {generalError && <Alert message={generalError} />}

      {/* ---- What the post says ---- */}
      <Field label={t("calendar.drawer.title")} error={error?.forField("title")}>
        {(c) => <input {...c} ref={titleRef} className="input" value={input.title} onChange={(e) => set("title", e.target.value)} data-testid="post-title" />}
      </Field>
      <Field label={t("calendar.drawer.body")} hint={t("calendar.drawer.bodyHint")} error={error?.forField("body")}>
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

      {/* ---- Where it goes: platforms and their versions ---- */}
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
            {names[id] ?? id}
          </label>
        ))}
        {error?.forField("variants") && <p className="field__error">{error.forField("variants")}</p>}
      </fieldset>
      <VariantEditor
        variants={input.variants}
        masterText={input.body}
        names={names}
        checks={checks.data ?? []}
        onChange={(v) => set("variants", v)}
        postId={post?.id ?? null}
      />

      {/* ---- Links (UTM preview once saved) ---- */}
      <LinksSection
        postId={post?.id ?? null}
        links={input.links}
        dirty={JSON.stringify(input.links) !== JSON.stringify(initial.links)}
        names={names}
        error={error?.forField("links")}
        onChange={(links) => set("links", links)}
      />

      {/* ---- Media ---- */}
      <MediaPicker postId={post?.id ?? null} />

      {/* ---- When ---- */}
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
      {post?.seriesId ? (
        <OccurrenceScope post={post} scope={scope} onScope={setScope} />
      ) : (
        <RepeatFields
          repeat={repeat}
          onChange={(next) => {
            setRepeat(next);
            // A changed rule makes core's earlier complaint about it stale.
            if (error?.field && ["interval", "count", "until"].includes(error.field)) setError(null);
          }}
          hasTime={Boolean(input.scheduledLocal)}
          existing={Boolean(post)}
          errors={{ interval: error?.forField("interval"), count: error?.forField("count"), until: error?.forField("until") }}
        />
      )}

      {/* ---- Approval ---- */}
      {post && <ApprovalPanel post={post} checkErrors={checkErrors} dirty={dirty} onMoved={() => setError(null)} />}
      {post && <PublishedSection post={post} names={names} />}

      <div className="calendar-dialog__actions">
        {post && (
          <>
            <Button onClick={() => void run(() => duplicate.mutateAsync(post.id))} data-testid="post-duplicate">
              {t("calendar.drawer.duplicate")}
            </Button>
            <Button onClick={() => onMoveTo(toItem(post))} data-testid="post-move">
              {t("calendar.moveTo")}
            </Button>
            {post.seriesId && post.status !== "published" && (
              <Button onClick={() => void run(() => skip.mutateAsync(post.id))} data-testid="post-skip-occurrence">
                {t("calendar.series.skip")}
              </Button>
            )}
            {confirmDelete ? (
              <Button
                variant="primary"
                onClick={() => void run(() => (post.seriesId && scope === "series" ? deleteSeries.mutateAsync(post.seriesId) : remove.mutateAsync(post.id)))}
                data-testid="post-delete-confirm"
              >
                {post.seriesId && scope === "series" ? t("calendar.series.deleteConfirm") : t("calendar.drawer.deleteConfirm")}
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
        <Button type="submit" variant="primary" busy={busy} data-testid="post-save">
          {post?.seriesId && scope === "series" ? t("calendar.series.saveAll") : post && repeating ? t("calendar.series.saveAndRepeat") : t("calendar.drawer.save")}
        </Button>
      </div>
    </form>
  );
}
