// kpis.yaml: the key performance indicators and contextual (place) indicators, their targets and
// their results by period.
import { z } from "zod";
import { idSchema, markdownSchema, periodKeySchema, textSchema } from "./common.ts";
import { figureSchema } from "./figure-schema.ts";
import { ragRulesOverrideSchema } from "./rag-rules-schema.ts";

/** Without a polarity an indicator is data only: shown, never rated. */
export const polaritySchema = z.enum(["higherIsBetter", "lowerIsBetter", "dataOnly"]);
export const unitSchema = z.enum(["percent", "number", "pounds", "days", "ratio"]);
export const dataStatusSchema = z.enum(["awaited", "notAvailable", "provisional"]);
export const frequencySchema = z.enum(["monthly", "quarterly", "sixMonthly", "annual"]);
/** How the year-to-date figure is made from the figures of each period so far. */
export const aggregationSchema = z.enum(["cumulative", "average", "latest"]);

/** A comparison with other councils: a single figure, or quartiles, or both. */
export const benchmarkSchema = z
  .strictObject({
    /** Who the council is compared with: "CIPFA nearest neighbours", "England". */
    group: textSchema,
    period: periodKeySchema,
    source: textSchema.optional(),
    /** One comparison figure, such as an average. */
    value: figureSchema.optional(),
    lowerQuartile: figureSchema.optional(),
    median: figureSchema.optional(),
    upperQuartile: figureSchema.optional(),
  })
  .refine(
    (benchmark) =>
      [benchmark.value, benchmark.lowerQuartile, benchmark.median, benchmark.upperQuartile].some(
        (figure) => figure !== undefined,
      ),
    { message: "give at least one of value, lowerQuartile, median or upperQuartile" },
  );

const byPeriod = <Schema extends z.ZodType>(schema: Schema) => z.record(periodKeySchema, schema).default({});

export const kpiSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  theme: idSchema,
  /** kpi: rated and counted (Appendix A); contextual: place information, never rated (Appendix B). */
  kind: z.enum(["kpi", "contextual"]).default("kpi"),
  owner: textSchema.optional(),
  unit: unitSchema.default("number"),
  decimals: z.int().min(0).max(4).default(0),
  polarity: polaritySchema.optional(),
  frequency: frequencySchema.default("quarterly"),
  aggregation: aggregationSchema.default("latest"),
  /** The target for every year (for a cumulative indicator, the whole year's total). */
  target: figureSchema.optional(),
  /** Targets by period (profiled) or by financial year ("2023/24"); these come before `target`. */
  targets: byPeriod(figureSchema),
  /** A second threshold: short of target but meeting this is Amber; missing it is Red. */
  minimum: figureSchema.optional(),
  /** This indicator's own rating rules, replacing the report's rule by rule. */
  rag: ragRulesOverrideSchema.optional(),
  actuals: byPeriod(figureSchema),
  dataStatus: byPeriod(dataStatusSchema),
  commentary: byPeriod(markdownSchema),
  remedialAction: byPeriod(markdownSchema),
  benchmarks: z.array(benchmarkSchema).default([]),
  definition: markdownSchema.optional(),
  source: textSchema.optional(),
});

export const kpiFileSchema = z.strictObject({
  kpis: z.array(kpiSchema).min(1),
});

export type Kpi = z.infer<typeof kpiSchema>;
export type Polarity = z.infer<typeof polaritySchema>;
export type KpiUnit = z.infer<typeof unitSchema>;
export type Aggregation = z.infer<typeof aggregationSchema>;
export type Benchmark = z.infer<typeof benchmarkSchema>;
export type DataStatus = z.infer<typeof dataStatusSchema>;
export type Frequency = z.infer<typeof frequencySchema>;
