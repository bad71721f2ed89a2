// How an indicator is rated against its target: bands by shortfall, and the optional rules councils
// add. A report sets the rules for all its indicators; an indicator may override any of them.
import { z } from "zod";
import { textSchema } from "./common.ts";

export const ratingSchema = z.enum(["green", "amber", "red"]);

/** relative: as a percentage of the target; absolute: in the indicator's unit (points for a percentage). */
export const measureSchema = z.enum(["relative", "absolute"]);

export const ragBandSchema = z.strictObject({
  /** What the band counts as in summaries and how it is drawn. */
  rating: ratingSchema,
  /** The band's name in the report; the rating's own word ("Amber") when not given. */
  label: textSchema.optional(),
  /** The largest shortfall from target the band covers; a negative number is better than target. */
  upTo: z.number().optional(),
  /** inclusive: a shortfall of exactly upTo is in this band; exclusive: it is in the next one. */
  boundary: z.enum(["inclusive", "exclusive"]).default("inclusive"),
});

const ratingOrder = { green: 0, amber: 1, red: 2 } as const;

/**
 * Bands run from the best result to the worst, so that together they cover every shortfall
 * exactly once: each ends where the next begins, and the last has no end.
 */
const bandListSchema = z
  .array(ragBandSchema)
  .min(1, { message: "give at least one band" })
  .superRefine((bands, context) => {
    bands.forEach((band, index) => {
      const previous = bands[index - 1];
      const last = index === bands.length - 1;
      if (last && band.upTo !== undefined) {
        context.addIssue({
          code: "custom",
          path: [index, "upTo"],
          message: "the last band takes every larger shortfall, so it has no upTo; add a band after it",
        });
      }
      if (!last && band.upTo === undefined) {
        context.addIssue({
          code: "custom",
          path: [index, "upTo"],
          message: "every band but the last needs upTo: the largest shortfall it covers",
        });
      }
      if (previous && ratingOrder[band.rating] < ratingOrder[previous.rating]) {
        context.addIssue({
          code: "custom",
          path: [index, "rating"],
          message: `bands go from the best result to the worst: a ${band.rating} band cannot follow ${previous.rating === "amber" ? "an" : "a"} ${previous.rating} one`,
        });
      }
      if (previous?.upTo !== undefined && band.upTo !== undefined) {
        // Equal limits make a band of one value (exactly on target), which needs exclusive before inclusive.
        const onePoint =
          band.upTo === previous.upTo && previous.boundary === "exclusive" && band.boundary === "inclusive";
        if (band.upTo < previous.upTo || (band.upTo === previous.upTo && !onePoint)) {
          context.addIssue({
            code: "custom",
            path: [index, "upTo"],
            message: `upTo must be larger than the band before's (${previous.upTo}): list bands from the smallest shortfall to the largest`,
          });
        }
      }
    });
  });

export const shortfallBandsSchema = z.strictObject({
  measure: measureSchema,
  bands: bandListSchema,
});

/** Direction of travel: a change no bigger than this is "no change". */
export const noChangeSchema = z.strictObject({
  measure: measureSchema,
  within: z.number().nonnegative(),
});

export type RagBand = z.output<typeof ragBandSchema>;
export type Rating = z.output<typeof ratingSchema>;
export type Measure = z.output<typeof measureSchema>;
export type ShortfallBands = z.output<typeof shortfallBandsSchema>;
export type NoChangeRule = z.output<typeof noChangeSchema>;

export interface RagRules {
  shortfall: ShortfallBands;
  /** A result rated Red that is better than the same period last year is rated Amber instead. */
  amberIfImprovedOnLastYear: boolean;
  /** Round the actual to the indicator's decimals (as shown) before comparing it with the target. */
  roundBeforeComparing: boolean;
  noChange: NoChangeRule;
}

/** Green on or better than target, Amber up to 5% of the target short, Red beyond. */
export const defaultRagRules: RagRules = Object.freeze<RagRules>({
  shortfall: {
    measure: "relative",
    bands: [
      { rating: "green", upTo: 0, boundary: "inclusive" },
      { rating: "amber", upTo: 5, boundary: "inclusive" },
      { rating: "red", boundary: "inclusive" },
    ],
  },
  amberIfImprovedOnLastYear: false,
  roundBeforeComparing: false,
  noChange: { measure: "absolute", within: 0 },
});

export const ragRulesSchema = z.strictObject({
  shortfall: shortfallBandsSchema.default(defaultRagRules.shortfall),
  amberIfImprovedOnLastYear: z.boolean().default(defaultRagRules.amberIfImprovedOnLastYear),
  roundBeforeComparing: z.boolean().default(defaultRagRules.roundBeforeComparing),
  noChange: noChangeSchema.default(defaultRagRules.noChange),
});

/** The same rules with nothing filled in: what an indicator changes, rule by rule. */
export const ragRulesOverrideSchema = z.strictObject({
  shortfall: shortfallBandsSchema.optional(),
  amberIfImprovedOnLastYear: z.boolean().optional(),
  roundBeforeComparing: z.boolean().optional(),
  noChange: noChangeSchema.optional(),
});

export type RagRulesOverride = z.output<typeof ragRulesOverrideSchema>;

/**
 * The rules that apply: each rule the override gives replaces the default's, as a whole (the
 * shortfall's measure and bands always travel together, so a band limit never changes meaning).
 */
export function resolveRagRule(defaults: RagRules, override: RagRulesOverride | undefined): RagRules {
  if (!override) return defaults;
  return {
    shortfall: override.shortfall ?? defaults.shortfall,
    amberIfImprovedOnLastYear: override.amberIfImprovedOnLastYear ?? defaults.amberIfImprovedOnLastYear,
    roundBeforeComparing: override.roundBeforeComparing ?? defaults.roundBeforeComparing,
    noChange: override.noChange ?? defaults.noChange,
  };
}
