// Financial-year periods: months, quarters, halves and whole years; their keys, dates and labels,
// the periods around them, and whether an indicator of a given frequency is due in a report period.

import type { Frequency } from "../schema/kpi-schema.ts";
import { addMonths, endOfMonth, format, getYear } from "./date-fns.ts";

export type PeriodLength = "month" | "quarter" | "half" | "year";

export interface Period {
  length: PeriodLength;
  /** Calendar year in which the financial year starts: 2023 for 2023/24. */
  startYear: number;
  /** Position in the financial year from 1: month 1–12, quarter 1–4, half 1–2, year 1. */
  index: number;
  /** The month (1–12) the financial year starts in; the key of a month depends on it. */
  startMonth: number;
}

export interface PeriodDates {
  start: Date;
  end: Date;
}

/** UK financial years start in April; councils elsewhere may configure another month (1–12). */
export const UK_FINANCIAL_YEAR_START_MONTH = 4;

const monthsIn: Readonly<Record<PeriodLength, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

export const periodLengthOf: Readonly<Record<Frequency, PeriodLength>> = {
  monthly: "month",
  quarterly: "quarter",
  sixMonthly: "half",
  annual: "year",
};

export const PERIOD_KEY_EXAMPLES =
  'a period such as "2023/24 Q2" (a quarter), "2023/24 H1" (a half year), "2023/24" (a financial year) or "2023-07" (a month)';

/**
 * What is wrong with a period key, in words for the person who typed it; undefined when it is fine.
 * Keys: "2023/24 Q2", "2023/24 H1", "2023/24" (financial year) and "2023-07" (a calendar month).
 */
export function describePeriodKeyProblem(text: string): string | undefined {
  const financial = /^(\d{4})\/(\d{2})(?: ([QH])(\d+))?$/.exec(text);
  if (financial) {
    const [, first, second, letter, number] = financial;
    if ((Number(first) + 1) % 100 !== Number(second)) {
      return 'the two years do not follow each other (write "2023/24", not "2023/25")';
    }
    if (letter === "Q" && !/^[1-4]$/.test(number ?? "")) {
      return `there is no quarter ${number}: quarters are Q1 to Q4`;
    }
    if (letter === "H" && !/^[12]$/.test(number ?? "")) {
      return `there is no half ${number}: halves are H1 and H2`;
    }
    return undefined;
  }
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) {
    const [, , number] = month;
    if (!/^(0[1-9]|1[0-2])$/.test(number ?? "")) {
      return `there is no month ${number}: write the month as 01 to 12, as in "2023-07"`;
    }
    return undefined;
  }
  return `expected ${PERIOD_KEY_EXAMPLES}`;
}

export function parsePeriod(text: string, startMonth = UK_FINANCIAL_YEAR_START_MONTH): Period | undefined {
  if (describePeriodKeyProblem(text) !== undefined) return undefined;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const year = Number(month[1]);
    const calendarMonth = Number(month[2]);
    return {
      length: "month",
      startYear: calendarMonth >= startMonth ? year : year - 1,
      index: ((calendarMonth - startMonth + 12) % 12) + 1,
      startMonth,
    };
  }
  const [, first, , letter, number] = /^(\d{4})\/(\d{2})(?: ([QH])(\d))?$/.exec(text) ?? [];
  const length: PeriodLength = letter === "Q" ? "quarter" : letter === "H" ? "half" : "year";
  return { length, startYear: Number(first), index: number ? Number(number) : 1, startMonth };
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The key the data uses for a period: "2023/24 Q2", "2023/24 H1", "2023/24", "2023-07". */
export function formatPeriod(period: Period): string {
  const year = financialYearLabel(period.startYear);
  switch (period.length) {
    case "quarter":
      return `${year} Q${period.index}`;
    case "half":
      return `${year} H${period.index}`;
    case "year":
      return year;
    case "month":
      return format(periodDates(period).start, "yyyy-MM");
  }
}

/** How a period is named in a report: the key, except a month, which is "July 2023". */
export function periodLabel(period: Period): string {
  return period.length === "month" ? format(periodDates(period).start, "MMMM yyyy") : formatPeriod(period);
}

export function periodDates(period: Period): PeriodDates {
  const yearStart = new Date(period.startYear, period.startMonth - 1, 1);
  const months = monthsIn[period.length];
  const start = addMonths(yearStart, (period.index - 1) * months);
  return { start, end: endOfMonth(addMonths(start, months - 1)) };
}

/** "July–September 2023"; "December 2023–February 2024" across a year end; "July 2023" for a month. */
export function periodMonthsLabel(period: Period): string {
  const { start, end } = periodDates(period);
  if (period.length === "month") return format(start, "MMMM yyyy");
  return getYear(start) === getYear(end)
    ? `${format(start, "MMMM")}–${format(end, "MMMM yyyy")}`
    : `${format(start, "MMMM yyyy")}–${format(end, "MMMM yyyy")}`;
}

function periodsPerYear(length: PeriodLength): number {
  return 12 / monthsIn[length];
}

export function previousPeriod(period: Period): Period {
  return period.index === 1
    ? { ...period, startYear: period.startYear - 1, index: periodsPerYear(period.length) }
    : { ...period, index: period.index - 1 };
}

export function nextPeriod(period: Period): Period {
  return period.index === periodsPerYear(period.length)
    ? { ...period, startYear: period.startYear + 1, index: 1 }
    : { ...period, index: period.index + 1 };
}

export function samePeriodLastYear(period: Period): Period {
  return { ...period, startYear: period.startYear - 1 };
}

/** The periods of the same length from the start of the financial year up to and including this one. */
export function yearToDatePeriods(period: Period): Period[] {
  return Array.from({ length: period.index }, (_, position) => ({ ...period, index: position + 1 }));
}

/**
 * The period of the given length that ends when `period` ends, if there is one: the quarter
 * 2023/24 Q2 ends with the month September 2023 and the half 2023/24 H1, but no financial year.
 */
export function periodEndingWith(period: Period, length: PeriodLength): Period | undefined {
  const monthsElapsed = period.index * monthsIn[period.length];
  if (monthsElapsed % monthsIn[length] !== 0) return undefined;
  return { ...period, length, index: monthsElapsed / monthsIn[length] };
}

/** The first period of the given length that ends after `period` ends: when a figure is next due. */
export function nextPeriodEndingAfter(period: Period, length: PeriodLength): Period {
  const monthsElapsed = period.index * monthsIn[period.length];
  const index = Math.floor(monthsElapsed / monthsIn[length]) + 1;
  return index > periodsPerYear(length)
    ? { ...period, length, startYear: period.startYear + 1, index: 1 }
    : { ...period, length, index };
}

/** An indicator is due in a report period when one of its own periods ends with it. */
export function isDue(frequency: Frequency, reportPeriod: Period): boolean {
  return periodEndingWith(reportPeriod, periodLengthOf[frequency]) !== undefined;
}

/** What kind of period a key is, without needing the financial year's start month. */
export function periodLengthOfKey(text: string): PeriodLength | undefined {
  return parsePeriod(text)?.length;
}
