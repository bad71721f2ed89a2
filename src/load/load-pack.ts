// Reads pack.yaml and every report folder it lists. A bad report does not stop the others: each
// report's problems are kept with it, so a build can go on and `check` can list them all.
import { realpath, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { type Problem, ScrutinyError } from "../errors.ts";
import { type Pack, packSchema } from "../schema/pack-schema.ts";
import { displayPath, type LoadReportOptions, loadReportData, type ReportInput } from "./load-report-data.ts";
import { readYamlFile, type YamlSource } from "./read-yaml-file.ts";
import { problemAt, validateSource } from "./validate-source.ts";

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

/** One report folder loaded, its data problems kept as a result rather than thrown. */
export async function loadReportSettled(
  folder: string,
  options: LoadReportOptions = {},
): Promise<ReportLoad> {
  try {
    return { folder, ok: true, input: await loadReportData(folder, options) };
  } catch (error) {
    if (!(error instanceof ScrutinyError)) throw error;
    return { folder, ok: false, error };
  }
}

export async function loadPack(packFile: string): Promise<LoadedPack> {
  const source = await readYamlFile(packFile, displayPath(packFile));
  const result = validateSource(source, packSchema);
  if (!result.ok) {
    throw new ScrutinyError("invalid-data", `${result.problems.length} problems in ${source.file}`, {
      problems: result.problems,
    });
  }
  const folders = await checkReportFolders(source, dirname(packFile), result.data.reports);
  const raw = source.data as { defaults?: Record<string, unknown> };
  const packDefaults = { source, values: raw.defaults ?? {} };
  const reports: ReportLoad[] = [];
  for (const path of folders) reports.push(await loadReportSettled(path, { packDefaults }));
  return { file: packFile, pack: result.data, reports };
}

/**
 * Each report folder as it really is on disk: inside the pack's folder even through links, and
 * listed once ("." and "./" are one folder), so no report is read from elsewhere or built twice.
 */
async function checkReportFolders(
  source: YamlSource,
  packFolder: string,
  reports: readonly { folder: string }[],
): Promise<string[]> {
  const problems: Problem[] = [];
  const root = await realpath(packFolder);
  const seen = new Map<string, number>();
  const folders: string[] = [];
  for (const [index, { folder }] of reports.entries()) {
    const path = resolve(packFolder, folder);
    folders.push(path);
    const real = await realpath(path).catch(() => undefined);
    const at = ["reports", index, "folder"];
    if (real === undefined) continue; // loadReportData says plainly that it does not exist
    if (real !== root && !real.startsWith(root + sep)) {
      problems.push(
        problemAt(
          source,
          at,
          `"${folder}" leads outside the pack's folder (through a link)`,
          "Keep every report folder inside the folder that holds pack.yaml.",
        ),
      );
      continue;
    }
    const first = seen.get(real);
    if (first !== undefined) {
      problems.push(
        problemAt(
          source,
          at,
          `"${folder}" is the same folder as reports[${first}]`,
          "List each report folder once.",
        ),
      );
    }
    seen.set(real, first ?? index);
  }
  if (problems.length > 0) {
    throw new ScrutinyError(
      "invalid-data",
      `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${source.file}`,
      { problems },
    );
  }
  return folders;
}
