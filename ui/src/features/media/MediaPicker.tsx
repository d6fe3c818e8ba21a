import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Loading } from "../../components/Spinner";
import type { AppError } from "../../lib/api";
import { mediaUrl } from "./mediaUrl";
import { useMediaList, usePostMedia, useSetPostMedia } from "./queries";

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
  const [choosing, setChoosing] = useState(false);
  const [search, setSearch] = useState("");
  const library = useMediaList({ search, sort: "newest" });
  const [error, setError] = useState<AppError | null>(null);
  const ids = (attached.data ?? []).map((m) => m.id);

  const update = async (next: string[]) => {
    setError(null);
    try {
      await save.mutateAsync(next);
    } catch (e) {
      setError(e as AppError);
    }
  };

  return (
    <fieldset className="media-picker" data-testid="media-picker">
      <legend className="field__label">{t("media.picker.title")}</legend>
      {attached.isPending && <Loading label={t("media.loading")} />}
      {attached.isError && <Alert message={attached.error.message} onRetry={() => void attached.refetch()} />}
      {attached.data && attached.data.length === 0 && <p className="media__hint">{t("media.picker.none")}</p>}
      {attached.data && attached.data.length > 0 && (
        <ul className="media-picker__attached" data-testid="media-picker-attached">
          {attached.data.map((m) => (
            <li key={m.id} className="media-picker__item">
              <img src={mediaUrl("thumb", m.id)} alt={m.altText || m.originalName} />
              <Button variant="ghost" onClick={() => void update(ids.filter((x) => x !== m.id))} aria-label={t("media.picker.remove", { name: m.originalName })}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && <Alert message={error.message} />}
      <Button onClick={() => setChoosing((c) => !c)} aria-expanded={choosing} data-testid="media-picker-toggle">
        {choosing ? t("media.picker.done") : t("media.picker.choose")}
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
                      data-testid={`media-picker-choice-${m.id}`}
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
    </fieldset>
  );
}
