import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Field } from "../../components/Field";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Spinner";
import { MEDIA_SORTS } from "../../lib/api";
import type { AppError, DeleteMediaReport, ImportReport, MediaListItem, MediaSort } from "../../lib/api";
import { formatBytes } from "./format";
import { mediaUrl } from "./mediaUrl";
import { useDeleteMedia, useImportMedia, useMediaList, useUpdateMediaDetails } from "./queries";
import { VariantsView } from "./VariantsView";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** The photo library, or the variants screen of one photo. */
export function MediaPage() {
  const { t } = useTranslation();
  const [variantsOf, setVariantsOf] = useState<string | null>(null);
  // Kept here so coming back from the variants screen shows the same photo's details.
  const [openId, setOpenId] = useState<string | null>(null);
  if (variantsOf) {
    return (
      <Page testId="page-media" title={t("media.variants.title")} subtitle={t("media.variants.subtitle")}>
        <VariantsView mediaId={variantsOf} onBack={() => setVariantsOf(null)} />
      </Page>
    );
  }
  return (
    <Page testId="page-media" title={t("pages.media.title")} subtitle={t("pages.media.subtitle")}>
      <Library onVariants={setVariantsOf} openId={openId} setOpenId={setOpenId} />
    </Page>
  );
}

function Library({
  onVariants,
  openId,
  setOpenId,
}: {
  onVariants: (id: string) => void;
  openId: string | null;
  setOpenId: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<MediaSort>("newest");
  const query = useDebounced({ search, sort }, 150);
  const list = useMediaList(query);
  const importer = useImportMedia();
  const remover = useDeleteMedia();
  const [selected, setSelected] = useState<string[]>([]);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const [deleteReport, setDeleteReport] = useState<DeleteMediaReport | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const items = useMemo(() => list.data ?? [], [list.data]);
  const open = items.find((m) => m.id === openId) ?? null;
  const librarySearched = search.trim() !== "";

  const addPhotos = async () => {
    setError(null);
    setDeleteReport(null);
    try {
      const report = await importer.mutateAsync();
      if (report) {
        setImportReport(report);
        if (report.imported.length > 0) setOpenId(report.imported[0]!.id);
      }
    } catch (e) {
      setError(e as AppError);
    }
  };

  const removeSelected = async () => {
    setError(null);
    setImportReport(null);
    try {
      const report = await remover.mutateAsync(selected);
      setDeleteReport(report);
      setSelected(report.inUse.map((m) => m.id));
      if (openId && report.deleted.includes(openId)) setOpenId(null);
    } catch (e) {
      setError(e as AppError);
    } finally {
      setConfirmDelete(false);
    }
  };

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  const addButton = (
    <Button variant="primary" onClick={() => void addPhotos()} busy={importer.isPending} data-testid="media-add">
      {t("media.add")}
    </Button>
  );

  const status =
    importReport && importReport.imported.length > 0
      ? t("media.imported", { count: importReport.imported.length })
      : deleteReport && deleteReport.deleted.length > 0
        ? t("media.deleted", { count: deleteReport.deleted.length })
        : null;

  return (
    <div className="media">
      <div className="media__toolbar">
        {addButton}
        <input
          type="search"
          className="input media__search"
          placeholder={t("media.searchPlaceholder")}
          aria-label={t("media.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="media-search"
        />
        <label className="media__sort">
          <span>{t("media.sortLabel")}</span>
          <select className="input" value={sort} onChange={(e) => setSort(e.target.value as MediaSort)} data-testid="media-sort">
            {MEDIA_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`media.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {selected.length > 0 &&
          (confirmDelete ? (
            <>
              <Button variant="primary" onClick={() => void removeSelected()} busy={remover.isPending} data-testid="media-delete-confirm">
                {t("media.deleteConfirm", { count: selected.length })}
              </Button>
              <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
                {t("media.cancel")}
              </Button>
            </>
          ) : (
            <Button onClick={() => setConfirmDelete(true)} data-testid="media-delete">
              {t("media.deleteSelected", { count: selected.length })}
            </Button>
          ))}
      </div>
      <p className="media__hint">{t("media.addHint")}</p>
      <StatusMessage message={status} testId="media-status" />
      {error && <Alert message={error.message} />}
      {importReport && importReport.failed.length > 0 && (
        <div className="alert" role="alert" data-testid="media-import-failed">
          <div className="alert__body">
            <p className="alert__title">{t("media.importFailed", { count: importReport.failed.length })}</p>
            <ul className="media__failures">
              {importReport.failed.map((f) => (
                <li key={f.name}>
                  <strong>{f.name}</strong>: {f.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {deleteReport && deleteReport.inUse.length > 0 && (
        <div className="alert" role="alert" data-testid="media-in-use">
          <div className="alert__body">
            <p className="alert__title">{t("media.inUseTitle", { count: deleteReport.inUse.length })}</p>
            <ul className="media__failures">
              {deleteReport.inUse.map((m) => (
                <li key={m.id}>{t("media.inUse", { name: m.name, posts: m.postTitles.join(", ") })}</li>
              ))}
            </ul>
          </div>
        </div>
      )}

      {list.isPending && <Loading label={t("media.loading")} />}
      {list.isError && <Alert message={list.error.message} onRetry={() => void list.refetch()} retrying={list.isFetching} />}
      {list.isSuccess && items.length === 0 && !librarySearched && (
        <EmptyState
          icon="media"
          title={t("empty.media.title")}
          body={t("media.emptyBody")}
          nextLabel={t("app.nextLabel")}
          next={t("empty.media.next")}
        />
      )}
      {list.isSuccess && items.length === 0 && librarySearched && <p className="media__none">{t("media.noMatch", { search })}</p>}
      {items.length > 0 && (
        <div className="media__body">
          <ul className="media__grid" aria-label={t("media.gridLabel")} data-testid="media-grid">
            {items.map((m) => (
              <MediaCard
                key={m.id}
                item={m}
                selected={selected.includes(m.id)}
                open={m.id === openId}
                onSelect={(on) => toggle(m.id, on)}
                onOpen={() => setOpenId(m.id)}
              />
            ))}
          </ul>
          {open ? (
            <DetailsPanel key={open.id} item={open} onClose={() => setOpenId(null)} onVariants={() => onVariants(open.id)} />
          ) : (
            <aside className="media__details media__details--hint">
              <p>{t("media.pickHint")}</p>
            </aside>
          )}
        </div>
      )}
    </div>
  );
}

function MediaCard({
  item,
  selected,
  open,
  onSelect,
  onOpen,
}: {
  item: MediaListItem;
  selected: boolean;
  open: boolean;
  onSelect: (on: boolean) => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li className={`media-card${selected ? " media-card--selected" : ""}${open ? " media-card--open" : ""}`} data-testid={`media-card-${item.id}`}>
      <button type="button" className="media-card__thumb" onClick={onOpen} aria-pressed={open} aria-label={t("media.open", { name: item.originalName })}>
        <img src={mediaUrl("thumb", item.id)} alt={item.altText || item.originalName} loading="lazy" data-testid="media-thumb" />
      </button>
      <label className="media-card__select">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t("media.select", { name: item.originalName })} />
      </label>
      <div className="media-card__meta">
        <span className="media-card__name" title={item.originalName}>
          {item.originalName}
        </span>
        <span className="media-card__facts">
          {item.width}×{item.height}
          {item.usedByPosts > 0 && <span className="media-badge">{t("media.usedBy", { count: item.usedByPosts })}</span>}
          {item.altText.trim() === "" && <span className="media-badge media-badge--warn">{t("media.noAlt")}</span>}
        </span>
      </div>
    </li>
  );
}

function DetailsPanel({ item, onClose, onVariants }: { item: MediaListItem; onClose: () => void; onVariants: () => void }) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(item.altText);
  const [tags, setTags] = useState(item.tags.join(", "));
  const save = useUpdateMediaDetails();
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setSaved(false);
    try {
      await save.mutateAsync({ id: item.id, input: { altText: alt, tags: tags.split(/[,、\n]/) } });
      setSaved(true);
    } catch {
      /* shown next to the field */
    }
  };
  const err = save.error;
  return (
    <aside className="media__details" aria-label={t("media.details")} data-testid="media-details">
      <img className="media__details-img" src={mediaUrl("thumb", item.id)} alt={item.altText || item.originalName} />
      <p className="media__details-name">{item.originalName}</p>
      <p className="media__details-facts">
        {t("media.facts", { width: item.width, height: item.height, format: item.format.toUpperCase(), size: formatBytes(item.bytes ?? 0) })}
      </p>
      <form
        className="media__details-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t("media.altText")} hint={t("media.altHint")} error={err?.forField("altText") ?? null}>
          {(c) => <textarea {...c} className="input" rows={3} value={alt} onChange={(e) => setAlt(e.target.value)} data-testid="media-alt" />}
        </Field>
        <Field label={t("media.tags")} hint={t("media.tagsHint")} error={err?.forField("tags") ?? null}>
          {(c) => <input {...c} className="input" value={tags} onChange={(e) => setTags(e.target.value)} data-testid="media-tags" />}
        </Field>
        {err && !err.field && <Alert message={err.message} />}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="media-save">
            {t("media.save")}
          </Button>
          <Button onClick={onClose}>{t("media.close")}</Button>
        </div>
        <StatusMessage message={saved ? t("media.savedDetails") : null} />
      </form>
      <div className="media__details-variants">
        <p>{t("media.variantsTeaser")}</p>
        <Button variant="primary" onClick={onVariants} data-testid="media-open-variants">
          {t("media.openVariants")}
        </Button>
      </div>
    </aside>
  );
}
