// recommendations.yaml: trackers of recommendations from scrutiny reviews and peer challenges, with
// the responses to them, the actions agreed, and progress by period.
import { z } from "zod";
import { idSchema, markdownSchema, periodKeySchema, textSchema } from "./common.ts";
import { sectionSchema } from "./cover-report-schema.ts";
import { declaredStatusSchema } from "./delivery-plan-schema.ts";
import { completionSchema, fuzzyDateSchema } from "./fuzzy-date-schema.ts";

export const reviewTypeSchema = z.enum(["scrutinyReview", "peerChallenge", "other"]);

export const executiveResponseSchema = z.strictObject({
  decision: z.enum(["approved", "rejected", "partlyApproved"]),
  /** The response as minuted: "Recommendation Approved." */
  text: markdownSchema.optional(),
});

export const trackerActionSchema = z.strictObject({
  action: markdownSchema,
  /** Responsible officer ("Officer lead"). */
  officer: textSchema.optional(),
  /** "By when" / "Implementation date", as written. */
  byWhen: fuzzyDateSchema.optional(),
  completed: completionSchema.optional(),
  status: declaredStatusSchema.optional(),
});

export const recommendationSchema = z.strictObject({
  /** "CCCSC22-23 2.1", "KR2": codes may hold spaces and full stops. */
  code: textSchema.pipe(z.string().max(60, { message: "expected a code of at most 60 characters" })),
  /** Where the review makes it: "(page 2, recommendation 2)". */
  reference: textSchema.optional(),
  recommendation: markdownSchema,
  /** What the review said in support ("From the peer team…"). */
  findings: markdownSchema.optional(),
  desiredOutcome: markdownSchema.optional(),
  targetDate: fuzzyDateSchema.optional(),
  leadOfficer: textSchema.optional(),
  resources: markdownSchema.optional(),
  serviceResponse: markdownSchema.optional(),
  executiveResponse: executiveResponseSchema.optional(),
  actions: z.array(trackerActionSchema).default([]),
  /** Progress updates by reporting period: { "2023/24 Q2": "…" }. */
  progress: z.record(periodKeySchema, markdownSchema).default({}),
  status: declaredStatusSchema.optional(),
  completed: completionSchema.optional(),
});

export const trackerSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  source: z.strictObject({
    type: reviewTypeSchema,
    /** "Carbon Reduction Scrutiny Review", "Corporate Peer Challenge 2020". */
    name: textSchema,
    committee: textSchema.optional(),
    /** When the review reported: "2023-03-14", "January 2020". */
    date: fuzzyDateSchema.optional(),
  }),
  /** The heading of the code column as the council writes it: "PERFORM Code". */
  codeLabel: textSchema.default("Code"),
  /** Optional link to a theme in report.yaml. */
  theme: idSchema.optional(),
  /**
   * "table": a row per recommendation (a scrutiny review's columns) or per action (a peer
   * challenge's action plan). "narrative": a section per recommendation with its response and
   * actions in full, as a written action plan reads.
   */
  layout: z.enum(["table", "narrative"]).default("table"),
  /** Sections printed before the recommendations, such as an action plan's introduction. */
  introduction: z.array(sectionSchema).default([]),
  recommendations: z.array(recommendationSchema),
});

export const recommendationsFileSchema = z.strictObject({
  trackers: z.array(trackerSchema),
});

export type ReviewType = z.infer<typeof reviewTypeSchema>;
export type TrackerAction = z.infer<typeof trackerActionSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type RecommendationTracker = z.infer<typeof trackerSchema>;
