// Building blocks shared by the data schemas.
import { z } from "zod";
import { parsePeriod } from "../calc/period.ts";

/** A reporting period as officers write it: "2023/24 Q2". One check, so one message. */
export const periodKeySchema = z.string().superRefine((text, context) => {
  if (!/^\d{4}\/\d{2} Q[1-4]$/.test(text)) {
    context.addIssue({ code: "custom", message: 'expected a period such as "2023/24 Q2"' });
  } else if (parsePeriod(text) === undefined) {
    context.addIssue({
      code: "custom",
      message: 'the two years do not follow each other (write "2023/24", not "2023/25")',
    });
  }
});

/** An ISO calendar date, "2023-11-28"; YAML 1.2 keeps it a string, so nothing is converted silently. */
export const isoDateSchema = z.iso.date({
  message: 'expected a date written as YYYY-MM-DD, such as "2023-11-28"',
});

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  message: "expected an id of letters, digits, '.', '_' or '-'",
});

export const textSchema = z.string().trim().min(1, { message: "expected some text" });

export const toleranceSchema = z.strictObject({
  type: z.enum(["relative", "absolute"]),
  value: z.number().nonnegative(),
});

/** Commentary and report sections: Markdown. (Pasted-HTML handling is being added by the data-model issue.) */
export const markdownSchema = textSchema;
