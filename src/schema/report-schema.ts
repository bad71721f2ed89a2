// report.yaml: who the report is for, when, and the shared rules it applies.
import { z } from "zod";
import { idSchema, isoDateSchema, periodKeySchema, textSchema } from "./common.ts";
import { appendixSchema, coverReportSchema, documentKindSchema } from "./cover-report-schema.ts";
import { defaultRagRules, ragRulesSchema } from "./rag-rules-schema.ts";

function isLanguageTag(text: string): boolean {
  try {
    return Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}

export const themeSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
});

export const reportSchema = z.strictObject({
  organisation: textSchema,
  committee: textSchema,
  meetingDate: isoDateSchema,
  title: textSchema,
  reportOf: textSchema,
  leadMember: textSchema.optional(),
  period: periodKeySchema,
  financialYearStartMonth: z.int().min(1).max(12).default(4),
  classification: z.enum(["public", "exempt"]).default("public"),
  /** Why an exempt report is exempt, e.g. "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972". */
  exemptionReason: textSchema.optional(),
  language: z
    .string()
    .refine(isLanguageTag, { message: 'expected a language tag such as "en-GB" or "cy"' })
    .default("en-GB"),
  themes: z.array(themeSchema).min(1),
  coverReport: coverReportSchema.optional(),
  appendices: z.array(appendixSchema).default([]),
  /**
   * Which documents to build. Left out: every document the folder has data for (the cover report
   * when there is a coverReport, the performance report when there are KPIs, and so on).
   */
  documents: z.array(documentKindSchema).min(1).optional(),
  /** How indicators are rated; each indicator may override any rule with its own `rag`. */
  ragRules: ragRulesSchema.default(defaultRagRules),
});

export type ReportData = z.infer<typeof reportSchema>;
export type Theme = z.infer<typeof themeSchema>;
