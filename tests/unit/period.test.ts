import { describe, expect, it } from "vitest";
import {
  formatPeriod,
  parsePeriod,
  periodDates,
  periodMonthsLabel,
  previousPeriod,
  samePeriodLastYear,
  yearToDatePeriods,
} from "../../src/calc/period.ts";

describe("periods", () => {
  it.each([
    { text: "2023/24 Q2", parsed: { startYear: 2023, quarter: 2 } },
    { text: "1999/00 Q4", parsed: { startYear: 1999, quarter: 4 } },
    { text: "2023/25 Q2", parsed: undefined },
    { text: "2023/24 Q5", parsed: undefined },
    { text: "2023-24 Q2", parsed: undefined },
  ])("parses $text", ({ text, parsed }) => {
    expect(parsePeriod(text)).toEqual(parsed);
  });

  it("labels a UK financial-year quarter by its months", () => {
    const q2 = { startYear: 2023, quarter: 2 } as const;
    expect(periodMonthsLabel(q2)).toBe("July–September 2023");
    expect(periodMonthsLabel({ startYear: 2023, quarter: 4 })).toBe("January–March 2024");
    expect(periodMonthsLabel({ startYear: 2023, quarter: 3 }, 1)).toBe("July–September 2023");
    expect(periodMonthsLabel({ startYear: 2023, quarter: 3 }, 10)).toBe("April–June 2024");
    expect(periodMonthsLabel({ startYear: 2023, quarter: 1 }, 12)).toBe("December 2023–February 2024");
    const { start, end } = periodDates(q2);
    expect([start.getFullYear(), start.getMonth(), start.getDate()]).toEqual([2023, 6, 1]);
    expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2023, 8, 30]);
  });

  it("finds the periods around a quarter", () => {
    expect(formatPeriod(previousPeriod({ startYear: 2023, quarter: 1 }))).toBe("2022/23 Q4");
    expect(formatPeriod(previousPeriod({ startYear: 2023, quarter: 3 }))).toBe("2023/24 Q2");
    expect(formatPeriod(samePeriodLastYear({ startYear: 2023, quarter: 2 }))).toBe("2022/23 Q2");
    expect(yearToDatePeriods({ startYear: 2023, quarter: 3 }).map(formatPeriod)).toEqual([
      "2023/24 Q1",
      "2023/24 Q2",
      "2023/24 Q3",
    ]);
  });
});
