// risks.yaml: the risk matrix the council uses and the risks scored on it.
import { z } from "zod";
import { idSchema, isoDateSchema, textSchema } from "./common.ts";

const scalePointSchema = z.strictObject({
  value: z.int().min(1),
  label: textSchema,
});

const bandSchema = z.strictObject({
  name: textSchema,
  from: z.int().min(1),
  to: z.int().min(1),
});

export const riskMatrixSchema = z.strictObject({
  likelihood: z.array(scalePointSchema).min(2).max(10),
  impact: z.array(scalePointSchema).min(2).max(10),
  /** Score ranges (score = likelihood × impact), lowest first; together they cover every score. */
  bands: z.array(bandSchema).min(1),
});

const ratingSchema = z.strictObject({
  likelihood: z.int(),
  impact: z.int(),
});

export const riskSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  owner: textSchema,
  category: textSchema.optional(),
  inherent: ratingSchema.optional(),
  current: ratingSchema,
  target: ratingSchema.optional(),
  previousScore: z.int().min(1).optional(),
  controls: textSchema.optional(),
  actions: textSchema.optional(),
  reviewDate: isoDateSchema.optional(),
});

export const riskFileSchema = z.strictObject({
  matrix: riskMatrixSchema,
  risks: z.array(riskSchema),
});

export type RiskMatrix = z.infer<typeof riskMatrixSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type RiskRating = z.infer<typeof ratingSchema>;
