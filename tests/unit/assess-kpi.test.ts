import { describe, expect, it } from "vitest";
import { assessKpi } from "../../src/calc/assess-kpi.ts";
import { type Period, parsePeriod } from "../../src/calc/period.ts";
import { type Kpi, kpiSchema } from "../../src/schema/kpi-schema.ts";
import { defaultRagRules } from "../../src/schema/rag-rules-schema.ts";

const q2 = parsePeriod("2023/24 Q2") as Period;
const kpi = (fields: Record<string, unknown>): Kpi =>
  kpiSchema.parse({ id: "K1", title: "An indicator", theme: "t", polarity: "higherIsBetter", ...fields });
const assess = (fields: Record<string, unknown>, period: Period = q2) =>
  assessKpi(kpi(fields), period, defaultRagRules);

describe("assessKpi: which figure and target are judged", () => {
  it.each([
    {
      name: "latest: the period's own figure against the annual target",
      fields: { target: 45, actuals: { "2023/24 Q1": 30, "2023/24 Q2": 46 } },
      yearToDate: 46,
      target: 45,
      status: "green",
    },
    {
      name: "cumulative: the sum so far against the annual target spread evenly",
      fields: { aggregation: "cumulative", target: 240, actuals: { "2023/24 Q1": 38, "2023/24 Q2": 41 } },
      yearToDate: 79,
      target: 120,
      status: "red",
    },
    {
      name: "cumulative with profiled targets: the sum of the targets so far",
      fields: {
        aggregation: "cumulative",
        target: 240,
        targets: { "2023/24 Q1": 30, "2023/24 Q2": 50 },
        actuals: { "2023/24 Q1": 38, "2023/24 Q2": 41 },
      },
      yearToDate: 79,
      target: 80,
      status: "amber",
    },
    {
      name: "average: the mean so far against the annual target",
      fields: { aggregation: "average", target: 80, actuals: { "2023/24 Q1": 78, "2023/24 Q2": 84 } },
      yearToDate: 81,
      target: 80,
      status: "green",
    },
    {
      name: "average of monthly figures in a quarterly report",
      fields: {
        frequency: "monthly",
        aggregation: "average",
        target: 80,
        actuals: {
          "2023-04": 79.5,
          "2023-05": 78.4,
          "2023-06": 78.8,
          "2023-07": 74.9,
          "2023-08": 68.2,
          "2023-09": 71.4,
        },
      },
      yearToDate: 75.2,
      target: 80,
      status: "red",
    },
    {
      name: "profiled target for a snapshot (council tax collected so far)",
      fields: {
        targets: { "2023/24 Q1": 29, "2023/24 Q2": 57 },
        target: 97,
        actuals: { "2023/24 Q2": 56.6 },
      },
      yearToDate: 56.6,
      target: 57,
      status: "amber",
    },
    {
      name: "a target for the financial year comes before the standing target",
      fields: { target: 45, targets: { "2023/24": 50 }, actuals: { "2023/24 Q2": 47 } },
      yearToDate: 47,
      target: 50,
      status: "red",
    },
    {
      name: "six-monthly indicator in Q2 is judged on H1",
      fields: { frequency: "sixMonthly", target: 10, actuals: { "2023/24 H1": 10.2 } },
      yearToDate: 10.2,
      target: 10,
      status: "green",
    },
  ])("$name", ({ fields, yearToDate, target, status }) => {
    const result = assess(fields);
    expect(result.yearToDate).toBeCloseTo(yearToDate, 9);
    expect(result.target).toBeCloseTo(target, 9);
    expect(result.status).toBe(status);
  });

  it("explains a year-to-date result with its year-to-date figures", () => {
    expect(
      assess({ aggregation: "cumulative", target: 240, actuals: { "2023/24 Q1": 38, "2023/24 Q2": 41 } })
        .reason,
    ).toBe(
      "Red: 79 so far this year is 41 below the 120 year-to-date target, beyond the 5% tolerance (114).",
    );
    expect(
      assess({ aggregation: "average", target: 80, actuals: { "2023/24 Q1": 78, "2023/24 Q2": 84 } }).reason,
    ).toBe("Green: 81 on average this year is 1 above the 80 target.");
  });
});

