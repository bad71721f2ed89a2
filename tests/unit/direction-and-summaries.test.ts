import { describe, expect, it } from "vitest";
import { compareWithBenchmark, findQuartile } from "../../src/calc/compare-with-benchmark.ts";
import { compareWithEarlier, computeDirectionOfTravel } from "../../src/calc/direction-of-travel.ts";
import { findKpiExceptions } from "../../src/calc/find-kpi-exceptions.ts";
import {
  countKpiStatuses,
  countUnrated,
  shareOfRated,
  summariseKpiStatuses,
} from "../../src/calc/summarise-kpi-statuses.ts";

describe("direction of travel with a no-change band", () => {
  it.each([
    { polarity: "higherIsBetter", current: 46, earlier: 44, within: 0, direction: "improved" },
    { polarity: "lowerIsBetter", current: 46, earlier: 44, within: 0, direction: "worsened" },
    { polarity: undefined, current: 46, earlier: 44, within: 0, direction: "increased" },
    { polarity: "dataOnly", current: 42, earlier: 44, within: 0, direction: "decreased" },
    { polarity: "higherIsBetter", current: 44.5, earlier: 44, within: 0.5, direction: "noChange" },
    { polarity: "higherIsBetter", current: 44.51, earlier: 44, within: 0.5, direction: "improved" },
    { polarity: "lowerIsBetter", current: 43.5, earlier: 44, within: 0.5, direction: "noChange" },
    { polarity: "higherIsBetter", current: 0.3, earlier: 0.2, within: 0.1, direction: "noChange" },
    { polarity: "higherIsBetter", current: 45, earlier: undefined, within: 0, direction: "notComparable" },
  ] as const)(
    "$polarity: $earlier → $current, no change within $within: $direction",
    ({ polarity, current, earlier, within, direction }) => {
      expect(compareWithEarlier(polarity, current, earlier, { measure: "absolute", within })).toBe(direction);
    },
  );

  it.each([
    { current: 101, earlier: 100, within: 1, direction: "noChange" },
    { current: 101.01, earlier: 100, within: 1, direction: "improved" },
    { current: 98.5, earlier: -100, within: 1, direction: "improved" },
    // A percentage of 0 is 0: from 0, any change counts.
    { current: 0.001, earlier: 0, within: 50, direction: "improved" },
  ] as const)(
    "relative band of $within%: $earlier → $current is $direction",
    ({ current, earlier, within, direction }) => {
      expect(compareWithEarlier("higherIsBetter", current, earlier, { measure: "relative", within })).toBe(
        direction,
      );
    },
  );

  it("describes the change with the earlier figure, and says when a small change is counted as none", () => {
    const show = (value: number) => `${value.toFixed(1)}%`;
    const band = { measure: "absolute", within: 0.5 } as const;
    expect(computeDirectionOfTravel("higherIsBetter", 43.1, 46.2, "2023/24 Q1", show).description).toBe(
      "Worse than 2023/24 Q1 (46.2%)",
    );
    expect(computeDirectionOfTravel("higherIsBetter", 46.2, 46.2, "2023/24 Q1", show, band).description).toBe(
      "No change since 2023/24 Q1 (46.2%)",
    );
    expect(computeDirectionOfTravel("higherIsBetter", 46.4, 46.2, "2023/24 Q1", show, band).description).toBe(
      "Little change since 2023/24 Q1 (46.2%)",
    );
    expect(computeDirectionOfTravel("lowerIsBetter", 3, undefined, "2022/23 Q2", show).description).toBe(
      "No comparison with 2022/23 Q2",
    );
  });
});

