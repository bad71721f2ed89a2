// Whether a KPI got better or worse since an earlier period, judged by its polarity.
import type { Polarity } from "../schema/kpi-schema.ts";

export type Direction = "improved" | "worsened" | "noChange" | "increased" | "decreased" | "notComparable";

export interface DirectionResult {
  direction: Direction;
  /** "Improved since 2023/24 Q1 (46.2%)". */
  description: string;
}

export function computeDirectionOfTravel(
  polarity: Polarity,
  current: number | undefined,
  earlier: number | undefined,
  earlierLabel: string,
  formatEarlier: (value: number) => string,
): DirectionResult {
  if (current === undefined || earlier === undefined) {
    return { direction: "notComparable", description: `No comparison with ${earlierLabel}` };
  }
  const was = `${earlierLabel} (${formatEarlier(earlier)})`;
  if (Math.abs(current - earlier) <= 1e-9 * Math.max(1, Math.abs(earlier))) {
    return { direction: "noChange", description: `No change since ${was}` };
  }
  const rose = current > earlier;
  if (polarity === "dataOnly") {
    return rose
      ? { direction: "increased", description: `Increased since ${was}` }
      : { direction: "decreased", description: `Decreased since ${was}` };
  }
  const better = polarity === "higherIsBetter" ? rose : !rose;
  return better
    ? { direction: "improved", description: `Improved since ${was}` }
    : { direction: "worsened", description: `Worse than ${was}` };
}
