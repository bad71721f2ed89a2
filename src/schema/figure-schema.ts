// A figure (actual, target, threshold, benchmark) as officers type or paste it: a YAML number as it
// is, or text holding a number as a spreadsheet shows it, read by one documented rule
// (src/text/read-figure-text.ts; docs/data-format.md, "Typing and pasting values").
import { z } from "zod";
import { readFigureText } from "../text/read-figure-text.ts";

/**
 * No council figure comes near a million million: a larger one is a typing slip, and a bound keeps
 * sums for the year to date finite.
 */
export const LARGEST_FIGURE = 1e12;

export const figureSchema = z
  .union([z.number(), z.string()], {
    error: 'expected a figure: a number such as 43.1, or as a spreadsheet shows it, such as "1,234" or "85%"',
  })
  .meta({
    description:
      'A number, such as 43.1; text as a spreadsheet shows it is read too: "1,234", "£1,234", "85%".',
  })
  .transform((value, context) => {
    if (typeof value === "number") return value;
    const reading = readFigureText(value);
    if (reading.ok) return reading.value;
    context.addIssue({
      code: "custom",
      message: reading.message,
      params: { hint: reading.hint },
      input: value,
    });
    return z.NEVER;
  })
  .refine((value) => Math.abs(value) <= LARGEST_FIGURE, {
    message: "this figure is larger than a million million (1,000,000,000,000); check it for a typing slip",
  });
