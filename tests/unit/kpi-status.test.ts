import { describe, expect, it } from "vitest";
import { computeKpiStatus, type KpiStatusInput } from "../../src/calc/kpi-status.ts";
import { defaultRagRules, type RagBand, type RagRules } from "../../src/schema/rag-rules-schema.ts";

const base: KpiStatusInput = {
  polarity: "higherIsBetter",
  actual: undefined,
  target: 45,
  rules: defaultRagRules,
  unit: "percent",
  decimals: 1,
  periodLabel: "2023/24 Q2",
};

type BandSpec = [rating: RagBand["rating"], upTo?: number, boundary?: "exclusive", label?: string];
const band = ([rating, upTo, boundary, label]: BandSpec): RagBand => ({
  rating,
  boundary: boundary ?? "inclusive",
  ...(upTo === undefined ? {} : { upTo }),
  ...(label === undefined ? {} : { label }),
});
const rules = (
  measure: "relative" | "absolute",
  bands: BandSpec[],
  more: Partial<Omit<RagRules, "shortfall">> = {},
): RagRules => ({ ...defaultRagRules, shortfall: { measure, bands: bands.map(band) }, ...more });

const absolute2 = rules("absolute", [["green", 0], ["amber", 2], ["red"]]);
const greenWithin5 = rules("relative", [["green", 5], ["amber", 10], ["red"]]);
const amberBelow5 = rules("relative", [["green", 0], ["amber", 5, "exclusive"], ["red"]]);
const greenBeyondTarget = rules("relative", [["green", 0, "exclusive"], ["amber", 5], ["red"]]);
const exceededOrMet = rules("relative", [
  ["green", 0, "exclusive", "Exceeded"],
  ["green", 0, undefined, "Met"],
  ["amber", 5],
  ["red"],
]);
const wellAhead = rules("relative", [
  ["green", -10, undefined, "Well ahead"],
  ["green", 0],
  ["amber", 5],
  ["red"],
]);
const fourBands = rules("relative", [
  ["green", 0],
  ["amber", 5],
  ["red", 15],
  ["red", undefined, undefined, "Severe"],
]);

