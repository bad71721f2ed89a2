// The manifest of a build (output/manifest.json): every report with the hashes of its inputs, every
// file written with its hash, size and pages, and how the report went. It is also the build cache:
// the next build compares its inputs with the manifest's and keeps a report whose inputs match.
import { readFile } from "node:fs/promises";
import { posix } from "node:path";
import { z } from "zod";
import { type Problem, ScrutinyError } from "../errors.ts";
import { writeFileAtomic } from "../pdf/write-file-atomic.ts";
import { formatShard, type Shard } from "./select-shard.ts";

export const MANIFEST_VERSION = 1;

/** ok: built now; cached: unchanged since a build recorded here; skipped: not started (--fail-fast). */
export const REPORT_STATUSES = ["ok", "cached", "failed", "skipped"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const problemSchema = z.object({
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  field: z.string().optional(),
  recordId: z.string().optional(),
  message: z.string(),
  hint: z.string().optional(),
  severity: z.enum(["error", "warning"]).optional(),
  rule: z.string().optional(),
});

const outputSchema = z.object({
  /** Relative to the output folder, with forward slashes. */
  path: z.string(),
  /** The document it belongs to ("performance", "cover-report"…), or "statuses" for json/csv. */
  document: z.string(),
  format: z.string(),
  title: z.string().optional(),
  sha256: z.string(),
  bytes: z.number(),
  /** Pages of a PDF. */
  pages: z.number().optional(),
  /**
   * When the file was written (ms since 1970). A file with this time and size is taken as
   * unchanged without reading it again; any other is checked by its hash.
   */
  modifiedMs: z.number().optional(),
});

const inputsSchema = z.object({
  /** Everything below in one hash: the fast check, made without reading the report's data. */
  hash: z.string(),
  /**
   * What the report shows (its view model and documents) with templates, tool and settings: a
   * report whose files changed but whose documents would not is kept too.
   */
  content: z.string().optional(),
  /** Each data file, by its path relative to the pack's folder. */
  files: z.record(z.string(), z.string()),
  /** The pack's defaults and this report's entry in pack.yaml. */
  packSettings: z.string(),
  templates: z.string(),
  tool: z.string(),
  /** Formats and other options of the build. */
  options: z.string(),
});

const countsSchema = z.record(z.string(), z.number());

export const manifestReportSchema = z.object({
  key: z.string(),
  /** The report folder relative to the pack's folder, with forward slashes. */
  folder: z.string(),
  period: z.string().optional(),
  status: z.enum(REPORT_STATUSES),
  inputs: inputsSchema.optional(),
  outputs: z.array(outputSchema),
  pages: z.number(),
  statusCounts: countsSchema.optional(),
  durationMs: z.number(),
  warnings: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string(), problems: z.array(problemSchema) }).optional(),
});

export const packManifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  pack: z.object({ name: z.string(), file: z.string() }).nullable(),
  /** The shard this manifest covers ("2/3"), or null for the whole pack. */
  shard: z.string().nullable(),
  /** Set on a merged manifest: the shards it joins. */
  mergedShards: z.array(z.string()).optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  concurrency: z.number(),
  browserLaunches: z.number(),
  totals: z.object({
    reports: z.number(),
    ok: z.number(),
    cached: z.number(),
    failed: z.number(),
    skipped: z.number(),
    documents: z.number(),
    files: z.number(),
    pages: z.number(),
    bytes: z.number(),
  }),
  reports: z.array(manifestReportSchema),
});

export type PackManifest = z.infer<typeof packManifestSchema>;
export type ManifestReport = z.infer<typeof manifestReportSchema>;
export type ManifestOutput = z.infer<typeof outputSchema>;
export type ManifestInputs = z.infer<typeof inputsSchema>;
export type ManifestError = NonNullable<ManifestReport["error"]>;

/** manifest.json for a whole build; manifest-shard-2-of-3.json for one shard, so shards never overwrite each other. */
export function manifestFileName(shard: Shard | undefined): string {
  return shard ? `manifest-shard-${shard.index}-of-${shard.count}.json` : "manifest.json";
}

export function totalsOf(reports: readonly ManifestReport[]): PackManifest["totals"] {
  const count = (status: ReportStatus) => reports.filter((report) => report.status === status).length;
  const outputs = reports.flatMap((report) => report.outputs);
  return {
    reports: reports.length,
    ok: count("ok"),
    cached: count("cached"),
    failed: count("failed"),
    skipped: count("skipped"),
    documents: new Set(outputs.map((output) => `${output.path.replace(/\.[^./]+$/, "")}`)).size,
    files: outputs.length,
    pages: reports.reduce((sum, report) => sum + report.pages, 0),
    bytes: outputs.reduce((sum, output) => sum + output.bytes, 0),
  };
}

