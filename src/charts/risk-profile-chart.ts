// Chart spec (pure): the risk register's profile, how many risks fall in each band before controls
// (inherent), now (current) and once the planned actions are done (target).
import type { RiskProfile } from "../model/build-risk-profile.ts";
import { barConfiguration } from "./bar-configuration.ts";
import { type ChartSpec, FULL_SIZE } from "./chart-spec.ts";
import { countOf, listInWords } from "./chart-text.ts";
import { riskBandFill } from "./palette.ts";

export function riskProfileChart(profile: RiskProfile): ChartSpec {
  const { bands, stages } = profile;
  const describe = (stage: RiskProfile["stages"][number]) => {
    const parts = bands
      .map((band, index) => ({ band, count: stage.counts[index] ?? 0 }))
      .filter((entry) => entry.count > 0)
      .map((entry) => `${entry.count} ${entry.band}`);
    const unscored = profile.total - stage.scored;
    const gap = unscored > 0 ? ` (${countOf(unscored, "risk")} not scored)` : "";
    return `${stage.label}: ${parts.length ? listInWords(parts) : "none scored"}${gap}`;
  };
  return {
    id: "risk-profile",
    title: "Risk profile: inherent, current and target",
    altText: `Stacked bar chart of the risk profile of ${countOf(profile.total, "risk")} by band, least severe first. ${stages
      .map(describe)
      .join(". ")}.`,
    table: {
      rowHeader: "Stage",
      columns: [...bands, "Risks scored"],
      rows: stages.map((stage) => ({
        label: stage.label,
        values: [...bands.map((_, index) => String(stage.counts[index] ?? 0)), String(stage.scored)],
      })),
    },
    size: FULL_SIZE,
    configuration: barConfiguration({
      categories: stages.map((stage) => stage.label),
      series: bands.map((band, index) => ({
        label: band,
        fill: riskBandFill(index, bands.length),
        values: stages.map((stage) => stage.counts[index] ?? 0),
      })),
      horizontal: false,
      stacked: true,
      valueAxisTitle: "Number of risks",
      key: true,
    }),
  };
}
