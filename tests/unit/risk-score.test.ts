import { describe, expect, it } from "vitest";
import { bandForScore, riskMovement, scoreRisk } from "../../src/calc/risk-score.ts";
import type { RiskMatrix } from "../../src/schema/risk-schema.ts";

const fourByFour: RiskMatrix = {
  likelihood: [
    { value: 1, label: "Rare" },
    { value: 2, label: "Unlikely" },
    { value: 3, label: "Likely" },
    { value: 4, label: "Very likely" },
  ],
  impact: [
    { value: 1, label: "Minor" },
    { value: 2, label: "Significant" },
    { value: 3, label: "Serious" },
    { value: 4, label: "Major" },
  ],
  bands: [
    { name: "Low", from: 1, to: 4 },
    { name: "Medium", from: 5, to: 8 },
    { name: "High", from: 9, to: 12 },
    { name: "Very high", from: 13, to: 16 },
  ],
};

describe("scoreRisk", () => {
  it("reproduces the Q2 seed report's row", () => {
    expect(scoreRisk({ likelihood: 2, impact: 2 }, fourByFour).summary).toBe(
      "Unlikely (2) × Significant (2) = Low (4)",
    );
  });

  it.each([
    { likelihood: 1, impact: 1, score: 1, band: "Low" },
    { likelihood: 1, impact: 4, score: 4, band: "Low" },
    { likelihood: 2, impact: 3, score: 6, band: "Medium" },
    { likelihood: 2, impact: 4, score: 8, band: "Medium" },
    { likelihood: 3, impact: 3, score: 9, band: "High" },
    { likelihood: 3, impact: 4, score: 12, band: "High" },
    { likelihood: 4, impact: 4, score: 16, band: "Very high" },
  ])("$likelihood × $impact = $band ($score)", ({ likelihood, impact, score, band }) => {
    const result = scoreRisk({ likelihood, impact }, fourByFour);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
  });

  it("refuses a rating that is not on the matrix", () => {
    expect(() => scoreRisk({ likelihood: 5, impact: 1 }, fourByFour)).toThrow(RangeError);
  });

  it.each([
    { score: 4, band: "Low" },
    { score: 5, band: "Medium" },
    { score: 8, band: "Medium" },
    { score: 9, band: "High" },
    { score: 13, band: "Very high" },
  ])("band boundaries are inclusive: $score is $band", ({ score, band }) => {
    expect(bandForScore(score, fourByFour)).toBe(band);
  });

  it.each([
    { current: 12, previous: 9, movement: "increased" },
    { current: 6, previous: 9, movement: "decreased" },
    { current: 4, previous: 4, movement: "unchanged" },
    { current: 4, previous: undefined, movement: "new" },
  ] as const)("movement from $previous to $current is $movement", ({ current, previous, movement }) => {
    expect(riskMovement(current, previous)).toBe(movement);
  });
});
