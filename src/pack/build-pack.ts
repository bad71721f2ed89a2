// Every report of a pack (or the one report of a folder) over one browser and one set of templates,
// a few at a time. Reports whose inputs are unchanged since the last build are kept (the manifest is
// the cache); a report that fails does not stop the others; the manifest records every one.
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "puppeteer";
import packageJson from "../../package.json" with { type: "json" };
import type { KpiStatusCounts } from "../calc/summarise-kpi-statuses.ts";
import { isScrutinyError, ScrutinyError } from "../errors.ts";
import {
  loadPlannedReport,
  loadReportSettled,
  PACK_FILE,
  type PlannedReport,
  planPack,
  type ReportLoad,
} from "../load/load-pack.ts";
import type { ReportInput } from "../load/load-report-data.ts";
import { buildReportView } from "../model/build-report-view.ts";
import { buildStatusExport } from "../model/build-status-export.ts";
import { planDocuments } from "../model/plan-documents.ts";
import type { BrowserHandle } from "../pdf/browser.ts";
import {
  type BuildReportResult,
  type BuildResources,
  buildReport,
  DEFAULT_FORMATS,
  type OutputFormat,
} from "./build-report.ts";
import { countPdfPages } from "./count-pdf-pages.ts";
import { hashFolders, hashValue, sha256 } from "./hash-content.ts";
import {
  MANIFEST_VERSION,
  type ManifestError,
  type ManifestInputs,
  type ManifestOutput,
  type ManifestReport,
  manifestFileName,
  manifestPath,
  type PackManifest,
  readPreviousManifest,
  totalsOf,
  writeManifest,
} from "./pack-manifest.ts";
import { runPool } from "./run-pool.ts";
import { formatShard, type Shard, selectShard } from "./select-shard.ts";

/** Two reports at once keeps both cores of a small CI machine busy (docs/performance.md). */
export const DEFAULT_CONCURRENCY = 2;

export type PackReportResult = {
  key: string;
  folder: string;
  record: ManifestReport;
} & (
  | { status: "ok"; result: BuildReportResult }
  | { status: "cached" }
  | { status: "failed"; error: ScrutinyError }
  | { status: "skipped" }
);

export type BuildProgress =
  | {
      type: "planned";
      reports: readonly { key: string; folder: string }[];
      concurrency: number;
      shard: string | null;
    }
  | { type: "started"; key: string; folder: string }
  | { type: "finished"; result: PackReportResult };

export interface BuildPackOptions {
  /** A pack file, or a report folder built as a pack of one. */
  target: { packFile: string } | { reportFolder: string };
  outDir: string;
  /**
   * Templates, chart renderer and browser, prepared once for the whole build, and only when a
   * report has to be built: an unchanged pack prepares nothing and starts no browser.
   */
  prepareResources: () => Promise<BuildResources>;
  /** Every template folder the resources read (overrides first), for the cache. */
  templateFolders: readonly string[];
  /** The Chromium that prints, for the cache: another browser may print differently. */
  chromiumPath?: string;
  formats?: readonly OutputFormat[];
  concurrency?: number;
  shard?: Shard;
  /** Build every report even when its inputs are unchanged. */
  force?: boolean;
  /** Start no more reports after the first failure. */
  failFast?: boolean;
  onProgress?: (event: BuildProgress) => void;
}

export interface BuildPackResult {
  manifest: PackManifest;
  manifestFile: string;
  results: PackReportResult[];
}

interface BuildPlan {
  packFile: string | undefined;
  /** The folder report folders are relative to. */
  folder: string;
  name: string | undefined;
  defaults: Readonly<Record<string, unknown>>;
  reports: PlannedReport[];
  load(report: PlannedReport): Promise<ReportLoad>;
}

