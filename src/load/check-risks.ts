// Checks on risks.yaml that a schema cannot express: a matrix that bands every cell once, ratings
// and appetites on it, impact dimensions and categories that exist.

import { categoryKey } from "../calc/assess-risk.ts";
import { findRiskMatrixProblems } from "../calc/find-risk-matrix-problems.ts";
import type { Problem } from "../errors.ts";
import type { RiskAppetite, RiskFile, RiskMatrix } from "../schema/risk-schema.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

export function checkRiskMatrix(source: YamlSource, matrix: RiskMatrix, problems: Problem[]): void {
  for (const problem of findRiskMatrixProblems(matrix)) {
    problems.push(problemAt(source, ["matrix", ...problem.path], problem.message, problem.hint));
  }
}

export function checkRiskRatings(source: YamlSource, file: RiskFile, problems: Problem[]): void {
  const { matrix } = file;
  const scales = {
    likelihood: new Set(matrix.likelihood.map((point) => point.value)),
    impact: new Set(matrix.impact.map((point) => point.value)),
  };
  const dimensions = new Set(matrix.impactDimensions.map((dimension) => dimension.id));
  const offScale = (path: (string | number)[], axis: "likelihood" | "impact", value: number) => {
    if (scales[axis].has(value)) return;
    problems.push(
      problemAt(
        source,
        path,
        `${axis} ${value} is not on the matrix`,
        `Use one of: ${[...scales[axis]].join(", ")}.`,
      ),
    );
  };
  file.risks.forEach((risk, index) => {
    for (const stage of ["inherent", "current", "target"] as const) {
      const rating = risk[stage];
      if (!rating) continue;
      const path = ["risks", index, stage];
      offScale([...path, "likelihood"], "likelihood", rating.likelihood);
      if (typeof rating.impact === "number") {
        offScale([...path, "impact"], "impact", rating.impact);
        continue;
      }
      const entries = Object.entries(rating.impact);
      if (entries.length === 0) {
        problems.push(
          problemAt(
            source,
            [...path, "impact"],
            "impact gives no dimension",
            "Give at least one impact value.",
          ),
        );
      }
      for (const [dimension, value] of entries) {
        if (!dimensions.has(dimension)) {
          const hint =
            dimensions.size === 0
              ? "List the dimensions under matrix.impactDimensions (id and label) before scoring on them."
              : `Use one of the matrix's impact dimensions: ${[...dimensions].join(", ")}.`;
          problems.push(
            problemAt(
              source,
              [...path, "impact", dimension],
              `unknown impact dimension "${dimension}"`,
              hint,
            ),
          );
        }
        offScale([...path, "impact", dimension], "impact", value);
      }
    }
    if (risk.appetite) checkAppetite(source, ["risks", index, "appetite"], risk.appetite, matrix, problems);
  });

  const appetite = file.appetite;
  if (!appetite) return;
  if (appetite.default) checkAppetite(source, ["appetite", "default"], appetite.default, matrix, problems);
  const categories = new Set(file.risks.map((risk) => risk.category));
  const categoryKeys = new Set(
    [...categories].flatMap((name) => (name === undefined ? [] : [categoryKey(name)])),
  );
  for (const [category, categoryAppetite] of Object.entries(appetite.byCategory)) {
    checkAppetite(source, ["appetite", "byCategory", category], categoryAppetite, matrix, problems);
    if (!categoryKeys.has(categoryKey(category))) {
      const used = [...categories].filter((name) => name !== undefined);
      problems.push(
        problemAt(
          source,
          ["appetite", "byCategory", category],
          `no risk has the category "${category}", so this appetite applies to none`,
          used.length > 0 ? `Categories in use: ${used.join(", ")}.` : "Give risks a category.",
        ),
      );
    }
  }
}

function checkAppetite(
  source: YamlSource,
  path: (string | number)[],
  appetite: RiskAppetite,
  matrix: RiskMatrix,
  problems: Problem[],
): void {
  if (appetite.band === undefined || matrix.bands.some((band) => band.name === appetite.band)) return;
  problems.push(
    problemAt(
      source,
      [...path, "band"],
      `unknown band "${appetite.band}"`,
      `Use one of the matrix's bands: ${matrix.bands.map((band) => band.name).join(", ")}.`,
    ),
  );
}
