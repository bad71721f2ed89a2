// Scores a risk on the council's matrix: likelihood × impact, the band it falls in, and its movement.
import type { RiskMatrix, RiskRating } from "../schema/risk-schema.ts";

export interface RiskScore {
  likelihood: number;
  likelihoodLabel: string;
  impact: number;
  impactLabel: string;
  score: number;
  band: string;
  /** "Unlikely (2) × Significant (2) = Low (4)" as in committee reports. */
  summary: string;
}

export type RiskMovement = "increased" | "decreased" | "unchanged" | "new";

export function scoreRisk(rating: RiskRating, matrix: RiskMatrix): RiskScore {
  const likelihood = matrix.likelihood.find((point) => point.value === rating.likelihood);
  const impact = matrix.impact.find((point) => point.value === rating.impact);
  if (!likelihood || !impact) {
    throw new RangeError(`rating ${rating.likelihood} × ${rating.impact} is not on the matrix`);
  }
  const score = likelihood.value * impact.value;
  const band = bandForScore(score, matrix);
  return {
    likelihood: likelihood.value,
    likelihoodLabel: likelihood.label,
    impact: impact.value,
    impactLabel: impact.label,
    score,
    band,
    summary: `${likelihood.label} (${likelihood.value}) × ${impact.label} (${impact.value}) = ${band} (${score})`,
  };
}

export function bandForScore(score: number, matrix: RiskMatrix): string {
  const band = matrix.bands.find((candidate) => score >= candidate.from && score <= candidate.to);
  if (!band) throw new RangeError(`score ${score} is in no band of the matrix`);
  return band.name;
}

export function riskMovement(currentScore: number, previousScore: number | undefined): RiskMovement {
  if (previousScore === undefined) return "new";
  if (currentScore > previousScore) return "increased";
  if (currentScore < previousScore) return "decreased";
  return "unchanged";
}
