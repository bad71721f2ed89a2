// Where an action, milestone or recommendation stands at the end of a reporting period, worked out
// from its dates and progress, beside the status its lead officer declared.

import type { DeclaredStatus } from "../schema/delivery-plan-schema.ts";
import { differenceInCalendarDays, isAfter, parseISO } from "./date-fns.ts";
import { type FuzzyDate, longDate } from "./parse-fuzzy-date.ts";

export type ActionStatus =
  | "complete"
  | "onTrack"
  | "atRisk"
  | "overdue"
  | "notStarted"
  | "deferred"
  | "cancelled";

/** What the calculation needs to know about anything with a due date. */
export interface TrackedItem {
  due: FuzzyDate | undefined;
  start?: FuzzyDate | undefined;
  completed?: FuzzyDate | undefined;
  percentComplete?: number | undefined;
  declared?: DeclaredStatus | undefined;
  /** Milestones already worked out: an overdue one puts the action at risk. */
  milestones?: readonly { title: string; status: ActionStatus; due: FuzzyDate | undefined }[];
  /** What the milestones are called in reasons: "milestone" (default) or "action" for a recommendation's. */
  stepNoun?: string;
}

export interface ActionStatusOptions {
  /** Percentage points behind expected progress beyond which an item is at risk. */
  atRiskMargin: number;
}

export interface ActionStatusResult {
  status: ActionStatus;
  reason: string;
  declared: DeclaredStatus | undefined;
  /** Set when the declared status differs from the worked-out one. */
  disagreement: string | undefined;
  /** Linear progress expected between start and due at the period end, when both dates and a % are known. */
  expectedPercent: number | undefined;
}

export const actionStatusWords: Readonly<Record<ActionStatus, string>> = {
  complete: "complete",
  onTrack: "on track",
  atRisk: "at risk",
  overdue: "overdue",
  notStarted: "not started",
  deferred: "deferred",
  cancelled: "cancelled",
};

const DEFAULT_OPTIONS: ActionStatusOptions = { atRiskMargin: 10 };

/**
 * The rules, in order (docs/rules.md, "Actions, milestones and recommendations"): cancelled and
 * deferred are decisions only the lead officer can report; complete needs a completion on or before
 * the period end (or a report of 100% / complete without a date); overdue is due on or before the
 * period end and not complete; at risk is behind expected progress by more than the margin, a
 * milestone overdue, or reported at risk; not started is 0% or reported so; otherwise on track.
 */
export function computeActionStatus(
  item: TrackedItem,
  periodEnd: Date,
  options: ActionStatusOptions = DEFAULT_OPTIONS,
): ActionStatusResult {
  const { status, reason, expectedPercent } = decideStatus(item, periodEnd, options);
  const declared = item.declared;
  const disagreement =
    declared !== undefined && declared !== status
      ? `Reported as ${actionStatusWords[declared]}, but the dates and progress show it ${actionStatusWords[status]}.`
      : undefined;
  return { status, reason, declared, disagreement, expectedPercent };
}

