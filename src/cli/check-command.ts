// `scrutiny check <path>`: validation plus data-quality rules, for people and for CI.
import { resolve } from "node:path";
import type { Command } from "commander";
import { DATA_QUALITY_RULES } from "../check/check-data-quality.ts";
import { type CheckResult, checkReports } from "../check/check-reports.ts";
import { exitCodes } from "../errors.ts";
import type { CliContext } from "./cli-context.ts";
import { formatProblems } from "./format-error.ts";

export function registerCheckCommand(program: Command, { io, setExitCode }: CliContext): void {
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
      io.stdout(
        options.json ? `${JSON.stringify({ ok: !failed, ...result }, null, 2)}\n` : describeResult(result),
      );
      if (failed) setExitCode(exitCodes["invalid-data"]);
    });
}

function describeResult(result: CheckResult): string {
  let text = "";
  for (const report of result.reports) {
    if (report.problems.length > 0) text += formatProblems(report.problems);
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const reports = count(result.reports.length, "report");
  if (result.errors === 0 && result.warnings === 0) return `${text}\nNo problems found in ${reports}.\n`;
  return `${text}\nFound ${count(result.errors, "error")} and ${count(result.warnings, "warning")} in ${reports}.\n`;
}

function describeRules(): string {
  return Object.values(DATA_QUALITY_RULES)
    .map((rule) => `  ${rule.id} (${rule.severity}): ${rule.description}`)
    .join("\n");
}
