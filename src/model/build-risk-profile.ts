// How many risks fall in each band before controls (inherent), now (current) and once the planned
// actions are done (target): the register's profile for its chart. Pure.
import { scoreRisk } from "../calc/risk-score.ts";
import type { Risk, RiskMatrix } from "../schema/risk-schema.ts";

export type RiskStage = "inherent" | "current" | "target";

export interface RiskProfileStage {
  stage: RiskStage;
  /** "Inherent", "Current", "Target". */
  label: string;
  /** Risks in each band, in the order of `RiskProfile.bands`. */
  counts: number[];
  /** Risks scored at this stage (a risk may have no inherent or target rating). */
  scored: number;
}

export interface RiskProfile {
  /** Band names, least severe first, as the matrix lists them. */
  bands: string[];
  stages: RiskProfileStage[];
  /** Risks on the register. */
  total: number;
}

const stageLabels: Readonly<Record<RiskStage, string>> = {
  inherent: "Inherent",
  current: "Current",
  target: "Target",
};

export function buildRiskProfile(risks: readonly Risk[], matrix: RiskMatrix): RiskProfile {
  const bands = matrix.bands.map((band) => band.name);
  const stages = (["inherent", "current", "target"] as const).map((stage): RiskProfileStage => {
    const counts = bands.map(() => 0);
    let scored = 0;
    for (const risk of risks) {
      const rating = risk[stage];
      if (!rating) continue;
      const { bandIndex } = scoreRisk(rating, matrix);
      counts[bandIndex] = (counts[bandIndex] ?? 0) + 1;
      scored++;
    }
    return { stage, label: stageLabels[stage], counts, scored };
  });
  return { bands, stages, total: risks.length };
}
