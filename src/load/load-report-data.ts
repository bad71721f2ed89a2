// Reads a report folder's YAML files, validates each, then checks the references between them.
// Every problem in every file is collected before anything fails.
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import type { z } from "zod";
import { type Problem, ScrutinyError } from "../errors.ts";
import { type Action, actionFileSchema } from "../schema/action-schema.ts";
import { type Kpi, kpiFileSchema } from "../schema/kpi-schema.ts";
import { type ReportData, reportSchema } from "../schema/report-schema.ts";
import { type Risk, type RiskMatrix, riskFileSchema } from "../schema/risk-schema.ts";
import { readYamlFile, type YamlSource } from "./read-yaml-file.ts";
import { problemAt, validateSource } from "./validate-source.ts";

export interface ReportInput {
  report: ReportData;
  kpis: readonly Kpi[];
  matrix: RiskMatrix;
  risks: readonly Risk[];
  actions: readonly Action[];
}

export const REPORT_FILES = {
  report: "report.yaml",
  kpis: "kpis.yaml",
  risks: "risks.yaml",
  actions: "actions.yaml",
} as const;

export async function loadReportData(folder: string): Promise<ReportInput> {
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    const problem = { file: displayPath(folder), message: "this folder does not exist" };
    throw new ScrutinyError("invalid-data", `${displayPath(folder)}: no such folder`, {
      problems: [
        {
          ...problem,
          hint: "Give the folder that holds report.yaml, kpis.yaml, risks.yaml and actions.yaml.",
        },
      ],
    });
  }
  const problems: Problem[] = [];
  const read = async (name: string): Promise<YamlSource | undefined> => {
    try {
      const path = join(folder, name);
      return await readYamlFile(path, displayPath(path));
    } catch (error) {
      if (error instanceof ScrutinyError) {
        problems.push(...error.problems);
        return undefined;
      }
      throw error;
    }
  };
  const sources = {
    report: await read(REPORT_FILES.report),
    kpis: await read(REPORT_FILES.kpis),
    risks: await read(REPORT_FILES.risks),
    actions: await read(REPORT_FILES.actions),
  };
  const check = <Schema extends z.ZodType>(source: YamlSource | undefined, schema: Schema) => {
    if (!source) return undefined;
    const result = validateSource(source, schema);
    if (result.ok) return result.data;
    problems.push(...result.problems);
    return undefined;
  };
  const report = check(sources.report, reportSchema);
  const kpiFile = check(sources.kpis, kpiFileSchema);
  const riskFile = check(sources.risks, riskFileSchema);
  const actionFile = check(sources.actions, actionFileSchema);

  // Checks across records and files run wherever the data they need is valid.
  if (kpiFile && sources.kpis) {
    checkUniqueIds(sources.kpis, "kpis", kpiFile.kpis, problems);
    checkDataStatuses(sources.kpis, kpiFile.kpis, problems);
  }
  if (actionFile && sources.actions) checkUniqueIds(sources.actions, "actions", actionFile.actions, problems);
  if (riskFile && sources.risks) {
    checkUniqueIds(sources.risks, "risks", riskFile.risks, problems);
    checkRiskMatrix(sources.risks, riskFile.matrix, problems);
    checkRiskRatings(sources.risks, riskFile, problems);
  }
  if (report && sources.report) checkUniqueIds(sources.report, "themes", report.themes, problems);
  if (report) {
    const themeIds = new Set(report.themes.map((theme) => theme.id));
    const checkTheme = (
      source: YamlSource | undefined,
      list: string,
      records: readonly { theme: string }[] = [],
    ) => {
      records.forEach((record, index) => {
        if (source && !themeIds.has(record.theme)) {
          const hint = `Use one of the themes in report.yaml: ${[...themeIds].join(", ")}.`;
          problems.push(problemAt(source, [list, index, "theme"], `unknown theme "${record.theme}"`, hint));
        }
      });
    };
    checkTheme(sources.kpis, "kpis", kpiFile?.kpis);
    checkTheme(sources.actions, "actions", actionFile?.actions);
  }

  if (problems.length > 0 || !report || !kpiFile || !riskFile || !actionFile) {
    const files = new Set(problems.map((problem) => problem.file)).size;
    throw new ScrutinyError(
      "invalid-data",
      `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${files} ${files === 1 ? "file" : "files"} of ${folder}`,
      { problems },
    );
  }
  return {
    report,
    kpis: kpiFile.kpis,
    matrix: riskFile.matrix,
    risks: riskFile.risks,
    actions: actionFile.actions,
  };
}

/** Paths in messages are relative to where the command was run, as an officer typed them. */
function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith("..") || isAbsolute(fromHere) ? path : fromHere;
}

function checkUniqueIds(
  source: YamlSource,
  list: string,
  records: readonly { id: string }[],
  problems: Problem[],
): void {
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, index);
    else
      problems.push(
        problemAt(
          source,
          [list, index, "id"],
          `the id "${record.id}" is already used by ${list}[${first}]`,
          "Every id must be unique.",
        ),
      );
  });
}

/** A figure cannot be both given and awaited (or not available) for the same period. */
function checkDataStatuses(source: YamlSource, kpis: readonly Kpi[], problems: Problem[]): void {
  kpis.forEach((kpi, index) => {
    for (const [period, status] of Object.entries(kpi.dataStatus)) {
      if (status !== "provisional" && kpi.actuals[period] !== undefined) {
        problems.push(
          problemAt(
            source,
            ["kpis", index, "dataStatus", period],
            `${period} is marked ${status}, but actuals gives a figure for it`,
            "Remove the figure, or mark it provisional.",
          ),
        );
      }
    }
  });
}

/** The matrix must give one label per value and put every possible score in exactly one band. */
function checkRiskMatrix(source: YamlSource, matrix: RiskMatrix, problems: Problem[]): void {
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

function checkRiskRatings(
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
