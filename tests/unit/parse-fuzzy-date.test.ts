import { describe, expect, it } from "vitest";
import { parseFuzzyDate, resolveFuzzyDate } from "../../src/calc/parse-fuzzy-date.ts";
import { fuzzyDateSchema } from "../../src/schema/fuzzy-date-schema.ts";

describe("parseFuzzyDate: every date written in the seed documents", () => {
  it.each([
    // Scrutiny review tracker (target dates)
    { text: "May 2023", kind: "date", date: "2023-05-31", from: "2023-05-01" },
    { text: "TBC", kind: "toBeConfirmed" },
    { text: "Mar 24", kind: "date", date: "2024-03-31", from: "2024-03-01" },
    { text: "July 2023", kind: "date", date: "2023-07-31", from: "2023-07-01" },
    { text: "TBC – need lead officer in post.", kind: "toBeConfirmed" },
    // Peer-challenge recommendation action plan (implementation dates)
    { text: "March 2022", kind: "date", date: "2022-03-31", from: "2022-03-01" },
    { text: "March 2021", kind: "date", date: "2021-03-31", from: "2021-03-01" },
    { text: "Spring 2021", kind: "date", date: "2021-05-31", from: "2021-03-01" },
    { text: "Current practice, no change is anticipated.", kind: "noChange" },
    { text: "March 2022.", kind: "date", date: "2022-03-31", from: "2022-03-01" },
    { text: "Current Practice.", kind: "noChange" },
    { text: "end of next year", kind: "unresolvable" },
    { text: "Jun 2021", kind: "date", date: "2021-06-30", from: "2021-06-01" },
    { text: "November 2020", kind: "date", date: "2020-11-30", from: "2020-11-01" },
    { text: "December 2020", kind: "date", date: "2020-12-31", from: "2020-12-01" },
    // Peer-challenge draft action plan ("By when")
    {
      text: "communication strategy to be developed by early December 2019.",
      kind: "date",
      date: "2019-12-31",
      from: "2019-12-01",
    },
    { text: "early December 2019", kind: "date", date: "2019-12-31", from: "2019-12-01" },
    { text: "final narrative agreed March 2020", kind: "date", date: "2020-03-31", from: "2020-03-01" },
    { text: "ongoing", kind: "ongoing" },
    {
      text: "The organic programme of place-based engagement activity is now in place. It is operationally overseen by the Reference Group described above.",
      kind: "ongoing",
    },
    { text: "CLiK survey delivered early Autumn 2020", kind: "date", date: "2020-11-30", from: "2020-09-01" },
    {
      text: "It is intended that the programme of work will be finalised by the end of November 2019.",
      kind: "date",
      date: "2019-11-30",
      from: "2019-11-01",
    },
    { text: "strategy finalised by March 2020.", kind: "date", date: "2020-03-31", from: "2020-03-01" },
    { text: "dates as above.", kind: "unresolvable" },
    {
      text: "update on year 2 delivery to inform the development of a year 3 action plan - to be shared with scrutiny in January 2020.",
      kind: "date",
      date: "2020-01-31",
      from: "2020-01-01",
    },
    {
      text: "starting November 2019 and concluding by March 2020.",
      kind: "date",
      date: "2020-03-31",
      from: "2019-11-01",
    },
    { text: "details as above.", kind: "unresolvable" },
    { text: "December 2019", kind: "date", date: "2019-12-31", from: "2019-12-01" },
    { text: "Summer 2020", kind: "date", date: "2020-08-31", from: "2020-06-01" },
    { text: "immediate", kind: "unresolvable" },
    // Plan 2030 delivery plan milestones: months without a year
    { text: "Oct", kind: "noYear" },
    { text: "Sept- Dec", kind: "noYear" },
    { text: "June- Mar", kind: "noYear" },
    { text: "done", kind: "unresolvable" },
    // Other forms officers write
    { text: "2023-09-30", kind: "date", date: "2023-09-30", from: "2023-09-30" },
    { text: "24th March 2024", kind: "date", date: "2024-03-24", from: "2024-03-24" },
    { text: "Sept–Dec 2020", kind: "date", date: "2020-12-31", from: "2020-09-01" },
    { text: "June–March 2021", kind: "date", date: "2021-03-31", from: "2020-06-01" },
    { text: "Winter 2020", kind: "date", date: "2021-02-28", from: "2020-12-01" },
    { text: "2021", kind: "date", date: "2021-12-31", from: "2021-01-01" },
    { text: "end of 2021", kind: "date", date: "2021-12-31", from: "2021-01-01" },
    { text: "Mar 49", kind: "date", date: "2049-03-31", from: "2049-03-01" },
    { text: "Mar 50", kind: "date", date: "1950-03-31", from: "1950-03-01" },
    {
      text: "<p>March 2022.</p> <p>Current Practice.</p>",
      kind: "date",
      date: "2022-03-31",
      from: "2022-03-01",
    },
    { text: "to be determined", kind: "toBeConfirmed" },
    { text: "March 2022 (TBC)", kind: "date", date: "2022-03-31", from: "2022-03-01" },
    { text: "to reach the 2050 target", kind: "unresolvable" },
    { text: "Mar 24 at the latest", kind: "unresolvable" },
    { text: "the council may wish to consider it", kind: "unresolvable" },
  ])('"$text" → $kind $date', ({ text, kind, date, from }) => {
    const result = parseFuzzyDate(text);
    expect(result).toMatchObject({ text, kind, fixed: kind === "date" });
    expect(result.date).toBe(date);
    expect(result.from).toBe(from);
  });

  it.each([
    { text: "Spring 2021", reason: "Read as 31 May 2021, the end of spring 2021 (March–May 2021)." },
    {
      text: "Winter 2020",
      reason: "Read as 28 February 2021, the end of winter 2020 (December 2020–February 2021).",
    },
    { text: "2023-09-30", reason: "Read as 30 September 2023." },
    {
      text: "starting November 2019 and concluding by March 2020.",
      reason: "Read as 31 March 2020, the end of the latest date given (November 2019; March 2020).",
    },
    { text: "TBC", reason: "No fixed date: to be confirmed." },
    {
      text: "end of next year",
      reason:
        "No fixed date: the text is relative to when it was written, so it cannot be placed on a calendar.",
    },
    {
      text: "Oct",
      reason: `No fixed date: "Oct" names no year; give the delivery plan's runs dates or write the year.`,
    },
    {
      text: "Current practice, no change is anticipated.",
      reason: "No fixed date: this is current practice and no change is planned.",
    },
    { text: "done", reason: "No fixed date: Scrutiny found no date in this text." },
  ])("explains $text", ({ text, reason }) => {
    expect(parseFuzzyDate(text).reason).toBe(reason);
  });

  it("keeps the text as written, without surrounding spaces", () => {
    expect(parseFuzzyDate("  March 2022.  ").text).toBe("March 2022.");
  });
});

