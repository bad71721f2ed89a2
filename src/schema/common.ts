// Building blocks shared by the data schemas.
import { z } from "zod";
import { describePeriodKeyProblem } from "../calc/period.ts";

/**
 * A reporting period as officers write it: "2023/24 Q2", "2023/24 H1", "2023/24" (the financial
 * year) or "2023-07" (a month). One check, so one message that says what was expected.
 */
export const periodKeySchema = z.string().superRefine((text, context) => {
  const problem = describePeriodKeyProblem(text);
  if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
});

/** An ISO calendar date, "2023-11-28"; YAML 1.2 keeps it a string, so nothing is converted silently. */
export const isoDateSchema = z.iso.date({
  message: 'expected a date written as YYYY-MM-DD, such as "2023-11-28"',
});

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  message: "expected an id of letters, digits, '.', '_' or '-'",
});

export const textSchema = z.string().trim().min(1, { message: "expected some text" });

/** Commentary and report sections: Markdown. (Pasted-HTML handling is being added by the data-model issue.) */
export const markdownSchema = textSchema;
