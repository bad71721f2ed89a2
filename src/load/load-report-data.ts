// Reads a report folder's YAML files, validates each, then checks the references between them.
// Every problem in every file is collected before anything fails.
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import type { z } from "zod";
import { type Problem, ScrutinyError } from "../errors.ts";
import { type DeliveryPlan, deliveryPlanFileSchema } from "../schema/delivery-plan-schema.ts";
import { type Kpi, kpiFileSchema } from "../schema/kpi-schema.ts";
import {
  type RecommendationTracker,
  recommendationsFileSchema,
} from "../schema/recommendation-tracker-schema.ts";
import { type ReportData, reportSchema } from "../schema/report-schema.ts";
import { type RegisterAppetite, type Risk, type RiskMatrix, riskFileSchema } from "../schema/risk-schema.ts";
import { checkDeliveryPlan } from "./check-delivery-plan.ts";
import { checkDataStatuses, checkKpiRules } from "./check-kpis.ts";
import { checkRecommendationTrackers } from "./check-recommendations.ts";
import { checkReport } from "./check-report.ts";
import { checkRiskMatrix, checkRiskRatings } from "./check-risks.ts";
import { checkUniqueIds } from "./check-unique-ids.ts";
import { readYamlFile, type YamlSource } from "./read-yaml-file.ts";
import { problemAt, validateSource } from "./validate-source.ts";

export interface ReportInput {
  report: ReportData;
  kpis: readonly Kpi[];
  /** Undefined when the folder has no risks.yaml. */
  matrix: RiskMatrix | undefined;
  /** The register's default and per-category appetite, when risks.yaml sets one. */
  riskAppetite: RegisterAppetite | undefined;
  risks: readonly Risk[];
  /** Undefined when the folder has no delivery-plan.yaml. */
  deliveryPlan: DeliveryPlan | undefined;
  /** Scrutiny-review and peer-challenge trackers from recommendations.yaml. */
  trackers: readonly RecommendationTracker[];
  /** The parsed files, so later checks can place what they find at a line and column. */
  sources: ReportSources;
}

export type ReportSources = Readonly<Partial<Record<keyof typeof REPORT_FILES, YamlSource>>>;

/** report.yaml is required; each of the others is read when the folder has it. */
export const REPORT_FILES = {
  report: "report.yaml",
  kpis: "kpis.yaml",
  risks: "risks.yaml",
  deliveryPlan: "delivery-plan.yaml",
  recommendations: "recommendations.yaml",
} as const;

/** Files earlier versions read, and where their content goes now. */
const RETIRED_FILES = [
  {
    name: "actions.yaml",
    hint: "Move its actions into delivery-plan.yaml, under themes → objectives → actions (docs/rules.md).",
  },
] as const;

/** Settings a pack file gives a report: report.yaml fields, as written in pack.yaml. */
export interface PackDefaults {
  source: YamlSource;
  /** The `defaults` map (or one entry's fields) as read from pack.yaml, before validation. */
  values: Readonly<Record<string, unknown>>;
  /** Where the values sit in pack.yaml, so a problem they cause is placed there. */
  at?: readonly (string | number)[];
}

export interface LoadReportOptions {
  /** The pack's `defaults`: used where report.yaml gives no value. */
  packDefaults?: PackDefaults | undefined;
  /** The report's own entry in pack.yaml (period, documents…): wins over report.yaml. */
  reportOverrides?: PackDefaults | undefined;
}

