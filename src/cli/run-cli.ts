// The command line. The only place that reads arguments, prints and chooses exit codes;
// everything else is the library. Driven in-process by the tests.
import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { countUnrated } from "../calc/summarise-kpi-statuses.ts";
import { DATA_QUALITY_RULES } from "../check/check-data-quality.ts";
import { checkReports } from "../check/check-reports.ts";
import { exitCodes, isScrutinyError } from "../errors.ts";
import { findPackFile } from "../load/load-pack.ts";
import { displayPath } from "../load/load-report-data.ts";
import { buildPack } from "../pack/build-pack.ts";
import { BUILT_IN_FONTS, type BuildReportResult, buildReport } from "../pack/build-report.ts";
import { createBrowserHandle, resolveChromiumPath } from "../pdf/browser.ts";
import { writeFileAtomic } from "../pdf/write-file-atomic.ts";
import { toJsonSchemas } from "../schema/to-json-schemas.ts";
import { formatError, formatProblems } from "./format-error.ts";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command()
    .name("scrutiny")
    .description("Turn a council's quarterly performance data (YAML) into committee-ready PDF reports.")
    .version(packageJson.version, "-v, --version", "print the version")
    .option("--debug", "show the full cause of errors, with stack traces")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run 'scrutiny --help' to see the commands)");

  const debug = () => program.opts<{ debug?: boolean }>().debug === true;
  const reportBuilt = (result: BuildReportResult) => {
    for (const url of result.blockedRequests) {
      io.stderr(
        `Warning: the report asked for ${url}; it was blocked (reports may load only their bundled fonts and styles).\n`,
      );
    }
    const c = result.statusCounts;
    io.stdout(
      `Built ${result.pdfPath} in ${(result.durationMs / 1000).toFixed(1)} s: ` +
        `${c.green} green, ${c.amber} amber, ${c.red} red, ${countUnrated(c)} not rated.\n`,
    );
  };

  program
    .command("build")
    .description("build the PDF report of a report folder, or of every report in a pack")
    .argument("<path>", "a report folder (holding report.yaml), a folder holding pack.yaml, or a pack file")
    .option("-o, --out <dir>", "folder to write the PDF into", "output")
    .addHelpText(
      "after",
      "\nThe browser is Chromium at /usr/bin/chromium; set SCRUTINY_CHROMIUM to use another one.",
    )
    .action(async (path: string, options: { out: string }) => {
      const browser = createBrowserHandle({
        executablePath: resolveChromiumPath(io.env),
        fontsDirectory: BUILT_IN_FONTS,
      });
      const target = resolve(io.cwd, path);
      const outDir = resolve(io.cwd, options.out);
      try {
        const packFile = await findPackFile(target);
        if (packFile === undefined) {
          reportBuilt(await buildReport({ folder: target, outDir, browser }));
          return;
        }
        const results = await buildPack({ packFile, outDir, browser });
        const failed = results.filter((report) => !report.ok);
        for (const report of results) {
          if (report.ok) reportBuilt(report.result);
          else io.stderr(`\n${displayPath(report.folder)}: not built\n${formatError(report.error, debug())}`);
        }
        io.stdout(`Built ${results.length - failed.length} of ${results.length} reports.\n`);
        const firstFailure = failed[0];
        if (firstFailure && !firstFailure.ok) exitCode = exitCodes[firstFailure.error.code];
      } finally {
        await browser.close();
      }
    });

  program
    .command("check")
    .description("check a report folder or a pack: validation plus data-quality rules (a CI gate)")
    .argument("<path>", "a report folder, a folder holding pack.yaml, or a pack file")
    .option("--json", "print the results as JSON on stdout")
    .option("--strict", "fail on warnings too")
    .addHelpText("after", `\nData-quality rules:\n${describeRules()}`)
    .action(async (path: string, options: { json?: boolean; strict?: boolean }) => {
      const result = await checkReports(resolve(io.cwd, path));
      const failed = result.errors > 0 || (options.strict === true && result.warnings > 0);
      if (options.json) {
        io.stdout(`${JSON.stringify({ ok: !failed, ...result }, null, 2)}\n`);
      } else {
        for (const report of result.reports) {
          if (report.problems.length > 0) io.stdout(formatProblems(report.problems));
        }
        const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
        io.stdout(
          `${result.errors === 0 && result.warnings === 0 ? "\nNo problems found" : "\nFound"}` +
            `${result.errors + result.warnings > 0 ? ` ${count(result.errors, "error")} and ${count(result.warnings, "warning")}` : ""}` +
            ` in ${count(result.reports.length, "report")}.\n`,
        );
      }
      if (failed) exitCode = exitCodes["invalid-data"];
    });

  program
    .command("schema")
    .description("write the JSON Schemas of the data files, for editor autocompletion")
    .option("-o, --out <dir>", "folder to write the schemas into", "schemas")
    .action(async (options: { out: string }) => {
      const written: string[] = [];
      for (const file of toJsonSchemas()) {
        const path = resolve(io.cwd, options.out, file.name);
        await writeFileAtomic(path, Buffer.from(file.text));
        written.push(path);
      }
      io.stdout(`Wrote ${written.length} schemas to ${resolve(io.cwd, options.out)}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Asked-for help and version succeed; help shown because no command was given is a usage error.
      const quietExits = ["commander.helpDisplayed", "commander.version"];
      exitCode = quietExits.includes(error.code) ? exitCodes.ok : exitCodes.usage;
    } else {
      io.stderr(formatError(error, debug()));
      exitCode = isScrutinyError(error) ? exitCodes[error.code] : exitCodes.internal;
    }
  }
  return exitCode;
}

function describeRules(): string {
  return Object.values(DATA_QUALITY_RULES)
    .map((rule) => `  ${rule.id} (${rule.severity}): ${rule.description}`)
    .join("\n");
}
