// What is wrong with a risk matrix that a schema cannot see: every cell must fall in exactly one
// band, whether the bands are score ranges or an explicit heat map. Pure, so it can be property-tested.
import type { RiskMatrix } from "../schema/risk-schema.ts";

export interface MatrixProblem {
  /** Path inside the matrix: ["bands", 1, "from"]. */
  path: (string | number)[];
  message: string;
  hint: string;
}

export function findRiskMatrixProblems(matrix: RiskMatrix): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  for (const axis of ["likelihood", "impact"] as const) {
    const seen = new Set<number>();
    matrix[axis].forEach((point, index) => {
      if (seen.has(point.value)) {
        problems.push({
          path: [axis, index, "value"],
          message: `the ${axis} value ${point.value} is given twice`,
          hint: "Each value needs exactly one label.",
        });
      }
      seen.add(point.value);
    });
  }
  const names = new Set<string>();
  matrix.bands.forEach((band, index) => {
    if (names.has(band.name)) {
      problems.push({
        path: ["bands", index, "name"],
        message: `the band "${band.name}" is given twice`,
        hint: "Give each band its own name.",
      });
    }
    names.add(band.name);
  });
  const dimensions = new Set<string>();
  matrix.impactDimensions.forEach((dimension, index) => {
    if (dimensions.has(dimension.id)) {
      problems.push({
        path: ["impactDimensions", index, "id"],
        message: `the impact dimension "${dimension.id}" is given twice`,
        hint: "Give each impact dimension its own id.",
      });
    }
    dimensions.add(dimension.id);
  });
  if (matrix.cells) problems.push(...findCellMapProblems(matrix, matrix.cells));
  else problems.push(...findScoreBandProblems(matrix));
  return problems;
}

function findScoreBandProblems(matrix: RiskMatrix): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  let previous: { name: string; from: number; to: number } | undefined;
  matrix.bands.forEach((band, index) => {
    if (band.from === undefined || band.to === undefined) {
      problems.push({
        path: ["bands", index, band.from === undefined ? "from" : "to"],
        message: `band "${band.name}" needs both from and to`,
        hint: "Give each band the lowest (from) and highest (to) score it covers, or map the cells with `cells`.",
      });
      return;
    }
    if (band.from > band.to) {
      problems.push({
        path: ["bands", index, "from"],
        message: `band "${band.name}" starts at ${band.from}, after its end ${band.to}`,
        hint: "Write the lower score in from and the higher in to.",
      });
    } else if (previous && band.from <= previous.to) {
      problems.push({
        path: ["bands", index, "from"],
        message: `band "${band.name}" (${band.from}–${band.to}) overlaps or comes before band "${previous.name}" (${previous.from}–${previous.to})`,
        hint: "List bands from the lowest scores up, each starting after the previous one ends.",
      });
    }
    previous = { name: band.name, from: band.from, to: band.to };
  });
  if (problems.length > 0) return problems;
  const values = (axis: "likelihood" | "impact") => matrix[axis].map((point) => point.value);
  const scores = new Set(values("likelihood").flatMap((l) => values("impact").map((i) => l * i)));
  const unbanded = [...scores]
    .filter((score) => !matrix.bands.some((band) => score >= (band.from ?? 0) && score <= (band.to ?? 0)))
    .sort((a, b) => a - b);
  if (unbanded.length > 0) {
    const maxScore = Math.max(...values("likelihood")) * Math.max(...values("impact"));
    problems.push({
      path: ["bands"],
      message: `no band covers the score${unbanded.length === 1 ? "" : "s"} ${unbanded.join(", ")}`,
      hint: `Bands must cover every score from 1 to ${maxScore}.`,
    });
  }
  return problems;
}

function findCellMapProblems(matrix: RiskMatrix, cells: Record<string, string[]>): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const bandNames = matrix.bands.map((band) => band.name);
  matrix.bands.forEach((band, index) => {
    if (band.from !== undefined || band.to !== undefined) {
      problems.push({
        path: ["bands", index, band.from === undefined ? "to" : "from"],
        message: `band "${band.name}" gives a score range, but the matrix maps its cells`,
        hint: "Use either score ranges (from and to) or a cell map (cells), not both.",
      });
    }
  });
  const likelihoods = new Set(matrix.likelihood.map((point) => String(point.value)));
  for (const key of Object.keys(cells)) {
    if (!likelihoods.has(key)) {
      problems.push({
        path: ["cells", key],
        message: `the row ${key} is not a likelihood value`,
        hint: `Key each row by a likelihood value: ${[...likelihoods].join(", ")}.`,
      });
    }
  }
  const impactCount = matrix.impact.length;
  for (const point of matrix.likelihood) {
    const row = cells[String(point.value)];
    if (!row) {
      problems.push({
        path: ["cells"],
        message: `the heat map has no row for likelihood ${point.value} (${point.label})`,
        hint: `Add a row "${point.value}: [...]" listing one band for each of the ${impactCount} impact values.`,
      });
      continue;
    }
    if (row.length !== impactCount) {
      problems.push({
        path: ["cells", String(point.value)],
        message: `the row for likelihood ${point.value} gives ${row.length} bands for ${impactCount} impact values`,
        hint: "List one band per impact value, from the lowest impact up.",
      });
    }
    row.forEach((name, index) => {
      if (!bandNames.includes(name)) {
        problems.push({
          path: ["cells", String(point.value), index],
          message: `unknown band "${name}"`,
          hint: `Use one of the bands: ${bandNames.join(", ")}.`,
        });
      }
    });
  }
  if (problems.length === 0) problems.push(...findSeverityOrderProblems(matrix, cells));
  return problems;
}

/**
 * Bands are listed least severe first, and appetite and the key rely on that order. A heat map
 * shows it: a cell can never be less severe than one with a lower likelihood or a lower impact.
 * The first cell that breaks this is reported; usually the bands are listed in the wrong order.
 */
function findSeverityOrderProblems(matrix: RiskMatrix, cells: Record<string, string[]>): MatrixProblem[] {
  const severity = new Map(matrix.bands.map((band, index) => [band.name, index]));
  const likelihoods = matrix.likelihood.map((point) => point.value).sort((a, b) => a - b);
  const impacts = matrix.impact.map((point) => point.value).sort((a, b) => a - b);
  const bandAt = (likelihood: number, impactIndex: number) => cells[String(likelihood)]?.[impactIndex] ?? "";
  for (const [row, likelihood] of likelihoods.entries()) {
    for (const [column, impact] of impacts.entries()) {
      const here = bandAt(likelihood, column);
      const neighbours = [
        row > 0
          ? { band: bandAt(likelihoods[row - 1] as number, column), what: "a lower likelihood" }
          : undefined,
        column > 0 ? { band: bandAt(likelihood, column - 1), what: "a lower impact" } : undefined,
      ];
      for (const neighbour of neighbours) {
        if (neighbour && (severity.get(here) ?? 0) < (severity.get(neighbour.band) ?? 0)) {
          return [
            {
              path: ["cells", String(likelihood), column],
              message: `"${here}" at likelihood ${likelihood}, impact ${impact} is listed as less severe than "${neighbour.band}" at ${neighbour.what}`,
              hint: `List the bands from least to most severe (now: ${matrix.bands.map((band) => band.name).join(", ")}); appetite and the key depend on that order.`,
            },
          ];
        }
      }
    }
  }
  return [];
}
