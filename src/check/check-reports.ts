// `scrutiny check`: validation plus the data-quality rules, for one report folder or a whole pack.
// Loading problems and rule findings are returned, never thrown, so every report is checked.

import type { Problem } from "../errors.ts";
import { findPackFile, loadPack, loadReportSettled, type ReportLoad } from "../load/load-pack.ts";
import { displayPath } from "../load/load-report-data.ts";
import { buildReportView } from "../model/build-report-view.ts";
import { checkDataQuality } from "./check-data-quality.ts";

export interface ReportCheck {
  /** As shown to people: relative to the working folder. */
  folder: string;
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
      return { folder: displayPath(load.folder), problems };
    }
    const findings = checkDataQuality(load.input, buildReportView(load.input));
    const bySeverity = (problem: Problem) => (problem.severity === "warning" ? 1 : 0);
    return {
      folder: displayPath(load.folder),
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
