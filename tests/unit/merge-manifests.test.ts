// Joining the shards' manifests: the whole pack once, or a plain refusal naming what is wrong.
import { describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import {
  type ManifestReport,
  mergeManifests,
  type PackManifest,
  totalsOf,
} from "../../src/pack/pack-manifest.ts";

function report(key: string, status: ManifestReport["status"] = "ok"): ManifestReport {
  return {
    key,
    folder: ".",
    status,
    outputs: [
      { path: `${key}.pdf`, document: "performance", format: "pdf", sha256: "ab", bytes: 10, pages: 2 },
    ],
    pages: 2,
    durationMs: 5,
    warnings: [],
  };
}

function shard(
  index: number,
  count: number,
  keys: string[],
  durationMs = 100,
): { file: string; manifest: PackManifest } {
  const reports = keys.map((key) => report(key));
  return {
    file: `manifest-shard-${index}-of-${count}.json`,
    manifest: {
      manifestVersion: 1,
      tool: { name: "scrutiny", version: "0.1.0" },
      pack: { name: "Pack", file: "../data/pack.yaml" },
      shard: `${index}/${count}`,
      startedAt: `2024-01-0${index}T00:00:00.000Z`,
      durationMs,
      concurrency: 2,
      browserLaunches: 1,
      totals: totalsOf(reports),
      reports,
    },
  };
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScrutinyError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  throw new Error("expected the merge to be refused");
}

describe("mergeManifests", () => {
  it("joins every shard's reports, sorted by key, with totals for the whole pack", () => {
    const merged = mergeManifests([shard(2, 2, ["b", "d"], 300), shard(1, 2, ["c", "a"], 200)]);
    expect(merged.shard).toBeNull();
    expect(merged.mergedShards).toEqual(["1/2", "2/2"]);
    expect(merged.reports.map((item) => item.key)).toEqual(["a", "b", "c", "d"]);
    expect(merged.totals).toEqual(
      expect.objectContaining({ reports: 4, ok: 4, files: 4, pages: 8, bytes: 40 }),
    );
    // The shards ran side by side: the pack took as long as the slowest.
    expect(merged.durationMs).toBe(300);
    expect(merged.browserLaunches).toBe(2);
    expect(merged.startedAt).toBe("2024-01-01T00:00:00.000Z");
  });

  it("refuses a missing shard, a shard given twice and a report in two shards", () => {
    expect(problemsOf(() => mergeManifests([shard(1, 3, ["a"]), shard(3, 3, ["c"])]))).toEqual([
      "shard 2/3 is missing",
    ]);
    expect(
      problemsOf(() => mergeManifests([shard(1, 2, ["a"]), shard(1, 2, ["b"]), shard(2, 2, ["c"])])),
    ).toEqual(["shard 1/2 is also in manifest-shard-1-of-2.json"]);
    expect(problemsOf(() => mergeManifests([shard(1, 2, ["a"]), shard(2, 2, ["a"])]))).toEqual([
      'report "a" is also in manifest-shard-1-of-2.json',
    ]);
  });

  it("refuses manifests of another pack or another version", () => {
    const other = shard(2, 2, ["b"]);
    other.manifest.pack = { name: "Another pack", file: "pack.yaml" };
    other.manifest.tool = { name: "scrutiny", version: "9.9.9" };
    expect(problemsOf(() => mergeManifests([shard(1, 2, ["a"]), other]))).toEqual([
      'is a manifest of "Another pack", not of "Pack" (manifest-shard-1-of-2.json)',
      "was written by Scrutiny 9.9.9, manifest-shard-1-of-2.json by 0.1.0",
    ]);
  });
});
