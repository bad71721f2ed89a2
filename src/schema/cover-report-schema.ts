// The committee cover report in report.yaml: the Part A / Part B structure UK councils use for the
// report that goes in front of a committee with the performance appendices.
import { z } from "zod";
import { idSchema, markdownSchema, textSchema } from "./common.ts";

/** A heading with Markdown text, for the implications and any section a council adds. */
export const sectionSchema = z.strictObject({
  heading: textSchema,
  text: markdownSchema,
});

/** A row of the cover report's risk table, scored on the matrix in risks.yaml. */
const decisionRiskSchema = z.strictObject({
  risk: markdownSchema.describe("The risk identified."),
  likelihood: z.int().min(1),
  impact: z.int().min(1),
  actions: markdownSchema.describe("Risk management actions planned."),
});

const officerSchema = z.strictObject({
  name: textSchema,
  role: textSchema,
  phone: textSchema.optional(),
  email: z.email({ message: "expected an email address such as name@council.gov.uk" }).optional(),
});

/** The documents one report folder can build (templates/<kind>.hbs). */
export const DOCUMENT_KINDS = [
  "cover-report",
  "performance",
  "contextual",
  "risk-register",
  "delivery-plan",
  "recommendations",
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const appendixSchema = z.strictObject({
  /** "Appendix A". */
  label: textSchema,
  title: textSchema,
  /**
   * The document Scrutiny builds for this appendix, which then carries the label and title in its
   * running header. Left out for an appendix made elsewhere (a spreadsheet, a map).
   */
  document: documentKindSchema.optional(),
});

export const coverReportSchema = z.strictObject({
  purpose: markdownSchema.describe("Purpose of Report."),
  recommendations: markdownSchema,
  reasons: markdownSchema.describe("Reasons for the recommendations."),
  policyJustification: markdownSchema.optional().describe("Policy Justification and Previous Decisions."),
  implementationTimetable: markdownSchema
    .optional()
    .describe("Implementation Timetable including Future Decisions."),
  /** Financial, legal, equality, climate, crime and disorder… in the order the council uses. */
  implications: z.array(sectionSchema).default([]),
  riskManagement: z
    .strictObject({
      /**
       * The heading of the implication the Risk Management section follows. Left out: the first
       * implication (Financial Implications, in the usual council template).
       */
      after: textSchema.optional(),
      introduction: markdownSchema.optional(),
      risks: z.array(decisionRiskSchema).default([]),
    })
    .optional(),
  wardsAffected: z.union([z.literal("all"), z.array(textSchema).min(1)]).default("all"),
  publicityArrangements: markdownSchema.optional(),
  consultations: markdownSchema.optional(),
  /** Ids of the report's themes the report supports; every theme when left out. */
  linksToStrategy: z.array(idSchema).optional(),
  backgroundPapers: z.array(markdownSchema).default([]),
  officersToContact: z.array(officerSchema).default([]),
  /** Part B: numbered background paragraphs. */
  background: z.array(markdownSchema).default([]),
  /** Further sections of Part B, after the numbered background. */
  sections: z.array(sectionSchema).default([]),
});

export type CoverReport = z.infer<typeof coverReportSchema>;
export type Appendix = z.infer<typeof appendixSchema>;
