// Reads pack.yaml and every report folder it lists. A bad report does not stop the others: each
// report's problems are kept with it, so a build can go on and `check` can list them all.
import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { ScrutinyError } from "../errors.ts";
import { type Pack, packSchema } from "../schema/pack-schema.ts";
import { displayPath, loadReportData, type ReportInput } from "./load-report-data.ts";
import { readYamlFile } from "./read-yaml-file.ts";
import { validateSource } from "./validate-source.ts";

export const PACK_FILE = "pack.yaml";

export type ReportLoad =
  | { folder: string; ok: true; input: ReportInput }
  | { folder: string; ok: false; error: ScrutinyError };

export interface LoadedPack {
  file: string;
  pack: Pack;
  reports: ReportLoad[];
}

/**
 * What a path given on the command line is: a pack file, a folder holding pack.yaml, or a report
 * folder. Undefined when it is none of them.
 */
export async function findPackFile(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const inside = join(path, PACK_FILE);
    if ((await stat(inside).catch(() => undefined))?.isFile()) return inside;
  }
  return undefined;
}

export async function loadPack(packFile: string): Promise<LoadedPack> {
  const source = await readYamlFile(packFile, displayPath(packFile));
  const result = validateSource(source, packSchema);
  if (!result.ok) {
    throw new ScrutinyError("invalid-data", `${result.problems.length} problems in ${source.file}`, {
      problems: result.problems,
    });
  }
  const raw = source.data as { defaults?: Record<string, unknown> };
  const packDefaults = { source, values: raw.defaults ?? {} };
  const reports: ReportLoad[] = [];
  for (const { folder } of result.data.reports) {
    const path = resolve(dirname(packFile), folder);
    try {
      reports.push({ folder: path, ok: true, input: await loadReportData(path, { packDefaults }) });
    } catch (error) {
      if (!(error instanceof ScrutinyError)) throw error;
      reports.push({ folder: path, ok: false, error });
    }
  }
  return { file: packFile, pack: result.data, reports };
}
