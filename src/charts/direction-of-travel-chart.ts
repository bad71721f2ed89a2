// Chart spec (pure): how many indicators improved, stayed the same or got worse, since the previous
// period and since the same period last year. Data-only indicators have no better or worse, so
// they are left out and the text says how many.
import type { Direction } from "../calc/direction-of-travel.ts";
import type { KpiRow } from "../model/build-report-view.ts";
import { barConfiguration, horizontalBarHeight } from "./bar-configuration.ts";
import { type ChartSpec, FULL_SIZE } from "./chart-spec.ts";
import { countOf } from "./chart-text.ts";
import { directionFills } from "./palette.ts";

const series = [
  { key: "improved", label: "Improved", words: "improved" },
  { key: "noChange", label: "No change", words: "no change" },
  { key: "worsened", label: "Worse", words: "worse" },
  { key: "notComparable", label: "No comparison", words: "no comparison" },
] as const;

type SeriesKey = (typeof series)[number]["key"];

function tally(directions: readonly Direction[]): Record<SeriesKey, number> {
  const counts = { improved: 0, noChange: 0, worsened: 0, notComparable: 0 };
  for (const direction of directions) {
    if (direction === "improved" || direction === "noChange" || direction === "worsened") counts[direction]++;
    else counts.notComparable++;
  }
  return counts;
}

/** `id` keeps two of these apart on one page (the report's and a theme's). */
export function directionOfTravelChart(
  kpis: readonly KpiRow[],
  periodLabel: string,
  { id = "direction-of-travel", scope = "" }: { id?: string; scope?: string } = {},
): ChartSpec {
  const rated = kpis.filter(
    (kpi) => kpi.trend.polarity === "higherIsBetter" || kpi.trend.polarity === "lowerIsBetter",
  );
  const rows = [
    { label: "Since the previous period", counts: tally(rated.map((kpi) => kpi.changeSincePrevious)) },
    { label: "Since the same period last year", counts: tally(rated.map((kpi) => kpi.changeSinceLastYear)) },
  ];
  const left = kpis.length - rated.length;
  const leftOut =
    left > 0
      ? ` ${countOf(left, "data-only indicator")} ${left === 1 ? "has" : "have"} no direction and ${left === 1 ? "is" : "are"} left out.`
      : "";
  const where = scope ? ` in ${scope}` : "";
  return {
    id,
    title: `Direction of travel${where}, ${periodLabel}`,
    altText: `Stacked bar chart of the direction of travel of ${countOf(rated.length, "indicator")}${where} for ${periodLabel}. ${rows
      .map(
        (row) =>
          `${row.label}: ${series.map((entry) => `${row.counts[entry.key]} ${entry.words}`).join(", ")}`,
      )
      .join(". ")}.${leftOut}`,
    table: {
      rowHeader: "Compared",
      columns: series.map((entry) => entry.label),
      rows: rows.map((row) => ({
        label: row.label,
        values: series.map((entry) => String(row.counts[entry.key])),
      })),
    },
    size: { width: FULL_SIZE.width, height: horizontalBarHeight(rows.length, 1) },
    configuration: barConfiguration({
      categories: rows.map((row) => row.label),
      series: series.map((entry) => ({
        label: entry.label,
        fill: directionFills[entry.key],
        values: rows.map((row) => row.counts[entry.key]),
      })),
      horizontal: true,
      stacked: true,
      valueAxisTitle: "Number of indicators",
      key: true,
    }),
  };
}
