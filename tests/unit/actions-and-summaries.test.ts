import { describe, expect, it } from "vitest";
import { computeActionStatus } from "../../src/calc/action-status.ts";
import { computeDirectionOfTravel } from "../../src/calc/direction-of-travel.ts";
import { countKpiStatuses, percentOf, summariseKpiStatuses } from "../../src/calc/summarise-kpi-statuses.ts";
import type { Action } from "../../src/schema/action-schema.ts";

const periodEnd = new Date(2023, 8, 30, 23, 59, 59, 999);
const action: Action = { id: "A1", title: "Do it", theme: "t", leadOfficer: "L", due: "2023-12-31" };

describe("computeActionStatus at the end of 2023/24 Q2", () => {
  it.each([
    {
      name: "completed before period end",
      change: { completed: "2023-09-12", due: "2023-09-30" },
      status: "complete",
    },
    {
      name: "completed after period end is not yet complete",
      change: { completed: "2023-10-02", due: "2023-09-15" },
      status: "overdue",
    },
    { name: "due on the period's last day, not done", change: { due: "2023-09-30" }, status: "overdue" },
    { name: "due the day after the period", change: { due: "2023-10-01" }, status: "onTrack" },
    {
      name: "due before period end, not done",
      change: { due: "2023-09-29", percentComplete: 80 },
      status: "overdue",
    },
    {
      name: "finished after the period end, now 100%",
      change: { completed: "2023-10-20", due: "2023-09-30", percentComplete: 100, status: "complete" },
      status: "overdue",
    },
    { name: "declared complete without a date", change: { status: "complete" }, status: "complete" },
    { name: "declared at risk", change: { status: "atRisk" }, status: "atRisk" },
    { name: "declared deferred", change: { status: "deferred", due: "2023-08-01" }, status: "deferred" },
    { name: "nothing done yet", change: { percentComplete: 0 }, status: "notStarted" },
    { name: "in progress", change: { percentComplete: 40 }, status: "onTrack" },
  ] as const)("$name → $status", ({ change, status }) => {
    expect(computeActionStatus({ ...action, ...change }, periodEnd).status).toBe(status);
  });

  it("gives its reason with the date in words", () => {
    expect(computeActionStatus({ ...action, due: "2023-08-31" }, periodEnd).reason).toBe(
      "Overdue: due on 31 August 2023 and not complete.",
    );
  });
});

describe("direction of travel", () => {
  const show = (value: number) => String(value);
  it.each([
    { polarity: "higherIsBetter", current: 46, earlier: 44, direction: "improved" },
    { polarity: "higherIsBetter", current: 43, earlier: 46, direction: "worsened" },
    { polarity: "lowerIsBetter", current: 38, earlier: 45, direction: "improved" },
    { polarity: "lowerIsBetter", current: 52, earlier: 45, direction: "worsened" },
    { polarity: "higherIsBetter", current: 45, earlier: 45, direction: "noChange" },
    { polarity: "dataOnly", current: 31, earlier: 34, direction: "decreased" },
    { polarity: "higherIsBetter", current: 45, earlier: undefined, direction: "notComparable" },
  ] as const)("$polarity $earlier → $current is $direction", ({ polarity, current, earlier, direction }) => {
    expect(computeDirectionOfTravel(polarity, current, earlier, "2023/24 Q1", show).direction).toBe(
      direction,
    );
  });
});

describe("summaries", () => {
  it("rounds each share half up and names what was not rated", () => {
    // The same fraction always reads the same, even if the shares then add up to 101.
    expect([1, 1, 6].map((part) => percentOf(part, 8))).toEqual([13, 13, 75]);
    expect([2, 2, 2].map((part) => percentOf(part, 6))).toEqual([33, 33, 33]);
    expect(percentOf(5, 8)).toBe(63);
    expect(percentOf(0, 0)).toBe(0);
    const counts = countKpiStatuses(["green", "green", "amber", "red", "dataOnly", "awaited"]);
    expect(summariseKpiStatuses(counts)).toBe(
      "2 of 4 rated indicators (50%) met target; 1 (25%) was within tolerance and 1 (25%) missed it. 2 more are not rated: 1 data only, 1 awaited.",
    );
  });
});
