// `scrutiny check`: validation plus the data-quality rules, for one report folder or a whole pack.
// Loading problems and rule findings are returned, never thrown, so every report is checked.

import { basename } from "node:path";
import type { Problem } from "../errors.ts";
import { findPackFile, loadPack, loadReportSettled, type ReportLoad } from "../load/load-pack.ts";
import { displayPath, REPORT_FILES, type ReportInput } from "../load/load-report-data.ts";
import { buildReportView, type ReportView } from "../model/build-report-view.ts";
import { planDocuments } from "../model/plan-documents.ts";
import type { DocumentKind } from "../schema/cover-report-schema.ts";
import { checkDataQuality } from "./check-data-quality.ts";

export interface ReportCheck {
  /** As shown to people: relative to the working folder. */
  folder: string;
  /** The report's key in its pack (one folder may be listed for several periods). */
  key?: string;
  /** Problems that stop a build, then warnings. */
  problems: Problem[];
}

export interface CheckResult {
  /** The pack file, when a pack was checked. */
  pack: string | null;
  reports: ReportCheck[];
  errors: number;
  warnings: number;
}

export async function checkReports(path: string): Promise<CheckResult> {
  const packFile = await findPackFile(path);
  const loads: ReportLoad[] = packFile ? (await loadPack(packFile)).reports : [await loadReportSettled(path)];
  const reports = loads.map((load): ReportCheck => {
    if (!load.ok) {
      const problems = load.error.problems.map((problem) => ({ severity: "error" as const, ...problem }));
      return { folder: displayPath(load.folder), ...keyOf(load), problems };
    }
    const view = buildReportView(load.input);
    const findings = checkDataQuality(load.input, view).filter(printedBy(load.input, view));
    const bySeverity = (problem: Problem) => (problem.severity === "warning" ? 1 : 0);
    return {
      folder: displayPath(load.folder),
      ...keyOf(load),
      problems: findings.sort((a, b) => bySeverity(a) - bySeverity(b)),
    };
  });
  const all = reports.flatMap((report) => report.problems);
  const warnings = all.filter((problem) => problem.severity === "warning").length;
  return {
    pack: packFile === undefined ? null : displayPath(packFile),
    reports,
    errors: all.length - warnings,
    warnings,
  };
}

function keyOf(load: ReportLoad): { key?: string } {
  return load.key === undefined ? {} : { key: load.key };
}

/** Which documents print each data file's records. */
const documentsOfFile: Readonly<Record<string, readonly DocumentKind[]>> = {
  [REPORT_FILES.kpis]: ["performance", "contextual"],
  [REPORT_FILES.risks]: ["risk-register"],
  [REPORT_FILES.deliveryPlan]: ["delivery-plan"],
  [REPORT_FILES.recommendations]: ["recommendations"],
};

/**
 * A report that builds only some documents (`documents` in report.yaml or its pack entry, such as
 * the performance appendices of another quarter) is not asked about records none of them prints.
 */
function printedBy(input: ReportInput, view: ReportView): (problem: Problem) => boolean {
  if (input.report.documents === undefined) return () => true;
  const built = new Set(planDocuments(input, view).map((document) => document.kind));
  return (problem) => {
    const kinds = documentsOfFile[basename(problem.file)];
    return kinds === undefined || kinds.some((kind) => built.has(kind));
  };
}
