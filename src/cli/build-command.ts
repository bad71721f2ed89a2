// `scrutiny build <path>`: one report folder, or every report of a pack, to PDF and HTML, a few
// reports at a time over one browser, keeping reports whose inputs are unchanged.
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { exitCodes } from "../errors.ts";
import { findPackFile } from "../load/load-pack.ts";
import { displayPath } from "../load/load-report-data.ts";
import { type BuildPackResult, buildPack, DEFAULT_CONCURRENCY } from "../pack/build-pack.ts";
import {
  BUILT_IN_FONTS,
  BUILT_IN_TEMPLATES,
  DEFAULT_FORMATS,
  OUTPUT_FORMATS,
  type OutputFormat,
  prepareBuildResources,
} from "../pack/build-report.ts";
import { parseShard, type Shard } from "../pack/select-shard.ts";
import { createBrowserHandle, resolveChromiumPath } from "../pdf/browser.ts";
import { createBuildProgress, describeSummary, type ProgressMode } from "./build-progress.ts";
import { type CliContext, errorToJson } from "./cli-context.ts";

interface BuildOptions {
  out: string;
  templates?: string;
  json?: boolean;
  quiet?: boolean;
  format: OutputFormat[];
  concurrency: number;
  shard?: Shard;
  force?: boolean;
  failFast?: boolean;
}

function parseConcurrency(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 16) {
    throw new InvalidArgumentError(`"${text}" is not a number of reports from 1 to 16.`);
  }
  return value;
}

function parseShardOption(text: string): Shard {
  const shard = parseShard(text);
  if (!shard) {
    throw new InvalidArgumentError(`"${text}" is not a shard; write i/n with 1 ≤ i ≤ n, such as 2/3.`);
  }
  return shard;
}

/** "pdf,json" → ["pdf", "json"]; anything else is a usage error naming the formats there are. */
function parseFormats(text: string): OutputFormat[] {
  const formats = text.split(",").map((part) => part.trim().toLowerCase());
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new InvalidArgumentError(
        `"${format}" is not a format; use ${OUTPUT_FORMATS.join(", ")} or a list such as pdf,csv.`,
      );
    }
  }
  return formats as OutputFormat[];
}

export function registerBuildCommand(program: Command, context: CliContext): void {
  program
    .command("build")
    .description("build the documents (PDF and HTML) of a report folder, or of every report in a pack")
    .argument("<path>", "a report folder (holding report.yaml), a folder holding pack.yaml, or a pack file")
    .option("-o, --out <dir>", "folder to write the documents and manifest.json into", "output")
    .option(
      "-f, --format <list>",
      "what to write: pdf, html (the accessible web page of each document), json (every status with its reason), csv (the same as a table), or a list",
      parseFormats,
      [...DEFAULT_FORMATS],
    )
    .option(
      "--templates <dir>",
      "your own templates folder: any template, partial, stylesheet or image in it replaces the built-in one of the same name",
    )
    .option(
      "-j, --concurrency <n>",
      "reports built at the same time over the one browser",
      parseConcurrency,
      DEFAULT_CONCURRENCY,
    )
    .option(
      "--shard <i/n>",
      "build only the i-th of n equal parts of the pack (for a CI matrix)",
      parseShardOption,
    )
    .option("--force", "build every report, even those unchanged since the last build")
    .option("--fail-fast", "start no more reports after the first one fails")
    .option("-q, --quiet", "print only problems")
    .option("--json", "print what was built (or every problem) as JSON on stdout")
    .addHelpText(
      "after",
      [
        "",
        "A report whose data, templates, settings and Scrutiny version are unchanged since the last",
        "build into the same folder is kept as it is (see manifest.json there); --force rebuilds it.",
        "The browser is Chromium at /usr/bin/chromium; set SCRUTINY_CHROMIUM to use another one.",
      ].join("\n"),
    )
    .action(async (path: string, options: BuildOptions) => {
      const mode: ProgressMode = options.json
        ? "json"
        : options.quiet
          ? "quiet"
          : context.io.isTTY
            ? "live"
            : "lines";
      const built = await build(resolve(context.io.cwd, path), options, mode, context);
      const failed = built.results.find((report) => report.status === "failed");
      if (options.json) printJson(built, context);
      else if (mode !== "quiet" && (built.results.length > 1 || built.manifest.pack !== null)) {
        context.io.stdout(describeSummary(built.manifest, built.manifestFile, built.results));
      }
      if (context.io.signal?.aborted) context.setExitCode(exitCodes.interrupted);
      else if (failed?.status === "failed") context.setExitCode(exitCodes[failed.error.code]);
    });
}

async function build(
  target: string,
  options: BuildOptions,
  mode: ProgressMode,
  context: CliContext,
): Promise<BuildPackResult> {
  const chromiumPath = resolveChromiumPath(context.io.env);
  const overridesDirectory =
    options.templates === undefined ? undefined : resolve(context.io.cwd, options.templates);
  const browser = createBrowserHandle({
    executablePath: chromiumPath,
    fontsDirectory: BUILT_IN_FONTS,
    // Ctrl-C or SIGTERM: every browser is killed at once and no other is started.
    ...(context.io.signal ? { signal: context.io.signal } : {}),
  });
  const progress = createBuildProgress(mode, context);
  try {
    const packFile = await findPackFile(target);
    return await buildPack({
      target: packFile === undefined ? { reportFolder: target } : { packFile },
      outDir: resolve(context.io.cwd, options.out),
      prepareResources: () =>
        prepareBuildResources({ browser, ...(overridesDirectory ? { overridesDirectory } : {}) }),
      templateFolders: overridesDirectory ? [overridesDirectory, BUILT_IN_TEMPLATES] : [BUILT_IN_TEMPLATES],
      chromiumPath,
      formats: options.format,
      concurrency: options.concurrency,
      ...(options.shard ? { shard: options.shard } : {}),
      force: options.force === true,
      failFast: options.failFast === true,
      onProgress: (event) => progress.handle(event),
    });
  } finally {
    progress.stop();
    await browser.close();
  }
}

function printJson({ manifest, manifestFile, results }: BuildPackResult, { io }: CliContext): void {
  const reports = results.map((report) => {
    const common = {
      key: report.key,
      folder: displayPath(report.folder),
      status: report.status,
      ok: report.status === "ok" || report.status === "cached",
    };
    if (report.status === "failed") return { ...common, error: errorToJson(report.error) };
    const { record } = report;
    return {
      ...common,
      files: record.outputs.map((output) => displayPath(resolve(manifestFile, "..", output.path))),
      pages: record.pages,
      statusCounts: record.statusCounts,
      warnings: record.warnings,
      blockedRequests: report.status === "ok" ? report.result.blockedRequests : [],
      durationMs: record.durationMs,
    };
  });
  const ok = results.every((report) => report.status === "ok" || report.status === "cached");
  const summary = { ok, manifest: displayPath(manifestFile), totals: manifest.totals, reports };
  io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
}
