// Invariants of the rating rules, checked over generated band configurations and figures.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bandCovers,
  computeKpiStatus,
  type KpiStatusInput,
  measureShortfall,
} from "../../src/calc/kpi-status.ts";
import { type RagRules, ragRulesSchema } from "../../src/schema/rag-rules-schema.ts";

const rank = { red: 0, amber: 1, green: 2 } as const;
const ratingOrder = ["green", "amber", "red"] as const;

/**
 * Any valid configuration: limits rising from the best band to the worst, ratings never getting
 * better down the list, each boundary inclusive or exclusive, sometimes a one-value band. Every
 * generated configuration goes through the real schema, so only valid ones are used.
 */
const rulesArbitrary: fc.Arbitrary<RagRules> = fc
  .record({
    measure: fc.constantFrom("relative", "absolute"),
    limits: fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { maxLength: 5 }),
    exclusive: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    ratings: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    onePointBand: fc.boolean(),
    amberIfImprovedOnLastYear: fc.boolean(),
    noChangeWithin: fc.constantFrom(0, 0.5, 2),
  })
  .map(({ measure, limits, exclusive, ratings, onePointBand, amberIfImprovedOnLastYear, noChangeWithin }) => {
    const sorted = [...limits].sort((a, b) => a - b);
    const ordered = [...ratings].sort((a, b) => a - b);
    const bands: Record<string, unknown>[] = sorted.map((upTo, index) => ({
      rating: ratingOrder[ordered[index] ?? 2],
      upTo,
      boundary: exclusive[index] ? "exclusive" : "inclusive",
    }));
    const first = bands[0];
    if (onePointBand && first) {
      // A band of exactly one shortfall: the band before it stops just short (exclusive).
      bands.unshift({ ...first, boundary: "exclusive" });
      first.boundary = "inclusive";
    }
    bands.push({ rating: ratingOrder[ordered[bands.length] ?? 2] });
    return ragRulesSchema.parse({
      shortfall: { measure, bands },
      amberIfImprovedOnLastYear,
      noChange: { measure: "absolute", within: noChangeWithin },
    });
  });

const figure = fc.double({ min: -500, max: 500, noNaN: true });
const target = fc.oneof(fc.constant(0), fc.integer({ min: -300, max: 300 }), figure);

const inputFor = (
  rules: RagRules,
  polarity: "higherIsBetter" | "lowerIsBetter",
  actual: number,
  targetValue: number,
  extra: Partial<KpiStatusInput> = {},
): KpiStatusInput => ({
  polarity,
  actual,
  target: targetValue,
  rules,
  unit: "number",
  decimals: 1,
  periodLabel: "2023/24 Q2",
  ...extra,
});

const ratingOf = (input: KpiStatusInput) => {
  const { status } = computeKpiStatus(input);
  if (status !== "green" && status !== "amber" && status !== "red") throw new Error(`not rated: ${status}`);
  return status;
};

describe("rating rules: properties", () => {
  it("bands cover every shortfall exactly once, boundaries and infinities included", () => {
    fc.assert(
      fc.property(rulesArbitrary, target, figure, fc.nat(10), (rules, targetValue, actual, pick) => {
        const { bands, measure } = rules.shortfall;
        // Half the time, put the actual exactly on one of the limits.
        const limits = bands.flatMap((band) => (band.upTo === undefined ? [] : [band.upTo]));
        const onLimit = limits[pick % Math.max(1, limits.length)];
        const size = (upTo: number) => (measure === "relative" ? (upTo * Math.abs(targetValue)) / 100 : upTo);
        const placed = pick % 2 === 0 && onLimit !== undefined ? targetValue - size(onLimit) : actual;
        const scale = measureShortfall("higherIsBetter", placed, targetValue, measure);
        const covering = bands.filter((_, index) => bandCovers(bands, index, scale));
        expect(covering).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("swapping polarity mirrors the result (the same figures with their signs turned round)", () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        target,
        figure,
        fc.option(figure, { nil: undefined }),
        fc.option(figure, { nil: undefined }),
        (rules, targetValue, actual, minimum, lastYear) => {
          const higher = computeKpiStatus(
            inputFor(rules, "higherIsBetter", actual, targetValue, {
              minimum,
              lastYear: { value: lastYear, label: "2022/23 Q2" },
            }),
          );
          const lower = computeKpiStatus(
            inputFor(rules, "lowerIsBetter", -actual, -targetValue, {
              minimum: minimum === undefined ? undefined : -minimum,
              lastYear: { value: lastYear === undefined ? undefined : -lastYear, label: "2022/23 Q2" },
            }),
          );
          expect(lower.status).toBe(higher.status);
          expect(lower.label).toBe(higher.label);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("mirrors about the target too: as far above a lower-is-better target as below a higher-is-better one", () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -300, max: 300 }),
        (rules, targetValue, actual) => {
          const higher = ratingOf(inputFor(rules, "higherIsBetter", actual, targetValue));
          const lower = ratingOf(inputFor(rules, "lowerIsBetter", 2 * targetValue - actual, targetValue));
          expect(lower).toBe(higher);
        },
      ),
    );
  });

  it("moving the actual towards the target never worsens the status", () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        fc.constantFrom("higherIsBetter", "lowerIsBetter"),
        target,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(figure, { nil: undefined }),
        fc.option(figure, { nil: undefined }),
        (rules, polarity, targetValue, shortBy, step, minimum, lastYear) => {
          // Start short of the target (on its worse side) and move part of the way back.
          const worse = polarity === "higherIsBetter" ? -1 : 1;
          const start = targetValue + worse * shortBy;
          const moved = start + (targetValue - start) * step;
          const extra = { minimum, lastYear: { value: lastYear, label: "2022/23 Q2" } };
          const before = ratingOf(inputFor(rules, polarity, start, targetValue, extra));
          const after = ratingOf(inputFor(rules, polarity, moved, targetValue, extra));
          expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a better actual never gets a worse rating, anywhere on the scale", () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        target,
        figure,
        figure,
        fc.option(figure, { nil: undefined }),
        (rules, t, a, b, minimum) => {
          const [worse, better] = a <= b ? [a, b] : [b, a];
          const extra = { minimum };
          expect(rank[ratingOf(inputFor(rules, "higherIsBetter", better, t, extra))]).toBeGreaterThanOrEqual(
            rank[ratingOf(inputFor(rules, "higherIsBetter", worse, t, extra))],
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("every rated result has a reason that starts with its label", () => {
    fc.assert(
      fc.property(rulesArbitrary, target, figure, (rules, targetValue, actual) => {
        const result = computeKpiStatus(inputFor(rules, "higherIsBetter", actual, targetValue));
        expect(result.reason.startsWith(`${result.label}: `)).toBe(true);
        expect(result.reason).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 1000 },
    );
  });
});
