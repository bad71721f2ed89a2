// Counts of KPI statuses and the sentence that summarises them for a committee.
import type { KpiStatus } from "./kpi-status.ts";

export type KpiStatusCounts = Record<KpiStatus, number>;

export function countKpiStatuses(statuses: readonly KpiStatus[]): KpiStatusCounts {
  const counts: KpiStatusCounts = {
    green: 0,
    amber: 0,
    red: 0,
    dataOnly: 0,
    awaited: 0,
    notAvailable: 0,
    noTarget: 0,
  };
  for (const status of statuses) counts[status]++;
  return counts;
}

/** Whole-number percentage, rounded half up, so the same counts always read the same. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole + 0.5);
}

/** "5 of 8 rated indicators (63%) met target; 2 (25%) were within tolerance and 1 (13%) missed it." */
export function summariseKpiStatuses(counts: KpiStatusCounts): string {
  const rated = counts.green + counts.amber + counts.red;
  const unrated = counts.dataOnly + counts.awaited + counts.notAvailable + counts.noTarget;
  if (rated === 0) return "No indicators could be rated against a target this period.";
  const noun = rated === 1 ? "indicator" : "indicators";
  let sentence =
    `${counts.green} of ${rated} rated ${noun} (${percentOf(counts.green, rated)}%) met target; ` +
    `${counts.amber} (${percentOf(counts.amber, rated)}%) ${counts.amber === 1 ? "was" : "were"} within tolerance ` +
    `and ${counts.red} (${percentOf(counts.red, rated)}%) missed it.`;
  if (unrated > 0) sentence += ` ${unrated} more ${unrated === 1 ? "is" : "are"} data only or awaited.`;
  return sentence;
}
