// One indicator in one report period: which of its own periods is due, its year-to-date figure and
// target, its status and reason, the status a period earlier, and its direction of travel.
import type { Kpi } from "../schema/kpi-schema.ts";
import type { RagRules } from "../schema/rag-rules-schema.ts";
import { computeDirectionOfTravel, type DirectionResult } from "./direction-of-travel.ts";
import { formatValue } from "./format-value.ts";
import { computeKpiStatus, type KpiStatus } from "./kpi-status.ts";
import {
  financialYearLabel,
  formatPeriod,
  nextPeriodEndingAfter,
  type Period,
  periodEndingWith,
  periodLabel,
  periodLengthOf,
  previousPeriod,
  samePeriodLastYear,
  yearToDatePeriods,
} from "./period.ts";

export interface PeriodFigure {
  key: string;
  label: string;
  value: number | undefined;
}

export interface KpiAssessment {
  status: KpiStatus;
  reason: string;
  /** The band's own name when rated ("Amber", or a configured label). */
  label: string | undefined;
  /** The indicator's own period that ends with the report period; undefined when it is not due. */
  period: PeriodFigure | undefined;
  /** The figure judged: the period's own (latest), or the sum or average of the year so far. */
  yearToDate: number | undefined;
  /** Whether the judged figure and target cover the year so far rather than one period. */
  yearToDateBasis: boolean;
  target: number | undefined;
  /** The most recent earlier figure: the previous period, or for an indicator not due, its last one. */
  previous: PeriodFigure;
  lastYear: PeriodFigure | undefined;
  previousStatus: KpiStatus | undefined;
  direction: DirectionResult;
  directionLastYear: DirectionResult;
}

const frequencyWords: Readonly<Record<Kpi["frequency"], string>> = {
  monthly: "monthly",
  quarterly: "quarterly",
  sixMonthly: "six-monthly",
  annual: "annual",
};

interface Judged {
  status: KpiStatus;
  reason: string;
  label: string | undefined;
  value: number | undefined;
  target: number | undefined;
}

function figureFor(kpi: Kpi, period: Period): PeriodFigure {
  const key = formatPeriod(period);
  return { key, label: periodLabel(period), value: kpi.actuals[key] };
}

/** A financial year's target: given for that year in `targets`, or the standing `target`. */
function yearTarget(kpi: Kpi, startYear: number): number | undefined {
  return kpi.targets[financialYearLabel(startYear)] ?? kpi.target;
}

/**
 * The target for each period of the year so far: a profiled target where one is given, otherwise
 * the year's. A cumulative indicator's year target is a total, so each period gets an even share.
 */
/**
 * A threshold for each period: its profiled value from `byPeriod`, else the year's share. Targets
 * are profiled in `targets`; the minimum expectation is one figure a year and is never profiled.
 */
function periodTargets(
  kpi: Kpi,
  periods: readonly Period[],
  annual: (year: number) => number | undefined,
  byPeriod: Readonly<Record<string, number>>,
) {
  return periods.map((period) => {
    const profiled = period.length === "year" ? undefined : byPeriod[formatPeriod(period)];
    if (profiled !== undefined) return profiled;
    const year = annual(period.startYear);
    if (year === undefined) return undefined;
    return kpi.aggregation === "cumulative" ? year / periodsPerYear(period) : year;
  });
}

function periodsPerYear(period: Period): number {
  return { month: 12, quarter: 4, half: 2, year: 1 }[period.length];
}

function combine(kpi: Kpi, values: readonly (number | undefined)[]): number | undefined {
  if (values.some((value) => value === undefined)) return undefined;
  const numbers = values as number[];
  const total = numbers.reduce((sum, value) => sum + value, 0);
  if (kpi.aggregation === "cumulative") return total;
  if (kpi.aggregation === "average") return total / numbers.length;
  return numbers.at(-1);
}

