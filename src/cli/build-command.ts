// `scrutiny build <path>`: one report folder, or every report of a pack, to PDF.
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { countUnrated } from "../calc/summarise-kpi-statuses.ts";
import { exitCodes, isScrutinyError } from "../errors.ts";
import { findPackFile } from "../load/load-pack.ts";
import { displayPath } from "../load/load-report-data.ts";
import { buildPack, type PackReportResult } from "../pack/build-pack.ts";
import {
  BUILT_IN_FONTS,
  buildReport,
  DEFAULT_FORMATS,
  OUTPUT_FORMATS,
  type OutputFormat,
  prepareBuildResources,
} from "../pack/build-report.ts";
import { createBrowserHandle, resolveChromiumPath } from "../pdf/browser.ts";
import { type CliContext, errorToJson } from "./cli-context.ts";
import { formatError } from "./format-error.ts";

interface BuildOptions {
  out: string;
  templates?: string;
  json?: boolean;
  format: OutputFormat[];
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
    .option("-o, --out <dir>", "folder to write the documents into", "output")
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
    .option("--json", "print what was built (or every problem) as JSON on stdout")
    .addHelpText(
      "after",
      "\nThe browser is Chromium at /usr/bin/chromium; set SCRUTINY_CHROMIUM to use another one.",
    )
    .action(async (path: string, options: BuildOptions) => {
      const results = await build(
        resolve(context.io.cwd, path),
        resolve(context.io.cwd, options.out),
        options.format,
        options.templates === undefined ? undefined : resolve(context.io.cwd, options.templates),
        context,
      );
      const failed = results.filter((report) => !report.ok);
      if (options.json) printJson(results, context);
      else printText(results, context);
      const firstFailure = failed[0];
      if (firstFailure && !firstFailure.ok) context.setExitCode(exitCodes[firstFailure.error.code]);
    });
}

async function build(
  target: string,
  outDir: string,
  formats: readonly OutputFormat[],
  overridesDirectory: string | undefined,
  context: CliContext,
): Promise<PackReportResult[]> {
  const browser = createBrowserHandle({
    executablePath: resolveChromiumPath(context.io.env),
    fontsDirectory: BUILT_IN_FONTS,
  });
  try {
    const resources = await prepareBuildResources({
      browser,
      ...(overridesDirectory ? { overridesDirectory } : {}),
    });
    const packFile = await findPackFile(target);
    if (packFile !== undefined) return await buildPack({ packFile, outDir, resources, formats });
    try {
      return [
        {
          folder: target,
          ok: true,
          result: await buildReport({ folder: target, outDir, resources, formats }),
        },
      ];
    } catch (error) {
      if (!isScrutinyError(error)) throw error;
      return [{ folder: target, ok: false, error }];
    }
  } finally {
    await browser.close();
  }
}

function printText(results: PackReportResult[], { io, debug }: CliContext): void {
  for (const report of results) {
    if (!report.ok) {
      const heading = results.length > 1 ? `\n${displayPath(report.folder)}: not built\n` : "";
      io.stderr(`${heading}${formatError(report.error, debug())}`);
      continue;
    }
    const { result } = report;
    for (const url of result.blockedRequests) {
      io.stderr(
        `Warning: the report asked for ${url}; it was blocked (reports may load only their bundled fonts and styles).\n`,
      );
    }
    const c = result.statusCounts;
    const documents = result.documents.length;
    const what = documents > 0 ? `${documents} document${documents === 1 ? "" : "s"}, ` : "";
    io.stdout(
      `Built ${displayPath(report.folder)} (${what}${result.files.length} file${result.files.length === 1 ? "" : "s"}) ` +
        `in ${(result.durationMs / 1000).toFixed(1)} s: ` +
        `${c.green} green, ${c.amber} amber, ${c.red} red, ${countUnrated(c)} not rated.\n` +
        result.files.map((file) => `  ${displayPath(file)}\n`).join(""),
    );
  }
  if (results.length > 1) {
    const built = results.filter((report) => report.ok).length;
    io.stdout(`Built ${built} of ${results.length} reports.\n`);
  }
}

function printJson(results: PackReportResult[], { io }: CliContext): void {
  const reports = results.map((report) =>
    report.ok
      ? {
          folder: displayPath(report.folder),
          ok: true,
          files: report.result.files.map(displayPath),
          statusCounts: report.result.statusCounts,
          blockedRequests: report.result.blockedRequests,
        }
      : { folder: displayPath(report.folder), ok: false, error: errorToJson(report.error) },
  );
  io.stdout(`${JSON.stringify({ ok: results.every((report) => report.ok), reports }, null, 2)}\n`);
}