/** A manifest from an earlier build, or undefined when there is none or it cannot be trusted. */
export async function readPreviousManifest(path: string): Promise<PackManifest | undefined> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const result = packManifestSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined; // a half-written or edited file: build everything again
  }
}

export async function writeManifest(path: string, manifest: PackManifest): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A manifest named on the command line (`manifest merge`): every problem is the officer's to fix. */
export async function readManifestFile(path: string, shownAs: string): Promise<PackManifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ScrutinyError("invalid-data", `${shownAs} could not be read`, {
      problems: [{ file: shownAs, message: `could not be read: ${(error as Error).message}` }],
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ScrutinyError("invalid-data", `${shownAs} is not JSON`, {
      problems: [{ file: shownAs, message: `is not JSON: ${(error as Error).message}` }],
    });
  }
  const result = packManifestSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 20).map(
      (issue): Problem => ({
        file: shownAs,
        field: issue.path.map(String).join("."),
        message: issue.message,
        hint: "Give manifests written by `scrutiny build` (manifest.json or manifest-shard-i-of-n.json).",
      }),
    );
    throw new ScrutinyError("invalid-data", `${shownAs} is not a Scrutiny manifest`, { problems });
  }
  return result.data;
}

/**
 * Joins the manifests of a pack's shards into the manifest of the whole pack. Refuses manifests of
 * different packs or tool versions, a report in two shards, and a missing or repeated shard.
 */
export function mergeManifests(manifests: readonly { file: string; manifest: PackManifest }[]): PackManifest {
  const problems: Problem[] = [];
  const [first] = manifests;
  if (!first) throw new ScrutinyError("usage", "give at least one manifest to merge");
  const shards = new Map<string, string>();
  let count: number | undefined;
  const seen = new Map<string, string>();
  for (const { file, manifest } of manifests) {
    if (manifest.pack?.name !== first.manifest.pack?.name) {
      problems.push({
        file,
        field: "pack.name",
        message: `is a manifest of "${manifest.pack?.name ?? "a single report"}", not of "${first.manifest.pack?.name ?? "a single report"}" (${first.file})`,
      });
    }
    if (manifest.tool.version !== first.manifest.tool.version) {
      problems.push({
        file,
        field: "tool.version",
        message: `was written by Scrutiny ${manifest.tool.version}, ${first.file} by ${first.manifest.tool.version}`,
        hint: "Build every shard with the same version.",
      });
    }
    for (const shard of manifest.mergedShards ?? (manifest.shard ? [manifest.shard] : [])) {
      const other = shards.get(shard);
      if (other !== undefined) {
        problems.push({ file, field: "shard", message: `shard ${shard} is also in ${other}` });
      }
      shards.set(shard, file);
      const n = Number(shard.split("/")[1]);
      if (count !== undefined && n !== count) {
        problems.push({
          file,
          field: "shard",
          message: `is shard ${shard}, but another manifest splits the pack in ${count}`,
        });
      }
      count ??= n;
    }
    for (const report of manifest.reports) {
      const other = seen.get(report.key);
      if (other !== undefined) {
        problems.push({
          file,
          field: "reports",
          recordId: report.key,
          message: `report "${report.key}" is also in ${other}`,
        });
      }
      seen.set(report.key, file);
    }
  }
  if (count !== undefined) {
    for (let index = 1; index <= count; index++) {
      const shard = formatShard({ index, count });
      if (!shards.has(shard)) {
        problems.push({
          file: first.file,
          message: `shard ${shard} is missing`,
          hint: "Give the manifest of every shard (manifest-shard-i-of-n.json).",
        });
      }
    }
  }
  if (problems.length > 0) {
    throw new ScrutinyError("invalid-data", `the manifests cannot be merged (${problems.length} problems)`, {
      problems,
    });
  }
  const reports = manifests
    .flatMap(({ manifest }) => manifest.reports)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const started = manifests.map(({ manifest }) => manifest.startedAt).sort()[0] ?? first.manifest.startedAt;
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: first.manifest.tool,
    pack: first.manifest.pack,
    shard: null,
    mergedShards: [...shards.keys()].sort((a, b) => Number(a.split("/")[0]) - Number(b.split("/")[0])),
    startedAt: started,
    // The shards ran side by side: the pack took as long as its slowest shard.
    durationMs: Math.max(...manifests.map(({ manifest }) => manifest.durationMs)),
    concurrency: Math.max(...manifests.map(({ manifest }) => manifest.concurrency)),
    browserLaunches: manifests.reduce((sum, { manifest }) => sum + manifest.browserLaunches, 0),
    totals: totalsOf(reports),
    reports,
  };
}

/** A path inside the output folder as the manifest writes it: relative, forward slashes. */
export function manifestPath(relativePath: string): string {
  return relativePath.split(/[\\/]+/).join(posix.sep);
}
