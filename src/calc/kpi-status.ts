// The status of one KPI in one period, with the reason a person can check by hand. The rating
// itself follows the configured rules (src/schema/rag-rules-schema.ts); docs/rules.md has examples.
import type { DataStatus, Polarity } from "../schema/kpi-schema.ts";
import type { RagBand, RagRules, Rating } from "../schema/rag-rules-schema.ts";
import { compareWithEarlier } from "./direction-of-travel.ts";
import { formatDifference, formatValue, roundAsShown, type ValueFormat } from "./format-value.ts";

export type KpiStatus = Rating | "dataOnly" | "notDue" | "awaited" | "notAvailable" | "noTarget";

export interface KpiStatusInput extends ValueFormat {
  polarity: Polarity | undefined;
  /** The figure that is judged: the period's own, or the year to date (see assess-kpi.ts). */
  actual: number | undefined;
  target: number | undefined;
  /** Second threshold: short of target but meeting it is Amber, missing it Red. */
  minimum?: number | undefined;
  rules: RagRules;
  dataStatus?: DataStatus | undefined;
  periodLabel: string;
  /** Words after the actual when it is not the period's own figure: "so far this year". */
  actualWords?: string | undefined;
  /** What the target is called: "target" or "year-to-date target". */
  targetName?: string | undefined;
  /** The same figure a year earlier, for the "improved on last year" rule. */
  lastYear?: { value: number | undefined; label: string } | undefined;
}

export interface KpiStatusResult {
  status: KpiStatus;
  reason: string;
  /** The name of the band (or rating) the result falls in, when it is rated. */
  label?: string;
}

const ratingWords: Readonly<Record<Rating, string>> = { green: "Green", amber: "Amber", red: "Red" };

/**
 * Values are compared unrounded. Binary floating point cannot hold most decimals exactly
 * (45 − 42.75 is fine, 0.3 − 0.1 is not), so a difference within a billionth of the target's
 * size counts as equal: an actual exactly on a boundary lands on the side the rule names.
 */
export function comparisonSlack(target: number): number {
  return 1e-9 * Math.max(1, Math.abs(target));
}

/**
 * The fewest decimals, from the KPI's own, at which the shown actual compares with every figure
 * the reason names (target, band limits, minimum) as the unrounded actual does: never "45% is
 * 0 points below the 45% target", nor "42.8% is exactly on the 5% tolerance (42.75%)".
 */
function revealingDecimals(actual: number, references: readonly number[], decimals: number): number {
  const compare = (value: number, reference: number) =>
    Math.abs(value - reference) <= comparisonSlack(reference) ? 0 : Math.sign(value - reference);
  for (let shown = decimals; shown < decimals + 4; shown++) {
    const rounded = roundAsShown(actual, shown);
    if (references.every((reference) => compare(rounded, reference) === compare(actual, reference))) {
      return shown;
    }
  }
  return decimals + 4;
}

/**
 * How far a result is from its target, in the bands' own terms (worse than target is positive):
 * in the indicator's unit for absolute bands, as a percentage of the target for relative ones.
 * Shortfalls are compared with the configured limits themselves, so limits stay as far apart as
 * they were written, and a limit's slack is the same for the band that ends at it and the band
 * that starts there. A relative shortfall from a target of 0 does not exist: on target is 0,
 * anything worse is infinitely short and anything better infinitely ahead, so it falls in the last
 * or the first band (never a division by zero).
 */
export interface ShortfallScale {
  shortfall: number;
  /** How close to a limit counts as on it. */
  slack(upTo: number): number;
  /** Within slack of the target itself. */
  onTarget: boolean;
}

export function measureShortfall(
  polarity: "higherIsBetter" | "lowerIsBetter",
  actual: number,
  target: number,
  measure: RagRules["shortfall"]["measure"],
): ShortfallScale {
  const raw = polarity === "higherIsBetter" ? target - actual : actual - target;
  if (measure === "absolute") {
    const slack = comparisonSlack(target);
    return { shortfall: raw, slack: () => slack, onTarget: Math.abs(raw) <= slack };
  }
  const slack = (upTo: number) => 1e-9 * Math.max(1, Math.abs(upTo));
  if (target === 0) {
    const zero = Math.abs(raw) <= comparisonSlack(0);
    return { shortfall: zero ? 0 : Math.sign(raw) * Number.POSITIVE_INFINITY, slack, onTarget: zero };
  }
  const shortfall = (raw / Math.abs(target)) * 100;
  return { shortfall, slack, onTarget: Math.abs(shortfall) <= slack(0) };
}

