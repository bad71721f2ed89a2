// The real `scrutiny build` on hostile data: exit code 4, every problem placed, no stack trace, no
// PDF; and messy-but-valid data (a byte order mark, Windows line endings) builds.
import { spawnSync } from "node:child_process";
import { readdir, readFile, symlink, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.ts";
import { copyExampleData, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("scrutiny build on hostile data", () => {
  it("as a real process: exit 4, each problem at its file, line and column, no stack, no PDF", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    const lineOf = (text: string, start: string) => text.slice(0, text.indexOf(start)).split("\n").length;
    let titleLine = 0;
    let protoLine = 0;
    await data.edit("report.yaml", (text) => {
      titleLine = lineOf(text, "title: Performance");
      protoLine = lineOf(text, "period:");
      return text
        .replace("title: Performance", "\ttitle: Performance")
        .replace("period:", "__proto__: { polluted: true }\nperiod:");
    });
    let kpiLine = 0;
    await data.edit("kpis.yaml", (text) => {
      kpiLine = text.slice(0, text.indexOf("    target: 45\n")).split("\n").length;
      return text.replace("    target: 45\n", `    target: ${"[".repeat(100_000)}\n`);
    });
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level <= 8; level++) {
      const name = String.fromCharCode(97 + level);
      bomb.push(
        `${name}: &${name} [${Array(10)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(", ")}]`,
      );
    }
    await data.write("risks.yaml", `${bomb.join("\n")}\n`);
    const out = await makeTempDir();
    const started = performance.now();
    const run = spawnSync(process.execPath, ["src/cli/bin.ts", "build", data.folder, "--out", out], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const elapsed = performance.now() - started;

    expect(run.status).toBe(exitCodes["invalid-data"]);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^Error: 4 problems in 3 files of /);
    expect(run.stderr).toContain(`report.yaml:${titleLine}:1\n    a tab is used to indent this line\n`);
    expect(run.stderr).toContain(
      `report.yaml:${protoLine}:1  __proto__\n    the field name "__proto__" is not allowed\n`,
    );
    expect(run.stderr).toContain(
      `kpis.yaml:${kpiLine}:60\n    the data here is nested more than 50 levels deep\n`,
    );
    expect(run.stderr).toMatch(
      /risks\.yaml:5:36 {2}e\[7\]\n {4}the aliases \(\*name\) in this file would repeat more than 100,000 values\n/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at |RangeError|Maximum call stack|internal error/);
    // Nothing but the manifest, which records the failure.
    expect(await readdir(out)).toEqual(["manifest.json"]);
    expect(elapsed).toBeLessThan(30_000);
  });

  it("a data file that is a device never hangs the build", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    await unlink(join(data.folder, "risks.yaml"));
    await symlink("/dev/zero", join(data.folder, "risks.yaml"));
    const out = await makeTempDir();
    const run = await runScrutiny(["build", data.folder, "--out", out]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("risks.yaml\n    this is not an ordinary file\n");
    // Nothing but the manifest, which records the failure.
    expect(await readdir(out)).toEqual(["manifest.json"]);
  });
});

describe("scrutiny build on messy but valid data", () => {
  it("builds a copy of the example data saved with a byte order mark and Windows line endings", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    for (const file of await readdir(data.folder)) {
      const text = await readFile(join(data.folder, file), "utf8");
      await writeFile(join(data.folder, file), `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    }
    const out = await makeTempDir();
    const run = await runScrutiny(["build", data.folder, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await readdir(out)).toContain("performance-report-2023-24-q2.pdf");
    expect(await readdir(out)).toContain("performance-report-2023-24-q2.html");
    // The same statuses as the example data saved plainly.
    const plainCopy = await copyExampleData();
    cleanups.push(plainCopy.remove);
    const plain = await runScrutiny(["build", plainCopy.folder, "--out", await makeTempDir()]);
    const counts = (stdout: string) => stdout.split("\n")[0]?.replace(/^.* s: /, "");
    expect(counts(run.stdout)).toBe(counts(plain.stdout));
    expect(counts(run.stdout)).toMatch(/^\d+ green, \d+ amber, \d+ red/);
  });
});
