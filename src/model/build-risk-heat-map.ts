// The risk heat map as a table a screen reader can read: likelihood rows (most likely first) ×
// impact columns (least impact first), each cell naming its band and score, how many risks sit in
// it and which. Colour only repeats the band's name. Pure.
import { bandForCell, bandForScore } from "../calc/risk-score.ts";
import type { RegisterAppetite, RiskMatrix } from "../schema/risk-schema.ts";
import { bandClass, type RiskRow } from "./build-risk-rows.ts";

export interface HeatMapCell {
  /** "High (12)": the band and the cell's score, as the detail rows write it. */
  band: string;
  bandClass: string;
  /** "2 risks", "1 risk", "No risks". */
  count: string;
  ids: string[];
}

export interface HeatMapView {
  /** "Minor (1)", …: the column headers, least impact first. */
  impacts: string[];
  /** Most likely first, as heat maps are read. */
  rows: { likelihood: string; cells: HeatMapCell[] }[];
  /** "8 risks scored at their current (residual) level." */
  summary: string;
  /** The key: each band with its score range (unless the matrix maps cells) and what it means. */
  bands: { name: string; bandClass: string; range: string | undefined; description: string | undefined }[];
  /** Whether any band says what it means: without, the key has no column for it. */
  bandsDescribed: boolean;
  likelihoodScale: { label: string; description: string | undefined }[];
  impactScale: { label: string; description: string | undefined }[];
  /** The risk appetite in words, when the register sets one. */
  appetite: string[];
}

export function buildRiskHeatMap(
  matrix: RiskMatrix,
  risks: readonly RiskRow[],
  registerAppetite: RegisterAppetite | undefined,
): HeatMapView {
  const point = (p: { label: string; value: number }) => `${p.label} (${p.value})`;
  const impacts = [...matrix.impact].sort((a, b) => a.value - b.value);
  const likelihoods = [...matrix.likelihood].sort((a, b) => b.value - a.value);
  const bandIndex = new Map(matrix.bands.map((band, index) => [band.name, index]));
  const rows = likelihoods.map((likelihood) => ({
    likelihood: point(likelihood),
    cells: impacts.map((impact): HeatMapCell => {
      const score = likelihood.value * impact.value;
      const band = matrix.cells
        ? bandForCell(likelihood.value, impact.value, matrix)
        : bandForScore(score, matrix);
      const ids = risks
        .filter((risk) => risk.likelihoodValue === likelihood.value && risk.impactValue === impact.value)
        .map((risk) => risk.id);
      return {
        band: `${band} (${score})`,
        bandClass: bandClass(bandIndex.get(band) ?? 0, matrix.bands.length),
        count: countRisks(ids.length),
        ids,
      };
    }),
  }));
  return {
    impacts: impacts.map(point),
    rows,
    summary: `${countRisks(risks.length).replace("No risks", "No risks are")} scored at their current (residual) level, with the controls in place.`,
    bands: matrix.bands.map((band, index) => ({
      name: band.name,
      bandClass: bandClass(index, matrix.bands.length),
      range:
        band.from === undefined || band.to === undefined
          ? undefined
          : band.from === band.to
            ? `score ${band.from}`
            : `scores ${band.from}–${band.to}`,
      description: band.description,
    })),
    bandsDescribed: matrix.bands.some((band) => band.description !== undefined),
    likelihoodScale: [...matrix.likelihood]
      .sort((a, b) => a.value - b.value)
      .map((p) => ({ label: point(p), description: p.description })),
    impactScale: impacts.map((p) => ({ label: point(p), description: p.description })),
    appetite: describeAppetite(registerAppetite, matrix),
  };
}

function countRisks(count: number): string {
  if (count === 0) return "No risks";
  return count === 1 ? "1 risk" : `${count} risks`;
}

/** In the words assessRisk uses for each risk's appetite. */
function describeAppetite(appetite: RegisterAppetite | undefined, matrix: RiskMatrix): string[] {
  if (!appetite) return [];
  const limit = (entry: { maxScore?: number | undefined; band?: string | undefined }) =>
    entry.maxScore !== undefined
      ? `a score of ${entry.maxScore} or less`
      : entry.band === matrix.bands[0]?.name
        ? `${entry.band} only`
        : `${entry.band} or lower`;
  return [
    ...(appetite.default ? [`The council accepts risks scored ${limit(appetite.default)}.`] : []),
    ...Object.entries(appetite.byCategory).map(([category, entry]) => `${category} risks: ${limit(entry)}.`),
  ];
}