describe("computeKpiStatus: bands by shortfall", () => {
  it.each([
    // Default: higher is better, target 45, Amber down to 42.75 (5% of 45 = 2.25).
    { name: "above target", input: { actual: 46.2 }, status: "green" },
    { name: "exactly on target", input: { actual: 45 }, status: "green" },
    { name: "just below target", input: { actual: 44.99 }, status: "amber" },
    { name: "exactly on the amber boundary", input: { actual: 42.75 }, status: "amber" },
    { name: "just past the amber boundary", input: { actual: 42.74 }, status: "red" },
    { name: "the Q2 seed's recycling rate", input: { actual: 43.1 }, status: "amber" },
    { name: "far below", input: { actual: 30 }, status: "red" },
    // Lower is better, target 40, Amber up to 42.
    {
      name: "lower is better, below target",
      input: { polarity: "lowerIsBetter", target: 40, actual: 38 },
      status: "green",
    },
    {
      name: "lower is better, on the boundary",
      input: { polarity: "lowerIsBetter", target: 40, actual: 42 },
      status: "amber",
    },
    {
      name: "lower is better, beyond",
      input: { polarity: "lowerIsBetter", target: 40, actual: 42.01 },
      status: "red",
    },
    // Absolute bands: 2 points.
    { name: "absolute, inside", input: { actual: 43, rules: absolute2 }, status: "amber" },
    { name: "absolute, outside", input: { actual: 42.9, rules: absolute2 }, status: "red" },
    {
      name: "no amber band: any shortfall is red",
      input: { actual: 44.9, rules: rules("absolute", [["green", 0], ["red"]]) },
      status: "red",
    },
    // Decimals that binary floating point cannot hold exactly still land on the boundary.
    {
      name: "0.3 target, 0.1 absolute, actual 0.2",
      input: { target: 0.3, actual: 0.2, rules: rules("absolute", [["green", 0], ["amber", 0.1], ["red"]]) },
      status: "amber",
    },
    // "Green within 5% short" councils.
    { name: "green within 5%: 43.1", input: { actual: 43.1, rules: greenWithin5 }, status: "green" },
    { name: "green within 5%: on 42.75", input: { actual: 42.75, rules: greenWithin5 }, status: "green" },
    { name: "green within 5%: 41", input: { actual: 41, rules: greenWithin5 }, status: "amber" },
    { name: "green within 5%: on 40.5 (10%)", input: { actual: 40.5, rules: greenWithin5 }, status: "amber" },
    { name: "green within 5%: 40.4", input: { actual: 40.4, rules: greenWithin5 }, status: "red" },
    // Exclusive boundaries: the boundary belongs to the next band.
    {
      name: "amber below 5% (exclusive): on 42.75",
      input: { actual: 42.75, rules: amberBelow5 },
      status: "red",
    },
    {
      name: "amber below 5% (exclusive): 42.76",
      input: { actual: 42.76, rules: amberBelow5 },
      status: "amber",
    },
    {
      name: "green only beyond target: on it",
      input: { actual: 45, rules: greenBeyondTarget },
      status: "amber",
    },
    {
      name: "green only beyond target: 45.01",
      input: { actual: 45.01, rules: greenBeyondTarget },
      status: "green",
    },
    // Named bands, including a band of one value and bands better than target.
    { name: "exceeded", input: { actual: 45.5, rules: exceededOrMet }, status: "green", label: "Exceeded" },
    { name: "met exactly", input: { actual: 45, rules: exceededOrMet }, status: "green", label: "Met" },
    { name: "short after met", input: { actual: 44, rules: exceededOrMet }, status: "amber", label: "Amber" },
    {
      name: "well ahead (11% better)",
      input: { actual: 50, rules: wellAhead },
      status: "green",
      label: "Well ahead",
    },
    {
      name: "well ahead, exactly 10% better",
      input: { actual: 49.5, rules: wellAhead },
      status: "green",
      label: "Well ahead",
    },
    {
      name: "ahead, less than 10%",
      input: { actual: 49.4, rules: wellAhead },
      status: "green",
      label: "Green",
    },
    {
      name: "four bands: 15% short",
      input: { actual: 38.25, rules: fourBands },
      status: "red",
      label: "Red",
    },
    {
      name: "four bands: beyond 15%",
      input: { actual: 38.2, rules: fourBands },
      status: "red",
      label: "Severe",
    },
    // Target 0 with a relative measure: no division; on target, better, or worse.
    { name: "target 0, on it", input: { polarity: "lowerIsBetter", target: 0, actual: 0 }, status: "green" },
    { name: "target 0, worse", input: { polarity: "lowerIsBetter", target: 0, actual: 1 }, status: "red" },
    {
      name: "target 0, tiny bit worse",
      input: { polarity: "lowerIsBetter", target: 0, actual: 0.001 },
      status: "red",
    },
    {
      name: "target 0, better",
      input: { polarity: "lowerIsBetter", target: 0, actual: -1 },
      status: "green",
    },
    {
      name: "target 0, better, first band is well ahead",
      input: { target: 0, actual: 0.5, rules: wellAhead },
      status: "green",
      label: "Well ahead",
    },
    {
      name: "target 0, absolute measure works as usual",
      input: { polarity: "lowerIsBetter", target: 0, actual: 1.5, rules: absolute2 },
      status: "amber",
    },
    // Negative figures (a budget variance).
    {
      name: "negative target, better",
      input: { target: -10, actual: -5, unit: "pounds", decimals: 0 },
      status: "green",
    },
    {
      name: "negative target, within 5%",
      input: { target: -100, actual: -104, unit: "pounds", decimals: 0 },
      status: "amber",
    },
    {
      name: "negative target, on 5%",
      input: { target: -100, actual: -105, unit: "pounds", decimals: 0 },
      status: "amber",
    },
    {
      name: "negative target, beyond 5%",
      input: { target: -100, actual: -106, unit: "pounds", decimals: 0 },
      status: "red",
    },
    {
      name: "negative, lower is better",
      input: { polarity: "lowerIsBetter", target: -100, actual: -96, unit: "pounds", decimals: 0 },
      status: "amber",
    },
  ] as const)("$name → $status", ({ input, status, ...expected }) => {
    const result = computeKpiStatus({ ...base, ...input });
    expect(result.status).toBe(status);
    if ("label" in expected) expect(result.label).toBe(expected.label);
  });
});

describe("computeKpiStatus: statuses beyond RAG", () => {
  it.each([
    { name: "data only", input: { polarity: "dataOnly", actual: 31.7 }, status: "dataOnly" },
    { name: "no polarity is data only", input: { polarity: undefined, actual: 31.7 }, status: "dataOnly" },
    { name: "no figure yet", input: {}, status: "awaited" },
    { name: "declared awaited", input: { dataStatus: "awaited" }, status: "awaited" },
    { name: "declared not available", input: { dataStatus: "notAvailable" }, status: "notAvailable" },
    { name: "no target", input: { target: undefined, actual: 12 }, status: "noTarget" },
    { name: "provisional is still rated", input: { dataStatus: "provisional", actual: 46 }, status: "green" },
  ] as const)("$name → $status", ({ input, status }) => {
    expect(computeKpiStatus({ ...base, ...input }).status).toBe(status);
  });
});