export async function buildPack(options: BuildPackOptions): Promise<BuildPackResult> {
  const startedAt = new Date();
  const started = performance.now();
  const plan = await makePlan(options.target);
  const reports = options.shard
    ? selectShard(plan.reports, (report) => report.key, options.shard)
    : plan.reports;
  const formats = [...new Set(options.formats ?? DEFAULT_FORMATS)].sort();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const manifestFile = join(options.outDir, manifestFileName(options.shard));
  const previous = options.force ? undefined : await readPreviousRecords(options.outDir, manifestFile);
  const fingerprints = {
    templates: await hashFolders(options.templateFolders),
    tool: await toolFingerprint(options.chromiumPath),
    options: hashValue({ formats }),
  };

  options.onProgress?.({
    type: "planned",
    reports: reports.map((report) => ({ key: report.key, folder: report.folder })),
    concurrency,
    shard: options.shard ? formatShard(options.shard) : null,
  });

  // The resources (and with them the browser) are prepared on first need, once.
  const launches = new Set<Browser>();
  let resources: Promise<BuildResources> | undefined;
  let resourcesFailed = false;
  const getResources = () => {
    resources ??= options.prepareResources().then(
      (prepared) => ({ ...prepared, browser: countLaunches(prepared.browser, launches) }),
      (error: unknown) => {
        resourcesFailed = true;
        throw error;
      },
    );
    return resources;
  };

  const results = new Map<string, PackReportResult>();
  const context: ReportContext = {
    plan,
    outDir: options.outDir,
    formats,
    fingerprints,
    previous,
    getResources,
  };
  const notStarted = await runPool(reports, concurrency, async (report, control) => {
    options.onProgress?.({ type: "started", key: report.key, folder: report.folder });
    const result = await buildOne(report, context);
    results.set(report.key, result);
    // Without a browser, or with templates that do not compile, no other report can be built
    // either: stop rather than fail each in turn with the same error.
    const shared = result.status === "failed" && (result.error.code === "environment" || resourcesFailed);
    if (result.status === "failed" && (options.failFast || shared)) control.stop();
    options.onProgress?.({ type: "finished", result });
  });
  for (const report of notStarted) {
    const result: PackReportResult = {
      key: report.key,
      folder: report.folder,
      status: "skipped",
      record: emptyRecord(report, plan, "skipped", 0),
    };
    results.set(report.key, result);
    options.onProgress?.({ type: "finished", result });
  }

  const ordered = reports.map((report) => results.get(report.key) as PackReportResult);
  const records = ordered.map((result) => result.record);
  const manifest: PackManifest = {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: "scrutiny", version: packageJson.version },
    pack:
      plan.packFile === undefined
        ? null
        : { name: plan.name ?? "", file: manifestPath(relative(options.outDir, plan.packFile)) },
    shard: options.shard ? formatShard(options.shard) : null,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    concurrency,
    browserLaunches: launches.size,
    totals: totalsOf(records),
    reports: records,
  };
  await writeManifest(manifestFile, manifest);
  return { manifest, manifestFile, results: ordered };
}

async function makePlan(target: BuildPackOptions["target"]): Promise<BuildPlan> {
  if ("packFile" in target) {
    const plan = await planPack(target.packFile);
    const raw = plan.source.data as { defaults?: Record<string, unknown> };
    return {
      packFile: target.packFile,
      folder: plan.folder,
      name: plan.pack.name,
      defaults: raw.defaults ?? {},
      reports: plan.reports,
      load: (report) => loadPlannedReport(plan, report),
    };
  }
  const folder = resolve(target.reportFolder);
  return {
    packFile: undefined,
    folder,
    name: undefined,
    defaults: {},
    reports: [{ key: basename(folder) || ".", folder, relativeFolder: ".", index: 0, overrides: {} }],
    load: (report) => loadReportSettled(report.folder),
  };
}

interface ReportContext {
  plan: BuildPlan;
  outDir: string;
  formats: readonly OutputFormat[];
  fingerprints: { templates: string; tool: string; options: string };
  previous: ReadonlyMap<string, ManifestReport> | undefined;
  getResources: () => Promise<BuildResources>;
}

