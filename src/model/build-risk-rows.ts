// Risk register rows: each risk scored on the council's matrix, with its band, movement and appetite. Pure.
import { assessRisk } from "../calc/assess-risk.ts";
import { parseISO } from "../calc/date-fns.ts";
import { longDate } from "../calc/parse-fuzzy-date.ts";
import type { RiskScore } from "../calc/risk-score.ts";
import type { RegisterAppetite, Risk, RiskMatrix } from "../schema/risk-schema.ts";
import { appetiteLabels, type DirectionLabel, riskMovementLabels, type StatusLabel } from "./labels.ts";

/** One of a risk's three scores (inherent, current, target) as the register prints it. */
export interface RiskRatingView {
  stage: "Inherent" | "Current" | "Target";
  likelihood: string;
  impact: string;
  score: number;
  band: string;
  /** `band-level-1` (least severe) to `band-level-5` (most): the colour, which repeats the band's name. */
  bandClass: string;
}

export interface RiskRow {
  id: string;
  title: string;
  description: string | undefined;
  owner: string;
  category: string | undefined;
  likelihood: string;
  impact: string;
  /** The current likelihood and impact values: where the risk sits on the heat map. */
  likelihoodValue: number;
  impactValue: number;
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
  /** Inherent → current → target, each left out when not given (current always is). */
  ratings: RiskRatingView[];
  movement: DirectionLabel;
  movementReason: string;
  previousScore: number | undefined;
  appetite:
    | {
        within: boolean;
        label: string;
        reason: string;
        /** "Within appetite" or "Outside appetite" as a word and a shape, never a colour alone. */
        status: StatusLabel;
        /** The reason without the words the status already says. */
        detail: string;
      }
    | undefined;
  controls: string[];
  actions: {
    action: string;
    owner: string | undefined;
    due: string | undefined;
    dueReason: string | undefined;
  }[];
  /** In full: "31 December 2023". */
  reviewDate: string | undefined;
}

export function buildRiskRows(
  risks: readonly Risk[],
  matrix: RiskMatrix,
  registerAppetite: RegisterAppetite | undefined,
): RiskRow[] {
  const bandCount = matrix.bands.length;
  return risks.map((risk) => {
    const assessed = assessRisk(risk, matrix, registerAppetite);
    const { current, target, inherent, appetite } = assessed;
    const rating = (stage: RiskRatingView["stage"], score: RiskScore | undefined) =>
      score && {
        stage,
        likelihood: `${score.likelihoodLabel} (${score.likelihood})`,
        impact: `${score.impactLabel} (${score.impact})`,
        score: score.score,
        band: score.band,
        bandClass: bandClass(score.bandIndex, bandCount),
      };
    return {
      id: risk.id,
      title: risk.title,
      description: risk.description,
      owner: risk.owner,
      category: risk.category,
      likelihood: `${current.likelihoodLabel} (${current.likelihood})`,
      impact: `${current.impactLabel} (${current.impact})`,
      likelihoodValue: current.likelihood,
      impactValue: current.impact,
      impactReason: current.impactReason,
      impactFrom: current.impactFrom,
      score: current.score,
      band: current.band,
      bandClass: bandClass(current.bandIndex, bandCount),
      summary: current.summary,
      inherent: inherent ? `${inherent.band} (${inherent.score})` : undefined,
      target: target ? `${target.band} (${target.score})` : undefined,
      targetSummary: target?.summary,
      ratings: [rating("Inherent", inherent), rating("Current", current), rating("Target", target)].filter(
        (item): item is RiskRatingView => item !== undefined,
      ),
      movement: riskMovementLabels[assessed.movement],
      movementReason: assessed.movementReason,
      previousScore: risk.previousScore,
      appetite: appetite && {
        within: appetite.within,
        label: appetite.within ? "Within appetite" : "Outside appetite",
        reason: appetite.reason,
        status: appetite.within ? appetiteLabels.within : appetiteLabels.outside,
        detail: appetite.reason.replace(/^(Within|Outside) appetite: /, ""),
      },
      controls: [...risk.controls],
      actions: risk.actions.map((action) => ({
        action: action.action,
        owner: action.owner,
        due: action.due?.text,
        dueReason: action.due?.reason,
      })),
      reviewDate: risk.reviewDate && longDate(parseISO(risk.reviewDate)),
    };
  });
}

/** The stylesheet has five shades, lightest to darkest; the least and most severe bands always get the ends. */
export const BAND_SHADES = 5;

/**
 * A band's shade: spread over the five whatever the matrix's band count, so a 3-band matrix's
 * "High" is as dark as a 5-band matrix's "Very high". The band's name always says it too.
 */
export function bandClass(bandIndex: number, bandCount: number): string {
  const level =
    bandCount <= 1 ? BAND_SHADES : 1 + Math.round((bandIndex * (BAND_SHADES - 1)) / (bandCount - 1));
  return `band-level-${Math.min(BAND_SHADES, Math.max(1, level))}`;
}
