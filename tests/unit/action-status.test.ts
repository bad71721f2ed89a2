import { describe, expect, it } from "vitest";
import { computeActionStatus, expectedProgress, type TrackedItem } from "../../src/calc/action-status.ts";
import { assessPlannedAction } from "../../src/calc/assess-planned-action.ts";
import { parseFuzzyDate } from "../../src/calc/parse-fuzzy-date.ts";
import { summariseActionStatuses } from "../../src/calc/summarise-action-statuses.ts";
import { plannedActionSchema } from "../../src/schema/delivery-plan-schema.ts";

// The end of 2023/24 Q2, as periodDates gives it: the last moment of 30 September 2023.
const periodEnd = new Date(2023, 8, 30, 23, 59, 59, 999);
const date = (text: string) => parseFuzzyDate(text);

interface Case {
  name: string;
  item: Partial<Omit<TrackedItem, "due" | "start" | "completed">> & {
    due?: string;
    start?: string;
    completed?: string;
  };
  status: string;
  reason: string;
  disagreement?: string;
}

const toItem = ({ due, start, completed, ...rest }: Case["item"]): TrackedItem => ({
  due: date(due ?? "2023-12-31"),
  ...(start ? { start: date(start) } : {}),
  ...(completed ? { completed: date(completed) } : {}),
  ...rest,
});

describe("computeActionStatus at the end of 2023/24 Q2", () => {
  it.each<Case>([
    {
      name: "completed before the period end",
      item: { completed: "2023-09-12", due: "2023-09-30" },
      status: "complete",
      reason: "Complete: finished on 12 September 2023.",
    },
    {
      name: "completed after the period end is not yet complete",
      item: { completed: "2023-10-02", due: "2023-09-15" },
      status: "overdue",
      reason:
        "Overdue: due on 15 September 2023 and not complete by the period end; finished later, on 2 October 2023.",
    },
    {
      name: "declared complete, finished after the period end",
      item: { completed: "2023-10-20", due: "2023-09-30", percentComplete: 100, declared: "complete" },
      status: "overdue",
      reason:
        "Overdue: due on 30 September 2023 and not complete by the period end; finished later, on 20 October 2023.",
      disagreement: "Reported as complete, but the dates and progress show it overdue.",
    },
    {
      name: "completed with no date given",
      item: { completed: "done" },
      status: "complete",
      reason: 'Complete: reported done ("done").',
    },
    {
      name: "due on the period's last day, not done",
      item: { due: "2023-09-30" },
      status: "overdue",
      reason: "Overdue: due on 30 September 2023 and not complete by the period end.",
    },
    {
      name: "due in a month that ended with the period",
      item: { due: "Sept 2023", declared: "onTrack" },
      status: "overdue",
      reason: 'Overdue: due by 30 September 2023 ("Sept 2023") and not complete by the period end.',
      disagreement: "Reported as on track, but the dates and progress show it overdue.",
    },
    {
      name: "due the day after the period",
      item: { due: "2023-10-01" },
      status: "onTrack",
      reason: "On track: due on 1 October 2023.",
    },
    {
      name: "due in a month not yet over (early October is still October)",
      item: { due: "early October 2023" },
      status: "onTrack",
      reason: 'On track: due by 31 October 2023 ("early October 2023").',
    },
    {
      name: "declared complete without a date",
      item: { declared: "complete" },
      status: "complete",
      reason: "Complete: reported as finished.",
    },
    {
      name: "100% without a date",
      item: { percentComplete: 100 },
      status: "complete",
      reason: "Complete: reported as finished.",
    },
    {
      name: "declared at risk, no figures",
      item: { declared: "atRisk" },
      status: "atRisk",
      reason: "At risk: reported as at risk.",
    },
    {
      name: "declared deferred, even when past due",
      item: { declared: "deferred", due: "2023-08-01" },
      status: "deferred",
      reason: "Deferred: reported as deferred.",
    },
    {
      name: "declared cancelled",
      item: { declared: "cancelled", due: "2023-08-01", percentComplete: 30 },
      status: "cancelled",
      reason: "Cancelled: reported as cancelled.",
    },
    {
      name: "nothing done yet",
      item: { percentComplete: 0 },
      status: "notStarted",
      reason: "Not started: due on 31 December 2023.",
    },
    {
      name: "starting after the period",
      item: { start: "Jan 2024", due: "2024-03-31", declared: "onTrack" },
      status: "notStarted",
      reason: "Not started: due to start on 1 January 2024.",
      disagreement: "Reported as on track, but the dates and progress show it not started.",
    },
    {
      name: "behind expected progress by more than the margin",
      item: { start: "2023-06-01", due: "2024-02-29", percentComplete: 15, declared: "onTrack" },
      status: "atRisk",
      reason: "At risk: 15% complete against 45% expected by 30 September 2023, more than 10 points behind.",
      disagreement: "Reported as on track, but the dates and progress show it at risk.",
    },
    {
      name: "exactly the margin behind is still on track",
      item: { start: "2023-04-01", due: "2024-03-31", percentComplete: 40 },
      status: "onTrack",
      reason: "On track: 40% complete against 50% expected by 30 September 2023.",
    },
    {
      name: "on track by the figures but reported at risk",
      item: { start: "2023-04-01", due: "2024-01-31", percentComplete: 55, declared: "atRisk" },
      status: "atRisk",
      reason: "At risk: reported as at risk.",
    },
    {
      name: "a milestone overdue",
      item: {
        milestones: [{ title: "Evidence review", status: "overdue", due: date("Sept 2023") }],
        declared: "onTrack",
      },
      status: "atRisk",
      reason: 'At risk: the milestone "Evidence review" is overdue (due by 30 September 2023 ("Sept 2023")).',
      disagreement: "Reported as on track, but the dates and progress show it at risk.",
    },
    {
      name: "no fixed date is never overdue",
      item: { due: "ongoing" },
      status: "onTrack",
      reason: 'On track: no fixed date ("ongoing").',
    },
    {
      name: "to be confirmed, reported not started",
      item: { due: "TBC", declared: "notStarted" },
      status: "notStarted",
      reason: 'Not started: no fixed date ("TBC").',
    },
  ])("$name → $status", ({ item, status, reason, disagreement }) => {
    const result = computeActionStatus(toItem(item), periodEnd);
    expect(result).toMatchObject({ status, reason });
    expect(result.disagreement).toBe(disagreement);
  });

  it("takes a wider margin from the plan", () => {
    const item = toItem({ start: "2023-06-01", due: "2024-02-29", percentComplete: 15 });
    expect(computeActionStatus(item, periodEnd, { atRiskMargin: 35 }).status).toBe("onTrack");
  });
});

