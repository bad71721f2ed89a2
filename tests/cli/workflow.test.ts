// The scheduled GitHub Actions workflow, run here: every `scrutiny` command of its steps, in job
// order, with each shard of its matrix, on a copy of the example pack. Shards 1/3, 2/3 and 3/3
// together must build exactly the whole pack, each report once, and the merge must join them.
import { cp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planPack } from "../../src/load/load-pack.ts";
import type { PackManifest } from "../../src/pack/pack-manifest.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";
import { type Run, runScrutiny } from "../helpers/run-scrutiny.ts";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}

const workflowFile = new URL("../../.github/workflows/report-pack.yml", import.meta.url);
const COMMAND = "npm run scrutiny -- ";

let workflow: { on: Record<string, unknown>; jobs: Record<string, Job> };
let root: string;

/** The scrutiny arguments of a job's steps, with the matrix's shard put in. */
function scrutinyCommands(job: Job, shard?: number): string[][] {
  return job.steps
    .filter((step) => step.run?.startsWith(COMMAND))
    .map((step) => {
      const command = (step.run as string).slice(COMMAND.length).trim();
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      const filled = command.replaceAll("${{ matrix.shard }}", String(shard));
      // Split on spaces as the shell would: the workflow quotes nothing and expands nothing.
      expect(filled, step.name).not.toMatch(/["'`$*?;&|<>]/);
      return filled.split(/\s+/);
    });
}

beforeAll(async () => {
  workflow = parse(await readFile(workflowFile, "utf8"));
  root = await makeTempDir();
  await cp(exampleData, join(root, "data"), { recursive: true });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("the report-pack workflow", () => {
  it("runs on a schedule, gates on check, builds a matrix of shards and joins them", () => {
    expect(Object.keys(workflow.on)).toContain("schedule");
    expect(workflow.jobs.build?.needs).toBe("check");
    expect(workflow.jobs.merge?.needs).toBe("build");
    expect(workflow.jobs.build?.strategy?.matrix?.shard).toEqual([1, 2, 3]);
    const uploads = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((step) => step.uses?.startsWith("actions/upload-artifact")),
    );
    expect(uploads.length).toBeGreaterThanOrEqual(2);
  });

  it("its commands, run here, build every report of the pack exactly once", async () => {
    const run = async (args: string[]): Promise<Run> => {
      const result = await runScrutiny(args, root);
      expect(result.code, `scrutiny ${args.join(" ")}\n${result.stderr}`).toBe(0);
      return result;
    };
    const jobs = workflow.jobs as Record<"check" | "build" | "merge", Job>;
    for (const args of scrutinyCommands(jobs.check)) await run(args);
    const shards = jobs.build.strategy?.matrix?.shard ?? [];
    for (const shard of shards) for (const args of scrutinyCommands(jobs.build, shard)) await run(args);
    const merge = scrutinyCommands(jobs.merge);
    expect(merge).toHaveLength(1);
    await run(merge[0] as string[]);

    const keys = (await planPack(join(root, "data", "pack.yaml"))).reports.map((report) => report.key);
    const shardKeys: string[] = [];
    for (const shard of shards) {
      const manifest = JSON.parse(
        await readFile(join(root, "output", `manifest-shard-${shard}-of-${shards.length}.json`), "utf8"),
      ) as PackManifest;
      shardKeys.push(...manifest.reports.map((report) => report.key));
      expect(manifest.reports.every((report) => report.status === "ok")).toBe(true);
      expect(manifest.browserLaunches).toBeLessThanOrEqual(1);
    }
    expect([...shardKeys].sort()).toEqual([...keys].sort());

    const merged = JSON.parse(await readFile(join(root, "output", "manifest.json"), "utf8")) as PackManifest;
    expect(merged.mergedShards).toEqual(["1/3", "2/3", "3/3"]);
    expect(merged.reports.map((report) => report.key).sort()).toEqual([...keys].sort());
    const listed = merged.reports.flatMap((report) => report.outputs.map((output) => output.path)).sort();
    const written = (await readdir(join(root, "output"), { recursive: true }))
      .map((path) => path.split("\\").join("/"))
      .filter((path) => /\.(pdf|html)$/.test(path))
      .sort();
    expect(listed).toEqual(written);
    expect(new Set(listed).size).toBe(listed.length);
  }, 240_000); // the whole example pack with real Chromium: over a minute on a busy 2-core machine
});
