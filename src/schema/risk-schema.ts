// risks.yaml: the risk matrix the council uses, its risk appetite, and the risks scored on it.
import { z } from "zod";
import { idSchema, isoDateSchema, markdownSchema, textSchema } from "./common.ts";
import { fuzzyDateSchema } from "./fuzzy-date-schema.ts";

const scalePointSchema = z.strictObject({
  value: z.int().min(1),
  /** "Unlikely": shown as "Unlikely (2)". */
  label: textSchema,
  /** What the point means ("may occur within 5 years"), for the matrix key. */
  description: textSchema.optional(),
});

const bandSchema = z.strictObject({
  name: textSchema,
  /** Score range (score = likelihood × impact), both ends included. Left out when `cells` maps the matrix. */
  from: z.int().min(1).optional(),
  to: z.int().min(1).optional(),
  description: textSchema.optional(),
});

const impactDimensionSchema = z.strictObject({
  id: idSchema,
  label: textSchema,
});

export const riskMatrixSchema = z.strictObject({
  likelihood: z.array(scalePointSchema).min(2).max(10),
  impact: z.array(scalePointSchema).min(2).max(10),
  /** The areas impact may be scored on (financial, reputation, service…); the highest counts. */
  impactDimensions: z.array(impactDimensionSchema).default([]),
  /** Bands from least to most severe. With score ranges they cover every score exactly once. */
  bands: z.array(bandSchema).min(1),
  /**
   * An explicit heat map instead of score ranges: one row per likelihood value, keyed by the value,
   * listing the band of each impact value from the lowest impact up.
   */
  cells: z.record(z.string(), z.array(textSchema)).optional(),
});

/** The most risk the council accepts: a highest score, or a highest band (that band and those below). */
export const appetiteSchema = z
  .strictObject({
    maxScore: z.int().min(1).optional(),
    band: textSchema.optional(),
  })
  .refine((appetite) => (appetite.maxScore === undefined) !== (appetite.band === undefined), {
    message: "give either maxScore (the highest acceptable score) or band (the highest acceptable band)",
  });

const ratingSchema = z.strictObject({
  likelihood: z.int(),
  /** One value, or one value per impact dimension (the highest is scored). */
  impact: z.union([z.int(), z.record(idSchema, z.int())], {
    error:
      "expected an impact value such as 2, or one value per dimension such as { financial: 3, service: 2 }",
  }),
});

const mitigatingActionSchema = z.strictObject({
  action: markdownSchema,
  owner: textSchema.optional(),
  due: fuzzyDateSchema.optional(),
});

export const riskSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: markdownSchema.optional(),
  owner: textSchema,
  category: textSchema.optional(),
  /** Before any controls. */
  inherent: ratingSchema.optional(),
  /** Now, with the controls in place (residual). */
  current: ratingSchema,
  /** Where the owner means to bring it once the actions are done. */
  target: ratingSchema.optional(),
  /** The current score at the last review, for the movement. */
  previousScore: z.int().min(1).optional(),
  controls: z.array(markdownSchema).default([]),
  actions: z.array(mitigatingActionSchema).default([]),
  /** This risk's own appetite; otherwise its category's, otherwise the register's default. */
  appetite: appetiteSchema.optional(),
  reviewDate: isoDateSchema.optional(),
});

export const registerAppetiteSchema = z.strictObject({
  default: appetiteSchema.optional(),
  byCategory: z.record(textSchema, appetiteSchema).default({}),
});

export const riskFileSchema = z.strictObject({
  matrix: riskMatrixSchema,
  appetite: registerAppetiteSchema.optional(),
  risks: z.array(riskSchema),
});

export type RiskMatrix = z.infer<typeof riskMatrixSchema>;
export type RiskBand = RiskMatrix["bands"][number];
export type Risk = z.infer<typeof riskSchema>;
export type RiskRating = z.infer<typeof ratingSchema>;
export type RiskAppetite = z.infer<typeof appetiteSchema>;
export type RegisterAppetite = z.infer<typeof registerAppetiteSchema>;
export type MitigatingAction = z.infer<typeof mitigatingActionSchema>;
export type RiskFile = z.infer<typeof riskFileSchema>;