describe("months without a year, placed by the plan's run", () => {
  const window = { from: "2020-06-01", to: "2021-03-31" };
  it.each([
    { text: "Oct", date: "2020-10-31", from: "2020-10-01" },
    { text: "June", date: "2020-06-30", from: "2020-06-01" },
    { text: "Jan", date: "2021-01-31", from: "2021-01-01" },
    { text: "Sept- Dec", date: "2020-12-31", from: "2020-09-01" },
    { text: "June- Mar", date: "2021-03-31", from: "2020-06-01" },
    { text: "Jan- Mar", date: "2021-03-31", from: "2021-01-01" },
  ])("$text → $from to $date", ({ text, date, from }) => {
    expect(parseFuzzyDate(text, { window })).toMatchObject({ kind: "date", fixed: true, date, from });
  });

  it("says when a month is outside the plan's run", () => {
    expect(parseFuzzyDate("Apr", { window }).reason).toBe(
      'No fixed date: "Apr" names no year and does not fall between 1 June 2020 and 31 March 2021, when the plan runs.',
    );
  });

  it("resolves only dates that lacked a year", () => {
    const dated = parseFuzzyDate("May 2023");
    expect(resolveFuzzyDate(dated, window)).toBe(dated);
    expect(resolveFuzzyDate(parseFuzzyDate("Oct"), window).date).toBe("2020-10-31");
    expect(resolveFuzzyDate(parseFuzzyDate("Oct"), undefined).kind).toBe("noYear");
  });
});

describe("fuzzyDateSchema", () => {
  it("accepts a year written as a number", () => {
    expect(fuzzyDateSchema.parse(2024)).toMatchObject({ text: "2024", date: "2024-12-31" });
  });

  it.each([
    {
      value: "  ",
      message: 'expected a date as text, such as "2024-03-31", "Mar 24", "Spring 2021", "TBC" or "ongoing"',
    },
    {
      value: true,
      message: 'expected a date as text, such as "2024-03-31", "Mar 24", "Spring 2021", "TBC" or "ongoing"',
    },
    { value: "2023-02-30", message: "this date does not exist; check the day and month" },
  ])("rejects $value", ({ value, message }) => {
    const result = fuzzyDateSchema.safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("parseFuzzyDate: dates typed the British numeric way", () => {
  it.each([
    { text: "31/03/2024", date: "2024-03-31" },
    { text: "1.4.2024", date: "2024-04-01" },
    { text: "by 30/09/2023 at the latest", date: "2023-09-30" },
  ])("reads $text day first", ({ text, date }) => {
    expect(parseFuzzyDate(text)).toMatchObject({ kind: "date", fixed: true, date });
  });

  it("does not invent a date from one that does not exist", () => {
    expect(parseFuzzyDate("31/02/2024")).toMatchObject({ kind: "unresolvable", fixed: false });
  });
});
