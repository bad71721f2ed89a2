// Building a pack: every good report is built into its own folder even when another one is bad.
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeExamplePack, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("scrutiny build <pack>", () => {
  it("builds the good reports, names the bad one, and exits 4", async () => {
    const pack = await makeExamplePack(
      ["name: Q2 pack", "reports:", "  - folder: north", "  - folder: south", ""].join("\n"),
      ["north", "south"],
    );
    cleanups.push(pack.remove);
    await writeFile(join(pack.root, "south", "risks.yaml"), "matrix: {\n");
    const out = await makeTempDir();
    const run = await runScrutiny(["build", pack.root, "--out", out]);
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/Built .*north \(\d+ documents, \d+ files\) in/);
    expect(run.stdout).toMatch(/north[/\\]performance-report-2023-24-q2\.pdf\n/);
    expect(run.stdout).toContain("Built 1 of 2 reports.");
    expect(run.stderr).toMatch(/south: not built/);
    expect(run.stderr).toMatch(/south[/\\]risks\.yaml:\d+:\d+/);
    expect(await readdir(join(out, "north"))).toContain("performance-report-2023-24-q2.pdf");
    expect(await readdir(out)).toEqual(["north"]);
  });
});
