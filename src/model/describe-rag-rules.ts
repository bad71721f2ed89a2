// The report's key to its ratings, written from the configured rules: what each band means, which
// indicators have rules of their own, and the optional rules in force. Pure.
import { formatDifference } from "../calc/format-value.ts";
import { bandLabel } from "../calc/kpi-status.ts";
import type { Kpi } from "../schema/kpi-schema.ts";
import type { RagBand, RagRules, ShortfallBands } from "../schema/rag-rules-schema.ts";
import { kpiStatusLabels, type StatusLabel } from "./labels.ts";

export interface RagKey {
  statuses: { label: StatusLabel; meaning: string }[];
  /** One sentence per indicator whose rules differ from the report's. */
  overrides: string[];
  notes: string[];
}

/** A band limit in words: "5% of the target", "0.10 days", or "2 (in the indicator's own unit)". */
type Amount = (limit: number) => string;

function reportAmount(measure: ShortfallBands["measure"]): Amount {
  const number = (limit: number) =>
    new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 }).format(Math.abs(limit));
  return measure === "relative"
    ? (limit) => `${number(limit)}% of the target`
    : (limit) => `${number(limit)} (in the indicator's own unit; points for a percentage)`;
}

/** What one band covers, as a sentence: "Short of target by no more than 5% of the target." */
export function describeBand(bands: readonly RagBand[], index: number, amount: Amount): string {
  const band = bands[index] as RagBand;
  const previous = bands[index - 1];
  const lower = previous?.upTo;
  const upper = band.upTo;
  const lowerIncluded = previous?.boundary === "exclusive";
  const upperIncluded = band.boundary === "inclusive";
  if (lower !== undefined && upper !== undefined && lower === upper) {
    return lower === 0 ? "Exactly on target." : `Short of target by exactly ${amount(lower)}.`;
  }
  if (lower === undefined) {
    if (upper === undefined) return "Every result.";
    if (upper === 0) return upperIncluded ? "On target or better." : "Better than target.";
    if (upper < 0)
      return `Better than target by ${upperIncluded ? "at least" : "more than"} ${amount(upper)}.`;
    return `On target or better, or short of it by ${upperIncluded ? "no more than" : "less than"} ${amount(upper)}.`;
  }
  if (upper === undefined) {
    if (lower > 0) return `Short of target by ${lowerIncluded ? "at least" : "more than"} ${amount(lower)}.`;
    if (lower === 0) return lowerIncluded ? "On target or short of it." : "Short of target.";
    return `Better than target by ${lowerIncluded ? "no more than" : "less than"} ${amount(lower)}, on target, or short of it.`;
  }
  const upTo = `${upperIncluded ? "no more than" : "less than"} ${amount(upper)}`;
  if (lower === 0) {
    return lowerIncluded ? `On target, or short of it by ${upTo}.` : `Short of target by ${upTo}.`;
  }
  if (lower > 0) {
    return `Short of target by ${lowerIncluded ? "at least" : "more than"} ${amount(lower)} and ${upTo}.`;
  }
  const betterBy = `${lowerIncluded ? "no more than" : "less than"} ${amount(lower)}`;
  if (upper === 0) {
    return upperIncluded
      ? `Better than target by ${betterBy}, or on target.`
      : `Better than target by ${betterBy}.`;
  }
  if (upper < 0) {
    return `Better than target by ${betterBy} and ${upperIncluded ? "at least" : "more than"} ${amount(upper)}.`;
  }
  return `Better than target by ${betterBy}, on target, or short of it by ${upTo}.`;
}

function describeBands(shortfall: ShortfallBands, amount: Amount): { label: StatusLabel; meaning: string }[] {
  return shortfall.bands.map((band, index) => ({
    label: { ...kpiStatusLabels[band.rating], label: bandLabel(band) },
    meaning: describeBand(shortfall.bands, index, amount),
  }));
}

