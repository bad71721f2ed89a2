// Issue 8, point 5: kill -9 of the CLI at any moment, writes included, never leaves a partial PDF:
// each PDF is always the previous one or the new one, whole. A temporary file the kill cut short
// is hidden (.name.tmp-<machine>-<pid>-…) and the next build into that folder removes it. Chromium, started
// over a pipe, dies with the CLI.
import { readFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { processesMarkedWith, waitFor } from "../helpers/processes.ts";
import { copyExampleData, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";
import { spawnScrutiny } from "../helpers/spawn-scrutiny.ts";

/** A temporary file a killed build may leave: hidden, named after its file, its process and a random part. */
const TEMPORARY = /^\.[a-z0-9.-]+\.tmp-[0-9a-f]{12}-\d+-[0-9a-f]{8}$/;
/** What a build writes beside the PDFs: the pack manifest (issue 7). */
const MANIFEST = "manifest.json";

/** Every PDF in `folder` by name. */
async function readPdfs(folder: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(".pdf")).sort();
  return new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name))] as const)),
  );
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A small seeded generator, so a failing run can be repeated from the seed in its message. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("scrutiny build killed with -9", () => {
  it("at random moments leaves each PDF old or new and whole, never a part, and no Chromium", async () => {
    const data = await copyExampleData();
    cleanups.push(data.remove);
    const marker = await makeTempDir("scrutiny-kill-");
    cleanups.push(() => rm(marker, { recursive: true, force: true }));
    const out = await makeTempDir();
    const args = (folder: string) => ["build", data.folder, "--out", folder, "--format", "pdf"];
    const build = (folder: string) => spawnScrutiny(args(folder), { TMPDIR: marker });

    expect((await runScrutiny(args(out))).code).toBe(0);
    const oldPdfs = await readPdfs(out);
    await data.edit("kpis.yaml", (text) =>
      text.replace("Demand continues to rise across the county.", "Demand rose again this quarter."),
    );
    const reference = await makeTempDir();
    const started = Date.now();
    expect((await build(reference).exited).code).toBe(0);
    const fullRunMs = Date.now() - started;
    const newPdfs = await readPdfs(reference);
    expect([...newPdfs.keys()]).toEqual([...oldPdfs.keys()]);
    const changed = [...newPdfs].filter(([name, pdf]) => !pdf.equals(oldPdfs.get(name) as Buffer));
    expect(changed.length).toBeGreaterThan(0);

    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    // Mostly late in the run, where the PDFs are written; the last one waits for a temporary
    // file itself and kills the moment it appears.
    const moments: (number | "at-write")[] = [0.6, 0.85, 1.05].map(
      (high) => fullRunMs * (high - 0.3 * random()),
    );
    moments.push("at-write");
    const outcomes: string[] = [];
    // Whether a kill caught a write before its rename: a temporary file of that run still stands.
    let killedMidWrite = false;
    let writeKills = 0;
    for (const moment of moments) {
      const before = new Set(await readdir(out));
      const run = build(out);
      if (moment === "at-write") {
        const running = () => run.child.exitCode === null && run.child.signalCode === null;
        const deadline = Date.now() + fullRunMs * 3;
        while (running() && Date.now() < deadline) {
          const entries = await readdir(out);
          if (entries.some((entry) => TEMPORARY.test(entry) && !before.has(entry))) break;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      } else {
        await new Promise((resolve) => setTimeout(resolve, moment));
      }
      run.child.kill("SIGKILL");
      const exit = await run.exited;

      const states = [...(await readPdfs(out))].map(([name, pdf]) => {
        if (pdf.equals(oldPdfs.get(name) as Buffer)) return "old";
        return pdf.equals(newPdfs.get(name) as Buffer) ? "new" : `PARTIAL ${name}`;
      });
      const entries = await readdir(out);
      const temporary = entries.filter((entry) => TEMPORARY.test(entry));
      if (moment === "at-write") {
        writeKills++;
        if (temporary.some((entry) => !before.has(entry))) killedMidWrite = true;
        // The rename can win the race with the kill; try again, a few times at most.
        else if (writeKills < 5) moments.push("at-write");
      }
      const when = typeof moment === "number" ? `${Math.round(moment)} ms` : moment;
      const renewed = states.filter((state) => state === "new").length;
      outcomes.push(`${when}: ${exit.signal ?? exit.code}, ${renewed} new, ${temporary.length} temporary`);
      const context = `seed ${seed}; ${outcomes.join("; ")}`;
      expect(
        states.filter((state) => state.startsWith("PARTIAL")),
        context,
      ).toEqual([]);
      expect(states, context).toHaveLength(oldPdfs.size);
      expect(
        entries.filter((entry) => !oldPdfs.has(entry) && entry !== MANIFEST && !TEMPORARY.test(entry)),
        context,
      ).toEqual([]);
      // The manifest, if this run got as far, is whole too.
      if (entries.includes(MANIFEST)) {
        expect(() => JSON.parse(readFileSync(join(out, MANIFEST), "utf8")), context).not.toThrow();
      }
      expect(await waitFor(() => processesMarkedWith(marker).length === 0, 5_000), context).toBe(true);
    }
    // The writes themselves were hit: a build was killed while a temporary file of its stood in
    // the folder, and it was left there (an atomic writer always makes one; one writing in place
    // would make none).
    expect(killedMidWrite, outcomes.join("; ")).toBe(true);
    // At least one kill must have landed while the build was still running.
    expect(
      outcomes.some((outcome) => outcome.includes("SIGKILL")),
      outcomes.join("; "),
    ).toBe(true);

    // The next build replaces the PDFs and sweeps away whatever a kill left behind.
    expect((await runScrutiny(args(out))).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([MANIFEST, ...newPdfs.keys()].sort());
    for (const [name, pdf] of await readPdfs(out)) {
      expect(pdf.equals(newPdfs.get(name) as Buffer), name).toBe(true);
    }
  }, 300_000);
});
