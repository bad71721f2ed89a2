// Chart spec (pure): how many indicators in each theme are Green, Amber, Red or unrated.
import type { ChartConfiguration } from "chart.js";
import { countUnrated } from "../calc/summarise-kpi-statuses.ts";
import type { ThemeView } from "../model/build-report-view.ts";
import { kpiStatusLabels } from "../model/labels.ts";
import { CHART_FONT_FAMILY, chartGrid, chartText, statusColours } from "./palette.ts";

export interface ChartSpec {
  id: string;
  title: string;
  /** What a screen reader says instead of the picture. */
  altText: string;
  /** The chart's numbers as a table, for readers who cannot see it. */
  table: { columns: string[]; rows: { label: string; values: number[] }[] };
  configuration: ChartConfiguration;
}

const series = [
  { key: "green", colour: statusColours.green },
  { key: "amber", colour: statusColours.amber },
  { key: "red", colour: statusColours.red },
  { key: "unrated", colour: statusColours.neutral },
] as const;

function countsFor(theme: ThemeView): Record<(typeof series)[number]["key"], number> {
  const { green, amber, red } = theme.counts;
  return { green, amber, red, unrated: countUnrated(theme.counts) };
}

const seriesLabel = (key: (typeof series)[number]["key"]) =>
  key === "unrated" ? "Not rated" : kpiStatusLabels[key].label;

export function statusByThemeChart(themes: readonly ThemeView[], periodLabel: string): ChartSpec {
  const counts = themes.map(countsFor);
  const describeTheme = (theme: ThemeView, index: number) => {
    const c = counts[index] ?? { green: 0, amber: 0, red: 0, unrated: 0 };
    return `${theme.title}: ${c.green} green, ${c.amber} amber, ${c.red} red, ${c.unrated} not rated`;
  };
  return {
    id: "status-by-theme",
    title: `Indicator status by theme, ${periodLabel}`,
    altText: `Stacked bar chart of indicator status by theme for ${periodLabel}. ${themes.map(describeTheme).join(". ")}.`,
    table: {
      columns: series.map((entry) => seriesLabel(entry.key)),
      rows: themes.map((theme, index) => ({
        label: theme.title,
        values: series.map((entry) => counts[index]?.[entry.key] ?? 0),
      })),
    },
    configuration: {
      type: "bar",
      data: {
        labels: themes.map((theme) => theme.title),
        datasets: series.map((entry) => ({
          label: seriesLabel(entry.key),
          data: counts.map((count) => count[entry.key]),
          backgroundColor: entry.colour,
          borderColor: "#FFFFFF",
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: false,
        devicePixelRatio: 1,
        font: { family: CHART_FONT_FAMILY },
        plugins: {
          legend: {
            position: "bottom",
            labels: { color: chartText, font: { family: CHART_FONT_FAMILY, size: 13 } },
          },
          title: { display: false },
        },
        scales: {
          x: {
            stacked: true,
            ticks: { precision: 0, color: chartText, font: { family: CHART_FONT_FAMILY, size: 12 } },
            grid: { color: chartGrid },
            title: {
              display: true,
              text: "Number of indicators",
              color: chartText,
              font: { family: CHART_FONT_FAMILY, size: 12 },
            },
          },
          y: {
            stacked: true,
            ticks: { color: chartText, font: { family: CHART_FONT_FAMILY, size: 13 } },
            grid: { display: false },
          },
        },
      },
    },
  };
}
