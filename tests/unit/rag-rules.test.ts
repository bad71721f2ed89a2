import { describe, expect, it } from "vitest";
import { describeBand } from "../../src/model/describe-rag-rules.ts";
import {
  defaultRagRules,
  type RagBand,
  ragRulesOverrideSchema,
  ragRulesSchema,
  resolveRagRule,
  type ShortfallBands,
} from "../../src/schema/rag-rules-schema.ts";

describe("ragRulesSchema", () => {
  it("defaults to green on or better than target, amber within 5%, red beyond", () => {
    expect(ragRulesSchema.parse({})).toEqual(defaultRagRules);
    expect(defaultRagRules.shortfall).toEqual({
      measure: "relative",
      bands: [
        { rating: "green", upTo: 0, boundary: "inclusive" },
        { rating: "amber", upTo: 5, boundary: "inclusive" },
        { rating: "red", boundary: "inclusive" },
      ],
    });
  });

  const problems = (bands: unknown[]) => {
    const result = ragRulesSchema.safeParse({ shortfall: { measure: "relative", bands } });
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it.each([
    {
      name: "a last band with a limit",
      bands: [
        { rating: "green", upTo: 0 },
        { rating: "red", upTo: 5 },
      ],
      problem:
        "shortfall.bands.1.upTo: the last band takes every larger shortfall, so it has no upTo; add a band after it",
    },
    {
      name: "a middle band without a limit",
      bands: [{ rating: "green" }, { rating: "red" }],
      problem: "shortfall.bands.0.upTo: every band but the last needs upTo: the largest shortfall it covers",
    },
    {
      name: "limits out of order",
      bands: [{ rating: "green", upTo: 5 }, { rating: "amber", upTo: 0 }, { rating: "red" }],
      problem:
        "shortfall.bands.1.upTo: upTo must be larger than the band before's (5): list bands from the smallest shortfall to the largest",
    },
    {
      name: "the same limit twice, inclusive",
      bands: [{ rating: "green", upTo: 0 }, { rating: "amber", upTo: 0 }, { rating: "red" }],
      problem:
        "shortfall.bands.1.upTo: upTo must be larger than the band before's (0): list bands from the smallest shortfall to the largest",
    },
    {
      name: "a better rating after a worse one",
      bands: [{ rating: "amber", upTo: 0 }, { rating: "green", upTo: 5 }, { rating: "red" }],
      problem:
        "shortfall.bands.1.rating: bands go from the best result to the worst: a green band cannot follow an amber one",
    },
    { name: "no bands", bands: [], problem: "shortfall.bands: give at least one band" },
  ])("rejects $name", ({ bands, problem }) => {
    expect(problems(bands)).toEqual([problem]);
  });

  it("accepts a band of exactly one value (exclusive, then inclusive at the same limit)", () => {
    expect(
      problems([
        { rating: "green", label: "Exceeded", upTo: 0, boundary: "exclusive" },
        { rating: "green", label: "Met", upTo: 0 },
        { rating: "red" },
      ]),
    ).toEqual([]);
  });
});

describe("resolveRagRule", () => {
  const absoluteBands: ShortfallBands = {
    measure: "absolute",
    bands: [
      { rating: "green", upTo: 0, boundary: "inclusive" },
      { rating: "amber", upTo: 0.1, boundary: "inclusive" },
      { rating: "red", boundary: "inclusive" },
    ],
  };

  it("keeps the defaults when there is no override", () => {
    expect(resolveRagRule(defaultRagRules, undefined)).toBe(defaultRagRules);
    expect(resolveRagRule(defaultRagRules, ragRulesOverrideSchema.parse({}))).toEqual(defaultRagRules);
  });

  it("replaces each rule the override gives, the shortfall's measure and bands together", () => {
    const resolved = resolveRagRule(defaultRagRules, {
      shortfall: absoluteBands,
      amberIfImprovedOnLastYear: true,
    });
    expect(resolved).toEqual({
      ...defaultRagRules,
      shortfall: absoluteBands,
      amberIfImprovedOnLastYear: true,
    });
    // Layers stack: a pack default, a report's rules, then an indicator's.
    const pack = { ...defaultRagRules, roundBeforeComparing: true };
    const report = resolveRagRule(pack, { noChange: { measure: "absolute", within: 0.5 } });
    expect(resolveRagRule(report, { amberIfImprovedOnLastYear: true })).toEqual({
      ...defaultRagRules,
      roundBeforeComparing: true,
      noChange: { measure: "absolute", within: 0.5 },
      amberIfImprovedOnLastYear: true,
    });
  });

  it("cannot take a measure without its bands", () => {
    const result = ragRulesOverrideSchema.safeParse({ shortfall: { measure: "absolute" } });
    expect(result.success).toBe(false);
  });
});

describe("describeBand (the report's key)", () => {
  const amount = (limit: number) => `${Math.abs(limit)}% of the target`;
  const band = (rating: RagBand["rating"], upTo?: number, exclusive = false): RagBand => ({
    rating,
    boundary: exclusive ? "exclusive" : "inclusive",
    ...(upTo === undefined ? {} : { upTo }),
  });
  it.each([
    {
      bands: [band("green", 0), band("amber", 5), band("red")],
      meanings: [
        "On target or better.",
        "Short of target by no more than 5% of the target.",
        "Short of target by more than 5% of the target.",
      ],
    },
    {
      bands: [band("green", 5), band("amber", 10, true), band("red")],
      meanings: [
        "On target or better, or short of it by no more than 5% of the target.",
        "Short of target by more than 5% of the target and less than 10% of the target.",
        "Short of target by at least 10% of the target.",
      ],
    },
    {
      bands: [band("green", 0, true), band("green", 0), band("amber", 5), band("red")],
      meanings: [
        "Better than target.",
        "Exactly on target.",
        "Short of target by no more than 5% of the target.",
        "Short of target by more than 5% of the target.",
      ],
    },
    {
      bands: [band("green", -10), band("green", 0), band("red")],
      meanings: [
        "Better than target by at least 10% of the target.",
        "Better than target by less than 10% of the target, or on target.",
        "Short of target.",
      ],
    },
  ])("$meanings.0 …", ({ bands, meanings }) => {
    expect(bands.map((_, index) => describeBand(bands, index, amount))).toEqual(meanings);
  });
});
