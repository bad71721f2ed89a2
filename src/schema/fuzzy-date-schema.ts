// A date as councils write it: "TBC", "Mar 24", "Spring 2021", "ongoing", or an ISO date.
// The text is kept verbatim for display; the parsed date (or why there is none) is for calculations.
import { z } from "zod";
import { parseFuzzyDate } from "../calc/parse-fuzzy-date.ts";

const FUZZY_DATE_HINT =
  'expected a date as text, such as "2024-03-31", "Mar 24", "Spring 2021", "TBC" or "ongoing"';

export const fuzzyDateSchema = z
  .union([z.string(), z.int().min(1000).max(9999)], { error: FUZZY_DATE_HINT })
  .transform((value) => String(value).trim())
  .pipe(
    z
      .string()
      .min(1, { message: FUZZY_DATE_HINT })
      // "2023-02-30" looks like a date but is none: an error, not "no fixed date".
      .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || z.iso.date().safeParse(text).success, {
        message: "this date does not exist; check the day and month",
      }),
  )
  .transform((text) => parseFuzzyDate(text));

export type { FuzzyDate, FuzzyDateKind } from "../calc/parse-fuzzy-date.ts";

/** Words that record something as done without saying when. */
const DONE_WORDS = /^(done|complete|completed|yes)\.?$/i;

/**
 * When something was finished: a date, or a word such as "done". "TBC" or "ongoing" here would
 * count unfinished work as complete, so they are refused.
 */
export const completionSchema = fuzzyDateSchema.refine((date) => date.fixed || DONE_WORDS.test(date.text), {
  message: 'expected the date it was finished, such as "2023-09-15" or "Sept 2023", or the word "done"',
});
