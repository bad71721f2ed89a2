// Chart spec (pure): one indicator's trend. The figure judged each period (solid line, a marker
// whose shape and colour give its rating), the target (dashed) and last year's figures (dotted),
// with the figures written on the points and the latest in bold.
import type { ChartConfiguration } from "chart.js";
import type { KpiTrend, TrendPoint } from "../model/build-kpi-trend.ts";
import type { KpiRow } from "../model/build-report-view.ts";
import { kpiStatusLabels } from "../model/labels.ts";
import {
  axisTicks,
  baseOptions,
  type ChartSpec,
  type ChartTable,
  FULL_SIZE,
  font,
  gridLines,
  type KeyItem,
  type LabelSet,
  PANEL_SIZE,
} from "./chart-spec.ts";
import { listInWords } from "./chart-text.ts";
import { chartText, kpiStatusMarkers, type MarkerStyle, trendLines } from "./palette.ts";

export interface KpiTrendChartOptions {
  /** A panel of a small-multiples grid: smaller, only the latest figure written on it. */
  compact?: boolean;
}

/** The statuses a point can be rated, in the order a key lists them. */
const RATED = ["green", "amber", "red"] as const;

export function kpiTrendChart(kpi: KpiRow, { compact = false }: KpiTrendChartOptions = {}): ChartSpec {
  const { trend } = kpi;
  const { points } = trend;
  const hasTarget = points.some((point) => point.target !== undefined);
  const hasLastYear =
    trend.lastYearSpan !== undefined && points.some((point) => point.lastYear !== undefined);
  const statuses = RATED.filter((status) => points.some((point) => point.status === status));
  // A rated point shows its rating by shape and colour; an unrated one is a plain dot on the line.
  const markerFor = (point: TrendPoint): MarkerStyle => {
    const rating = ratingWord(point) && point.status ? kpiStatusMarkers[point.status] : undefined;
    return rating ?? { shape: "circle", colour: trendLines.actual.colour };
  };
  const actualLabel = trend.layout === "year" ? `${trend.actualName} (${trend.span})` : trend.actualName;
  const lastYearLabel = `Last year (${trend.lastYearSpan})`;

  const keyItems: KeyItem[] = [
    { text: actualLabel, line: trendLines.actual },
    ...(hasTarget && trend.targetName ? [{ text: trend.targetName, line: trendLines.target }] : []),
    ...(hasLastYear ? [{ text: compact ? "Last year" : lastYearLabel, line: trendLines.lastYear }] : []),
    ...(compact
      ? []
      : statuses.map((status) => ({
          text: kpiStatusLabels[status].label,
          marker: kpiStatusMarkers[status],
        }))),
  ];

  // Every figure on a full-size chart; on a panel only the latest. The latest is bold either way.
  const latest = trend.latestIndex;
  const labelSets: LabelSet[] = [
    {
      dataset: 0,
      texts: points.map((point, index) => (compact || index === latest ? null : (point.actualText ?? null))),
      position: "point",
    },
    {
      dataset: 0,
      texts: points.map((point, index) => (index === latest ? (point.actualText ?? null) : null)),
      position: "point",
      bold: true,
    },
  ];

  const configuration: ChartConfiguration = {
    type: "line",
    data: {
      labels: points.map((point) => point.shortLabel),
      datasets: [
        {
          label: actualLabel,
          data: points.map((point) => point.actual ?? null),
          borderColor: trendLines.actual.colour,
          borderWidth: trendLines.actual.width,
          pointStyle: points.map((point) => markerFor(point).shape),
          pointBackgroundColor: points.map((point) => markerFor(point).colour),
          pointBorderColor: "#FFFFFF",
          pointBorderWidth: 1,
          pointRadius: compact ? 5 : 6.5,
          spanGaps: false,
          tension: 0,
        },
        ...(hasTarget
          ? [
              {
                label: trend.targetName ?? "Target",
                data: points.map((point) => point.target ?? null),
                borderColor: trendLines.target.colour,
                borderWidth: trendLines.target.width,
                borderDash: trendLines.target.dash,
                pointRadius: 0,
                tension: 0,
              },
            ]
          : []),
        ...(hasLastYear
          ? [
              {
                label: lastYearLabel,
                data: points.map((point) => point.lastYear ?? null),
                borderColor: trendLines.lastYear.colour,
                borderWidth: trendLines.lastYear.width,
                borderDash: trendLines.lastYear.dash,
                pointStyle: "circle" as const,
                pointRadius: compact ? 2.5 : 3,
                pointBackgroundColor: "#FFFFFF",
                pointBorderColor: trendLines.lastYear.colour,
                pointBorderWidth: 1.2,
                tension: 0,
              },
            ]
          : []),
      ],
    },
    options: {
      ...baseOptions(),
      locale: "en-GB",
      layout: { padding: { top: 6, right: compact ? 10 : 16, bottom: 2, left: 4 } },
      scales: {
        x: {
          ticks: { ...axisTicks(compact ? 11 : 12), maxRotation: 0, autoSkip: true },
          grid: { display: false },
          offset: true,
        },
        y: {
          // Room above the highest point for its figure.
          grace: "18%",
          ticks: { ...axisTicks(compact ? 10 : 12), maxTicksLimit: compact ? 4 : 6 },
          grid: gridLines,
          border: { display: false },
          title: {
            display: !compact,
            text: unitTitle(trend),
            color: chartText,
            font: font(12),
          },
        },
      },
      plugins: {
        ...baseOptions().plugins,
        scrutinyKey: { items: keyItems },
        scrutinyLabels: { sets: labelSets },
      },
    },
  };

  return {
    id: compact ? `trend-panel-${kpi.id}` : `trend-${kpi.id}`,
    title: compact ? `${kpi.id} ${kpi.title}` : `Trend: ${kpi.id} ${kpi.title}`,
    altText: describeTrend(kpi.title, trend),
    table: trendTable(trend, hasTarget, hasLastYear),
    size: compact ? PANEL_SIZE : FULL_SIZE,
    // Twelve months of figures do not fit under half a page's width.
    ...(compact && points.length > 6 ? { wide: true } : {}),
    configuration,
  };
}

