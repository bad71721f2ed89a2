import { describe, expect, it } from "vitest";
import { computeKpiStatus, type KpiStatusInput } from "../../src/calc/kpi-status.ts";

const relative5 = { type: "relative", value: 5 } as const;
const base: KpiStatusInput = {
  polarity: "higherIsBetter",
  actual: undefined,
  target: 45,
  tolerance: relative5,
  unit: "percent",
  decimals: 1,
  periodLabel: "2023/24 Q2",
};

describe("computeKpiStatus", () => {
  it.each([
    // higher is better, target 45, amber down to 42.75 (5% of 45 = 2.25)
    { name: "above target", input: { actual: 46.2 }, status: "green" },
    { name: "exactly on target", input: { actual: 45 }, status: "green" },
    { name: "just below target", input: { actual: 44.99 }, status: "amber" },
    { name: "exactly on the amber boundary", input: { actual: 42.75 }, status: "amber" },
    { name: "just past the amber boundary", input: { actual: 42.74 }, status: "red" },
    { name: "the Q2 seed's recycling rate", input: { actual: 43.1 }, status: "amber" },
    { name: "far below", input: { actual: 30 }, status: "red" },
    // lower is better, target 40, amber up to 42
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
    // absolute tolerance of 2 points
    {
      name: "absolute tolerance, inside",
      input: { actual: 43, tolerance: { type: "absolute", value: 2 } },
      status: "amber",
    },
    {
      name: "absolute tolerance, outside",
      input: { actual: 42.9, tolerance: { type: "absolute", value: 2 } },
      status: "red",
    },
    {
      name: "zero tolerance, short",
      input: { actual: 44.9, tolerance: { type: "absolute", value: 0 } },
      status: "red",
    },
    // decimals that binary floating point cannot hold exactly still land on the boundary
    {
      name: "0.3 target, 0.1 points absolute, actual 0.2",
      input: { target: 0.3, actual: 0.2, tolerance: { type: "absolute", value: 0.1 } },
      status: "amber",
    },
    // target 0: a relative tolerance is 0, so any shortfall is red, never a division by zero
    {
      name: "target 0, lower is better, above it",
      input: { polarity: "lowerIsBetter", target: 0, actual: 1 },
      status: "red",
    },
    {
      name: "target 0, lower is better, on it",
      input: { polarity: "lowerIsBetter", target: 0, actual: 0 },
      status: "green",
    },
    // negative values (a budget variance)
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
      name: "negative target, beyond 5%",
      input: { target: -100, actual: -106, unit: "pounds", decimals: 0 },
      status: "red",
    },
    // statuses beyond RAG
    { name: "data only", input: { polarity: "dataOnly", actual: 31.7 }, status: "dataOnly" },
    { name: "no figure yet", input: {}, status: "awaited" },
    { name: "declared not available", input: { dataStatus: "notAvailable" }, status: "notAvailable" },
    { name: "no target", input: { target: undefined, actual: 12 }, status: "noTarget" },
  ] as const)("$name → $status", ({ input, status }) => {
    expect(computeKpiStatus({ ...base, ...input }).status).toBe(status);
  });

  it("explains each status in words a person can check", () => {
    expect(computeKpiStatus({ ...base, actual: 43.1 }).reason).toBe(
      "Amber: 43.1% is 1.9 points below the 45.0% target, within the 5% tolerance (42.75%).",
    );
    expect(computeKpiStatus({ ...base, actual: 40 }).reason).toBe(
      "Red: 40.0% is 5.0 points below the 45.0% target, beyond the 5% tolerance (42.75%).",
    );
    expect(computeKpiStatus({ ...base, actual: 45 }).reason).toBe("Green: 45.0% is on the 45.0% target.");
    expect(
      computeKpiStatus({
        ...base,
        polarity: "lowerIsBetter",
        unit: "days",
        decimals: 0,
        target: 20,
        actual: 23,
        tolerance: { type: "absolute", value: 2 },
      }).reason,
    ).toBe("Red: 23 days is 3 days above the 20 days target, beyond the tolerance of 2 days.");
    // Compared unrounded, so a reason never contradicts itself at the KPI's own decimals.
    expect(computeKpiStatus({ ...base, decimals: 0, actual: 44.6 }).reason).toBe(
      "Amber: 44.6% is 0.4 points below the 45.0% target, within the 5% tolerance (42.75%).",
    );
    expect(
      computeKpiStatus({ ...base, decimals: 0, actual: 44, tolerance: { type: "absolute", value: 0.5 } })
        .reason,
    ).toBe("Red: 44% is 1 point below the 45% target, beyond the tolerance of 0.5 points.");
    expect(
      computeKpiStatus({
        ...base,
        polarity: "lowerIsBetter",
        unit: "days",
        decimals: 1,
        target: 1,
        actual: 1.04,
      }).reason,
    ).toBe("Amber: 1.04 days is 0.04 days above the 1.00 days target, within the 5% tolerance (1.05 days).");
    expect(computeKpiStatus({ ...base, polarity: "lowerIsBetter", target: 0, actual: 1 }).reason).toContain(
      "a relative tolerance cannot apply to a target of 0",
    );
  });
});