/** One report: kept when unchanged, else loaded, built and measured. Never throws. */
async function buildOne(report: PlannedReport, context: ReportContext): Promise<PackReportResult> {
  const started = performance.now();
  const base = { key: report.key, folder: report.folder };
  const elapsed = () => Math.round(performance.now() - started);
  let inputs: ManifestInputs | undefined;
  let period: string | undefined;
  try {
    inputs = await hashInputs(report, context);
    const before = context.previous?.get(report.key);
    if (
      before &&
      reusable(before) &&
      before.inputs?.hash === inputs.hash &&
      (await intact(before, context))
    ) {
      return { ...base, status: "cached", record: { ...before, status: "cached", durationMs: elapsed() } };
    }

    const load = await context.plan.load(report);
    if (!load.ok) throw load.error;
    period = load.input.report.period;
    inputs.content = hashContent(load.input, context);
    if (
      before &&
      reusable(before) &&
      before.inputs?.content === inputs.content &&
      (await intact(before, context))
    ) {
      // The files changed, but nothing this report shows did (a later quarter's figure, a comment).
      return {
        ...base,
        status: "cached",
        record: { ...before, inputs, status: "cached", durationMs: elapsed() },
      };
    }

    const outDir = join(context.outDir, report.relativeFolder);
    const result = await buildReport({
      folder: report.folder,
      input: load.input,
      outDir,
      resources: await context.getResources(),
      formats: context.formats,
    });
    const outputs = await describeOutputs(result, context.outDir);
    if (before) await removeStaleOutputs(before, outputs, context);
    const record: ManifestReport = {
      key: report.key,
      folder: relativeFolder(report),
      period,
      status: "ok",
      inputs,
      outputs,
      pages: outputs.reduce((sum, output) => sum + (output.pages ?? 0), 0),
      statusCounts: countsRecord(result.statusCounts),
      durationMs: elapsed(),
      warnings: result.blockedRequests.map(
        (url) =>
          `the report asked for ${url}; it was blocked (reports may load only their bundled fonts and styles)`,
      ),
    };
    return { ...base, status: "ok", result, record };
  } catch (caught) {
    const error = asScrutinyError(caught);
    const record: ManifestReport = {
      ...emptyRecord(report, context.plan, "failed", elapsed()),
      ...(period ? { period } : {}),
      ...(inputs ? { inputs } : {}),
      error: errorRecord(error),
    };
    return { ...base, status: "failed", error, record };
  }
}

function reusable(record: ManifestReport): boolean {
  return record.status === "ok" || record.status === "cached";
}

/** An unexpected fault in one report is that report's failure, not the pack's. */
function asScrutinyError(error: unknown): ScrutinyError {
  if (isScrutinyError(error)) return error;
  return new ScrutinyError("internal", `unexpected error: ${(error as Error)?.message ?? String(error)}`, {
    cause: error,
  });
}

function errorRecord(error: ScrutinyError): ManifestError {
  return {
    code: error.code,
    message: error.message,
    problems: error.problems.map((problem) => ({ ...problem })),
  };
}

function emptyRecord(
  report: PlannedReport,
  _plan: BuildPlan,
  status: ManifestReport["status"],
  durationMs: number,
): ManifestReport {
  return {
    key: report.key,
    folder: relativeFolder(report),
    status,
    outputs: [],
    pages: 0,
    durationMs,
    warnings: [],
  };
}

function relativeFolder(report: PlannedReport): string {
  return manifestPath(report.relativeFolder);
}

function countsRecord(counts: KpiStatusCounts): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => typeof value === "number"));
}

/** Larger than any data file the loader accepts (5 MB). */
const MAX_HASHED_BYTES = 16 * 1024 * 1024;

/**
 * The fast check: the report folder's YAML files, its settings in pack.yaml, the templates, the
 * tool and the options, hashed without parsing anything.
 */
async function hashInputs(report: PlannedReport, context: ReportContext): Promise<ManifestInputs> {
  const files: Record<string, string> = {};
  const names = (await readdir(report.folder).catch(() => [] as string[])).sort();
  for (const name of names) {
    if (![".yaml", ".yml"].includes(extname(name)) || name === PACK_FILE) continue;
    const path = join(report.folder, name);
    // Only ordinary files of a size the loader reads: a device or a pipe would never end, and
    // loading the folder refuses them with a proper message anyway.
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_HASHED_BYTES) {
      files[manifestPath(relative(context.plan.folder, path))] = "unread";
      continue;
    }
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes) files[manifestPath(relative(context.plan.folder, path))] = sha256(bytes);
  }
  const packSettings = hashValue({
    defaults: context.plan.defaults,
    entry: report.overrides,
    folder: report.relativeFolder,
  });
  const parts = { files, packSettings, ...context.fingerprints };
  return { hash: hashValue(parts), ...parts };
}

