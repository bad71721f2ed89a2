// `scrutiny check`: every problem and data-quality finding, placed, with an exit code CI can gate on.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.ts";
import {
  copyExampleData,
  examplePackFolders,
  MINIMAL_REPORT_YAML,
  makeTempDir,
} from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function exampleCopy() {
  const data = await copyExampleData();
  cleanups.push(data.remove);
  return data;
}

interface JsonResult {
  ok: boolean;
  errors: number;
  warnings: number;
  reports: { folder: string; problems: { file: string; line: number; field: string; rule?: string }[] }[];
}

const REPORT_YAML = MINIMAL_REPORT_YAML;

/** Two indicators: CT01 on target, CT02 as given. */
function kpisYaml(ct02: string): string {
  return `kpis:
  - id: CT01
    title: Calls answered within 60 seconds
    theme: council
    unit: percent
    polarity: higherIsBetter
    target: 80
    actuals: { "2023/24 Q1": 81, "2023/24 Q2": 82 }
  - id: CT02
    title: Council tax collected
    theme: council
    unit: percent
    polarity: higherIsBetter
    target: 50
${ct02}
`;
}

async function reportFolder(ct02: string): Promise<string> {
  const root = await makeTempDir();
  const folder = join(root, "q2");
  await mkdir(folder);
  await writeFile(join(folder, "report.yaml"), REPORT_YAML);
  await writeFile(join(folder, "kpis.yaml"), kpisYaml(ct02));
  return folder;
}

describe("scrutiny check", () => {
  it("finds nothing to report in the example pack", async () => {
    const run = await runScrutiny(["check", "data"]);
    expect(run.stdout).toBe(`\nNo problems found in ${examplePackFolders().length} reports.\n`);
    expect(run.code).toBe(0);
  });

  it("passes clean data with exit 0", async () => {
    const folder = await reportFolder('    actuals: { "2023/24 Q1": 49, "2023/24 Q2": 51 }');
    const run = await runScrutiny(["check", folder]);
    expect(run.stdout).toBe("\nNo problems found in 1 report.\n");
    expect(run.code).toBe(0);
  });

  it("reports a red indicator without commentary as an error at its line, and exits 4", async () => {
    const folder = await reportFolder('    actuals: { "2023/24 Q1": 49, "2023/24 Q2": 30 }');
    const run = await runScrutiny(["check", folder, "--json"]);
    expect(run.code).toBe(exitCodes["invalid-data"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result).toEqual(expect.objectContaining({ ok: false, errors: 1, warnings: 0, pack: null }));
    expect(result.reports[0]?.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/q2[/\\]kpis\.yaml$/),
        line: 9, // the indicator's first line: it has no commentary field to point at
        field: "kpis[1].commentary",
        recordId: "CT02",
        severity: "error",
        rule: "commentary-missing",
        message: "CT02 is red for 2023/24 Q2 but has no commentary for it",
      }),
    ]);
  });

  it("reports warnings with exit 0, and fails on them with --strict", async () => {
    // The same figure as last quarter, with no commentary saying so: probably not updated.
    const folder = await reportFolder('    actuals: { "2023/24 Q1": 51, "2023/24 Q2": 51 }');
    const plain = await runScrutiny(["check", folder]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/kpis\.yaml:15:48 {2}kpis\[1\]\.actuals\.2023\/24 Q2 \(CT02\)/);
    expect(plain.stdout).toContain(
      "Warning: CT02's 2023/24 Q2 figure (51) is exactly the same as 2023/24 Q1's [stale-figure]",
    );
    expect(plain.stdout).toContain("Found 0 errors and 1 warning in 1 report.");
    const strict = await runScrutiny(["check", folder, "--strict"]);
    expect(strict.code).toBe(4);
  });

  it("lists YAML and schema problems from every file, grouped by file, without a stack trace", async () => {
    const data = await exampleCopy();
    await data.edit("kpis.yaml", (text) => text.replace("    target: 45\n", "    target: [45\n"));
    await data.edit("report.yaml", (text) =>
      text.replace("meetingDate: 2023-11-28", "meetingDate: 2023-02-30"),
    );
    const run = await runScrutiny(["check", data.folder]);
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/report\.yaml:\d+:\d+ {2}meetingDate/);
    expect(run.stdout).toMatch(/kpis\.yaml:\d+:\d+/);
    expect(run.stdout).toMatch(/Found 2 errors and 0 warnings in 1 report\.\n$/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("scrutiny check on indicators", () => {
  it("warns of a target on a data-only indicator, which would never be used", async () => {
    const folder = await reportFolder('    actuals: { "2023/24 Q1": 49, "2023/24 Q2": 51 }');
    await writeFile(
      join(folder, "kpis.yaml"),
      kpisYaml('    actuals: { "2023/24 Q1": 49, "2023/24 Q2": 51 }').replace(
        "polarity: higherIsBetter\n    target: 50",
        "polarity: dataOnly\n    target: 50",
      ),
    );
    const run = await runScrutiny(["check", folder]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kpis\.yaml:14:13 {2}kpis\[1\]\.target \(CT02\)/);
    expect(run.stdout).toContain(
      "Warning: CT02 has a target but is data only, so it is never rated against it [target-never-rated]",
    );
  });
});

describe("scrutiny check on dates", () => {
  it("warns of a date with figures it cannot read, at its line, since it would never show as overdue", async () => {
    const data = await exampleCopy();
    await data.edit("delivery-plan.yaml", (text) => text.replace("due: Spring 2024", "due: Q4 2023/24"));
    const run = await runScrutiny(["check", data.folder, "--json"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(run.code).toBe(0);
    expect(result.reports[0]?.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/delivery-plan\.yaml$/),
        field: expect.stringMatching(/^themes\[\d+\]\.objectives\[\d+\]\.actions\[\d+\]\.due$/),
        rule: "date-not-understood",
        severity: "warning",
        message:
          'Scrutiny cannot read a date in "Q4 2023/24", so it counts as no fixed date and will never show as overdue',
      }),
    ]);
  });

  it("refuses TBC as the date something was completed, which would count it as done", async () => {
    const data = await exampleCopy();
    await data.edit("delivery-plan.yaml", (text) => text.replace("completed: 2023-07-18", "completed: TBC"));
    const run = await runScrutiny(["check", data.folder, "--json"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(run.code).toBe(4);
    expect(result.reports[0]?.problems).toEqual([
      expect.objectContaining({
        field: expect.stringMatching(/\.completed$/),
        recordId: expect.any(String),
        message: expect.stringContaining(
          'expected the date it was finished, such as "2023-09-15" or "Sept 2023", or the word "done"',
        ),
      }),
    ]);
  });
});
