// Reads pack.yaml and every report folder it lists. A bad report does not stop the others: each
// report's problems are kept with it, so a build can go on and `check` can list them all.
import { realpath, stat } from "node:fs/promises";
import { dirname, join, posix, resolve, sep } from "node:path";
import { type Problem, ScrutinyError } from "../errors.ts";
import { type Pack, packSchema } from "../schema/pack-schema.ts";
import { displayPath, type LoadReportOptions, loadReportData, type ReportInput } from "./load-report-data.ts";
import { readYamlFile, type YamlSource } from "./read-yaml-file.ts";
import { problemAt, validateSource } from "./validate-source.ts";

export const PACK_FILE = "pack.yaml";

export type ReportLoad =
  | { folder: string; key?: string; ok: true; input: ReportInput }
  | { folder: string; key?: string; ok: false; error: ScrutinyError };

/** One report of a pack as pack.yaml lists it, before its folder is read. */
export interface PlannedReport {
  /** Unique within the pack, stable between runs: the entry's `key`, or its folder and period. */
  key: string;
  /** The report folder, absolute. */
  folder: string;
  /** The folder as written in pack.yaml, relative to the pack's folder ("." for the pack's own). */
  relativeFolder: string;
  /** Its position in pack.yaml's `reports`. */
  index: number;
  /** The entry's report.yaml fields (period, documents…), as written, before validation. */
  overrides: Readonly<Record<string, unknown>>;
}

/** pack.yaml read and checked, its reports listed but not yet loaded (a shard loads only its own). */
export interface PackPlan {
  file: string;
  /** The folder holding pack.yaml. */
  folder: string;
  pack: Pack;
  source: YamlSource;
  reports: PlannedReport[];
}

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
  const plan = await planPack(packFile);
  const reports: ReportLoad[] = [];
  for (const report of plan.reports) reports.push(await loadPlannedReport(plan, report));
  return { file: packFile, pack: plan.pack, reports };
}

/** Reads and checks pack.yaml and names its reports, without reading any report folder. */
export async function planPack(packFile: string): Promise<PackPlan> {
  const source = await readYamlFile(packFile, displayPath(packFile));
  const result = validateSource(source, packSchema);
  if (!result.ok) {
    throw new ScrutinyError("invalid-data", `${result.problems.length} problems in ${source.file}`, {
      problems: result.problems,
    });
  }
  const folder = dirname(packFile);
  const raw = source.data as { reports: Record<string, unknown>[] };
  const reports = result.data.reports.map((entry, index): PlannedReport => {
    const {
      folder: written,
      key,
      ...overrides
    } = raw.reports[index] as {
      folder: string;
      key?: string;
      [field: string]: unknown;
    };
    return {
      key: key ?? defaultReportKey(written, overrides.period),
      folder: resolve(folder, written),
      relativeFolder: posix.normalize(entry.folder).replace(/(.)\/+$/, "$1"),
      index,
      overrides,
    };
  });
  await checkReportEntries(source, folder, reports);
  return { file: packFile, folder, pack: result.data, source, reports };
}

/** One report of a planned pack, loaded with the pack's defaults and its entry's own fields. */
export async function loadPlannedReport(plan: PackPlan, report: PlannedReport): Promise<ReportLoad> {
  const raw = plan.source.data as { defaults?: Record<string, unknown> };
  const load = await loadReportSettled(report.folder, {
    packDefaults: { source: plan.source, values: raw.defaults ?? {}, at: ["defaults"] },
    reportOverrides: { source: plan.source, values: report.overrides, at: ["reports", report.index] },
  });
  return { ...load, key: report.key };
}

/**
 * A report's key when its entry gives none: its folder, then its period when the entry sets one,
 * so "." for Q3 is "2023-24-q3" and "housing-board" stays "housing-board".
 */
export function defaultReportKey(folder: string, period: unknown): string {
  const parts = [posix.normalize(folder).replace(/\/+$/, "")].filter((part) => part !== ".");
  if (typeof period === "string") parts.push(slugify(period));
  return parts.join("/") || ".";
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Each report folder as it really is on disk: inside the pack's folder even through links. One
 * folder may be listed more than once when the listings differ (another period, other documents),
 * but never as the same report twice ("." and "./" are one folder), and every key is unique.
 */
async function checkReportEntries(
  source: YamlSource,
  packFolder: string,
  reports: readonly PlannedReport[],
): Promise<void> {
  const problems: Problem[] = [];
  const root = await realpath(packFolder);
  const seen = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const report of reports) {
    const at = ["reports", report.index];
    const entry = (source.data as { reports: { folder: string; key?: string }[] }).reports[report.index];
    const written = entry?.folder;
    const real = await realpath(report.folder).catch(() => undefined);
    if (real !== undefined && real !== root && !real.startsWith(root + sep)) {
      problems.push(
        problemAt(
          source,
          [...at, "folder"],
          `"${written}" leads outside the pack's folder (through a link)`,
          "Keep every report folder inside the folder that holds pack.yaml.",
        ),
      );
      continue;
    }
    // The same folder with the same fields would build the same report twice.
    const identity = JSON.stringify([real ?? report.folder, report.overrides]);
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push(
        problemAt(
          source,
          [...at, "folder"],
          `"${written}" is the same folder as reports[${first}]`,
          "List each report folder once, or give each listing its own period or documents.",
        ),
      );
      continue;
    }
    seen.set(identity, report.index);
    const firstWithKey = keys.get(report.key);
    if (firstWithKey !== undefined) {
      problems.push(
        problemAt(
          source,
          [...at, entry?.key === undefined ? "folder" : "key"],
          `reports[${report.index}] has the same key as reports[${firstWithKey}]: "${report.key}"`,
          "Give one of them its own `key` (the name used in the manifest and for shards).",
        ),
      );
    } else keys.set(report.key, report.index);
  }
  if (problems.length > 0) {
    throw new ScrutinyError(
      "invalid-data",
      `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${source.file}`,
      { problems },
    );
  }
}