export async function loadReportData(folder: string, options: LoadReportOptions = {}): Promise<ReportInput> {
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    throw new ScrutinyError("invalid-data", `${displayPath(folder)}: no such folder`, {
      problems: [
        {
          file: displayPath(folder),
          message: "this folder does not exist",
          hint: "Give the folder that holds report.yaml and the report's other YAML files.",
        },
      ],
    });
  }
  const problems: Problem[] = [];
  const read = async (name: string, required: boolean): Promise<YamlSource | undefined> => {
    const path = join(folder, name);
    if (!required && !(await stat(path).catch(() => undefined))) return undefined;
    try {
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
    report: await read(REPORT_FILES.report, true),
    kpis: await read(REPORT_FILES.kpis, false),
    risks: await read(REPORT_FILES.risks, false),
    deliveryPlan: await read(REPORT_FILES.deliveryPlan, false),
    recommendations: await read(REPORT_FILES.recommendations, false),
  };
  for (const retired of RETIRED_FILES) {
    const path = join(folder, retired.name);
    if (await stat(path).catch(() => undefined)) {
      problems.push({
        file: displayPath(path),
        message: `${retired.name} is no longer read`,
        hint: retired.hint,
      });
    }
  }
  let invalid = false;
  const check = <Schema extends z.ZodType>(source: YamlSource | undefined, schema: Schema) => {
    if (!source) return undefined;
    const result = validateSource(source, schema);
    if (result.ok) return result.data;
    invalid = true;
    problems.push(...result.problems);
    return undefined;
  };
  const report = sources.report && validateReport(sources.report, options, problems);
  if (sources.report && !report) invalid = true;
  const kpiFile = check(sources.kpis, kpiFileSchema);
  const riskFile = check(sources.risks, riskFileSchema);
  const deliveryPlan = check(sources.deliveryPlan, deliveryPlanFileSchema);
  const recommendationsFile = check(sources.recommendations, recommendationsFileSchema);

  // Checks across records and files run wherever the data they need is valid.
  if (kpiFile && sources.kpis) {
    checkUniqueIds(sources.kpis, "kpis", kpiFile.kpis, problems);
    checkDataStatuses(sources.kpis, kpiFile.kpis, problems);
    checkKpiRules(sources.kpis, kpiFile.kpis, problems);
  }
  if (riskFile && sources.risks) {
    checkUniqueIds(sources.risks, "risks", riskFile.risks, problems);
    checkRiskMatrix(sources.risks, riskFile.matrix, problems);
    checkRiskRatings(sources.risks, riskFile, problems);
  }
  if (report && sources.report) {
    checkUniqueIds(sources.report, "themes", report.themes, problems);
    if (!sources.risks || riskFile) checkReport(sources.report, report, riskFile?.matrix, problems);
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
  }

  if (deliveryPlan && sources.deliveryPlan) {
    const themeIds = report ? new Set(report.themes.map((theme) => theme.id)) : undefined;
    checkDeliveryPlan(sources.deliveryPlan, deliveryPlan, themeIds, problems);
  }
  if (recommendationsFile && sources.recommendations) {
    const themeIds = report ? new Set(report.themes.map((theme) => theme.id)) : undefined;
    checkRecommendationTrackers(sources.recommendations, recommendationsFile.trackers, themeIds, problems);
  }

  if (problems.length > 0 || invalid || !report) {
    const files = new Set(problems.map((problem) => problem.file)).size;
    throw new ScrutinyError(
      "invalid-data",
      `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${files} ${files === 1 ? "file" : "files"} of ${folder}`,
      { problems },
    );
  }
  return {
    report,
    kpis: kpiFile?.kpis ?? [],
    matrix: riskFile?.matrix,
    riskAppetite: riskFile?.appetite,
    risks: riskFile?.risks ?? [],
    deliveryPlan,
    trackers: recommendationsFile?.trackers ?? [],
    sources: Object.fromEntries(Object.entries(sources).filter(([, source]) => source !== undefined)),
  };
}

/**
 * report.yaml over the pack's defaults, under the report's own entry in pack.yaml: a field the report
 * gives replaces the pack's, and a field the entry gives replaces both. Fields supplied from
 * pack.yaml are optional in report.yaml, so every problem is placed in the file that holds the value.
 */
function validateReport(
  source: YamlSource,
  { packDefaults, reportOverrides }: LoadReportOptions,
  problems: Problem[],
): ReportData | undefined {
  const own = source.data;
  if ((!packDefaults && !reportOverrides) || own === null || typeof own !== "object" || Array.isArray(own)) {
    const result = validateSource(source, reportSchema);
    if (result.ok) return result.data;
    problems.push(...result.problems);
    return undefined;
  }
  const defaults = packDefaults?.values ?? {};
  const overrides = reportOverrides?.values ?? {};
  const fromPack = [...Object.keys(defaults), ...Object.keys(overrides)].filter(
    (key) => !Object.hasOwn(own, key),
  );
  const shape = reportSchema.shape;
  const mask: { [Key in keyof typeof shape]?: true } = {};
  for (const key of fromPack) if (Object.hasOwn(shape, key)) mask[key as keyof typeof shape] = true;
  const ownResult = validateSource(source, reportSchema.partial(mask));
  if (!ownResult.ok) {
    problems.push(...ownResult.problems);
    return undefined;
  }
  const merged = { ...defaults, ...own, ...overrides };
  const result = reportSchema.safeParse(merged);
  if (result.success) return result.data;
  // Each part was validated on its own; a problem here comes from them together.
  for (const issue of result.error.issues) {
    const first = issue.path[0];
    if (reportOverrides && typeof first === "string" && Object.hasOwn(overrides, first)) {
      const at = [...(reportOverrides.at ?? []), ...(issue.path as (string | number)[])];
      problems.push(problemAt(reportOverrides.source, at, `${issue.message} (with ${source.file})`));
    } else {
      problems.push(problemAt(source, issue.path, `${issue.message} (with the settings in pack.yaml)`));
    }
  }
  return undefined;
}

/** Paths in messages are relative to where the command was run, as an officer typed them. */
export function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith("..") || isAbsolute(fromHere) ? path : fromHere;
}