describe("expectedProgress", () => {
  it.each([
    { start: "2023-04-01", due: "2024-03-31", expected: 50 },
    { start: "2023-10-01", due: "2024-03-31", expected: 0 },
    { start: "2023-01-01", due: "2023-06-30", expected: 100 },
    { start: "April 2023", due: "Sept 2023", expected: 100 },
    { start: "TBC", due: "2024-03-31", expected: undefined },
  ])("from $start to $due: $expected%", ({ start, due, expected }) => {
    expect(expectedProgress({ start: date(start), due: date(due) }, periodEnd)).toBe(expected);
  });
});

describe("assessPlannedAction", () => {
  const plan = { runs: { from: "2020-06-01", to: "2021-03-31" }, atRiskMargin: 10 };
  // Plan 2030's Salt Ayre Solar Farm, at the end of 2020/21 Q3 (31 December 2020).
  const solarFarm = plannedActionSchema.parse({
    id: "G1-3",
    title: "Salt Ayre Solar Farm",
    leadOfficer: "E Grimshaw",
    resource: "In budget",
    milestones: [
      { title: "Undertake work to get to gain planning application", due: "Oct", completed: "done" },
      { title: "Undertake other works eg land transactions", due: "Sept" },
      { title: "Finalise business case", due: "Oct" },
      { title: "Seek final Cabinet approval", due: "Nov" },
      { title: "Commence build", due: "Dec" },
    ],
  });

  it("places months in the plan's run, dates the action by its last milestone and flags an overdue one", () => {
    const result = assessPlannedAction(solarFarm, plan, new Date(2020, 11, 31, 23, 59, 59, 999));
    expect(result.due?.date).toBe("2020-12-31");
    expect(result.milestones.map((milestone) => [milestone.due?.date, milestone.result.status])).toEqual([
      ["2020-10-31", "complete"],
      ["2020-09-30", "overdue"],
      ["2020-10-31", "overdue"],
      ["2020-11-30", "overdue"],
      ["2020-12-31", "overdue"],
    ]);
    expect(result.result.status).toBe("overdue");
  });

  it("is at risk when a milestone is overdue but the action is not yet due", () => {
    const result = assessPlannedAction(solarFarm, plan, new Date(2020, 8, 30, 23, 59, 59, 999));
    expect(result.result.reason).toBe(
      'At risk: the milestone "Undertake other works eg land transactions" is overdue (due by 30 September 2020 ("Sept")).',
    );
  });
});

describe("summariseActionStatuses", () => {
  it("sets completed, deferred and cancelled items apart from the work in progress", () => {
    const summary = summariseActionStatuses([
      "onTrack",
      "onTrack",
      "atRisk",
      "overdue",
      "complete",
      "complete",
      "deferred",
      "cancelled",
    ]);
    expect(summary.inProgress).toBe(4);
    expect(summary.sentence).toBe(
      "Of 4 actions in progress, 2 (50%) on track, 1 (25%) at risk and 1 (25%) overdue. Set apart from these: 2 complete, 1 deferred and 1 cancelled.",
    );
  });

  it("says when nothing is in progress", () => {
    expect(summariseActionStatuses(["complete"], "recommendations").sentence).toBe(
      "No recommendations are in progress. Set apart from these: 1 complete.",
    );
  });
});