describe("computeKpiStatus: minimum expectation", () => {
  it.each([
    { name: "on target", input: { actual: 45 }, status: "green" },
    { name: "short, above the minimum", input: { actual: 41 }, status: "amber" },
    { name: "short, exactly on the minimum", input: { actual: 40 }, status: "amber" },
    { name: "short of the minimum", input: { actual: 39.9 }, status: "red" },
    { name: "green band comes first", input: { actual: 43, rules: greenWithin5 }, status: "green" },
    {
      name: "lower is better, on minimum",
      input: { polarity: "lowerIsBetter", target: 40, minimum: 45, actual: 45 },
      status: "amber",
    },
    {
      name: "lower is better, past minimum",
      input: { polarity: "lowerIsBetter", target: 40, minimum: 45, actual: 45.1 },
      status: "red",
    },
  ] as const)("target 45, minimum 40: $name → $status", ({ input, status }) => {
    expect(computeKpiStatus({ ...base, minimum: 40, ...input }).status).toBe(status);
  });
});

describe("computeKpiStatus: improved on the same period last year", () => {
  const improving = { ...defaultRagRules, amberIfImprovedOnLastYear: true };
  const lastYear = (value: number | undefined) => ({ value, label: "2022/23 Q2" });
  it.each([
    { name: "red, better than last year", input: { actual: 40, lastYear: lastYear(38) }, status: "amber" },
    { name: "red, worse than last year", input: { actual: 40, lastYear: lastYear(41) }, status: "red" },
    { name: "red, same as last year", input: { actual: 40, lastYear: lastYear(40) }, status: "red" },
    { name: "red, no figure last year", input: { actual: 40, lastYear: lastYear(undefined) }, status: "red" },
    {
      name: "red, better only within the no-change band",
      input: {
        actual: 40,
        lastYear: lastYear(39.5),
        rules: { ...improving, noChange: { measure: "absolute", within: 0.5 } },
      },
      status: "red",
    },
    { name: "amber stays amber", input: { actual: 44, lastYear: lastYear(30) }, status: "amber" },
    {
      name: "rule off",
      input: { actual: 40, lastYear: lastYear(38), rules: defaultRagRules },
      status: "red",
    },
    {
      name: "missed minimum, better than last year",
      input: { actual: 39, minimum: 40, lastYear: lastYear(38) },
      status: "amber",
    },
  ] as const)("$name → $status", ({ input, status }) => {
    expect(computeKpiStatus({ ...base, rules: improving, ...input }).status).toBe(status);
  });
});

describe("computeKpiStatus: rounding before comparing", () => {
  const rounding = { ...defaultRagRules, roundBeforeComparing: true };
  it.each([
    { actual: 44.96, decimals: 1, rounded: "green", unrounded: "amber" },
    { actual: 42.7496, decimals: 2, rounded: "amber", unrounded: "red" },
    { actual: 42.74, decimals: 1, rounded: "red", unrounded: "red" },
  ])(
    "$actual at $decimals decimals: $rounded when rounded, $unrounded when not",
    ({ actual, decimals, rounded, unrounded }) => {
      expect(computeKpiStatus({ ...base, actual, decimals, rules: rounding }).status).toBe(rounded);
      expect(computeKpiStatus({ ...base, actual, decimals }).status).toBe(unrounded);
    },
  );
});

