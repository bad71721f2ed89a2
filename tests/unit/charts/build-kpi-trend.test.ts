// The figures behind each trend chart: the judged figure, target and rating of each period of the
// year with last year's beside them, or the latest periods in a row for annual and place indicators.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../src/calc/period.ts";
import { buildKpiTrend } from "../../../src/model/build-kpi-trend.ts";
import { kpiSchema } from "../../../src/schema/kpi-schema.ts";
import { ragRulesSchema } from "../../../src/schema/rag-rules-schema.ts";

const rules = ragRulesSchema.parse({});
const q2 = parsePeriod("2023/24 Q2");
if (!q2) throw new Error("2023/24 Q2 is a period");
const trendOf = (kpi: Record<string, unknown>, period = q2) =>
  buildKpiTrend(kpiSchema.parse({ id: "K1", title: "Test", theme: "a", ...kpi }), period, rules);

describe("buildKpiTrend: a quarterly indicator", () => {
  const trend = trendOf({
    unit: "percent",
    decimals: 1,
    polarity: "higherIsBetter",
    target: 45,
    actuals: {
      "2022/23 Q1": 47,
      "2022/23 Q2": 44,
      "2022/23 Q4": 39.5,
      "2023/24 Q1": 46.2,
      "2023/24 Q2": 43.1,
    },
  });

  it("has every quarter of the year, figures and ratings only up to the report's", () => {
    expect(trend).toMatchObject({ layout: "year", span: "2023/24", lastYearSpan: "2022/23", latestIndex: 1 });
    expect(trend.points.map((point) => [point.shortLabel, point.actualText, point.status])).toEqual([
      ["Q1", "46.2%", "green"],
      ["Q2", "43.1%", "amber"],
      ["Q3", undefined, undefined],
      ["Q4", undefined, undefined],
    ]);
  });

  it("keeps the target through the year and last year's figure beside each quarter, written as the tables write them", () => {
    expect(trend.points.map((point) => point.targetText)).toEqual(["45.0%", "45.0%", "45.0%", "45.0%"]);
    expect(trend.points.map((point) => point.lastYearText)).toEqual(["47.0%", "44.0%", undefined, "39.5%"]);
    expect(trend.points[0]?.label).toBe("2023/24 Q1");
    expect(trend).toMatchObject({ actualName: "Actual", targetName: "Target" });
  });
});

describe("buildKpiTrend: year-to-date indicators", () => {
  it("plots a cumulative indicator's total so far against the year-to-date target", () => {
    const trend = trendOf({
      polarity: "higherIsBetter",
      aggregation: "cumulative",
      target: 240,
      actuals: { "2022/23 Q1": 47, "2022/23 Q2": 52, "2023/24 Q1": 38, "2023/24 Q2": 41 },
    });
    expect(trend).toMatchObject({ actualName: "So far this year", targetName: "Year-to-date target" });
    expect(trend.points.map((point) => [point.actual, point.target, point.lastYear])).toEqual([
      [38, 60, 47],
      [79, 120, 99],
      [undefined, 180, undefined],
      [undefined, 240, undefined],
    ]);
  });

  it("writes a monthly average with the extra decimals the KPI table shows", () => {
    const trend = trendOf({
      unit: "percent",
      decimals: 1,
      polarity: "higherIsBetter",
      frequency: "monthly",
      aggregation: "average",
      target: 80,
      actuals: { "2023-04": 79.5, "2023-05": 78.4, "2023-06": 78.8 },
    });
    expect(trend.actualName).toBe("Average this year");
    expect(trend.points).toHaveLength(12);
    expect(trend.points.slice(0, 4).map((point) => [point.shortLabel, point.actualText])).toEqual([
      ["Apr", "79.5%"],
      ["May", "78.95%"],
      ["Jun", "78.9%"],
      ["Jul", undefined],
    ]);
    // The report period ends in September, and those figures are awaited.
    expect(trend.points[5]).toMatchObject({ shortLabel: "Sep", status: "awaited", actual: undefined });
    expect(trend.latestIndex).toBe(2);
  });
});

describe("buildKpiTrend: rolling periods", () => {
  it("shows an annual indicator's years in a row up to the latest reported, from its first figure", () => {
    const trend = trendOf({
      unit: "percent",
      decimals: 1,
      polarity: "higherIsBetter",
      frequency: "annual",
      target: 75,
      actuals: { "2021/22": 73, "2022/23": 71 },
    });
    expect(trend).toMatchObject({ layout: "rolling", span: "2021/22 to 2022/23", lastYearSpan: undefined });
    expect(trend.points.map((point) => [point.shortLabel, point.actualText, point.status])).toEqual([
      ["2021/22", "73.0%", "amber"],
      ["2022/23", "71.0%", "red"],
    ]);
    expect(trend.points.every((point) => point.lastYear === undefined)).toBe(true);
  });

  it("shows a contextual indicator's half years without a target or rating", () => {
    const trend = trendOf({
      kind: "contextual",
      unit: "percent",
      decimals: 1,
      polarity: "lowerIsBetter",
      frequency: "sixMonthly",
      actuals: { "2022/23 H1": 3.1, "2022/23 H2": 3.0, "2023/24 H1": 2.9 },
    });
    expect(trend.targetName).toBeUndefined();
    expect(trend.points.map((point) => [point.shortLabel, point.actualText, point.target])).toEqual([
      ["2022/23 H1", "3.1%", undefined],
      ["2022/23 H2", "3.0%", undefined],
      ["2023/24 H1", "2.9%", undefined],
    ]);
    expect(trend.points.map((point) => point.status)).toEqual(["dataOnly", "dataOnly", "dataOnly"]);
  });

  it("keeps two periods on the axis when there is only one figure", () => {
    const trend = trendOf({ frequency: "annual", actuals: { "2022/23": 4 } });
    expect(trend.points.map((point) => point.shortLabel)).toEqual(["2021/22", "2022/23"]);
    expect(trend.latestIndex).toBe(1);
  });
});
