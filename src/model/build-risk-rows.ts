// Risk register rows: each risk scored on the council's matrix, with its band and movement. Pure.
import { riskMovement, scoreRisk } from "../calc/risk-score.ts";
import type { Risk, RiskMatrix } from "../schema/risk-schema.ts";
import { type DirectionLabel, riskMovementLabels } from "./labels.ts";

export interface RiskRow {
  id: string;
  title: string;
  description: string | undefined;
  owner: string;
  likelihood: string;
  impact: string;
  score: number;
  band: string;
  bandClass: string;
  summary: string;
  target: string | undefined;
  movement: DirectionLabel;
  previousScore: number | undefined;
  actions: string | undefined;
}

export function buildRiskRows(risks: readonly Risk[], matrix: RiskMatrix): RiskRow[] {
  return risks.map((risk) => {
    const current = scoreRisk(risk.current, matrix);
    const target = risk.target ? scoreRisk(risk.target, matrix) : undefined;
    return {
      id: risk.id,
      title: risk.title,
      description: risk.description,
      owner: risk.owner,
      likelihood: `${current.likelihoodLabel} (${current.likelihood})`,
      impact: `${current.impactLabel} (${current.impact})`,
      score: current.score,
      band: current.band,
      bandClass: `band-${matrix.bands.findIndex((band) => band.name === current.band) + 1}`,
      summary: current.summary,
      target: target ? `${target.band} (${target.score})` : undefined,
      movement: riskMovementLabels[riskMovement(current.score, risk.previousScore)],
      previousScore: risk.previousScore,
      actions: risk.actions,
    };
  });
}
