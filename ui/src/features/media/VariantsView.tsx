import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, StatusMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { RadioGroup } from "../../components/Field";
import { Loading } from "../../components/Spinner";
import en from "../../i18n/en.json";
import type { AppError, MediaExportReport, TargetInfo, VariantMode, VariantRequest } from "../../lib/api";
import { useLocalize } from "../platforms/localize";
import { formatBytes } from "./format";
import { mediaUrl } from "./mediaUrl";
import { useExportVariants, useMediaList, useMediaTargets, useSetFocal, useVariantPreviews } from "./queries";

type Focal = { x: number; y: number };
const STEP = 0.02;
const BIG_STEP = 0.1;
type PlacementName = keyof typeof en.media.placement;
const isPlacement = (id: string): id is PlacementName => id in en.media.placement;
const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000));

/** Instagram Stories/Reels: the top 14% and bottom 20% are covered by the app's own UI. */
const SAFE_TOP = 0.14;
const SAFE_BOTTOM = 0.2;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function VariantsView({ mediaId, onBack }: { mediaId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const list = useMediaList({ search: "", sort: "newest" });
  const targets = useMediaTargets();
  const item = list.data?.find((m) => m.id === mediaId) ?? null;
  const [focal, setFocal] = useState<Focal | null>(null);
  const [mode, setMode] = useState<VariantMode>("fill");
  const [background, setBackground] = useState<"blur" | "solid">("blur");
  const [color, setColor] = useState("#f5efe6");
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [report, setReport] = useState<MediaExportReport | null>(null);
  const [exportError, setExportError] = useState<AppError | null>(null);
  const saveFocal = useSetFocal();
  const exporter = useExportVariants();

  const current: Focal = focal ?? { x: item?.focalX ?? 0.5, y: item?.focalY ?? 0.5 };
  const liveFocal = useDebounced(current, 90);
  const savedFocal = useDebounced(focal, 400);
  const allKeys = (targets.data ?? []).map((x) => x.key);
  const chosenKeys = chosen ?? allKeys;

  useEffect(() => {
    if (savedFocal && item && (savedFocal.x !== item.focalX || savedFocal.y !== item.focalY)) {
      saveFocal.mutate({ id: mediaId, x: savedFocal.x, y: savedFocal.y });
    }
    // Saving is keyed on the debounced point only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedFocal]);

  const request = (keys: string[], f: Focal): VariantRequest => ({
    targets: keys,
    mode,
    blur: background === "blur",
    color,
    focalX: f.x,
    focalY: f.y,
  });
  const previews = useVariantPreviews(mediaId, request(allKeys, liveFocal), item !== null);

  if (list.isPending || targets.isPending) return <Loading label={t("media.loading")} />;
  if (list.isError) return <Alert message={list.error.message} onRetry={() => void list.refetch()} />;
  if (targets.isError) return <Alert message={targets.error.message} onRetry={() => void targets.refetch()} />;
  if (!item) {
    return (
      <div className="media-variants">
        <Alert message={t("media.variants.gone")} />
        <Button onClick={onBack}>{t("media.variants.back")}</Button>
      </div>
    );
  }

  const exportChosen = async () => {
    setExportError(null);
    setReport(null);
    try {
      const r = await exporter.mutateAsync({ id: mediaId, request: request(chosenKeys, current) });
      if (r) setReport(r);
    } catch (e) {
      setExportError(e as AppError);
    }
  };

  const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
  const tooBig = report?.files.filter((f) => !f.fitsLimit) ?? [];

  return (
    <div className="media-variants" data-testid="media-variants">
      <div className="button-row">
        <Button onClick={onBack} data-testid="media-variants-back">
          {t("media.variants.back")}
        </Button>
      </div>
      <div className="media-variants__layout">
        <div className="media-variants__controls">
          <FocalPicker id={mediaId} alt={item.altText || item.originalName} focal={current} onChange={setFocal} />
          <p className="media__hint">{t("media.variants.focalHint")}</p>
          <RadioGroup<VariantMode>
            legend={t("media.variants.mode")}
            name="variant-mode"
            value={mode}
            onChange={setMode}
            testIdPrefix="media-mode"
            options={[
              { value: "fill", label: t("media.variants.fill") },
              { value: "fit", label: t("media.variants.fit") },
            ]}
          />
          {mode === "fit" && (
            <>
              <RadioGroup<"blur" | "solid">
                legend={t("media.variants.background")}
                name="variant-background"
                value={background}
                onChange={setBackground}
                testIdPrefix="media-bg"
                options={[
                  { value: "blur", label: t("media.variants.blur") },
                  { value: "solid", label: t("media.variants.solid") },
                ]}
              />
              {background === "solid" && (
                <label className="media-variants__color">
                  <span>{t("media.variants.color")}</span>
                  <input type="color" value={color} onChange={(e) => setColor(e.target.value)} data-testid="media-color" />
                </label>
              )}
            </>
          )}
          <div className="media-variants__export">
            <Button
              variant="primary"
              onClick={() => void exportChosen()}
              busy={exporter.isPending}
              disabled={chosenKeys.length === 0}
              data-testid="media-export"
            >
              {t("media.variants.export", { count: chosenKeys.length })}
            </Button>
            <p className="media__hint">{t("media.variants.exportHint")}</p>
          </div>
          {exportError && <Alert message={exportError.message} />}
          <StatusMessage message={report ? t("media.variants.exported", { count: report.files.length, folder: report.folder }) : null} testId="media-export-status" />
          {report && (
            <ul className="media-variants__files" data-testid="media-export-files">
              {report.files.map((f) => (
                <li key={f.path}>
                  <code>{fileName(f.path)}</code> <span>{formatBytes(f.bytes ?? 0)}</span>
                </li>
              ))}
            </ul>
          )}
          {tooBig.length > 0 && <Alert message={t("media.variants.tooBig", { names: tooBig.map((f) => fileName(f.path)).join(", ") })} />}
        </div>
        <div className="media-variants__previews">
          {previews.isError && <Alert message={previews.error.message} onRetry={() => void previews.refetch()} />}
          <ul className="media-variants__grid" aria-label={t("media.variants.previews")} aria-busy={previews.isFetching || undefined}>
            {(targets.data ?? []).map((target) => (
              <PreviewCard
                key={target.key}
                target={target}
                src={previews.data?.find((p) => p.key === target.key)?.dataUrl ?? null}
                chosen={chosenKeys.includes(target.key)}
                onChoose={(on) => setChosen(on ? [...chosenKeys, target.key] : chosenKeys.filter((k) => k !== target.key))}
              />
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function FocalPicker({ id, alt, focal, onChange }: { id: string; alt: string; focal: Focal; onChange: (f: Focal) => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    onChange({ x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height) });
    box.current?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (e.key === "Home") {
      e.preventDefault();
      onChange({ x: 0.5, y: 0.5 });
      return;
    }
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    onChange({ x: clamp(focal.x + m[0]), y: clamp(focal.y + m[1]) });
  };
  return (
    <div
      ref={box}
      className="focal-picker"
      role="group"
      tabIndex={0}
      aria-label={t("media.variants.focalLabel", { x: Math.round(focal.x * 100), y: Math.round(focal.y * 100) })}
      onClick={onClick}
      onKeyDown={onKey}
      data-testid="media-focal"
      data-focal={`${focal.x},${focal.y}`}
    >
      <img src={mediaUrl("thumb", id)} alt={alt} draggable={false} />
      <span className="focal-picker__mark" style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }} aria-hidden="true" />
    </div>
  );
}

function PreviewCard({ target, src, chosen, onChoose }: { target: TargetInfo; src: string | null; chosen: boolean; onChoose: (on: boolean) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const scale = 176 / Math.max(target.width, target.height);
  const w = Math.round(target.width * scale);
  const h = Math.round(target.height * scale);
  const platform = localize(target.platformName);
  const placement = isPlacement(target.placement) ? t(`media.placement.${target.placement}`) : target.placement;
  const label = `${platform} · ${placement}`;
  return (
    <li className={`variant-card${chosen ? " variant-card--chosen" : ""}`} data-testid={`variant-${target.key}`}>
      <div className="variant-card__frame" style={{ width: w, height: h }}>
        {src ? <img src={src} alt={t("media.variants.previewAlt", { label })} width={w} height={h} /> : <span className="variant-card__placeholder" />}
        {target.safeZones && (
          <>
            <span className="variant-card__unsafe variant-card__unsafe--top" style={{ height: `${SAFE_TOP * 100}%` }} aria-hidden="true" />
            <span className="variant-card__unsafe variant-card__unsafe--bottom" style={{ height: `${SAFE_BOTTOM * 100}%` }} aria-hidden="true" />
          </>
        )}
      </div>
      <label className="variant-card__label">
        <input type="checkbox" checked={chosen} onChange={(e) => onChoose(e.target.checked)} />
        <span>
          <strong>{label}</strong>
          <span className="variant-card__size">
            {target.width}×{target.height}
          </span>
        </span>
      </label>
      {target.safeZones && <p className="variant-card__note">{t("media.variants.safeZone")}</p>}
    </li>
  );
}
