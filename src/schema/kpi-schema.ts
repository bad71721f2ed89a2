// kpis.yaml: the key performance indicators, their targets and their results by period.
import { z } from "zod";
import { idSchema, periodKeySchema, textSchema, toleranceSchema } from "./common.ts";

export const polaritySchema = z.enum(["higherIsBetter", "lowerIsBetter", "dataOnly"]);
export const unitSchema = z.enum(["percent", "number", "pounds", "days", "ratio"]);
export const dataStatusSchema = z.enum(["awaited", "notAvailable", "provisional"]);

export const kpiSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  theme: idSchema,
  owner: textSchema.optional(),
  unit: unitSchema.default("number"),
  decimals: z.int().min(0).max(4).default(0),
  polarity: polaritySchema,
  frequency: z.enum(["monthly", "quarterly", "sixMonthly", "annual"]).default("quarterly"),
  target: z.number().optional(),
  tolerance: toleranceSchema.optional(),
  actuals: z.record(periodKeySchema, z.number()).default({}),
  dataStatus: z.record(periodKeySchema, dataStatusSchema).default({}),
  commentary: z.record(periodKeySchema, textSchema).default({}),
  definition: textSchema.optional(),
  source: textSchema.optional(),
});

export const kpiFileSchema = z.strictObject({
  kpis: z.array(kpiSchema).min(1),
});

export type Kpi = z.infer<typeof kpiSchema>;
export type Polarity = z.infer<typeof polaritySchema>;
export type KpiUnit = z.infer<typeof unitSchema>;
export type Tolerance = z.infer<typeof toleranceSchema>;