function unitTitle(trend: KpiTrend): string {
  switch (trend.unit) {
    case "percent":
      return "Per cent";
    case "pounds":
      return "Pounds (£)";
    case "days":
      return "Days";
    case "ratio":
      return "Ratio";
    case "number":
      return "Number";
  }
}

function ratingWord(point: TrendPoint): string | undefined {
  return point.status === "green" || point.status === "amber" || point.status === "red"
    ? kpiStatusLabels[point.status].label
    : undefined;
}

/** "above the 45.0% target": as the figures are written, so the words agree with what is shown. */
function againstTarget(point: TrendPoint, targetName: string): string | undefined {
  if (point.actual === undefined || point.target === undefined || !point.targetText) return undefined;
  const name = targetName.toLowerCase();
  if (point.actualText === point.targetText) return `on the ${point.targetText} ${name}`;
  return `${point.actual > point.target ? "above" : "below"} the ${point.targetText} ${name}`;
}

/**
 * "Trend of Household waste recycled, 2023/24: 46.2% in Q1 (Green), 43.1% in Q2 (Amber); below
 * the 45.0% target in Q2. Last year (2022/23): 47.0% in Q1, 44.0% in Q2."
 */
export function describeTrend(title: string, trend: KpiTrend): string {
  const what = trend.actualName === "Actual" ? title : `${title}, ${trend.actualName.toLowerCase()}`;
  const reported = trend.points.filter((point) => point.actualText !== undefined);
  if (reported.length === 0) return `Trend of ${what}, ${trend.span}: no figures yet.`;
  const figures = listInWords(
    reported.map((point) => {
      const rating = ratingWord(point);
      return `${point.actualText} in ${point.shortLabel}${rating ? ` (${rating})` : ""}`;
    }),
  );
  const latest = trend.latestIndex === undefined ? undefined : trend.points[trend.latestIndex];
  const comparison = latest && trend.targetName ? againstTarget(latest, trend.targetName) : undefined;
  const lastYear = trend.points.filter((point) => point.lastYearText !== undefined);
  const lastYearSentence =
    lastYear.length === 0
      ? ""
      : ` Last year (${trend.lastYearSpan}): ${listInWords(
          lastYear.map((point) => `${point.lastYearText} in ${point.shortLabel}`),
        )}.`;
  return `Trend of ${what}, ${trend.span}: ${figures}${
    comparison && latest ? `; ${comparison} in ${latest.shortLabel}` : ""
  }.${lastYearSentence}`;
}

/**
 * One row per line of the chart and one column per period, as the chart reads left to right; it
 * stays narrow enough to sit under a small-multiples panel.
 */
function trendTable(trend: KpiTrend, hasTarget: boolean, hasLastYear: boolean): ChartTable {
  const dash = "–";
  const { points } = trend;
  const rated = points.some((point) => ratingWord(point) !== undefined);
  const row = (label: string, value: (point: TrendPoint) => string | undefined) => ({
    label,
    values: points.map((point) => value(point) ?? dash),
  });
  return {
    rowHeader: "Figure",
    columns: points.map((point) => point.shortLabel),
    rows: [
      row(
        trend.layout === "year" ? `${trend.actualName} (${trend.span})` : trend.actualName,
        (point) => point.actualText,
      ),
      ...(rated ? [row("Rating", ratingWord)] : []),
      ...(hasTarget ? [row(trend.targetName ?? "Target", (point) => point.targetText)] : []),
      ...(hasLastYear ? [row(`Last year (${trend.lastYearSpan})`, (point) => point.lastYearText)] : []),
    ],
  };
}