describe("assessKpi: statuses from the data", () => {
  it.each([
    {
      name: "an annual indicator is not due in Q2",
      fields: { frequency: "annual", target: 75, actuals: { "2022/23": 71 } },
      status: "notDue",
      reason: "Not due: this annual indicator is next reported for 2023/24.",
    },
    {
      name: "a six-monthly indicator is not due in Q1",
      fields: { frequency: "sixMonthly", target: 75 },
      period: "2023/24 Q1",
      status: "notDue",
      reason: "Not due: this six-monthly indicator is next reported for 2023/24 H1.",
    },
    {
      name: "the period's figure is awaited",
      fields: { target: 45, actuals: { "2023/24 Q1": 44 } },
      status: "awaited",
      reason: "Awaited: the 2023/24 Q2 figure has not been received yet.",
    },
    {
      name: "a cumulative total needs every period so far",
      fields: { aggregation: "cumulative", target: 240, actuals: { "2023/24 Q2": 41 } },
      status: "awaited",
      reason:
        "Awaited: the year-to-date figure needs the 2023/24 Q1 figure, which has not been received yet.",
    },
    {
      name: "an earlier period that is not available",
      fields: {
        aggregation: "average",
        target: 80,
        actuals: { "2023/24 Q2": 41 },
        dataStatus: { "2023/24 Q1": "notAvailable" },
      },
      status: "notAvailable",
      reason:
        "Not available: the year-to-date figure cannot be worked out without a 2023/24 Q1 figure, which is not available.",
    },
    {
      name: "no polarity is data only, whatever the figures",
      fields: { polarity: undefined, actuals: { "2023/24 Q2": 5 } },
      status: "dataOnly",
      reason: "Data only: this indicator is reported for context and has no RAG rating.",
    },
    {
      name: "a contextual indicator is never rated",
      fields: { kind: "contextual", polarity: "lowerIsBetter", actuals: { "2023/24 Q2": 5 } },
      status: "dataOnly",
      reason: "Data only: this indicator is reported for context and has no RAG rating.",
    },
    {
      name: "profiled targets that miss this period",
      fields: { targets: { "2023/24 Q1": 29 }, actuals: { "2023/24 Q2": 56.6 } },
      status: "noTarget",
      reason: "No target: 57 cannot be rated because no target is set.",
    },
  ])("$name", ({ fields, status, reason, ...rest }) => {
    const period = "period" in rest ? (parsePeriod(rest.period as string) as Period) : q2;
    const result = assess(fields, period);
    expect(result.status).toBe(status);
    expect(result.reason).toBe(reason);
  });

  it("shows an indicator that is not due with its latest figure", () => {
    const result = assess({ frequency: "annual", target: 75, actuals: { "2022/23": 71 } });
    expect(result.period).toBeUndefined();
    expect(result.previous).toEqual({ key: "2022/23", label: "2022/23", value: 71 });
  });
});

describe("assessKpi: the periods around it", () => {
  it("judges the previous period by the same rules, for 'red two periods running'", () => {
    const result = assess({
      aggregation: "cumulative",
      target: 240,
      actuals: { "2023/24 Q1": 38, "2023/24 Q2": 41 },
    });
    expect(result.previousStatus).toBe("red");
    expect(assess({ target: 45, actuals: { "2023/24 Q1": 46, "2023/24 Q2": 40 } }).previousStatus).toBe(
      "green",
    );
  });

  it("compares each period's own figure with the previous one and with last year", () => {
    const result = assess({
      aggregation: "cumulative",
      target: 240,
      actuals: { "2022/23 Q2": 52, "2023/24 Q1": 38, "2023/24 Q2": 41 },
    });
    expect(result.direction).toEqual({
      direction: "improved",
      description: "Improved since 2023/24 Q1 (38)",
    });
    expect(result.directionLastYear).toEqual({
      direction: "worsened",
      description: "Worse than 2022/23 Q2 (52)",
    });
  });

  it("uses the months around a monthly indicator", () => {
    const result = assess({
      frequency: "monthly",
      unit: "percent",
      decimals: 1,
      target: 80,
      actuals: { "2022-09": 76, "2023-08": 68.2, "2023-09": 71.4 },
    });
    expect(result.period).toEqual({ key: "2023-09", label: "September 2023", value: 71.4 });
    expect(result.direction.description).toBe("Improved since August 2023 (68.2%)");
    expect(result.directionLastYear.description).toBe("Worse than September 2022 (76.0%)");
  });

  it("lifts a Red that beat the same point last year to Amber when the rule is on", () => {
    const result = assessKpi(
      kpi({
        aggregation: "cumulative",
        target: 240,
        actuals: { "2022/23 Q1": 30, "2022/23 Q2": 40, "2023/24 Q1": 38, "2023/24 Q2": 41 },
      }),
      q2,
      { ...defaultRagRules, amberIfImprovedOnLastYear: true },
    );
    expect(result.status).toBe("amber");
    expect(result.reason).toBe(
      "Amber: 79 so far this year is 41 below the 120 year-to-date target, beyond the 5% tolerance (114), but better than the same point last year (70), so it is rated Amber rather than Red.",
    );
  });
});

describe("assessKpi: the minimum expectation", () => {
  it("is the minimum given, even when the period's target is profiled (regression: the profiled target was used)", () => {
    const result = assess({ targets: { "2023/24 Q2": 50 }, minimum: 40, actuals: { "2023/24 Q2": 45 } });
    expect(result.status).toBe("amber");
    expect(result.target).toBe(50);
  });

  it("makes a result that misses it Red, whatever the tolerance", () => {
    const result = assess({ target: 50, minimum: 49, actuals: { "2023/24 Q2": 48 } });
    expect(result.status).toBe("red");
    expect(result.reason).toContain("minimum expectation of 49");
  });
});
