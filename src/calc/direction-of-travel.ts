// Whether a KPI got better or worse since an earlier period, judged by its polarity, with a
// configurable band of change too small to count.
import type { Polarity } from "../schema/kpi-schema.ts";
import type { NoChangeRule } from "../schema/rag-rules-schema.ts";

export type Direction = "improved" | "worsened" | "noChange" | "increased" | "decreased" | "notComparable";

export interface DirectionResult {
  direction: Direction;
  /** "Improved since 2023/24 Q1 (46.2%)". */
  description: string;
}

export const anyChangeCounts: NoChangeRule = Object.freeze<NoChangeRule>({ measure: "absolute", within: 0 });

/**
 * A change counts when it is bigger than the no-change band: `within` in the indicator's unit
 * (absolute) or as a percentage of the earlier figure (relative; from an earlier figure of 0 any
 * change counts, as a percentage of 0 is 0). A billionth of slack keeps decimals that binary
 * floating point cannot hold exactly (0.3 − 0.1) on the side of the band the rule names.
 */
export function compareWithEarlier(
  polarity: Polarity | undefined,
  current: number | undefined,
  earlier: number | undefined,
  noChange: NoChangeRule = anyChangeCounts,
): Direction {
  if (current === undefined || earlier === undefined) return "notComparable";
  const band =
    noChange.measure === "relative" ? (noChange.within * Math.abs(earlier)) / 100 : noChange.within;
  const slack = 1e-9 * Math.max(1, Math.abs(earlier));
  if (Math.abs(current - earlier) <= band + slack) return "noChange";
  const rose = current > earlier;
  if (polarity === undefined || polarity === "dataOnly") return rose ? "increased" : "decreased";
  return (polarity === "higherIsBetter") === rose ? "improved" : "worsened";
}

const describe: Readonly<Record<Exclude<Direction, "notComparable">, string>> = {
  improved: "Improved since",
  worsened: "Worse than",
  noChange: "No change since",
  increased: "Increased since",
  decreased: "Decreased since",
};

export function computeDirectionOfTravel(
  polarity: Polarity | undefined,
  current: number | undefined,
  earlier: number | undefined,
  earlierLabel: string,
  formatEarlier: (value: number) => string,
  noChange: NoChangeRule = anyChangeCounts,
): DirectionResult {
  const direction = compareWithEarlier(polarity, current, earlier, noChange);
  if (direction === "notComparable" || earlier === undefined) {
    return { direction: "notComparable", description: `No comparison with ${earlierLabel}` };
  }
  // Inside the no-change band but not equal: say so, so the figures beside it do not contradict it.
  const words = direction === "noChange" && current !== earlier ? "Little change since" : describe[direction];
  return { direction, description: `${words} ${earlierLabel} (${formatEarlier(earlier)})` };
}
