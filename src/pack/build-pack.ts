// Every report of a pack, one after another over one browser. A report that fails does not stop
// the others; its error is kept with it and the caller decides the exit code.
import { join, relative } from "node:path";
import type { ScrutinyError } from "../errors.ts";
import { isScrutinyError } from "../errors.ts";
import { loadPack } from "../load/load-pack.ts";
import type { BrowserHandle } from "../pdf/browser.ts";
import { type BuildReportResult, buildReport, type OutputFormat } from "./build-report.ts";

export type PackReportResult =
  | { folder: string; ok: true; result: BuildReportResult }
  | { folder: string; ok: false; error: ScrutinyError };

export interface BuildPackOptions {
  packFile: string;
  outDir: string;
  browser: BrowserHandle;
  templatesDirectory?: string;
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
        browser: options.browser,
        ...(options.formats ? { formats: options.formats } : {}),
        ...(options.templatesDirectory ? { templatesDirectory: options.templatesDirectory } : {}),
      });
      results.push({ folder: report.folder, ok: true, result });
    } catch (error) {
      if (!isScrutinyError(error)) throw error;
      results.push({ folder: report.folder, ok: false, error });
    }
  }
  return results;
}
