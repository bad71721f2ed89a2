// Building blocks shared by the data schemas.
import { z } from "zod";
import { describePeriodKeyProblem } from "../calc/period.ts";
import { convertPastedHtml, looksLikeHtml } from "../text/convert-pasted-html.ts";
import { findControlCharacter, normalisePastedText } from "../text/normalise-pasted-text.ts";
import { escapeForMessage, quoteForMessage } from "../text/quote-for-message.ts";

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

/** Refuses text holding a character that cannot be printed, saying where it is. */
function refuseControlCharacters(text: string, context: z.core.$RefinementCtx<string>): void {
  const found = findControlCharacter(text);
  if (!found) return;
  context.addIssue({
    code: "custom",
    message: `the text holds a control character (${found.codePoint})${found.after ? ` after ${quoteForMessage(found.after)}` : " at its start"}`,
    params: {
      hint:
        found.code >= 0x80
          ? "This is usually a curly quote or dash saved with the wrong encoding: type the character again."
          : "Delete the character (it is invisible in most editors) or type the text again.",
    },
    input: text,
  });
}

/**
 * Plain text (titles, names): no-break spaces become spaces, the ends are trimmed, and control
 * characters are refused. Smart quotes, dashes and Welsh or other accented letters are kept as typed.
 */
export const textSchema = z
  .string()
  .overwrite(normalisePastedText)
  .trim()
  .min(1, { message: "expected some text" })
  .superRefine(refuseControlCharacters);

/**
 * Commentary, responses and report sections: Markdown, normalised like textSchema. HTML pasted from
 * another system is converted to the Markdown subset that is printed (paragraphs, lists, emphasis,
 * links as text); HTML outside it (script, style, iframe, img, tables, on… attributes) is refused
 * by name.
 */
export const markdownSchema = z
  .string()
  .overwrite(normalisePastedText)
  .trim()
  .min(1, { message: "expected some text" })
  .superRefine(refuseControlCharacters)
  .transform((text, context) => {
    if (!looksLikeHtml(text)) return text;
    const result = convertPastedHtml(text);
    if (result.ok && result.markdown.trim() !== "") return result.markdown;
    if (result.ok) {
      context.addIssue({ code: "custom", message: "expected some text: the HTML holds none", input: text });
      return z.NEVER;
    }
    context.addIssue({
      code: "custom",
      message: `the text holds HTML that cannot be printed safely: ${escapeForMessage(result.refused.join(", "))}`,
      params: {
        hint: "Remove it, or write the text as Markdown: paragraphs, lists (- item), *emphasis*, **bold**.",
      },
      input: text,
    });
    return z.NEVER;
  });
