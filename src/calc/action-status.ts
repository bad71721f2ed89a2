// Where a delivery-plan action stands at the end of a reporting period.
import { format, isAfter, parseISO } from "date-fns";
import type { Action } from "../schema/action-schema.ts";

export type ActionStatus = "complete" | "overdue" | "onTrack" | "atRisk" | "notStarted" | "deferred";

export interface ActionStatusResult {
  status: ActionStatus;
  reason: string;
}

export function computeActionStatus(action: Action, periodEnd: Date): ActionStatusResult {
  const due = parseISO(action.due);
  // A completion date after the period end means it was not complete at the end of the period,
  // whatever the status or percentage now say.
  const completedLater = action.completed !== undefined && isAfter(parseISO(action.completed), periodEnd);
  if (action.completed !== undefined && !completedLater) {
    return { status: "complete", reason: `Complete: finished on ${longDate(action.completed)}.` };
  }
  if (!completedLater && (action.status === "complete" || action.percentComplete === 100)) {
    return { status: "complete", reason: "Complete: reported as finished." };
  }
  if (action.status === "deferred") {
    return { status: "deferred", reason: "Deferred: reported as deferred by the lead officer." };
  }
  // DESIGN §3: overdue means due before the period end and not done. The period runs to the
  // end of its last day, so an action due on that day and not done by then is overdue too.
  if (!isAfter(due, periodEnd)) {
    return { status: "overdue", reason: `Overdue: due on ${longDate(action.due)} and not complete.` };
  }
  if (action.status === "atRisk") {
    return { status: "atRisk", reason: "At risk: the lead officer reports the due date is at risk." };
  }
  if (action.status === "notStarted" || action.percentComplete === 0) {
    return { status: "notStarted", reason: `Not started: due on ${longDate(action.due)}.` };
  }
  return { status: "onTrack", reason: `On track: due on ${longDate(action.due)}.` };
}

function longDate(isoDate: string): string {
  return format(parseISO(isoDate), "d MMMM yyyy");
}
