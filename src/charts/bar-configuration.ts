// The Chart.js configuration shared by our bar charts (pure): counts by category in series told
// apart by colour and pattern, each count written on its bar, and a key of the series.
import type { ChartConfiguration } from "chart.js";
import { axisTicks, baseOptions, font, gridLines, type LabelSet } from "./chart-spec.ts";
import { chartText, type FillStyle } from "./palette.ts";

export interface BarSeries {
  label: string;
  fill: FillStyle;
  /** One count per category; null where the series has no bar (not even an empty one). */
  values: (number | null)[];
}

export interface BarChartOptions {
  categories: string[];
  series: BarSeries[];
  /** Bars run left to right with the categories down the side. */
  horizontal: boolean;
  /** Series stacked into one bar per category; otherwise each category has one series' bar. */
  stacked: boolean;
  /** The title of the counting axis: "Number of indicators". */
  valueAxisTitle: string;
  /** Show a key of the series (left out where the categories already name them). */
  key: boolean;
}

export function barConfiguration(options: BarChartOptions): ChartConfiguration {
  const { categories, series, horizontal, stacked } = options;
  // Series with nothing in them are left out of the key; they draw nothing anyway.
  const shown = series.filter((entry) => entry.values.some((value) => value !== null && value > 0));
  // A stacked segment of nothing draws nothing, so it gets no figure; a lone bar of 0 says "0".
  const labelSets: LabelSet[] = series.map((entry, dataset) => ({
    dataset,
    texts: entry.values.map((value) => (value === null || (stacked && value === 0) ? null : String(value))),
    position: stacked ? "centre" : "end",
    bold: true,
  }));
  const valueAxis = {
    stacked,
    beginAtZero: true,
    // Room after the longest bar for its count.
    grace: stacked ? 0 : "12%",
    ticks: { ...axisTicks(12), precision: 0 },
    grid: gridLines,
    border: { display: false },
    title: { display: true, text: options.valueAxisTitle, color: chartText, font: font(12) },
  };
  const categoryAxis = {
    stacked,
    ticks: axisTicks(13),
    grid: { display: false },
  };
  const base = baseOptions();
  return {
    type: "bar",
    data: {
      labels: categories,
      datasets: series.map((entry) => ({
        label: entry.label,
        data: entry.values,
        backgroundColor: entry.fill.colour,
        borderColor: "#FFFFFF",
        // A thin white line between stacked segments.
        borderWidth: !stacked ? 0 : horizontal ? { left: 1, right: 1 } : { top: 1, bottom: 1 },
        borderSkipped: false,
        categoryPercentage: stacked ? 0.7 : 0.8,
        barPercentage: stacked ? 1 : 0.9,
        // Unstacked bars of one series per category sit in the middle of the category, not aside.
        ...(stacked ? {} : { grouped: false }),
      })),
    },
    options: {
      ...base,
      indexAxis: horizontal ? "y" : "x",
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        ...base.plugins,
        scrutinyKey: {
          items: options.key ? shown.map((entry) => ({ text: entry.label, fill: entry.fill })) : [],
        },
        scrutinyFills: { datasets: series.map((entry) => entry.fill) },
        scrutinyLabels: { sets: labelSets },
      },
    },
  };
}

/** Chart height for a horizontal bar chart: room for each category and the key. */
export function horizontalBarHeight(categories: number, keyRows: number): number {
  return 56 + categories * 44 + keyRows * 20;
}
