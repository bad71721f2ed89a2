// The RAG status of one KPI in one period, with the reason a person can check by hand.
import type { Polarity, Tolerance } from "../schema/kpi-schema.ts";
import { formatDifference, formatValue, type ValueFormat } from "./format-value.ts";

export type KpiStatus = "green" | "amber" | "red" | "dataOnly" | "awaited" | "notAvailable" | "noTarget";

export interface KpiStatusInput extends ValueFormat {
  polarity: Polarity;
  actual: number | undefined;
  target: number | undefined;
  tolerance: Tolerance;
  dataStatus?: "awaited" | "notAvailable" | "provisional" | undefined;
  periodLabel: string;
}

export interface KpiStatusResult {
  status: KpiStatus;
  reason: string;
}

/**
 * Values are compared unrounded. Binary floating point cannot hold most decimals exactly
 * (45 − 42.75 is fine, 0.3 − 0.1 is not), so a difference within a billionth of the target's
 * size counts as equal: an actual exactly on a boundary lands on the side the rule names.
 */
function comparisonSlack(target: number): number {
  return 1e-9 * Math.max(1, Math.abs(target));
}

/** The fewest decimals, from the KPI's own, at which two different values look different. */
function revealingDecimals(actual: number, target: number, decimals: number): number {
  for (let shown = decimals; shown < decimals + 4; shown++) {
    if (actual.toFixed(shown) !== target.toFixed(shown)) return shown;
  }
  return decimals;
}

export function computeKpiStatus(input: KpiStatusInput): KpiStatusResult {
  const { polarity, actual, target, tolerance, dataStatus, periodLabel } = input;
  if (polarity === "dataOnly") {
    return {
      status: "dataOnly",
      reason: "Data only: this indicator is reported for context and has no RAG rating.",
    };
  }
  if (dataStatus === "notAvailable") {
    return { status: "notAvailable", reason: `Not available: there is no figure for ${periodLabel}.` };
  }
  if (actual === undefined) {
    return { status: "awaited", reason: `Awaited: the ${periodLabel} figure has not been received yet.` };
  }
  if (target === undefined) {
    return {
      status: "noTarget",
      reason: `No target: ${formatValue(actual, input)} cannot be rated because no target is set.`,
    };
  }
  // Compared unrounded, so shown with as many decimals as it takes for the figures to differ:
  // never "45% is 0 points below the 45% target".
  const shownFormat = { ...input, decimals: revealingDecimals(actual, target, input.decimals) };
  const shown = formatValue(actual, shownFormat);
  const targetText = formatValue(target, shownFormat);
  const shortfall = polarity === "higherIsBetter" ? target - actual : actual - target;
  const slack = comparisonSlack(target);
  const worseWord = polarity === "higherIsBetter" ? "below" : "above";
  const betterWord = polarity === "higherIsBetter" ? "above" : "below";

  if (shortfall <= slack) {
    const detail =
      Math.abs(shortfall) <= slack
        ? `${shown} is on the ${targetText} target`
        : `${shown} is ${formatDifference(shortfall, shownFormat)} ${betterWord} the ${targetText} target`;
    return { status: "green", reason: `Green: ${detail}.` };
  }

  const gap = `${shown} is ${formatDifference(shortfall, shownFormat)} ${worseWord} the ${targetText} target`;
  if (tolerance.type === "relative" && target === 0) {
    // A percentage of zero is zero: with a zero target any shortfall is beyond tolerance.
    return { status: "red", reason: `Red: ${gap}; a relative tolerance cannot apply to a target of 0.` };
  }
  const allowed =
    tolerance.type === "relative" ? (Math.abs(target) * tolerance.value) / 100 : tolerance.value;
  const limit = polarity === "higherIsBetter" ? target - allowed : target + allowed;
  const toleranceText =
    tolerance.type === "relative"
      ? `the ${tolerance.value}% tolerance (${formatValue(limit, { ...input, maxDecimals: input.decimals + 2 })})`
      : `the tolerance of ${formatDifference(tolerance.value, { ...input, maxDecimals: input.decimals + 2 })}`;
  if (shortfall <= allowed + slack) {
    return { status: "amber", reason: `Amber: ${gap}, within ${toleranceText}.` };
  }
  return { status: "red", reason: `Red: ${gap}, beyond ${toleranceText}.` };
}