/** What the report's documents show, with everything that draws them. */
function hashContent(input: ReportInput, context: ReportContext): string {
  const view = buildReportView(input);
  const wantsExport = context.formats.includes("json") || context.formats.includes("csv");
  return hashValue({
    view,
    documents: planDocuments(input, view),
    statuses: wantsExport ? buildStatusExport(input) : null,
    ...context.fingerprints,
  });
}

/** A kept report must still have every file it wrote, unchanged. */
async function intact(record: ManifestReport, context: ReportContext): Promise<boolean> {
  if (record.outputs.length === 0) return false;
  for (const output of record.outputs) {
    const path = join(context.outDir, ...output.path.split("/"));
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.size !== output.bytes) return false;
    // Same size and time as written: unchanged (as make and rsync judge). Otherwise, say after a
    // CI cache restored it, the content decides.
    if (info.mtimeMs === output.modifiedMs) continue;
    if (sha256(await readFile(path)) !== output.sha256) return false;
  }
  return true;
}

async function describeOutputs(result: BuildReportResult, outDir: string): Promise<ManifestOutput[]> {
  const outputs: ManifestOutput[] = [];
  const documentOf = new Map<string, { kind: string; title: string }>();
  for (const document of result.documents) {
    for (const file of document.files) documentOf.set(file, { kind: document.kind, title: document.title });
  }
  for (const file of result.files) {
    const bytes = await readFile(file);
    const { mtimeMs } = await stat(file);
    const format = extname(file).slice(1);
    const document = documentOf.get(file);
    outputs.push({
      path: manifestPath(relative(outDir, file)),
      document: document?.kind ?? "statuses",
      format,
      ...(document ? { title: document.title } : {}),
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
      ...(format === "pdf" ? { pages: await countPdfPages(bytes) } : {}),
      modifiedMs: mtimeMs,
    });
  }
  return outputs;
}

/**
 * Files an earlier build of this report wrote in a format this build writes too, but this build
 * did not (a document dropped from `documents`). Files of other formats are left alone: building
 * only the CSV must not delete the PDFs.
 */
async function removeStaleOutputs(
  before: ManifestReport,
  outputs: readonly ManifestOutput[],
  context: ReportContext,
): Promise<void> {
  const now = new Set(outputs.map((output) => output.path));
  for (const output of before.outputs) {
    if (now.has(output.path) || !(context.formats as readonly string[]).includes(output.format)) continue;
    const path = resolve(context.outDir, ...output.path.split("/"));
    // Only ever inside the output folder, whatever an edited manifest says.
    if (!path.startsWith(resolve(context.outDir) + sep)) continue;
    await rm(path, { force: true }).catch(() => undefined);
  }
}

/** The reports of the last build, by key: this run's own manifest, else the whole pack's. */
async function readPreviousRecords(
  outDir: string,
  manifestFile: string,
): Promise<ReadonlyMap<string, ManifestReport> | undefined> {
  const records = new Map<string, ManifestReport>();
  const whole = join(outDir, manifestFileName(undefined));
  for (const file of manifestFile === whole ? [whole] : [whole, manifestFile]) {
    const manifest = await readPreviousManifest(file);
    if (manifest?.tool.version !== packageJson.version) continue;
    for (const report of manifest.reports) records.set(report.key, report);
  }
  return records;
}

let toolHash: Promise<string> | undefined;

/**
 * The tool itself: its version, its source and its dependencies' versions, and the browser it
 * prints with, so an upgrade rebuilds everything.
 */
function toolFingerprint(chromiumPath: string | undefined): Promise<string> {
  toolHash ??= hashFolders([fileURLToPath(new URL("..", import.meta.url))]);
  return toolHash.then(async (source) => {
    const browser = chromiumPath ? await stat(chromiumPath).catch(() => undefined) : undefined;
    return hashValue({
      version: packageJson.version,
      dependencies: packageJson.dependencies,
      source,
      browser: browser ? { path: chromiumPath, bytes: browser.size, modified: browser.mtimeMs } : null,
    });
  });
}

/** The same browser handle, noting each browser it hands out: a relaunch is a second launch. */
function countLaunches(handle: BrowserHandle, launches: Set<Browser>): BrowserHandle {
  return {
    ...handle,
    async get() {
      const browser = await handle.get();
      launches.add(browser);
      return browser;
    },
    close: () => handle.close(),
  };
}