/** Whether a shortfall is at or below (inclusive) or below (exclusive) a band's limit. */
function withinLimit(band: RagBand, scale: ShortfallScale): boolean {
  if (band.upTo === undefined) return true;
  const slack = scale.slack(band.upTo);
  return band.boundary === "inclusive"
    ? scale.shortfall <= band.upTo + slack
    : scale.shortfall < band.upTo - slack;
}

/** Whether band `index` covers this shortfall: beyond the previous band's limit, within its own. */
export function bandCovers(bands: readonly RagBand[], index: number, scale: ShortfallScale): boolean {
  const band = bands[index];
  if (!band) return false;
  const previous = bands[index - 1];
  return (previous === undefined || !withinLimit(previous, scale)) && withinLimit(band, scale);
}

export function onLimit(upTo: number, scale: ShortfallScale): boolean {
  return Math.abs(scale.shortfall - upTo) <= scale.slack(upTo);
}

/** The one band that covers the shortfall (the schema makes sure there always is exactly one). */
export function findBand(bands: readonly RagBand[], scale: ShortfallScale): number {
  const index = bands.findIndex((_, position) => bandCovers(bands, position, scale));
  return index === -1 ? bands.length - 1 : index;
}

export function bandLabel(band: RagBand): string {
  return band.label ?? ratingWords[band.rating];
}

/** The label of the first band with this rating, or the rating's own word. */
function ratingLabel(bands: readonly RagBand[], rating: Rating): string {
  const band = bands.find((candidate) => candidate.rating === rating);
  return band ? bandLabel(band) : ratingWords[rating];
}

export function computeKpiStatus(input: KpiStatusInput): KpiStatusResult {
  const { polarity, target, rules, dataStatus, periodLabel } = input;
  if (polarity === undefined || polarity === "dataOnly") {
    return {
      status: "dataOnly",
      reason: "Data only: this indicator is reported for context and has no RAG rating.",
    };
  }
  if (dataStatus === "notAvailable") {
    return { status: "notAvailable", reason: `Not available: there is no figure for ${periodLabel}.` };
  }
  if (input.actual === undefined) {
    return { status: "awaited", reason: `Awaited: the ${periodLabel} figure has not been received yet.` };
  }
  const actual = rules.roundBeforeComparing ? roundAsShown(input.actual, input.decimals) : input.actual;
  if (target === undefined) {
    return {
      status: "noTarget",
      reason: `No target: ${formatValue(actual, input)} cannot be rated because no target is set.`,
    };
  }

  const { measure, bands } = rules.shortfall;
  const scale = measureShortfall(polarity, actual, target, measure);
  const index = findBand(bands, scale);
  const band = bands[index] as RagBand;
  const previous = bands[index - 1];
  const zeroTarget = measure === "relative" && target === 0;

  // A limit as the figure it stands for: 5% short of 45 (higher is better) is 42.75.
  const limitAt = (upTo: number) => {
    const size = measure === "relative" ? (upTo * Math.abs(target)) / 100 : upTo;
    return polarity === "higherIsBetter" ? target - size : target + size;
  };
  const named = zeroTarget ? [] : [previous?.upTo, band.upTo].filter((upTo) => upTo !== undefined);
  const references = [target, ...named.map(limitAt), ...(input.minimum === undefined ? [] : [input.minimum])];

  // Compared unrounded, so shown with as many decimals as it takes to tell the figures apart.
  const shownFormat = { ...input, decimals: revealingDecimals(actual, references, input.decimals) };
  const limitFormat = { ...input, maxDecimals: input.decimals + 2 };
  const figure = input.actualWords
    ? `${formatValue(actual, shownFormat)} ${input.actualWords}`
    : formatValue(actual, shownFormat);
  // When the rule rounds first, say so, with the figure as it was given.
  const given = formatValue(input.actual, { ...input, maxDecimals: input.decimals + 4 });
  const shown = actual === input.actual ? figure : `${given}, rounded to ${figure},`;
  const targetText = `the ${formatValue(target, shownFormat)} ${input.targetName ?? "target"}`;
  const rawShortfall = polarity === "higherIsBetter" ? target - actual : actual - target;
  const worseWord = polarity === "higherIsBetter" ? "below" : "above";
  const betterWord = polarity === "higherIsBetter" ? "above" : "below";
  const gap = scale.onTarget
    ? `${shown} is on ${targetText}`
    : `${shown} is ${formatDifference(rawShortfall, shownFormat)} ${rawShortfall > 0 ? worseWord : betterWord} ${targetText}`;

  const clause = describeBandPosition({
    bands,
    index,
    scale,
    measure,
    zeroTarget,
    limitText: (upTo) => formatValue(limitAt(upTo), limitFormat),
    amountText: (upTo) =>
      measure === "relative"
        ? `${formatValue(Math.abs(upTo), { unit: "number", decimals: 0, maxDecimals: 2 })}%`
        : formatDifference(upTo, limitFormat),
  });

  let status: Rating = band.rating;
  let label = bandLabel(band);
  let body = `${gap}${clause}`;

  if (status !== "green" && input.minimum !== undefined) {
    const minimum = input.minimum;
    const slack = comparisonSlack(minimum);
    const meets = polarity === "higherIsBetter" ? actual >= minimum - slack : actual <= minimum + slack;
    status = meets ? "amber" : "red";
    label = ratingLabel(bands, status);
    const minimumText = formatValue(minimum, limitFormat);
    body = meets
      ? `${gap}, but meets the minimum expectation of ${minimumText}`
      : `${gap} and misses the minimum expectation of ${minimumText}`;
  }

  if (status === "red" && rules.amberIfImprovedOnLastYear && input.lastYear) {
    const { value, label: lastYearLabel } = input.lastYear;
    const lastYearActual =
      value === undefined || !rules.roundBeforeComparing ? value : roundAsShown(value, input.decimals);
    if (lastYearActual === undefined) {
      body = `${body}; there is no figure for ${lastYearLabel} to show an improvement on last year`;
    } else if (compareWithEarlier(polarity, actual, lastYearActual, rules.noChange) === "improved") {
      const amberLabel = ratingLabel(bands, "amber");
      const lastYearText = formatValue(lastYearActual, shownFormat);
      return {
        status: "amber",
        label: amberLabel,
        reason: `${amberLabel}: ${body}, but better than ${lastYearLabel} (${lastYearText}), so it is rated ${amberLabel} rather than ${label}.`,
      };
    }
  }
  return { status, label, reason: `${label}: ${body}.` };
}

