import { describe, expect, it } from "vitest";
import {
  describePeriodKeyProblem,
  formatPeriod,
  isDue,
  nextPeriodEndingAfter,
  type Period,
  parsePeriod,
  periodDates,
  periodEndingWith,
  periodLabel,
  periodMonthsLabel,
  previousPeriod,
  samePeriodLastYear,
  yearToDatePeriods,
} from "../../src/calc/period.ts";

const period = (key: string, startMonth = 4): Period => {
  const parsed = parsePeriod(key, startMonth);
  if (!parsed) throw new Error(`not a period: ${key}`);
  return parsed;
};
const ymd = (date: Date) => [date.getFullYear(), date.getMonth() + 1, date.getDate()];

describe("period keys", () => {
  it.each([
    { key: "2023/24 Q2", parsed: { length: "quarter", startYear: 2023, index: 2, startMonth: 4 } },
    { key: "1999/00 Q4", parsed: { length: "quarter", startYear: 1999, index: 4, startMonth: 4 } },
    { key: "2023/24 H1", parsed: { length: "half", startYear: 2023, index: 1, startMonth: 4 } },
    { key: "2023/24", parsed: { length: "year", startYear: 2023, index: 1, startMonth: 4 } },
    // A month is a calendar month; which financial year it belongs to depends on the start month.
    { key: "2023-07", parsed: { length: "month", startYear: 2023, index: 4, startMonth: 4 } },
    { key: "2024-03", parsed: { length: "month", startYear: 2023, index: 12, startMonth: 4 } },
    { key: "2024-04", parsed: { length: "month", startYear: 2024, index: 1, startMonth: 4 } },
  ])("reads $key", ({ key, parsed }) => {
    expect(parsePeriod(key)).toEqual(parsed);
    expect(formatPeriod(parsePeriod(key) as Period)).toBe(key);
  });

  it("places a month in the financial year of the configured start month", () => {
    expect(parsePeriod("2023-07", 1)).toMatchObject({ startYear: 2023, index: 7 });
    expect(parsePeriod("2023-07", 9)).toMatchObject({ startYear: 2022, index: 11 });
    expect(formatPeriod(period("2023-07", 9))).toBe("2023-07");
  });

  it.each([
    { key: "2023/25 Q2", problem: 'the two years do not follow each other (write "2023/24", not "2023/25")' },
    { key: "2023/25", problem: 'the two years do not follow each other (write "2023/24", not "2023/25")' },
    { key: "2023/24 Q5", problem: "there is no quarter 5: quarters are Q1 to Q4" },
    { key: "2023/24 Q0", problem: "there is no quarter 0: quarters are Q1 to Q4" },
    { key: "2023/24 H3", problem: "there is no half 3: halves are H1 and H2" },
    { key: "2023-13", problem: 'there is no month 13: write the month as 01 to 12, as in "2023-07"' },
    { key: "2023-7", problem: 'there is no month 7: write the month as 01 to 12, as in "2023-07"' },
    {
      key: "2023-24 Q2",
      problem:
        'expected a period such as "2023/24 Q2" (a quarter), "2023/24 H1" (a half year), "2023/24" (a financial year) or "2023-07" (a month)',
    },
    { key: "Q2 2023/24", problem: expect.stringMatching(/^expected a period such as/) },
    { key: "July 2023", problem: expect.stringMatching(/^expected a period such as/) },
  ])("says what is wrong with $key", ({ key, problem }) => {
    expect(describePeriodKeyProblem(key)).toEqual(problem);
    expect(parsePeriod(key)).toBeUndefined();
  });
});

describe("period dates and labels", () => {
  it.each([
    { key: "2023/24 Q2", start: [2023, 7, 1], end: [2023, 9, 30], months: "July–September 2023" },
    { key: "2023/24 Q4", start: [2024, 1, 1], end: [2024, 3, 31], months: "January–March 2024" },
    { key: "2023/24 H1", start: [2023, 4, 1], end: [2023, 9, 30], months: "April–September 2023" },
    { key: "2023/24 H2", start: [2023, 10, 1], end: [2024, 3, 31], months: "October 2023–March 2024" },
    { key: "2023/24", start: [2023, 4, 1], end: [2024, 3, 31], months: "April 2023–March 2024" },
    { key: "2024-02", start: [2024, 2, 1], end: [2024, 2, 29], months: "February 2024" },
  ])("$key runs $months", ({ key, start, end, months }) => {
    const dates = periodDates(period(key));
    expect(ymd(dates.start)).toEqual(start);
    expect(ymd(dates.end)).toEqual(end);
    expect(periodMonthsLabel(period(key))).toBe(months);
  });

  it("follows the configured start of the financial year", () => {
    expect(periodMonthsLabel(period("2023/24 Q3", 1))).toBe("July–September 2023");
    expect(periodMonthsLabel(period("2023/24 Q3", 10))).toBe("April–June 2024");
    expect(periodMonthsLabel(period("2023/24 Q1", 12))).toBe("December 2023–February 2024");
  });

  it("names a month in words and every other period by its key", () => {
    expect(periodLabel(period("2023-09"))).toBe("September 2023");
    expect(periodLabel(period("2023/24 Q2"))).toBe("2023/24 Q2");
    expect(periodLabel(period("2023/24 H1"))).toBe("2023/24 H1");
    expect(periodLabel(period("2023/24"))).toBe("2023/24");
  });
});

