// Where a review's recommendation stands at the end of a period: its actions first, then the
// recommendation, judged like a delivery-plan action against its target date.

import type { Recommendation } from "../schema/recommendation-tracker-schema.ts";
import {
  type ActionStatusOptions,
  type ActionStatusResult,
  actionStatusWords,
  computeActionStatus,
} from "./action-status.ts";
import { isAfter, parseISO } from "./date-fns.ts";
import type { FuzzyDate } from "./parse-fuzzy-date.ts";

export interface RecommendationStatusResult {
  /**
   * The target date; without one, the "by when" of an unfinished action with no fixed date
   * ("ongoing": then the recommendation has none either), else the latest fixed "by when".
   */
  due: FuzzyDate | undefined;
  actions: ActionStatusResult[];
  result: ActionStatusResult;
}

export function computeRecommendationStatus(
  recommendation: Recommendation,
  periodEnd: Date,
  options: ActionStatusOptions = { atRiskMargin: 10 },
): RecommendationStatusResult {
  const actions = recommendation.actions.map((action) =>
    computeActionStatus(
      { due: action.byWhen, completed: action.completed, declared: action.status },
      periodEnd,
      options,
    ),
  );
  const due = recommendation.targetDate ?? dueFromActions(recommendation, actions);
  const declared = recommendation.status;
  const closed = closedResult(recommendation, actions);
  if (closed) {
    const disagreement =
      declared !== undefined && declared !== closed.status
        ? `Reported as ${actionStatusWords[declared]}, but the dates and progress show it ${actionStatusWords[closed.status]}.`
        : undefined;
    return { due, actions, result: { ...closed, declared, disagreement, expectedPercent: undefined } };
  }
  const result = computeActionStatus(
    {
      due,
      completed: recommendation.completed,
      declared,
      stepNoun: "action",
      // An overdue action puts its recommendation at risk, as an overdue milestone does an action.
      milestones: recommendation.actions.flatMap((action, index) => {
        const status = actions[index]?.status;
        return action.byWhen && status
          ? [{ title: shortTitle(action.action), status, due: action.byWhen }]
          : [];
      }),
    },
    periodEnd,
    options,
  );
  return { due, actions, result };
}

/** A rejected recommendation will not be done; one whose every action is complete is done. */
function closedResult(
  recommendation: Recommendation,
  actions: readonly ActionStatusResult[],
): Pick<ActionStatusResult, "status" | "reason"> | undefined {
  if (recommendation.executiveResponse?.decision === "rejected") {
    return { status: "cancelled", reason: "Cancelled: the executive rejected the recommendation." };
  }
  // Cancelled actions will not be done, so they neither hold a recommendation open nor date it.
  const live = actions.filter((action) => action.status !== "cancelled");
  if (
    recommendation.completed === undefined &&
    live.length > 0 &&
    live.every((action) => action.status === "complete")
  ) {
    const count = live.length === 1 ? "its action is" : `all ${live.length} of its actions are`;
    const cancelled = actions.length - live.length;
    const note =
      cancelled === 0 ? "" : ` (${cancelled === 1 ? "one more was" : `${cancelled} more were`} cancelled)`;
    return { status: "complete", reason: `Complete: ${count} complete${note}.` };
  }
  return undefined;
}

function dueFromActions(
  recommendation: Recommendation,
  actions: readonly ActionStatusResult[],
): FuzzyDate | undefined {
  const live = recommendation.actions.filter((_, index) => actions[index]?.status !== "cancelled");
  const unfinished = recommendation.actions.filter(
    (_, index) => actions[index]?.status !== "complete" && actions[index]?.status !== "cancelled",
  );
  const undated = unfinished.find((action) => action.byWhen?.date === undefined);
  if (undated) return undated.byWhen;
  return latestFixed(live.map((action) => action.byWhen));
}

function latestFixed(dates: readonly (FuzzyDate | undefined)[]): FuzzyDate | undefined {
  let latest: FuzzyDate | undefined;
  for (const date of dates) {
    if (date?.date === undefined) continue;
    if (latest?.date === undefined || isAfter(parseISO(date.date), parseISO(latest.date))) latest = date;
  }
  return latest;
}

/** The first words of an action, to name it in a reason. */
function shortTitle(markdown: string): string {
  const plain = markdown
    .replace(/<[^>]*>/g, " ")
    .replace(/[*_#>`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= 60) return plain;
  const cut = plain.slice(0, 58);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[,;:.]$/, "")}…`;
}