const sameRule = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What an indicator's own rules change, in words; empty when it follows the report. */
function describeOverride(kpi: Kpi, report: RagRules): string[] {
  const own = kpi.rag;
  if (!own) return [];
  const parts: string[] = [];
  const format = { unit: kpi.unit, decimals: kpi.decimals, maxDecimals: kpi.decimals + 2 };
  if (own.shortfall && !sameRule(own.shortfall, report.shortfall)) {
    const amount: Amount =
      own.shortfall.measure === "relative"
        ? reportAmount("relative")
        : (limit) => formatDifference(limit, format);
    const bands = describeBands(own.shortfall, amount).map(
      ({ label, meaning }) => `${label.label}: ${meaning.charAt(0).toLowerCase()}${meaning.slice(1, -1)}`,
    );
    parts.push(bands.join("; "));
  }
  if (
    own.amberIfImprovedOnLastYear !== undefined &&
    own.amberIfImprovedOnLastYear !== report.amberIfImprovedOnLastYear
  ) {
    parts.push(
      own.amberIfImprovedOnLastYear
        ? "a Red result that is better than the same period last year is rated Amber"
        : "a Red result stays Red even when it is better than last year",
    );
  }
  if (own.roundBeforeComparing !== undefined && own.roundBeforeComparing !== report.roundBeforeComparing) {
    parts.push(
      own.roundBeforeComparing
        ? "the figure is rounded as shown before it is compared with the target"
        : "the figure is compared with the target before rounding",
    );
  }
  if (own.noChange && !sameRule(own.noChange, report.noChange)) {
    const size =
      own.noChange.measure === "relative"
        ? `${own.noChange.within}% of the earlier figure`
        : formatDifference(own.noChange.within, format);
    parts.push(`a change of no more than ${size} counts as no change`);
  }
  return parts.length === 0 ? [] : [`${kpi.id} uses its own rules: ${parts.join("; ")}.`];
}

export function describeRagRules(rules: RagRules, kpis: readonly Kpi[]): RagKey {
  const rated = kpis.filter((kpi) => kpi.polarity === "higherIsBetter" || kpi.polarity === "lowerIsBetter");
  const notes = [
    rules.roundBeforeComparing
      ? "Figures are rounded as shown before they are compared with their targets."
      : "Figures are compared with their targets before rounding.",
    "Percentages of indicators are rounded to the nearest whole number, so they may not add up to 100.",
  ];
  if (rated.some((kpi) => kpi.minimum !== undefined)) {
    notes.push(
      "Where an indicator has a minimum expectation, a result short of target that meets the minimum is Amber and one that misses it is Red.",
    );
  }
  if (rules.amberIfImprovedOnLastYear) {
    notes.push("A result that would be Red but is better than the same period last year is rated Amber.");
  }
  if (rated.some((kpi) => kpi.aggregation !== "latest")) {
    notes.push(
      "Indicators counted cumulatively or as an average are judged on the year to date against the target for the year to date.",
    );
  }
  if (rules.noChange.within > 0) {
    const size =
      rules.noChange.measure === "relative"
        ? `${rules.noChange.within}% of the earlier figure`
        : `${rules.noChange.within} in the indicator's own unit`;
    notes.push(`A change of no more than ${size} is shown as no change.`);
  }
  return {
    statuses: [
      ...describeBands(rules.shortfall, reportAmount(rules.shortfall.measure)),
      { label: kpiStatusLabels.dataOnly, meaning: "Reported for context; no target, no rating." },
      {
        label: kpiStatusLabels.notDue,
        meaning: "Reported less often than every period; not due this period.",
      },
      { label: kpiStatusLabels.awaited, meaning: "The figure for this period has not been received yet." },
      { label: kpiStatusLabels.notAvailable, meaning: "There is no figure for this period." },
      { label: kpiStatusLabels.noTarget, meaning: "No target is set, so the figure cannot be rated." },
    ],
    overrides: rated.flatMap((kpi) => describeOverride(kpi, rules)),
    notes,
  };
}
