// Checks on risks.yaml that a schema cannot express: a matrix that bands every score once, ratings on it.
import type { Problem } from "../errors.ts";
import type { Risk, RiskMatrix } from "../schema/risk-schema.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

/** The matrix must give one label per value and put every possible score in exactly one band. */
export function checkRiskMatrix(source: YamlSource, matrix: RiskMatrix, problems: Problem[]): void {
  for (const axis of ["likelihood", "impact"] as const) {
    const seen = new Set<number>();
    matrix[axis].forEach((point, index) => {
      if (seen.has(point.value)) {
        problems.push(
          problemAt(
            source,
            ["matrix", axis, index, "value"],
            `the ${axis} value ${point.value} is given twice`,
            "Each value needs exactly one label.",
          ),
        );
      }
      seen.add(point.value);
    });
  }
  matrix.bands.forEach((band, index) => {
    const previous = matrix.bands[index - 1];
    if (band.from > band.to) {
      problems.push(
        problemAt(
          source,
          ["matrix", "bands", index, "from"],
          `band "${band.name}" starts at ${band.from}, after its end ${band.to}`,
          "Write the lower score in from and the higher in to.",
        ),
      );
    } else if (previous && band.from <= previous.to) {
      problems.push(
        problemAt(
          source,
          ["matrix", "bands", index, "from"],
          `band "${band.name}" (${band.from}–${band.to}) overlaps or comes before band "${previous.name}" (${previous.from}–${previous.to})`,
          "List bands from the lowest scores up, each starting after the previous one ends.",
        ),
      );
    }
  });
  const values = (axis: "likelihood" | "impact") => matrix[axis].map((point) => point.value);
  const scores = new Set(values("likelihood").flatMap((l) => values("impact").map((i) => l * i)));
  const unbanded = [...scores].filter(
    (score) => !matrix.bands.some((band) => score >= band.from && score <= band.to),
  );
  if (unbanded.length > 0) {
    const maxScore = Math.max(...values("likelihood")) * Math.max(...values("impact"));
    problems.push(
      problemAt(
        source,
        ["matrix", "bands"],
        `no band covers the score${unbanded.length === 1 ? "" : "s"} ${unbanded.sort((a, b) => a - b).join(", ")}`,
        `Bands must cover every score from 1 to ${maxScore}.`,
      ),
    );
  }
}

export function checkRiskRatings(
  source: YamlSource,
  file: { matrix: RiskMatrix; risks: Risk[] },
  problems: Problem[],
): void {
  const { matrix } = file;
  const scale = (axis: "likelihood" | "impact") => new Set(matrix[axis].map((point) => point.value));
  const scales = { likelihood: scale("likelihood"), impact: scale("impact") };
  file.risks.forEach((risk, index) => {
    for (const stage of ["inherent", "current", "target"] as const) {
      const rating = risk[stage];
      if (!rating) continue;
      for (const axis of ["likelihood", "impact"] as const) {
        if (!scales[axis].has(rating[axis])) {
          const allowed = [...scales[axis]].join(", ");
          problems.push(
            problemAt(
              source,
              ["risks", index, stage, axis],
              `${axis} ${rating[axis]} is not on the matrix`,
              `Use one of: ${allowed}.`,
            ),
          );
        }
      }
    }
  });
}
