// Issue 8, point 4: Ctrl-C (SIGINT) or SIGTERM mid-pack stops the build within 5 s with a
// documented exit code, and leaves no Chromium process, no temporary file and no changed PDF.
import { existsSync, readdirSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.ts";
import { chromiumAmong, descendantsOf, processesMarkedWith, waitFor } from "../helpers/processes.ts";
import { makeExamplePack, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";
import { spawnScrutiny } from "../helpers/spawn-scrutiny.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function threeReportPack() {
  const pack = await makeExamplePack(
    ["name: Q2 pack", "reports:", "  - folder: north", "  - folder: middle", "  - folder: south", ""].join(
      "\n",
    ),
    ["north", "middle", "south"],
  );
  cleanups.push(pack.remove);
  return pack;
}

/** Every file under `folder`, as paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe.each([
  { signal: "SIGTERM" as const, code: 143 },
  { signal: "SIGINT" as const, code: exitCodes.interrupted },
])("scrutiny build stopped by $signal mid-pack", ({ signal, code }) => {
  it(`exits ${code} within 5 s, leaving no Chromium, no temporary file and the finished PDF whole`, async () => {
    const pack = await threeReportPack();
    const out = await makeTempDir();
    // The command's own temp folder: its Chromium profile and font config live there, so every
    // process it starts (Chromium and all its helpers) carries this path and can be found.
    const marker = await makeTempDir("scrutiny-interrupt-");
    cleanups.push(() => rm(marker, { recursive: true, force: true }));
    // One report at a time, so "the second report has begun" means the first is finished.
    const run = spawnScrutiny(["build", pack.root, "--out", out, "--format", "pdf", "--concurrency", "1"], {
      TMPDIR: marker,
    });
    cleanups.push(async () => {
      run.child.kill("SIGKILL");
    });

    // Stop it once the second report has begun writing: the first is finished, the second in flight.
    const firstPdf = join(out, "north", "performance-report-2023-24-q2.pdf");
    expect(await waitFor(() => existsSync(join(out, "middle")), 120_000, 10)).toBe(true);
    // Chromium is running (not just the command's own Node process, which carries the marker too).
    expect(chromiumAmong(processesMarkedWith(marker)).length).toBeGreaterThan(0);
    const finished = await readFile(firstPdf);
    const sent = Date.now();
    run.child.kill(signal);
    const exit = await run.exited;
    const stoppedAfterMs = Date.now() - sent;

    expect(exit).toEqual({ code, signal: null });
    expect(stoppedAfterMs).toBeLessThan(5_000);
    expect(run.stderr()).toContain(`Stopped (${signal}): Chromium closed, unfinished files removed`);
    expect(run.stdout()).not.toMatch(/3 reports: /);
    // Chromium and every helper process are gone (they were killed, not left to notice).
    expect(await waitFor(() => processesMarkedWith(marker).length === 0, 5_000)).toBe(true);
    // Only whole PDFs: no temporary file, and the finished report is as it was.
    const files = await filesUnder(out);
    expect(files.filter((file) => file.includes(".tmp-"))).toEqual([]);
    expect(files.every((file) => file.endsWith(".pdf"))).toBe(true);
    expect(await readFile(firstPdf)).toEqual(finished);
    // The browser's scratch folder (profile, font config) went with it.
    expect((await readdir(marker)).filter((entry) => entry.startsWith("scrutiny-browser-"))).toEqual([]);
  });
});

describe("scrutiny build stopped by SIGTERM while writing a file", () => {
  it("removes the temporary file it was writing and leaves every PDF whole", async () => {
    const pack = await threeReportPack();
    const out = await makeTempDir();
    const run = spawnScrutiny(["build", pack.root, "--out", out, "--format", "pdf", "--concurrency", "1"]);
    cleanups.push(async () => {
      run.child.kill("SIGKILL");
    });
    // The moment a temporary file appears in a later report's folder, stop the build.
    // (Any of the later reports' writes will do: each gives another chance to catch one.)
    const later = [join(out, "middle"), join(out, "south")];
    const writing = () =>
      later.some(
        (folder) => existsSync(folder) && readdirSync(folder).some((entry) => entry.includes(".tmp-")),
      );
    expect(await waitFor(writing, 120_000, 1)).toBe(true);
    run.child.kill("SIGTERM");
    const exit = await run.exited;

    expect(exit).toEqual({ code: 143, signal: null });
    const files = await filesUnder(out);
    expect(files.filter((file) => file.includes(".tmp-"))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith(".pdf"))) {
      // Whole: the PDF's last line is its end-of-file marker.
      expect((await readFile(join(out, file), "latin1")).trimEnd().endsWith("%%EOF"), file).toBe(true);
    }
  });
});

describe("scrutiny build aborted in-process (as bin.ts does on a signal)", () => {
  it("kills Chromium at once, builds nothing more and returns 130", async () => {
    const pack = await threeReportPack();
    const out = await makeTempDir();
    const stop = new AbortController();
    let chromiumWhenStopped: number[] = [];
    // Once the second report has begun writing: the first is finished, the second in flight.
    const stopper = waitFor(() => existsSync(join(out, "middle")), 120_000, 10).then(() => {
      chromiumWhenStopped = chromiumAmong(descendantsOf(process.pid));
      stop.abort("SIGINT");
    });
    const { code, stdout, stderr } = await runScrutiny(
      ["build", pack.root, "--out", out, "--format", "pdf", "--concurrency", "1"],
      process.cwd(),
      process.env,
      stop.signal,
    );
    await stopper;
    expect(code).toBe(exitCodes.interrupted);
    expect(chromiumWhenStopped.length).toBeGreaterThan(0);
    expect(await waitFor(() => descendantsOf(process.pid).length === 0, 5_000)).toBe(true);
    // The first report is built; the one in flight and the last are not, and say why.
    expect(stdout).toContain("3 reports: 1 built, 0 unchanged, 2 failed.");
    expect(stderr).toMatch(/middle: not built\nError: .*stopped/);
    expect(stderr).toMatch(/south: not built\nError: the build was stopped before this report was printed/);
    expect((await filesUnder(out)).filter((file) => file.includes(".tmp-"))).toEqual([]);
  });
});