describe("summaries", () => {
  it("counts not due with the indicators that are not rated", () => {
    const counts = countKpiStatuses(["green", "amber", "red", "notDue", "noTarget", "notAvailable"]);
    expect(countUnrated(counts)).toBe(3);
    expect(summariseKpiStatuses(counts)).toBe(
      "1 of 3 rated indicators (33%) met target; 1 (33%) was within tolerance and 1 (33%) missed it. 3 more are not rated: 1 not due this period, 1 not available, 1 without a target.",
    );
  });

  it("gives each rated share rounded half up on its own", () => {
    expect(
      shareOfRated(countKpiStatuses(["green", "green", "green", "green", "green", "amber", "amber", "red"])),
    ).toEqual({ rated: 8, green: 63, amber: 25, red: 13 });
    expect(shareOfRated(countKpiStatuses(["dataOnly"]))).toEqual({ rated: 0, green: 0, amber: 0, red: 0 });
    expect(summariseKpiStatuses(countKpiStatuses(["notDue", "dataOnly"]))).toBe(
      "No indicators could be rated against a target this period. 2 are not rated: 1 data only, 1 not due this period.",
    );
  });
});

describe("exception lists", () => {
  const row = (id: string, status: string, previousStatus: string | undefined, changeSincePrevious: string) =>
    ({ id, status, previousStatus, changeSincePrevious }) as Parameters<
      typeof findKpiExceptions
    >[0][number] & {
      id: string;
    };
  it("finds red, red two periods running, and red or amber getting worse, in the rows' order", () => {
    const rows = [
      row("A", "red", "red", "improved"),
      row("B", "red", "amber", "worsened"),
      row("C", "amber", "amber", "worsened"),
      row("D", "amber", "red", "noChange"),
      row("E", "green", "red", "worsened"),
      row("F", "red", "awaited", "notComparable"),
      row("G", "awaited", "red", "notComparable"),
    ];
    const lists = findKpiExceptions(rows);
    const ids = (list: typeof rows) => list.map((entry) => entry.id);
    expect(ids(lists.red)).toEqual(["A", "B", "F"]);
    expect(ids(lists.redTwoPeriodsRunning)).toEqual(["A"]);
    expect(ids(lists.redOrAmberAndWorsening)).toEqual(["B", "C"]);
  });
});

describe("benchmarks", () => {
  const quartiles = { lower: 40.1, median: 44.2, upper: 47.9 };
  it.each([
    { actual: 48, polarity: "higherIsBetter", quartile: "top" },
    { actual: 47.9, polarity: "higherIsBetter", quartile: "top" },
    { actual: 44.2, polarity: "higherIsBetter", quartile: "second" },
    { actual: 43.1, polarity: "higherIsBetter", quartile: "third" },
    { actual: 40, polarity: "higherIsBetter", quartile: "bottom" },
    { actual: 40, polarity: "lowerIsBetter", quartile: "top" },
    { actual: 44.2, polarity: "lowerIsBetter", quartile: "second" },
    { actual: 47.9, polarity: "lowerIsBetter", quartile: "third" },
    { actual: 48, polarity: "lowerIsBetter", quartile: "bottom" },
  ] as const)("$actual ($polarity) is in the $quartile quartile", ({ actual, polarity, quartile }) => {
    expect(findQuartile(actual, quartiles, polarity)).toBe(quartile);
  });

  it("describes a benchmark and where the figure stands", () => {
    const format = { unit: "percent", decimals: 1 } as const;
    const neighbours = {
      group: "CIPFA nearest neighbours",
      period: "2022/23",
      source: "LG Inform",
      lowerQuartile: 40.1,
      median: 44.2,
      upperQuartile: 47.9,
    };
    expect(compareWithBenchmark(neighbours, 43.1, "higherIsBetter", format)).toEqual({
      description:
        "CIPFA nearest neighbours, 2022/23 (LG Inform): lower quartile 40.1%, median 44.2%, upper quartile 47.9%.",
      quartile: "third",
      comparison: "43.1% would be in the third quartile.",
    });
    const england = { group: "England", period: "2023/24 H1", value: 3.7 };
    expect(compareWithBenchmark(england, 2.9, "lowerIsBetter", format).comparison).toBe(
      "2.9% is better than the England figure of 3.7%.",
    );
    expect(compareWithBenchmark(england, 2.9, undefined, format).comparison).toBe(
      "2.9% is below the England figure of 3.7%.",
    );
    expect(compareWithBenchmark(england, undefined, "lowerIsBetter", format)).toEqual({
      description: "England, 2023/24 H1: 3.7%.",
      quartile: undefined,
      comparison: undefined,
    });
  });
});
