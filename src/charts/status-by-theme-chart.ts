// Chart spec (pure): how many indicators in each theme are Green, Amber, Red or unrated, stacked.
import { countUnrated } from "../calc/summarise-kpi-statuses.ts";
import type { ThemeView } from "../model/build-report-view.ts";
import { kpiStatusLabels } from "../model/labels.ts";
import { barConfiguration, horizontalBarHeight } from "./bar-configuration.ts";
import { FULL_SIZE } from "./chart-spec.ts";
import { kpiStatusFills } from "./palette.ts";

export type { ChartSpec } from "./chart-spec.ts";

import type { ChartSpec } from "./chart-spec.ts";

export type StatusSeriesKey = keyof typeof kpiStatusFills;

export const statusSeries: readonly { key: StatusSeriesKey; label: string; words: string }[] = [
  { key: "green", label: kpiStatusLabels.green.label, words: "green" },
  { key: "amber", label: kpiStatusLabels.amber.label, words: "amber" },
  { key: "red", label: kpiStatusLabels.red.label, words: "red" },
  { key: "unrated", label: "Not rated", words: "not rated" },
];

export function statusCountsOf(theme: ThemeView): Record<StatusSeriesKey, number> {
  const { green, amber, red } = theme.counts;
  return { green, amber, red, unrated: countUnrated(theme.counts) };
}

export function statusByThemeChart(themes: readonly ThemeView[], periodLabel: string): ChartSpec {
  const counts = themes.map(statusCountsOf);
  const describeTheme = (theme: ThemeView, index: number) => {
    const count = counts[index] as Record<StatusSeriesKey, number>;
    return `${theme.title}: ${statusSeries.map((entry) => `${count[entry.key]} ${entry.words}`).join(", ")}`;
  };
  return {
    id: "status-by-theme",
    title: `Indicator status by theme, ${periodLabel}`,
    altText: `Stacked bar chart of indicator status by theme for ${periodLabel}. ${themes.map(describeTheme).join(". ")}.`,
    table: {
      rowHeader: "Theme",
      columns: statusSeries.map((entry) => entry.label),
      rows: themes.map((theme, index) => ({
        label: theme.title,
        values: statusSeries.map((entry) => String(counts[index]?.[entry.key] ?? 0)),
      })),
    },
    size: { width: FULL_SIZE.width, height: horizontalBarHeight(themes.length, 1) },
    configuration: barConfiguration({
      categories: themes.map((theme) => theme.title),
      series: statusSeries.map((entry) => ({
        label: entry.label,
        fill: kpiStatusFills[entry.key],
        values: counts.map((count) => count[entry.key]),
      })),
      horizontal: true,
      stacked: true,
      valueAxisTitle: "Number of indicators",
      key: true,
    }),
  };
}
