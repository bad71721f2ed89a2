import { describe, expect, it } from "vitest";
import { computeDirectionOfTravel } from "../../src/calc/direction-of-travel.ts";
import { countKpiStatuses, percentOf, summariseKpiStatuses } from "../../src/calc/summarise-kpi-statuses.ts";

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
