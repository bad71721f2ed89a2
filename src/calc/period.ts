// Financial-year quarters: parsing "2023/24 Q2", their dates and labels, and the periods around them.
import { addMonths, endOfMonth, format, getYear, subDays } from "date-fns";

export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  /** Calendar year in which the financial year starts: 2023 for 2023/24. */
  startYear: number;
  quarter: Quarter;
}

export interface PeriodDates {
  start: Date;
  end: Date;
}

/** UK financial years start in April; councils elsewhere may configure another month (1–12). */
export const UK_FINANCIAL_YEAR_START_MONTH = 4;

export function parsePeriod(text: string): Period | undefined {
  const match = /^(\d{4})\/(\d{2}) Q([1-4])$/.exec(text);
  if (!match) return undefined;
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) return undefined;
  return { startYear, quarter: Number(match[3]) as Quarter };
}

export function formatPeriod(period: Period): string {
  return `${financialYearLabel(period.startYear)} Q${period.quarter}`;
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export function previousPeriod(period: Period): Period {
  return period.quarter === 1
    ? { startYear: period.startYear - 1, quarter: 4 }
    : { startYear: period.startYear, quarter: (period.quarter - 1) as Quarter };
}

export function samePeriodLastYear(period: Period): Period {
  return { startYear: period.startYear - 1, quarter: period.quarter };
}

/** The periods of the financial year up to and including this one. */
export function yearToDatePeriods(period: Period): Period[] {
  return Array.from({ length: period.quarter }, (_, index) => ({
    startYear: period.startYear,
    quarter: (index + 1) as Quarter,
  }));
}

export function periodDates(period: Period, startMonth = UK_FINANCIAL_YEAR_START_MONTH): PeriodDates {
  const yearStart = new Date(period.startYear, startMonth - 1, 1);
  const start = addMonths(yearStart, (period.quarter - 1) * 3);
  const end = endOfMonth(subDays(addMonths(start, 3), 1));
  return { start, end };
}

/** "July–September 2023", or "December 2023–February 2024" when a quarter crosses a year end. */
export function periodMonthsLabel(period: Period, startMonth = UK_FINANCIAL_YEAR_START_MONTH): string {
  const { start, end } = periodDates(period, startMonth);
  return getYear(start) === getYear(end)
    ? `${format(start, "MMMM")}–${format(end, "MMMM yyyy")}`
    : `${format(start, "MMMM yyyy")}–${format(end, "MMMM yyyy")}`;
}
