// Chart spec (pure): one theme's indicators by status, a bar for each of Green, Amber, Red and
// not rated, for the theme's dashboard.
import type { ThemeView } from "../model/build-report-view.ts";
import { barConfiguration } from "./bar-configuration.ts";
import { type ChartSpec, PANEL_SIZE } from "./chart-spec.ts";
import { countOf, listInWords } from "./chart-text.ts";
import { kpiStatusFills } from "./palette.ts";
import { statusCountsOf, statusSeries } from "./status-by-theme-chart.ts";

export function themeStatusChart(theme: ThemeView, periodLabel: string): ChartSpec {
  const counts = statusCountsOf(theme);
  const total = statusSeries.reduce((sum, entry) => sum + counts[entry.key], 0);
  const categories = statusSeries.map((entry) => entry.label);
  return {
    id: `status-${theme.id}`,
    title: `${theme.title}: indicator status, ${periodLabel}`,
    altText: `Bar chart of the status of ${countOf(total, "indicator")} in ${theme.title} for ${periodLabel}: ${listInWords(
      statusSeries.map((entry) => `${counts[entry.key]} ${entry.words}`),
    )}.`,
    table: {
      rowHeader: "Status",
      columns: ["Indicators"],
      rows: statusSeries.map((entry) => ({ label: entry.label, values: [String(counts[entry.key])] })),
    },
    size: PANEL_SIZE,
    configuration: barConfiguration({
      categories,
      // One series per status, each with its count in its own category, so each has its pattern.
      series: statusSeries.map((entry, position) => ({
        label: entry.label,
        fill: kpiStatusFills[entry.key],
        values: categories.map((_, index) => (index === position ? counts[entry.key] : null)),
      })),
      horizontal: true,
      stacked: false,
      valueAxisTitle: "Number of indicators",
      key: false,
    }),
  };
}
