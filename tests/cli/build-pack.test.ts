// Building a pack from the command line: every good report is built even when another one is bad,
// the summary names the bad one and why, and the exit code says the pack failed.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../../src/cli/run-cli.ts";
import type { PackManifest } from "../../src/pack/pack-manifest.ts";
import { makeExamplePack, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A pack of report folders copied from the example; `broken` get a risks.yaml that cannot be read. */
async function makePack(folders: string[], broken: string[] = []) {
  const pack = await makeExamplePack(
    ["name: Q2 pack", "reports:", ...folders.map((folder) => `  - folder: ${folder}`), ""].join("\n"),
    folders,
  );
  cleanups.push(pack.remove);
  for (const folder of broken) await writeFile(join(pack.root, folder, "risks.yaml"), "matrix: {\n");
  return pack;
}

async function readManifest(out: string): Promise<PackManifest> {
  return JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as PackManifest;
}

describe("scrutiny build <pack>", () => {
  it("builds the good reports, names the bad one and why in the summary, and exits 4", async () => {
    const pack = await makePack(["north", "south"], ["south"]);
    const out = await makeTempDir();
    const run = await runScrutiny(["build", pack.root, "--out", out]);
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/Built .*north \(\d+ documents, \d+ files, \d+ pages\) in/);
    expect(run.stdout).toMatch(/north[/\\]performance-report-2023-24-q2\.pdf\n/);
    expect(run.stdout).toContain("\n2 reports: 1 built, 0 unchanged, 1 failed.\n");
    expect(run.stdout).toMatch(/\n {2}Not built: \S*south: \d+ problems? in \d+ files? of \S*south\n/);
    expect(run.stderr).toMatch(/south: not built/);
    expect(run.stderr).toMatch(/south[/\\]risks\.yaml:\d+:\d+/);
    expect(await readdir(join(out, "north"))).toContain("performance-report-2023-24-q2.pdf");
    expect((await readdir(out)).sort()).toEqual(["manifest.json", "north"]);
    const manifest = await readManifest(out);
    expect(manifest.reports.map((report) => [report.key, report.status, report.error?.code])).toEqual([
      ["north", "ok", undefined],
      ["south", "failed", "invalid-data"],
    ]);
    expect(manifest.reports[1]?.error?.problems[0]).toEqual(
      expect.objectContaining({
        file: expect.stringMatching(/south[/\\]risks\.yaml$/),
        line: expect.any(Number),
      }),
    );
  });

  it("--fail-fast starts no report after the first failure", async () => {
    const pack = await makePack(["a-broken", "b-good", "c-good"], ["a-broken"]);
    const out = await makeTempDir();
    const run = await runScrutiny([
      "build",
      pack.root,
      "--out",
      out,
      "--format",
      "json",
      "--fail-fast",
      "--concurrency",
      "1",
    ]);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain("Skipped ");
    expect(run.stdout).toContain("\n3 reports: 0 built, 0 unchanged, 1 failed, 2 not started.\n");
    const manifest = await readManifest(out);
    expect(manifest.reports.map((report) => report.status)).toEqual(["failed", "skipped", "skipped"]);
    // Without --fail-fast the others are built.
    const all = await runScrutiny([
      "build",
      pack.root,
      "--out",
      out,
      "--format",
      "json",
      "--concurrency",
      "1",
    ]);
    expect(all.code).toBe(4);
    expect((await readManifest(out)).reports.map((report) => report.status)).toEqual(["failed", "ok", "ok"]);
  });

  it("keeps unchanged reports on a second build, and says so", async () => {
    const pack = await makePack(["north", "south"]);
    const out = await makeTempDir();
    expect((await runScrutiny(["build", pack.root, "--out", out, "--format", "json"])).code).toBe(0);
    const again = await runScrutiny(["build", pack.root, "--out", out, "--format", "json"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Unchanged \S*north \(1 file\): kept from the last build\.\n/);
    expect(again.stdout).toContain("\n2 reports: 0 built, 2 unchanged, 0 failed.\n");
    expect(again.stdout).toContain("(0 browser launches, 2 at a time)");
    const forced = await runScrutiny(["build", pack.root, "--out", out, "--format", "json", "--force"]);
    expect(forced.stdout).toContain("\n2 reports: 2 built, 0 unchanged, 0 failed.\n");
  });

  it("--json prints one document with every report's status, files and the manifest", async () => {
    const pack = await makePack(["north", "south"], ["south"]);
    const out = await makeTempDir();
    const run = await runScrutiny(["build", pack.root, "--out", out, "--format", "json", "--json"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      manifest: string;
      totals: { reports: number; failed: number };
      reports: { key: string; status: string; files?: string[]; error?: { code: string } }[];
    };
    expect(result.ok).toBe(false);
    expect(result.manifest).toMatch(/manifest\.json$/);
    expect(result.totals).toEqual(expect.objectContaining({ reports: 2, failed: 1 }));
    expect(result.reports.map((report) => [report.key, report.status])).toEqual([
      ["north", "ok"],
      ["south", "failed"],
    ]);
    expect(result.reports[0]?.files).toEqual([
      expect.stringMatching(/north[/\\]performance-statuses-2023-24-q2\.json$/),
    ]);
    expect(result.reports[1]?.error?.code).toBe("invalid-data");
  });

  it("--quiet prints nothing when all is well, and still every problem when not", async () => {
    const pack = await makePack(["north", "south"]);
    const out = await makeTempDir();
    const quiet = await runScrutiny(["build", pack.root, "--out", out, "--format", "json", "--quiet"]);
    expect(quiet).toEqual({ code: 0, stdout: "", stderr: "" });
    await writeFile(join(pack.root, "south", "risks.yaml"), "matrix: {\n");
    const failing = await runScrutiny(["build", pack.root, "--out", out, "--format", "json", "--quiet"]);
    expect(failing.code).toBe(4);
    expect(failing.stdout).toBe("");
    expect(failing.stderr).toMatch(/south[/\\]risks\.yaml:\d+:\d+/);
  });

  it("in a terminal, draws the reports being built in place and leaves one line per report", async () => {
    const pack = await makePack(["north", "south"]);
    const out = await makeTempDir();
    let stdout = "";
    const io: CliIo = {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
      env: process.env,
      cwd: process.cwd(),
      isTTY: true,
      columns: 100,
    };
    expect(await runCli(["build", pack.root, "--out", out, "--format", "json"], io)).toBe(0);
    expect(stdout).toContain("reports done");
    expect(stdout).toContain("\u001b[0J"); // the live lines are cleared, not left behind
    // What stays on the screen once the live lines are erased: one line per report, then the summary.
    const screen = eraseLiveLines(stdout);
    expect(screen).not.toContain("reports done");
    expect(screen).toMatch(/Built \S*north \(1 file\) in \d+\.\d s: 11 green/);
    expect(screen).toMatch(/Built \S*south \(1 file\) in \d+\.\d s: 11 green/);
    expect(screen).toContain("2 reports: 2 built, 0 unchanged, 0 failed.");
  });

  it("stops at templates that do not compile, since no report could use them, and exits 5", async () => {
    const pack = await makePack(["north", "south", "west"]);
    const templates = await makeTempDir();
    cleanups.push(() => rm(templates, { recursive: true, force: true }));
    await writeFile(join(templates, "performance.hbs"), "{{#if view.meta}}never closed\n");
    const out = await makeTempDir();
    const run = await runScrutiny([
      "build",
      pack.root,
      "--out",
      out,
      "--templates",
      templates,
      "--concurrency",
      "1",
    ]);
    expect(run.code).toBe(5);
    expect(run.stderr.match(/: not built/g)).toHaveLength(1);
    expect(run.stderr).toContain("performance.hbs");
    expect(run.stdout).toContain("\n3 reports: 0 built, 0 unchanged, 1 failed, 2 not started.\n");
  });

  it("refuses a shard that does not exist, as a usage error", async () => {
    const pack = await makePack(["north"]);
    const run = await runScrutiny(["build", pack.root, "--shard", "4/3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"4/3" is not a shard; write i/n with 1 ≤ i ≤ n, such as 2/3.');
  });
});

/** Plays the terminal's "go up n lines and clear to the end" over the text, as a screen shows it. */
function eraseLiveLines(text: string): string {
  const lines: string[] = [];
  const shown = text.replaceAll("\u001b", "ESC");
  for (const part of shown.split(/(ESC\[\d+FESC\[0J)/)) {
    const up = /^ESC\[(\d+)FESC\[0J$/.exec(part);
    if (up) lines.splice(lines.length - Number(up[1]), Number(up[1]));
    else lines.push(...part.split("\n").filter((line, index, all) => index < all.length - 1 || line !== ""));
  }
  return lines.join("\n");
}
