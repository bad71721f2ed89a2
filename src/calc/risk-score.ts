// Scores a risk on the council's matrix: likelihood × impact, the band it falls in, and its movement.
import type { RiskMatrix, RiskRating } from "../schema/risk-schema.ts";

export interface RiskScore {
  likelihood: number;
  likelihoodLabel: string;
  impact: number;
  impactLabel: string;
  score: number;
  band: string;
  /** Position of the band in the matrix's list, least severe first (0-based). */
  bandIndex: number;
  /** "Unlikely (2) × Significant (2) = Low (4)" as in committee reports. */
  summary: string;
  /** With impact on several dimensions: which one set the impact, in a sentence. */
  impactReason: string | undefined;
  /** With impact on several dimensions: the dimension(s) that set it, "service delivery". */
  impactFrom: string | undefined;
}

export type RiskMovement = "increased" | "decreased" | "unchanged" | "new";

export function scoreRisk(rating: RiskRating, matrix: RiskMatrix): RiskScore {
  const { value: impactValue, reason: impactReason, from: impactFrom } = highestImpact(rating.impact, matrix);
  const likelihood = matrix.likelihood.find((point) => point.value === rating.likelihood);
  const impact = matrix.impact.find((point) => point.value === impactValue);
  if (!likelihood || !impact) {
    throw new RangeError(`rating ${rating.likelihood} × ${impactValue} is not on the matrix`);
  }
  const score = likelihood.value * impact.value;
  const band = matrix.cells
    ? bandForCell(likelihood.value, impact.value, matrix)
    : bandForScore(score, matrix);
  return {
    likelihood: likelihood.value,
    likelihoodLabel: likelihood.label,
    impact: impact.value,
    impactLabel: impact.label,
    score,
    band,
    bandIndex: matrix.bands.findIndex((candidate) => candidate.name === band),
    summary: `${likelihood.label} (${likelihood.value}) × ${impact.label} (${impact.value}) = ${band} (${score})`,
    impactReason,
    impactFrom,
  };
}

/** The band whose score range holds the score (matrices banded by score). */
export function bandForScore(score: number, matrix: RiskMatrix): string {
  const band = matrix.bands.find(
    (candidate) =>
      candidate.from !== undefined &&
      candidate.to !== undefined &&
      score >= candidate.from &&
      score <= candidate.to,
  );
  if (!band) throw new RangeError(`score ${score} is in no band of the matrix`);
  return band.name;
}

/** The band the heat map gives a cell (matrices with `cells`). */
export function bandForCell(likelihood: number, impact: number, matrix: RiskMatrix): string {
  const row = matrix.cells?.[String(likelihood)];
  const impactIndex = [...matrix.impact]
    .sort((a, b) => a.value - b.value)
    .findIndex((point) => point.value === impact);
  const band = row?.[impactIndex];
  if (band === undefined) throw new RangeError(`the cell ${likelihood} × ${impact} is not on the heat map`);
  return band;
}

export function riskMovement(currentScore: number, previousScore: number | undefined): RiskMovement {
  if (previousScore === undefined) return "new";
  if (currentScore > previousScore) return "increased";
  if (currentScore < previousScore) return "decreased";
  return "unchanged";
}

export function describeRiskMovement(currentScore: number, previousScore: number | undefined): string {
  const movement = riskMovement(currentScore, previousScore);
  if (movement === "new") return `New: no score from a previous review; now ${currentScore}.`;
  if (movement === "unchanged") return `No change: ${currentScore} at this review and the last.`;
  const word = movement === "increased" ? "Increased" : "Decreased";
  return `${word} from ${previousScore} to ${currentScore} since the last review.`;
}

/** Impact scored on several dimensions counts at its highest; the reason names the dimension. */
function highestImpact(
  impact: RiskRating["impact"],
  matrix: RiskMatrix,
): { value: number; reason: string | undefined; from: string | undefined } {
  if (typeof impact === "number") return { value: impact, reason: undefined, from: undefined };
  const entries = Object.entries(impact).sort(([, a], [, b]) => b - a);
  const [top] = entries;
  if (!top) throw new RangeError("impact gives no dimension");
  const labels = new Map(matrix.impactDimensions.map((dimension) => [dimension.id, dimension.label]));
  const name = (id: string) => labels.get(id) ?? id;
  const label = matrix.impact.find((point) => point.value === top[1])?.label ?? String(top[1]);
  const others = entries.map(([id, value]) => `${name(id).toLowerCase()} ${value}`).join(", ");
  const tied = entries.filter(([, value]) => value === top[1]).map(([id]) => name(id).toLowerCase());
  const names = tied.join(" and ");
  const which = tied.length === 1 ? `the ${names} impact` : `the ${names} impacts`;
  return {
    value: top[1],
    reason: `Impact ${label} (${top[1]}) is ${which}, the highest of ${others}.`,
    from: names,
  };
}
