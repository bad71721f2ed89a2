// Risk register rows: each risk scored on the council's matrix, with its band, movement and appetite. Pure.

import { assessRisk } from "../calc/assess-risk.ts";
import { format, parseISO } from "../calc/date-fns.ts";
import type { RiskScore } from "../calc/risk-score.ts";
import type { RegisterAppetite, Risk, RiskMatrix } from "../schema/risk-schema.ts";
import { type DirectionLabel, riskMovementLabels } from "./labels.ts";

export interface RiskRow {
  id: string;
  title: string;
  description: string | undefined;
  owner: string;
  category: string | undefined;
  likelihood: string;
  impact: string;
  /** Which impact dimension set the impact, when impact is scored on several. */
  impactReason: string | undefined;
  /** The impact dimension(s) that set the impact: "service delivery". */
  impactFrom: string | undefined;
  score: number;
  band: string;
  bandClass: string;
  /** "Unlikely (2) × Significant (2) = Low (4)". */
  summary: string;
  inherent: string | undefined;
  target: string | undefined;
  targetSummary: string | undefined;
  movement: DirectionLabel;
  movementReason: string;
  previousScore: number | undefined;
  appetite: { within: boolean; label: string; reason: string } | undefined;
  controls: string[];
  actions: {
    action: string;
    owner: string | undefined;
    due: string | undefined;
    dueReason: string | undefined;
  }[];
  reviewDate: string | undefined;
}

export function buildRiskRows(
  risks: readonly Risk[],
  matrix: RiskMatrix,
  registerAppetite: RegisterAppetite | undefined,
): RiskRow[] {
  return risks.map((risk) => {
    const assessed = assessRisk(risk, matrix, registerAppetite);
    const { current, target, inherent, appetite } = assessed;
    return {
      id: risk.id,
      title: risk.title,
      description: risk.description,
      owner: risk.owner,
      category: risk.category,
      likelihood: `${current.likelihoodLabel} (${current.likelihood})`,
      impact: `${current.impactLabel} (${current.impact})`,
      impactReason: current.impactReason,
      impactFrom: current.impactFrom,
      score: current.score,
      band: current.band,
      bandClass: bandClass(current),
      summary: current.summary,
      inherent: inherent ? `${inherent.band} (${inherent.score})` : undefined,
      target: target ? `${target.band} (${target.score})` : undefined,
      targetSummary: target?.summary,
      movement: riskMovementLabels[assessed.movement],
      movementReason: assessed.movementReason,
      previousScore: risk.previousScore,
      appetite: appetite && {
        within: appetite.within,
        label: appetite.within ? "Within appetite" : "Outside appetite",
        reason: appetite.reason,
      },
      controls: [...risk.controls],
      actions: risk.actions.map((action) => ({
        action: action.action,
        owner: action.owner,
        due: action.due?.text,
        dueReason: action.due?.reason,
      })),
      reviewDate: risk.reviewDate && format(parseISO(risk.reviewDate), "d MMM yyyy"),
    };
  });
}

function bandClass(score: RiskScore): string {
  return `band-${score.bandIndex + 1}`;
}
