// Every report of a pack, one after another over one browser and one set of templates. A report that fails does not stop
// the others; its error is kept with it and the caller decides the exit code.
import { join, relative } from "node:path";
import type { ScrutinyError } from "../errors.ts";
import { isScrutinyError } from "../errors.ts";
import { loadPack } from "../load/load-pack.ts";
import {
  type BuildReportResult,
  type BuildResources,
  buildReport,
  type OutputFormat,
} from "./build-report.ts";

export type PackReportResult =
  | { folder: string; ok: true; result: BuildReportResult }
  | { folder: string; ok: false; error: ScrutinyError };

export interface BuildPackOptions {
  packFile: string;
  outDir: string;
  /** Templates, chart renderer and browser, prepared once for every report of the pack. */
  resources: BuildResources;
  formats?: readonly OutputFormat[];
}

export async function buildPack(options: BuildPackOptions): Promise<PackReportResult[]> {
  const { file, reports } = await loadPack(options.packFile);
  const packFolder = join(file, "..");
  const results: PackReportResult[] = [];
  for (const report of reports) {
    if (!report.ok) {
      results.push({ folder: report.folder, ok: false, error: report.error });
      continue;
    }
    try {
      const result = await buildReport({
        folder: report.folder,
        input: report.input,
        // Each report in its own folder, named as in pack.yaml, so reports of one period never collide.
        outDir: join(options.outDir, relative(packFolder, report.folder)),
        resources: options.resources,
        ...(options.formats ? { formats: options.formats } : {}),
      });
      results.push({ folder: report.folder, ok: true, result });
    } catch (error) {
      if (!isScrutinyError(error)) throw error;
      results.push({ folder: report.folder, ok: false, error });
    }
  }
  return results;
}