function decideStatus(
  item: TrackedItem,
  periodEnd: Date,
  options: ActionStatusOptions,
): { status: ActionStatus; reason: string; expectedPercent?: number } {
  const { due, completed, declared, percentComplete } = item;
  if (declared === "cancelled") return { status: "cancelled", reason: "Cancelled: reported as cancelled." };

  // A completion after the period end means it was not complete at the end of the period,
  // whatever the status or percentage now say.
  const completedLater = completed?.date !== undefined && isAfter(parseISO(completed.date), periodEnd);
  if (completed && !completedLater) {
    const when = completed.date
      ? `finished on ${longDate(parseISO(completed.date))}`
      : `reported done ("${completed.text}")`;
    return { status: "complete", reason: `Complete: ${when}.` };
  }
  if (!completedLater && (declared === "complete" || percentComplete === 100)) {
    return { status: "complete", reason: "Complete: reported as finished." };
  }
  if (declared === "deferred") return { status: "deferred", reason: "Deferred: reported as deferred." };

  // DESIGN §3: overdue means due before the period end and not done. The period runs to the end of
  // its last day, so an item due on that day and not done by then is overdue too.
  if (due?.date !== undefined && !isAfter(parseISO(due.date), periodEnd)) {
    const later =
      completedLater && completed?.date ? `; finished later, on ${longDate(parseISO(completed.date))}` : "";
    return {
      status: "overdue",
      reason: `Overdue: ${describeDue(due)} and not complete by the period end${later}.`,
    };
  }
  if (item.start?.from !== undefined && isAfter(parseISO(item.start.from), periodEnd)) {
    return {
      status: "notStarted",
      reason: `Not started: due to start on ${longDate(parseISO(item.start.from))}.`,
    };
  }

  const expected = expectedProgress(item, periodEnd);
  if (expected !== undefined && percentComplete !== undefined) {
    const behind = expected - percentComplete;
    const progress = `${formatPercent(percentComplete)} complete against ${formatPercent(expected)} expected by ${longDate(periodEnd)}`;
    if (behind > options.atRiskMargin) {
      return {
        status: "atRisk",
        reason: `At risk: ${progress}, more than ${options.atRiskMargin} points behind.`,
        expectedPercent: expected,
      };
    }
    if (declared !== "atRisk" && declared !== "overdue" && !hasOverdueMilestone(item)) {
      return { status: "onTrack", reason: `On track: ${progress}.`, expectedPercent: expected };
    }
  }
  const lateMilestone = item.milestones?.find((milestone) => milestone.status === "overdue");
  if (lateMilestone) {
    return {
      status: "atRisk",
      reason: `At risk: the ${item.stepNoun ?? "milestone"} "${lateMilestone.title}" is overdue${lateMilestone.due ? ` (${describeDue(lateMilestone.due)})` : ""}.`,
      ...(expected === undefined ? {} : { expectedPercent: expected }),
    };
  }
  if (declared === "atRisk" || declared === "overdue") {
    return { status: "atRisk", reason: `At risk: reported as ${actionStatusWords[declared]}.` };
  }
  if (declared === "notStarted" || percentComplete === 0) {
    return { status: "notStarted", reason: `Not started: ${due ? describeDue(due) : "no due date"}.` };
  }
  return { status: "onTrack", reason: `On track: ${due ? describeDue(due) : "no due date"}.` };
}

/** Linear progress from the start of the start date to the end of the due date; undefined without both. */
export function expectedProgress(
  item: Pick<TrackedItem, "start" | "due">,
  periodEnd: Date,
): number | undefined {
  const start = item.start?.from;
  const due = item.due?.date;
  if (start === undefined || due === undefined) return undefined;
  const total = differenceInCalendarDays(parseISO(due), parseISO(start)) + 1;
  const elapsed = differenceInCalendarDays(periodEnd, parseISO(start)) + 1;
  if (total <= 0) return undefined;
  return Math.min(100, Math.max(0, (elapsed / total) * 100));
}

function hasOverdueMilestone(item: TrackedItem): boolean {
  return item.milestones?.some((milestone) => milestone.status === "overdue") ?? false;
}

/** "due on 31 August 2023" for an exact date; "due by 31 March 2024 ("Mar 24")" for one read from text. */
export function describeDue(due: FuzzyDate): string {
  if (!due.date) return `no fixed date ("${due.text}")`;
  const long = longDate(parseISO(due.date));
  return due.text === due.date ? `due on ${long}` : `due by ${long} ("${due.text}")`;
}

function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** "30 September 2023" for an exact date (dates in full, as committee papers write them); the officer's own words otherwise. */
export function formatDueForTable(due: FuzzyDate | undefined): string {
  if (!due) return "–";
  return due.date !== undefined && due.text === due.date ? longDate(parseISO(due.date)) : due.text;
}
