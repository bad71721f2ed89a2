// An indicator's figures over time, for its trend chart: the figure judged in each period with its
// target and status, and last year's figure beside it. Pure.

import { assessKpi } from "../calc/assess-kpi.ts";
import { format } from "../calc/date-fns.ts";
import { formatValue, type ValueFormat } from "../calc/format-value.ts";
import type { KpiStatus } from "../calc/kpi-status.ts";
import {
  financialYearLabel,
  formatPeriod,
  nextPeriodEndingAfter,
  type Period,
  periodDates,
  periodEndingWith,
  periodLabel,
  periodLengthOf,
  previousPeriod,
  samePeriodLastYear,
} from "../calc/period.ts";
import type { Kpi, KpiUnit, Polarity } from "../schema/kpi-schema.ts";
import type { RagRules } from "../schema/rag-rules-schema.ts";

export interface TrendPoint {
  /** How the period is named in the report ("2023/24 Q1", "July 2023"). */
  label: string;
  /** The axis label: "Q1", "Jul", "H1" within a year; the full label on a rolling axis. */
  shortLabel: string;
  /** The figure judged this period (for a year-to-date indicator, the year so far). */
  actual: number | undefined;
  /** The figure as the tables write it ("46.2%"); undefined without a figure. */
  actualText: string | undefined;
  target: number | undefined;
  targetText: string | undefined;
  /** The same period a year earlier, judged the same way (year layout only). */
  lastYear: number | undefined;
  lastYearText: string | undefined;
  /** The rating of this period's figure; undefined for periods after the report's. */
  status: KpiStatus | undefined;
}

export interface KpiTrend {
  /**
   * year: the periods of one financial year against last year's (quarterly, monthly, six-monthly
   * indicators); rolling: the latest periods in a row (annual and contextual indicators).
   */
  layout: "year" | "rolling";
  /** "2023/24" for a year; "2021/22 to 2023/24" for a rolling span. */
  span: string;
  /** "2022/23" in the year layout; undefined when there is no last-year series. */
  lastYearSpan: string | undefined;
  /** What the plotted figure is: "Actual", "So far this year" or "Average this year". */
  actualName: string;
  /** "Target" or "Year-to-date target"; undefined when the indicator is not rated. */
  targetName: string | undefined;
  unit: KpiUnit;
  decimals: number;
  polarity: Polarity | undefined;
  points: TrendPoint[];
  /** The last point with a figure, up to the report period. */
  latestIndex: number | undefined;
}

/** A rolling axis shows at most this many of an indicator's periods. */
const ROLLING_PERIODS = { month: 12, quarter: 8, half: 6, year: 5 } as const;

export function buildKpiTrend(kpi: Kpi, reportPeriod: Period, rules: RagRules): KpiTrend {
  const length = periodLengthOf[kpi.frequency];
  // The indicator's latest period up to the report's: its own period ending then, or the one before.
  const latest =
    periodEndingWith(reportPeriod, length) ?? previousPeriod(nextPeriodEndingAfter(reportPeriod, length));
  const rated = kpi.kind === "kpi" && (kpi.polarity === "higherIsBetter" || kpi.polarity === "lowerIsBetter");
  const layout = length === "year" || kpi.kind === "contextual" ? "rolling" : "year";
  const valueFormat: ValueFormat = { unit: kpi.unit, decimals: kpi.decimals };
  const averaged = kpi.aggregation === "average" && layout === "year";
  // An average of several periods has more decimals than its figures: as the KPI table shows it.
  const averageFormat = { ...valueFormat, maxDecimals: kpi.decimals + 2 };
  const show = (value: number | undefined, period: Period) =>
    value === undefined
      ? undefined
      : formatValue(value, averaged && period.index > 1 ? averageFormat : valueFormat);

  const periods = layout === "year" ? periodsOfYear(latest) : rollingPeriods(kpi, latest);
  const judge = (period: Period) => assessKpi(kpi, period, rules);
  const points = periods.map((period): TrendPoint => {
    const reported = compare(period, latest) <= 0;
    const judged = judge(period);
    const actual = reported ? judged.yearToDate : undefined;
    const target = rated ? judged.target : undefined;
    const lastYear = layout === "year" ? judge(samePeriodLastYear(period)).yearToDate : undefined;
    return {
      label: periodLabel(period),
      shortLabel: layout === "year" ? shortLabelWithinYear(period) : periodLabel(period),
      actual,
      actualText: show(actual, period),
      target,
      targetText: show(target, period),
      lastYear,
      lastYearText: show(lastYear, period),
      status: reported ? judged.status : undefined,
    };
  });
  const latestIndex = points.findLastIndex((point) => point.actual !== undefined);
  const first = periods[0] as Period;
  const last = periods.at(-1) as Period;
  return {
    layout,
    span:
      layout === "year"
        ? financialYearLabel(latest.startYear)
        : `${periodLabel(first)} to ${periodLabel(last)}`,
    lastYearSpan: layout === "year" ? financialYearLabel(latest.startYear - 1) : undefined,
    actualName:
      layout === "rolling" || kpi.aggregation === "latest"
        ? "Actual"
        : kpi.aggregation === "cumulative"
          ? "So far this year"
          : "Average this year",
    targetName: !rated
      ? undefined
      : layout === "year" && kpi.aggregation === "cumulative"
        ? "Year-to-date target"
        : "Target",
    unit: kpi.unit,
    decimals: kpi.decimals,
    polarity: kpi.polarity,
    points,
    latestIndex: latestIndex === -1 ? undefined : latestIndex,
  };
}

/** Every period of the financial year that `period` falls in, of the same length. */
function periodsOfYear(period: Period): Period[] {
  const count = { month: 12, quarter: 4, half: 2, year: 1 }[period.length];
  return Array.from({ length: count }, (_, position) => ({ ...period, index: position + 1 }));
}

/** Periods in a row ending with `latest`, from the first that has a figure (at least two). */
function rollingPeriods(kpi: Kpi, latest: Period): Period[] {
  const periods = [latest];
  while (periods.length < ROLLING_PERIODS[latest.length]) {
    periods.unshift(previousPeriod(periods[0] as Period));
  }
  const firstWithFigure = periods.findIndex((period) => kpi.actuals[formatPeriod(period)] !== undefined);
  const start = Math.min(firstWithFigure === -1 ? periods.length : firstWithFigure, periods.length - 2);
  return periods.slice(Math.max(start, 0));
}

function shortLabelWithinYear(period: Period): string {
  switch (period.length) {
    case "month":
      return format(periodDates(period).start, "MMM");
    case "quarter":
      return `Q${period.index}`;
    case "half":
      return `H${period.index}`;
    case "year":
      return periodLabel(period);
  }
}

/** Negative when `a` ends before `b`. */
function compare(a: Period, b: Period): number {
  return periodDates(a).end.getTime() - periodDates(b).end.getTime();
}
