// Counts of KPI statuses and the sentence that summarises them for a committee.
import type { KpiStatus } from "./kpi-status.ts";

export type KpiStatusCounts = Record<KpiStatus, number>;

export function countKpiStatuses(statuses: readonly KpiStatus[]): KpiStatusCounts {
  const counts: KpiStatusCounts = {
    green: 0,
    amber: 0,
    red: 0,
    dataOnly: 0,
    notDue: 0,
    awaited: 0,
    notAvailable: 0,
    noTarget: 0,
  };
  for (const status of statuses) counts[status]++;
  return counts;
}

/** The statuses that carry no rating against a target, in the order reports list them. */
const unratedStatuses = [
  { status: "dataOnly", words: "data only" },
  { status: "notDue", words: "not due this period" },
  { status: "awaited", words: "awaited" },
  { status: "notAvailable", words: "not available" },
  { status: "noTarget", words: "without a target" },
] as const;

export function countUnrated(counts: KpiStatusCounts): number {
  return unratedStatuses.reduce((sum, entry) => sum + counts[entry.status], 0);
}

/**
 * Whole-number percentage, rounded half up. Each share is rounded on its own so that the same
 * fraction always reads the same (2 of 6 is 33% wherever it appears); shares may therefore add
 * up to 99 or 101, which the report's key says.
 */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole + 0.5);
}

export interface RatedShares {
  rated: number;
  /** Whole-number percentages of the rated indicators, each rounded on its own (see percentOf). */
  green: number;
  amber: number;
  red: number;
}

/** How many indicators were rated and what share of them is Green, Amber and Red. */
export function shareOfRated(counts: KpiStatusCounts): RatedShares {
  const rated = counts.green + counts.amber + counts.red;
  return {
    rated,
    green: percentOf(counts.green, rated),
    amber: percentOf(counts.amber, rated),
    red: percentOf(counts.red, rated),
  };
}

/**
 * "5 of 8 rated indicators (63%) met target; 2 (25%) were within tolerance and 1 (13%) missed
 * it. 2 more are not rated: 1 data only, 1 awaited."
 */
export function summariseKpiStatuses(counts: KpiStatusCounts): string {
  const { rated, ...shares } = shareOfRated(counts);
  const unrated = countUnrated(counts);
  const details = unratedStatuses
    .filter((entry) => counts[entry.status] > 0)
    .map((entry) => `${counts[entry.status]} ${entry.words}`)
    .join(", ");
  const unratedSentence =
    unrated === 0 ? "" : `${unrated} ${unrated === 1 ? "is" : "are"} not rated: ${details}.`;
  if (rated === 0)
    return `No indicators could be rated against a target this period. ${unratedSentence}`.trim();
  const { green, amber, red } = shares;
  const noun = rated === 1 ? "indicator" : "indicators";
  const sentence =
    `${counts.green} of ${rated} rated ${noun} (${green}%) met target; ` +
    `${counts.amber} (${amber}%) ${counts.amber === 1 ? "was" : "were"} within tolerance ` +
    `and ${counts.red} (${red}%) missed it.`;
  return unrated === 0
    ? sentence
    : `${sentence} ${unrated} more ${unrated === 1 ? "is" : "are"} not rated: ${details}.`;
}
