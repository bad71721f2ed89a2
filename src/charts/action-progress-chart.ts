// Chart spec (pure): the delivery plan's actions and milestones by status, one stacked bar each.
import type { ActionStatus } from "../calc/action-status.ts";
import type { ActionStatusSummary } from "../calc/summarise-action-statuses.ts";
import type { DeliveryPlanView } from "../model/build-action-rows.ts";
import { actionStatusLabels } from "../model/labels.ts";
import { barConfiguration, horizontalBarHeight } from "./bar-configuration.ts";
import { type ChartSpec, FULL_SIZE } from "./chart-spec.ts";
import { countOf, listInWords } from "./chart-text.ts";
import { actionStatusFills } from "./palette.ts";

/** Done first, then work in progress from good to bad, then work set aside. */
const ORDER: readonly ActionStatus[] = [
  "complete",
  "onTrack",
  "atRisk",
  "overdue",
  "notStarted",
  "deferred",
  "cancelled",
];

export function actionProgressChart(plan: DeliveryPlanView, periodLabel: string): ChartSpec {
  const rows = [
    { label: "Actions", singular: "action", summary: plan.actionSummary },
    { label: "Milestones", singular: "milestone", summary: plan.milestoneSummary },
  ];
  const total = (summary: ActionStatusSummary) =>
    ORDER.reduce((sum, status) => sum + summary.counts[status], 0);
  // Statuses nothing has are left out of the table; the chart draws nothing for them anyway.
  const statuses = ORDER.filter((status) => rows.some((row) => row.summary.counts[status] > 0));
  const describe = (row: (typeof rows)[number]) => {
    const parts = statuses
      .filter((status) => row.summary.counts[status] > 0)
      .map((status) => `${row.summary.counts[status]} ${actionStatusLabels[status].label.toLowerCase()}`);
    return `${countOf(total(row.summary), row.singular)}${parts.length ? `: ${listInWords(parts)}` : ""}`;
  };
  return {
    id: "delivery-progress",
    title: `Delivery plan progress, ${periodLabel}`,
    altText: `Stacked bar chart of delivery plan progress at the end of ${periodLabel}. ${rows
      .map(describe)
      .join(". ")}.`,
    table: {
      rowHeader: "Items",
      columns: [...statuses.map((status) => actionStatusLabels[status].label), "Total"],
      rows: rows.map((row) => ({
        label: row.label,
        values: [...statuses.map((status) => String(row.summary.counts[status])), String(total(row.summary))],
      })),
    },
    size: { width: FULL_SIZE.width, height: horizontalBarHeight(rows.length, statuses.length > 5 ? 2 : 1) },
    configuration: barConfiguration({
      categories: rows.map((row) => row.label),
      series: ORDER.map((status) => ({
        label: actionStatusLabels[status].label,
        fill: actionStatusFills[status],
        values: rows.map((row) => row.summary.counts[status]),
      })),
      horizontal: true,
      stacked: true,
      valueAxisTitle: "Number of actions or milestones",
      key: true,
    }),
  };
}
