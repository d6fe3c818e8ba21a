import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export type ChartSeries = {
  label: string;
  values: (number | null)[];
  /** A design token name, e.g. `--color-brand`. */
  colour: string;
  dashed?: boolean;
};

type ChartBoxProps = {
  title: string;
  kind: "line" | "bar";
  labels: string[];
  series: ChartSeries[];
  format: (value: number | null) => string;
  /** Horizontal bars (long category names). */
  horizontal?: boolean;
  testId?: string;
  height?: number;
};

function token(name: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || "#888888";
}

// jsdom (unit tests) has no canvas: the table view is the whole chart there.
const canvasAvailable = typeof navigator !== "undefined" && !navigator.userAgent.includes("jsdom");

/** A chart with a table view of the same numbers (for screen readers and exact values). */
export function ChartBox({ title, kind, labels, series, format, horizontal = false, testId, height = 180 }: ChartBoxProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  const showChart = canvasAvailable && !asTable;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!showChart || !canvas) return;
    const text = token("--color-text-muted");
    const grid = token("--color-border");
    const chart = new Chart(canvas, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: token(s.colour),
          backgroundColor: token(s.colour),
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: kind === "line" ? 3 : 0,
          spanGaps: true,
          borderWidth: kind === "line" ? 2 : 0,
          borderRadius: kind === "bar" ? 4 : 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: {
          legend: { display: series.length > 1, labels: { color: text, boxWidth: 12 } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ""}: ${format(ctx.raw as number | null)}` } },
        },
        scales: {
          x: {
            ticks: { color: text, ...(horizontal ? { callback: (v: string | number) => format(Number(v)) } : {}) },
            grid: { color: grid },
            beginAtZero: horizontal,
          },
          y: {
            ticks: { color: text, ...(horizontal ? {} : { callback: (v: string | number) => format(Number(v)) }) },
            grid: { color: grid },
            beginAtZero: !horizontal,
          },
        },
      },
    });
    return () => chart.destroy();
  }, [showChart, kind, labels, series, format, horizontal]);

  return (
    <figure className="chart-box" data-testid={testId} aria-labelledby={titleId}>
      <figcaption className="chart-box__head">
        <span id={titleId} className="chart-box__title">
          {title}
        </span>
        {canvasAvailable && (
          <button type="button" className="results-link chart-box__toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t("results.chart.showChart") : t("results.chart.showTable")}
          </button>
        )}
      </figcaption>
      {showChart ? (
        <div className="chart-box__canvas" style={{ height }}>
          <canvas ref={canvasRef} role="img" aria-label={t("results.chart.canvasLabel", { title })} />
        </div>
      ) : (
        <table className="results-table chart-box__table">
          <thead>
            <tr>
              <th scope="col">{t("results.chart.item")}</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.label} className="num">
                    {format(s.values[i] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