describe("periods around a period", () => {
  it.each([
    { key: "2023/24 Q1", previous: "2022/23 Q4", lastYear: "2022/23 Q1" },
    { key: "2023/24 Q3", previous: "2023/24 Q2", lastYear: "2022/23 Q3" },
    { key: "2023/24 H1", previous: "2022/23 H2", lastYear: "2022/23 H1" },
    { key: "2023/24", previous: "2022/23", lastYear: "2022/23" },
    { key: "2023-04", previous: "2023-03", lastYear: "2022-04" },
    { key: "2024-01", previous: "2023-12", lastYear: "2023-01" },
  ])("$key: previous $previous, same period last year $lastYear", ({ key, previous, lastYear }) => {
    expect(formatPeriod(previousPeriod(period(key)))).toBe(previous);
    expect(formatPeriod(samePeriodLastYear(period(key)))).toBe(lastYear);
  });

  it.each([
    { key: "2023/24 Q3", periods: ["2023/24 Q1", "2023/24 Q2", "2023/24 Q3"] },
    { key: "2023/24 Q1", periods: ["2023/24 Q1"] },
    { key: "2023/24 H2", periods: ["2023/24 H1", "2023/24 H2"] },
    { key: "2023/24", periods: ["2023/24"] },
    { key: "2023-06", periods: ["2023-04", "2023-05", "2023-06"] },
  ])("the year to $key", ({ key, periods }) => {
    expect(yearToDatePeriods(period(key)).map(formatPeriod)).toEqual(periods);
  });
});

describe("which indicators are due", () => {
  it.each([
    { report: "2023/24 Q2", frequency: "monthly", due: true, own: "2023-09" },
    { report: "2023/24 Q2", frequency: "quarterly", due: true, own: "2023/24 Q2" },
    { report: "2023/24 Q2", frequency: "sixMonthly", due: true, own: "2023/24 H1" },
    { report: "2023/24 Q2", frequency: "annual", due: false, next: "2023/24" },
    { report: "2023/24 Q1", frequency: "sixMonthly", due: false, next: "2023/24 H1" },
    { report: "2023/24 Q3", frequency: "sixMonthly", due: false, next: "2023/24 H2" },
    { report: "2023/24 Q4", frequency: "annual", due: true, own: "2023/24" },
    { report: "2023/24 Q4", frequency: "sixMonthly", due: true, own: "2023/24 H2" },
    // A monthly report: a quarterly indicator is due only in the quarter's last month.
    { report: "2023-08", frequency: "quarterly", due: false, next: "2023/24 Q2" },
    { report: "2023-09", frequency: "quarterly", due: true, own: "2023/24 Q2" },
    { report: "2024-03", frequency: "quarterly", due: true, own: "2023/24 Q4" },
  ] as const)("a $frequency indicator in $report", ({ report, frequency, due, ...expected }) => {
    const reportPeriod = period(report);
    expect(isDue(frequency, reportPeriod)).toBe(due);
    const length = { monthly: "month", quarterly: "quarter", sixMonthly: "half", annual: "year" } as const;
    const own = periodEndingWith(reportPeriod, length[frequency]);
    if ("own" in expected) expect(own && formatPeriod(own)).toBe(expected.own);
    else {
      expect(own).toBeUndefined();
      expect(formatPeriod(nextPeriodEndingAfter(reportPeriod, length[frequency]))).toBe(expected.next);
    }
  });

  it("names the next financial year when the year has no period of that length left", () => {
    expect(formatPeriod(nextPeriodEndingAfter(period("2023/24 Q4"), "year"))).toBe("2024/25");
  });
});