interface BandPosition {
  bands: readonly RagBand[];
  index: number;
  scale: ShortfallScale;
  measure: RagRules["shortfall"]["measure"];
  zeroTarget: boolean;
  /** A limit as the figure it stands for: "42.75%". */
  limitText(upTo: number): string;
  /** A limit as a size: "5%", "0.10 days". */
  amountText(upTo: number): string;
}

/**
 * Where the result sits in its band, in words: ", within the 5% tolerance (42.75%)", ", beyond
 * the 5% tolerance (42.75%) but within the 10% tolerance (40.5%)", ", exactly on …". Nothing when
 * the band needs no explaining (on or better than target in the usual first band).
 */
function describeBandPosition(position: BandPosition): string {
  const { bands, index, scale, measure, zeroTarget, limitText, amountText } = position;
  const band = bands[index] as RagBand;
  const previous = bands[index - 1];
  if (zeroTarget) {
    if (scale.shortfall === 0) return "";
    const firstReachesTarget = (bands[0]?.upTo ?? 0) >= 0;
    if (scale.shortfall < 0 && firstReachesTarget) return "";
    const side = scale.shortfall > 0 ? "any shortfall" : "any result better than target";
    return `; a relative tolerance cannot apply to a target of 0, so ${side} is ${bandLabel(band)}`;
  }
  const tolerance = (upTo: number) =>
    measure === "relative"
      ? `the ${amountText(upTo)} tolerance (${limitText(upTo)})`
      : `the tolerance of ${amountText(upTo)} (${limitText(upTo)})`;
  const better = (upTo: number) => `${amountText(upTo)} better than target (${limitText(upTo)})`;
  const isOn = (upTo: number) => onLimit(upTo, scale);

  const parts: string[] = [];
  const lower = previous?.upTo;
  if (lower !== undefined && lower !== 0) {
    if (isOn(lower)) parts.push(`exactly on ${lower > 0 ? tolerance(lower) : better(lower)}`);
    else if (lower > 0) parts.push(`beyond ${tolerance(lower)}`);
    else if (scale.shortfall < 0) parts.push(`less than ${better(lower)}`);
  }
  const upper = band.upTo;
  const onLower = lower !== undefined && isOn(lower);
  if (upper !== undefined && upper !== 0 && !onLower) {
    if (upper > 0 && scale.shortfall > 0 && !scale.onTarget) {
      parts.push(isOn(upper) ? `exactly on ${tolerance(upper)}` : `within ${tolerance(upper)}`);
    } else if (upper < 0) {
      parts.push(isOn(upper) ? `exactly ${better(upper)}` : `more than ${better(upper)}`);
    }
  }
  return parts.length > 0 ? `, ${parts.join(" but ")}` : "";
}