/** The figure, target and status of one of the indicator's own periods. */
function judge(kpi: Kpi, period: Period, rules: RagRules): Judged {
  const format = { unit: kpi.unit, decimals: kpi.decimals };
  const periods = kpi.aggregation === "latest" ? [period] : yearToDatePeriods(period);
  const figures = periods.map((each) => figureFor(kpi, each));
  const value = combine(
    kpi,
    figures.map((figure) => figure.value),
  );
  const targets = periodTargets(kpi, periods, (year) => yearTarget(kpi, year), kpi.targets);
  const target = combine(kpi, targets);
  const minimum = combine(
    kpi,
    periodTargets(kpi, periods, () => kpi.minimum, {}),
  );
  // A contextual indicator keeps its polarity for the direction of travel but is never rated.
  const polarity = kpi.kind === "contextual" ? "dataOnly" : kpi.polarity;
  const rated = polarity === "higherIsBetter" || polarity === "lowerIsBetter";
  const current = figures.at(-1) as PeriodFigure;

  // The year so far needs every period's figure; the first missing one explains the gap.
  const missing = figures.find((figure) => figure.value === undefined);
  if (rated && missing && missing !== current) {
    const notAvailable = kpi.dataStatus[missing.key] === "notAvailable";
    const reason = notAvailable
      ? `Not available: the year-to-date figure cannot be worked out without a ${missing.label} figure, which is not available.`
      : `Awaited: the year-to-date figure needs the ${missing.label} figure, which has not been received yet.`;
    return { status: notAvailable ? "notAvailable" : "awaited", reason, label: undefined, value, target };
  }

  const sameAsPeriod = periods.length === 1;
  const lastYearPeriods =
    kpi.aggregation === "latest"
      ? [samePeriodLastYear(period)]
      : yearToDatePeriods(samePeriodLastYear(period));
  const lastYear = combine(
    kpi,
    lastYearPeriods.map((each) => figureFor(kpi, each).value),
  );
  const result = computeKpiStatus({
    ...format,
    polarity,
    actual: value,
    target,
    minimum: kpi.minimum === undefined ? undefined : minimum,
    rules,
    dataStatus: kpi.dataStatus[current.key],
    periodLabel: current.label,
    actualWords: sameAsPeriod
      ? undefined
      : kpi.aggregation === "cumulative"
        ? "so far this year"
        : "on average this year",
    // An average of equal targets is that target; anything else is a target for the year so far.
    targetName:
      sameAsPeriod || (kpi.aggregation === "average" && targets.every((each) => each === targets[0]))
        ? "target"
        : "year-to-date target",
    lastYear: {
      value: lastYear,
      label: sameAsPeriod ? periodLabel(samePeriodLastYear(period)) : `the same point last year`,
    },
  });
  return { status: result.status, reason: result.reason, label: result.label, value, target };
}

export function assessKpi(kpi: Kpi, reportPeriod: Period, rules: RagRules): KpiAssessment {
  const format = { unit: kpi.unit, decimals: kpi.decimals };
  const show = (value: number) => formatValue(value, format);
  const length = periodLengthOf[kpi.frequency];
  const period = periodEndingWith(reportPeriod, length);

  if (!period) {
    const next = nextPeriodEndingAfter(reportPeriod, length);
    const latest = figureFor(kpi, previousPeriod(next));
    const noComparison = { direction: "notComparable", description: "Not due this period" } as const;
    return {
      status: "notDue",
      reason: `Not due: this ${frequencyWords[kpi.frequency]} indicator is next reported for ${periodLabel(next)}.`,
      label: undefined,
      period: undefined,
      yearToDate: undefined,
      yearToDateBasis: false,
      target: undefined,
      previous: latest,
      lastYear: undefined,
      previousStatus: undefined,
      direction: noComparison,
      directionLastYear: noComparison,
    };
  }

  const current = figureFor(kpi, period);
  const previous = figureFor(kpi, previousPeriod(period));
  const lastYear = figureFor(kpi, samePeriodLastYear(period));
  const judged = judge(kpi, period, rules);
  return {
    status: judged.status,
    reason: judged.reason,
    label: judged.label,
    period: current,
    yearToDate: judged.value,
    yearToDateBasis: kpi.aggregation !== "latest" && period.index > 1,
    target: judged.target,
    previous,
    lastYear,
    previousStatus: judge(kpi, previousPeriod(period), rules).status,
    // Travel compares each period's own figure, not the year to date, which only ever grows when summed.
    direction: computeDirectionOfTravel(
      kpi.polarity,
      current.value,
      previous.value,
      previous.label,
      show,
      rules.noChange,
    ),
    directionLastYear: computeDirectionOfTravel(
      kpi.polarity,
      current.value,
      lastYear.value,
      lastYear.label,
      show,
      rules.noChange,
    ),
  };
}
