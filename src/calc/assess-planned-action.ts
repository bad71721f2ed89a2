// A delivery-plan action and its milestones at the end of a period: dates placed in the plan's
// run, each milestone's status, then the action's own.

import type { DeliveryPlan, Milestone, PlannedAction } from "../schema/delivery-plan-schema.ts";
import { type ActionStatusResult, computeActionStatus } from "./action-status.ts";
import { isAfter, parseISO } from "./date-fns.ts";
import { type FuzzyDate, resolveFuzzyDate } from "./parse-fuzzy-date.ts";

export interface AssessedMilestone {
  milestone: Milestone;
  due: FuzzyDate | undefined;
  completed: FuzzyDate | undefined;
  result: ActionStatusResult;
}

export interface AssessedAction {
  action: PlannedAction;
  start: FuzzyDate | undefined;
  /** The action's own due date, or its last milestone's when it has none. */
  due: FuzzyDate | undefined;
  completed: FuzzyDate | undefined;
  milestones: AssessedMilestone[];
  result: ActionStatusResult;
}

export function assessPlannedAction(
  action: PlannedAction,
  plan: Pick<DeliveryPlan, "runs" | "atRiskMargin">,
  periodEnd: Date,
): AssessedAction {
  const place = (date: FuzzyDate | undefined) => (date ? resolveFuzzyDate(date, plan.runs) : undefined);
  const options = { atRiskMargin: plan.atRiskMargin };
  const milestones = action.milestones.map((milestone) => {
    const due = place(milestone.due);
    const completed = place(milestone.completed);
    const result = computeActionStatus({ due, completed, declared: milestone.status }, periodEnd, options);
    return { milestone, due, completed, result };
  });
  const start = place(action.start);
  const due = place(action.due) ?? lastMilestoneDue(milestones);
  const completed = place(action.completed);
  const result = computeActionStatus(
    {
      due,
      start,
      completed,
      percentComplete: action.percentComplete,
      declared: action.status,
      milestones: milestones.map((item) => ({
        title: item.milestone.title,
        status: item.result.status,
        due: item.due,
      })),
    },
    periodEnd,
    options,
  );
  return { action, start, due, completed, milestones, result };
}

function lastMilestoneDue(milestones: readonly AssessedMilestone[]): FuzzyDate | undefined {
  let latest: FuzzyDate | undefined;
  for (const { due } of milestones) {
    if (
      due?.date !== undefined &&
      (latest?.date === undefined || isAfter(parseISO(due.date), parseISO(latest.date)))
    ) {
      latest = due;
    }
  }
  return latest;
}
