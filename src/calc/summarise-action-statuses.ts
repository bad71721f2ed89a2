// Counts of action, milestone or recommendation statuses. Completed, deferred and cancelled items are
// counted apart from the RAG-like statuses of work still in progress, so they do not flatter them.
import type { ActionStatus } from "./action-status.ts";
import { percentOf } from "./summarise-kpi-statuses.ts";

export type ActionStatusCounts = Record<ActionStatus, number>;

export interface ActionStatusSummary {
  counts: ActionStatusCounts;
  /** On track + at risk + overdue + not started: the items the percentages are of. */
  inProgress: number;
  sentence: string;
}

const IN_PROGRESS = ["onTrack", "atRisk", "overdue", "notStarted"] as const;
const SET_APART = ["complete", "deferred", "cancelled"] as const;

const words: Readonly<Record<ActionStatus, string>> = {
  onTrack: "on track",
  atRisk: "at risk",
  overdue: "overdue",
  notStarted: "not started",
  complete: "complete",
  deferred: "deferred",
  cancelled: "cancelled",
};

/** `noun` is plural ("actions", "recommendations"). */
export function summariseActionStatuses(
  statuses: readonly ActionStatus[],
  noun = "actions",
): ActionStatusSummary {
  const counts: ActionStatusCounts = {
    complete: 0,
    onTrack: 0,
    atRisk: 0,
    overdue: 0,
    notStarted: 0,
    deferred: 0,
    cancelled: 0,
  };
  for (const status of statuses) counts[status]++;
  const inProgress = IN_PROGRESS.reduce((sum, status) => sum + counts[status], 0);
  const parts = IN_PROGRESS.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} (${percentOf(counts[status], inProgress)}%) ${words[status]}`,
  );
  const first =
    inProgress === 0
      ? `No ${noun} are in progress.`
      : `Of ${inProgress} ${inProgress === 1 ? singular(noun) : noun} in progress, ${joinWords(parts)}.`;
  const apart = SET_APART.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${words[status]}`,
  );
  const second = apart.length === 0 ? "" : ` Set apart from these: ${joinWords(apart)}.`;
  return { counts, inProgress, sentence: first + second };
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function singular(noun: string): string {
  return noun.endsWith("s") ? noun.slice(0, -1) : noun;
}
