// The CLI driven in-process: exit codes, messages, and what lands in the output folder.
import { spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.ts";
import { copyExampleData, examplePackFolders, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const scrutiny = runScrutiny;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("scrutiny CLI", () => {
  it("--help lists the build command and exits 0", async () => {
    const run = await scrutiny(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: scrutiny");
    expect(run.stdout).toContain("build [options] <path>");
  });

  it("--version prints the package version", async () => {
    const packageJson = JSON.parse(
      await readFile(new URL("../../package.json", import.meta.url), "utf8"),
    ) as {
      version: string;
    };
    const run = await scrutiny(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
  });

  it("no command at all shows the help and is a usage error (exit 2)", async () => {
    const run = await scrutiny([]);
    expect(run.code).toBe(exitCodes.usage);
    expect(run.stdout + run.stderr).toContain("Usage: scrutiny");
  });

  it("an unknown command is a usage error (exit 2)", async () => {
    const run = await scrutiny(["bulid", "data"]);
    expect(run.code).toBe(exitCodes.usage);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'bulid'");
  });

  it("builds the example pack into the output folder: its first report at the top, the other in its folder", async () => {
    const out = await makeTempDir();
    const run = await scrutiny(["build", "data", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Reports finish in any order (two at a time), so each line is looked for on its own.
    expect(run.stdout).toMatch(
      /(^|\n)Built 2023-24-q2 from data \(7 documents, 14 files, \d+ pages\) in \d+\.\d s: 11 green, 9 amber, 5 red, 5 not rated\.\n/,
    );
    expect(run.stdout).toMatch(
      /(^|\n)Built data[/\\]housing-board \(3 documents, 6 files, \d+ pages\) in \d+\.\d s: 1 green, 1 amber, 1 red, 0 not rated\.\n/,
    );
    expect(run.stdout).toMatch(/\n {2}\S*housing-board[/\\]risk-register-2023-24-q2\.pdf\n/);
    expect(run.stdout).toMatch(
      /(^|\n)Built data[/\\]plan-2030 \(1 document, 2 files, \d+ pages\) in \d+\.\d s\.\n/,
    );
    const folders = examplePackFolders();
    // The same folder's other quarters build only the performance appendices.
    for (const quarter of ["q1", "q3", "q4"]) {
      expect(run.stdout).toMatch(
        new RegExp(`\\nBuilt 2023-24-${quarter} from data \\(2 documents, 4 files, \\d+ pages\\) in`),
      );
    }
    const reports = folders.length;
    expect(run.stdout).toContain(`\n${reports} reports: ${reports} built, 0 unchanged, 0 failed.\n`);
    expect(run.stdout).toMatch(/\nManifest: \S+manifest\.json\n$/);
    expect(await readdir(out)).toEqual(
      expect.arrayContaining([
        ...new Set(folders.filter((folder) => folder !== ".")),
        "cover-report-2023-24-q2.pdf",
        "performance-report-2023-24-q2.html",
      ]),
    );
    expect((await readdir(join(out, "housing-board"))).sort()).toEqual([
      "cover-report-2023-24-q2.html",
      "cover-report-2023-24-q2.pdf",
      "performance-report-2023-24-q2.html",
      "performance-report-2023-24-q2.pdf",
      "risk-register-2023-24-q2.html",
      "risk-register-2023-24-q2.pdf",
    ]);
  }, 240_000); // the whole example pack with real Chromium: over a minute on a busy 2-core machine

  it("a bad file: names file, line, column and field, exits 4 and writes no PDF", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    await data.edit("kpis.yaml", (text) => text.replace("    target: 60\n", "    target: sixty\n"));
    const out = await makeTempDir();
    const run = await scrutiny(["build", data.folder, "--out", out]);
    expect(run.code).toBe(exitCodes["invalid-data"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("Error: 1 problem in 1 file");
    expect(run.stderr).toMatch(/kpis\.yaml:\d+:13 {2}kpis\[4\]\.target \(CE05\)/);
    expect(run.stderr).toContain('found "sixty"');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // Nothing but the manifest, which records the failure.
    expect(await readdir(out)).toEqual(["manifest.json"]);
  });

  it("--json gives every problem machine-readable, with the same exit code", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    await data.edit("kpis.yaml", (text) => text.replace("    target: 60\n", "    target: sixty\n"));
    const out = await makeTempDir();
    const run = await scrutiny(["build", data.folder, "--out", out, "--json"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      reports: { ok: boolean; error: { code: string; problems: object[] } }[];
    };
    expect(result.ok).toBe(false);
    expect(result.reports[0]?.error.code).toBe("invalid-data");
    expect(result.reports[0]?.error.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/kpis\.yaml$/),
        field: "kpis[4].target",
        recordId: "CE05",
      }),
    ]);
    // Nothing but the manifest, which records the failure.
    expect(await readdir(out)).toEqual(["manifest.json"]);
  });

  it("--format json,csv writes the statuses without starting Chromium; an unknown format is a usage error", async () => {
    const out = await makeTempDir();
    // A Chromium that does not exist proves no browser is needed for these formats.
    const env = { ...process.env, SCRUTINY_CHROMIUM: "/nonexistent/chromium" };
    const run = await scrutiny(["build", "data", "--out", out, "--format", "json,csv"], process.cwd(), env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(
      [
        ...new Set(examplePackFolders().filter((folder) => folder !== ".")),
        "manifest.json",
        ...["q1", "q2", "q3", "q4"].flatMap((quarter) => [
          `performance-statuses-2023-24-${quarter}.csv`,
          `performance-statuses-2023-24-${quarter}.json`,
        ]),
      ].sort(),
    );
    const statuses = JSON.parse(
      await readFile(join(out, "performance-statuses-2023-24-q2.json"), "utf8"),
    ) as {
      kpis: { id: string; status: string; reason: string }[];
    };
    expect(statuses.kpis[0]).toEqual(expect.objectContaining({ id: "CE01", status: "amber" }));
    const wrong = await scrutiny(["build", "data", "--out", out, "--format", "pdf,xls"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"xls" is not a format; use pdf, html, json, csv');
  });

  it("SCRUTINY_CHROMIUM chooses the browser; a missing one is an environment error (exit 3)", async () => {
    const out = await makeTempDir();
    const run = await scrutiny(["build", "data", "--out", out], process.cwd(), {
      ...process.env,
      SCRUTINY_CHROMIUM: "/nonexistent/chromium",
    });
    expect(run.code).toBe(exitCodes.environment);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Chromium was not found at /nonexistent/chromium");
    expect(run.stderr).toContain("SCRUTINY_CHROMIUM");
    // Nothing but the manifest, which records the failure.
    expect(await readdir(out)).toEqual(["manifest.json"]);
  });

  it("a missing folder is reported plainly", async () => {
    const run = await scrutiny(["build", join(await makeTempDir(), "nowhere")]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("this folder does not exist");
    expect(run.stderr).toContain("Hint: Give the folder that holds report.yaml");
  });

  it("as a real process, the scrutiny command sets the exit code and prints no stack trace", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    await data.edit("risks.yaml", (text) =>
      text.replace("current: { likelihood: 2, impact: 2 }", "current: { likelihood: 9, impact: 2 }"),
    );
    const out = await makeTempDir();
    const run = spawnSync(process.execPath, ["src/cli/bin.ts", "build", data.folder, "--out", out], {
      encoding: "utf8",
    });
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/risks\.yaml:44:\d+ {2}risks\[0\]\.current\.likelihood \(CR01\)/);
    expect(run.stderr).toContain("likelihood 9 is not on the matrix");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // Nothing but the manifest, which records the failure.
    expect(await readdir(out)).toEqual(["manifest.json"]);
    const version = spawnSync(process.execPath, ["src/cli/bin.ts", "--version"], { encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
