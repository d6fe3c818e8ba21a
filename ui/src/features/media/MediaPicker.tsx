import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Loading } from "../../components/Spinner";
import type { AppError, MediaItem } from "../../lib/api";
import { mediaUrl } from "./mediaUrl";
import { useMediaList, usePostMedia, useSetPostMedia, useSetVariantMedia, useVariantMedia } from "./queries";

/** Photos attached to a post: thumbnails, remove, and a chooser from the library. Saved at
 * once. A post that is not saved yet (`postId` null) explains that it needs saving first. */
export function MediaPicker({ postId }: { postId: string | null }) {
  const { t } = useTranslation();
  if (postId === null) {
    return (
      <fieldset className="media-picker" data-testid="media-picker">
        <legend className="field__label">{t("media.picker.title")}</legend>
        <p className="media__hint">{t("media.picker.saveFirst")}</p>
      </fieldset>
    );
  }
  return <AttachedMedia postId={postId} />;
}

function AttachedMedia({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const attached = usePostMedia(postId);
  const save = useSetPostMedia(postId);
  return (
    <fieldset className="media-picker" data-testid="media-picker">
      <legend className="field__label">{t("media.picker.title")}</legend>
      {attached.isPending && <Loading label={t("media.loading")} />}
      {attached.isError && <Alert message={attached.error.message} onRetry={() => void attached.refetch()} />}
      {attached.data && (
        <PhotoChooser
          photos={attached.data}
          onSave={(ids) => save.mutateAsync(ids)}
          none={t("media.picker.none")}
          choose={t("media.picker.choose")}
          removeLabel={(name) => t("media.picker.remove", { name })}
          testId="media-picker"
        />
      )}
    </fieldset>
  );
}

/** One platform's photos in the post editor: the post's photos unless the owner picks
 * different ones for this platform (as a variant's text inherits the master text). */
export function VariantPhotos({ postId, platform, name }: { postId: string; platform: string; name: string }) {
  const { t } = useTranslation();
  const all = useVariantMedia(postId);
  const shared = usePostMedia(postId);
  const save = useSetVariantMedia(postId, platform);
  const [choosing, setChoosing] = useState(false);
  const mine = all.data?.find((v) => v.platform === platform && v.own);
  const error = all.error ?? shared.error;
  return (
    <fieldset className="media-picker media-picker--variant" data-testid="variant-photos">
      <legend className="field__label">{t("media.picker.variantTitle", { name })}</legend>
      {(all.isPending || shared.isPending) && <Loading label={t("media.loading")} />}
      {error && <Alert message={error.message} onRetry={() => void (all.isError ? all.refetch() : shared.refetch())} />}
      {all.data && shared.data && !mine && !choosing && (
        <div className="media-picker__inherit">
          <p className="media__hint" data-testid="variant-photos-inherit">
            {t("media.picker.variantInherits", { count: shared.data.length })}
          </p>
          <Button onClick={() => setChoosing(true)} data-testid="variant-photos-own">
            {t("media.picker.variantChoose", { name })}
          </Button>
        </div>
      )}
      {all.data && shared.data && (mine || choosing) && (
        <>
          <PhotoChooser
            photos={mine?.media ?? []}
            onSave={async (ids) => {
              await save.mutateAsync(ids);
              if (ids.length === 0) setChoosing(false);
            }}
            none={t("media.picker.variantNone", { name })}
            choose={t("media.picker.choose")}
            removeLabel={(photo) => t("media.picker.variantRemove", { name: photo, platform: name })}
            startOpen={!mine}
            testId="variant-photos"
          />
          <Button
            variant="ghost"
            onClick={() => {
              setChoosing(false);
              if (mine) void save.mutateAsync([]);
            }}
            data-testid="variant-photos-reset"
          >
            {t("media.picker.variantReset")}
          </Button>
        </>
      )}
    </fieldset>
  );
}

type ChooserProps = {
  photos: MediaItem[];
  onSave: (ids: string[]) => Promise<unknown>;
  none: string;
  choose: string;
  removeLabel: (name: string) => string;
  startOpen?: boolean;
  /** Prefix of the test ids (`<prefix>-attached`, `<prefix>-toggle`, `<prefix>-choice-<id>`). */
  testId: string;
};

/** Chosen photos as thumbnails with remove buttons, and the library to tick more from. */
function PhotoChooser({ photos, onSave, none, choose, removeLabel, startOpen = false, testId }: ChooserProps) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(startOpen);
  const [search, setSearch] = useState("");
  const library = useMediaList({ search, sort: "newest" });
  const [error, setError] = useState<AppError | null>(null);
  const ids = photos.map((m) => m.id);

  const update = async (next: string[]) => {
    setError(null);
    try {
      await onSave(next);
    } catch (e) {
      setError(e as AppError);
    }
  };

  return (
    <>
      {photos.length === 0 && <p className="media__hint">{none}</p>}
      {photos.length > 0 && (
        <ul className="media-picker__attached" data-testid={`${testId}-attached`}>
          {photos.map((m) => (
            <li key={m.id} className="media-picker__item">
              <img src={mediaUrl("thumb", m.id)} alt={m.altText || m.originalName} />
              <Button variant="ghost" onClick={() => void update(ids.filter((x) => x !== m.id))} aria-label={removeLabel(m.originalName)}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && <Alert message={error.message} />}
      <Button onClick={() => setChoosing((c) => !c)} aria-expanded={choosing} data-testid={`${testId}-toggle`}>
        {choosing ? t("media.picker.done") : choose}
      </Button>
      {choosing && (
        <div className="media-picker__library">
          <input
            type="search"
            className="input"
            placeholder={t("media.searchPlaceholder")}
            aria-label={t("media.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {library.isPending && <Loading label={t("media.loading")} />}
          {library.data && library.data.length === 0 && <p className="media__hint">{t("media.picker.emptyLibrary")}</p>}
          <ul className="media-picker__choices">
            {(library.data ?? []).map((m) => {
              const on = ids.includes(m.id);
              return (
                <li key={m.id}>
                  <label className={`media-picker__choice${on ? " media-picker__choice--on" : ""}`}>
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) => void update(e.target.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id))}
                      aria-label={t("media.picker.attach", { name: m.originalName })}
                      data-testid={`${testId}-choice-${m.id}`}
                    />
                    <img src={mediaUrl("thumb", m.id)} alt="" />
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="media__hint">{t("media.picker.savedAtOnce")}</p>
        </div>
      )}
    </>
  );
}