describe("computeKpiStatus: reasons", () => {
  it.each([
    {
      input: { actual: 43.1 },
      reason: "Amber: 43.1% is 1.9 points below the 45.0% target, within the 5% tolerance (42.75%).",
    },
    {
      input: { actual: 40 },
      reason: "Red: 40.0% is 5.0 points below the 45.0% target, beyond the 5% tolerance (42.75%).",
    },
    { input: { actual: 45 }, reason: "Green: 45.0% is on the 45.0% target." },
    { input: { actual: 46.2 }, reason: "Green: 46.2% is 1.2 points above the 45.0% target." },
    {
      input: { actual: 42.75 },
      reason: "Amber: 42.75% is 2.25 points below the 45.00% target, exactly on the 5% tolerance (42.75%).",
    },
    {
      input: { actual: 42.75, rules: amberBelow5 },
      reason: "Red: 42.75% is 2.25 points below the 45.00% target, exactly on the 5% tolerance (42.75%).",
    },
    {
      input: {
        polarity: "lowerIsBetter",
        unit: "days",
        decimals: 0,
        target: 20,
        actual: 23,
        rules: absolute2,
      },
      reason: "Red: 23 days is 3 days above the 20 days target, beyond the tolerance of 2 days (22 days).",
    },
    {
      // Compared unrounded, so a reason never contradicts itself at the KPI's own decimals.
      input: { decimals: 0, actual: 44.6 },
      reason: "Amber: 44.6% is 0.4 points below the 45.0% target, within the 5% tolerance (42.75%).",
    },
    {
      input: { decimals: 0, actual: 44, rules: rules("absolute", [["green", 0], ["amber", 0.5], ["red"]]) },
      reason: "Red: 44% is 1 point below the 45% target, beyond the tolerance of 0.5 points (44.5%).",
    },
    {
      input: { polarity: "lowerIsBetter", unit: "days", decimals: 1, target: 1, actual: 1.04 },
      reason:
        "Amber: 1.04 days is 0.04 days above the 1.00 days target, within the 5% tolerance (1.05 days).",
    },
    {
      input: { actual: 43.1, rules: greenWithin5 },
      reason: "Green: 43.1% is 1.9 points below the 45.0% target, within the 5% tolerance (42.75%).",
    },
    {
      input: { actual: 41, rules: greenWithin5 },
      reason:
        "Amber: 41.0% is 4.0 points below the 45.0% target, beyond the 5% tolerance (42.75%) but within the 10% tolerance (40.5%).",
    },
    {
      input: { actual: 50, rules: wellAhead },
      reason:
        "Well ahead: 50.0% is 5.0 points above the 45.0% target, more than 10% better than target (49.5%).",
    },
    {
      input: { actual: 47, rules: wellAhead },
      reason: "Green: 47.0% is 2.0 points above the 45.0% target, less than 10% better than target (49.5%).",
    },
    {
      input: { polarity: "lowerIsBetter", target: 0, actual: 1, unit: "number", decimals: 0 },
      reason:
        "Red: 1 is 1 above the 0 target; a relative tolerance cannot apply to a target of 0, so any shortfall is Red.",
    },
    {
      input: { actual: 41, minimum: 40 },
      reason:
        "Amber: 41.0% is 4.0 points below the 45.0% target, but meets the minimum expectation of 40.0%.",
    },
    {
      input: { actual: 39.5, minimum: 40 },
      reason: "Red: 39.5% is 5.5 points below the 45.0% target and misses the minimum expectation of 40.0%.",
    },
    {
      input: {
        polarity: "lowerIsBetter",
        unit: "number",
        decimals: 0,
        target: 1150,
        actual: 1262,
        rules: { ...defaultRagRules, amberIfImprovedOnLastYear: true },
        lastYear: { value: 1298, label: "2022/23 Q2" },
      },
      reason:
        "Amber: 1,262 is 112 above the 1,150 target, beyond the 5% tolerance (1,207.5), but better than 2022/23 Q2 (1,298), so it is rated Amber rather than Red.",
    },
    {
      input: {
        actual: 40,
        rules: { ...defaultRagRules, amberIfImprovedOnLastYear: true },
        lastYear: { value: undefined, label: "2022/23 Q2" },
      },
      reason:
        "Red: 40.0% is 5.0 points below the 45.0% target, beyond the 5% tolerance (42.75%); there is no figure for 2022/23 Q2 to show an improvement on last year.",
    },
    {
      input: {
        unit: "number",
        decimals: 0,
        target: 120,
        actual: 79,
        actualWords: "so far this year",
        targetName: "year-to-date target",
      },
      reason:
        "Red: 79 so far this year is 41 below the 120 year-to-date target, beyond the 5% tolerance (114).",
    },
    {
      input: { actual: 44.96, rules: { ...defaultRagRules, roundBeforeComparing: true } },
      reason: "Green: 44.96%, rounded to 45.0%, is on the 45.0% target.",
    },
    {
      input: { actual: 12, target: undefined },
      reason: "No target: 12.0% cannot be rated because no target is set.",
    },
    { input: { dataStatus: "notAvailable" }, reason: "Not available: there is no figure for 2023/24 Q2." },
    { input: {}, reason: "Awaited: the 2023/24 Q2 figure has not been received yet." },
  ] as const)("$reason", ({ input, reason }) => {
    expect(computeKpiStatus({ ...base, ...input }).reason).toBe(reason);
  });
});
