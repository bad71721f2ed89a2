// One risk on the register: inherent → current → target scores, movement, and whether the current
// score is within the council's risk appetite, each with a reason.
import type { RegisterAppetite, Risk, RiskAppetite, RiskMatrix } from "../schema/risk-schema.ts";
import {
  describeRiskMovement,
  type RiskMovement,
  type RiskScore,
  riskMovement,
  scoreRisk,
} from "./risk-score.ts";

export interface AppetiteResult {
  within: boolean;
  /** "Medium or lower", "a score of 6 or less". */
  limit: string;
  /** Whose appetite applied: "its own", "the Financial category's", "the register's default". */
  source: string;
  reason: string;
}

export interface RiskAssessment {
  inherent: RiskScore | undefined;
  current: RiskScore;
  target: RiskScore | undefined;
  movement: RiskMovement;
  movementReason: string;
  /** Undefined when neither the risk, its category nor the register sets an appetite. */
  appetite: AppetiteResult | undefined;
}

export function assessRisk(
  risk: Risk,
  matrix: RiskMatrix,
  registerAppetite: RegisterAppetite | undefined,
): RiskAssessment {
  const current = scoreRisk(risk.current, matrix);
  return {
    inherent: risk.inherent ? scoreRisk(risk.inherent, matrix) : undefined,
    current,
    target: risk.target ? scoreRisk(risk.target, matrix) : undefined,
    movement: riskMovement(current.score, risk.previousScore),
    movementReason: describeRiskMovement(current.score, risk.previousScore),
    appetite: judgeAppetite(current, risk, matrix, registerAppetite),
  };
}

/** The most specific appetite wins: the risk's own, then its category's, then the register's default. */
export function appetiteFor(
  risk: Risk,
  registerAppetite: RegisterAppetite | undefined,
): { appetite: RiskAppetite; source: string } | undefined {
  if (risk.appetite) return { appetite: risk.appetite, source: "its own appetite" };
  const byCategory = appetiteForCategory(risk.category, registerAppetite);
  if (byCategory) return { appetite: byCategory, source: `the ${risk.category?.trim()} appetite` };
  if (registerAppetite?.default)
    return { appetite: registerAppetite.default, source: "the register's default appetite" };
  return undefined;
}

/** Categories are matched as people read them: "Financial" and "financial " are one category. */
export function categoryKey(category: string): string {
  return category.trim().toLocaleLowerCase("en-GB");
}

function appetiteForCategory(
  category: string | undefined,
  registerAppetite: RegisterAppetite | undefined,
): RiskAppetite | undefined {
  if (category === undefined || !registerAppetite) return undefined;
  const wanted = categoryKey(category);
  const entry = Object.entries(registerAppetite.byCategory).find(([name]) => categoryKey(name) === wanted);
  return entry?.[1];
}

function judgeAppetite(
  current: RiskScore,
  risk: Risk,
  matrix: RiskMatrix,
  registerAppetite: RegisterAppetite | undefined,
): AppetiteResult | undefined {
  const found = appetiteFor(risk, registerAppetite);
  if (!found) return undefined;
  const { appetite, source } = found;
  const scored = `current score ${current.score} (${current.band})`;
  if (appetite.maxScore !== undefined) {
    const limit = `a score of ${appetite.maxScore} or less`;
    const within = current.score <= appetite.maxScore;
    const reason = within
      ? `Within appetite: ${scored} is within ${source} of ${limit}.`
      : `Outside appetite: ${scored} is above ${source} of ${limit}.`;
    return { within, limit, source, reason };
  }
  const limitIndex = matrix.bands.findIndex((band) => band.name === appetite.band);
  if (limitIndex < 0) throw new RangeError(`appetite band "${appetite.band}" is not on the matrix`);
  const limit = limitIndex === 0 ? `${appetite.band} only` : `${appetite.band} or lower`;
  const within = current.bandIndex <= limitIndex;
  const reason = within
    ? `Within appetite: ${scored} is within ${source} of ${limit}.`
    : `Outside appetite: ${scored} is above ${source} of ${limit}.`;
  return { within, limit, source, reason };
}
