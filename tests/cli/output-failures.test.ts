// Issue 8, point 5: when a PDF cannot be written (the disk is full, the folder is read-only,
// something is in the way), the build says which path and why, exits 7, and the previous good PDFs
// are left byte for byte with no partial file beside them.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/errors.ts";
import { FOREIGN_TEMPORARY_MAX_AGE_MS, HOST_TAG, writeFileAtomic } from "../../src/pdf/write-file-atomic.ts";
import { copyExampleData, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";
import { freeBytes, mountTmpfs, type Tmpfs } from "../helpers/tmpfs.ts";

const PDF = "cover-report-2023-24-q2.pdf";
let data: Awaited<ReturnType<typeof copyExampleData>>;
/** The good PDFs of an earlier build, by file name. */
let goodPdfs: Map<string, Buffer>;
let goodPdf: Buffer;

const build = (out: string) => runScrutiny(["build", data.folder, "--out", out, "--format", "pdf"]);

beforeAll(async () => {
  data = await copyExampleData();
  const out = await makeTempDir();
  const run = await build(out);
  expect(run.code).toBe(0);
  const names = (await readdir(out)).filter((name) => name.endsWith(".pdf")).sort();
  expect(names).toContain(PDF);
  goodPdfs = new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(out, name))] as const)),
  );
  goodPdf = goodPdfs.get(PDF) as Buffer;
  // The next build has something new to say, so it would replace the PDF if it could.
  await data.edit("kpis.yaml", (text) =>
    text.replace("Demand continues to rise across the county.", "Demand rose again this quarter."),
  );
});

afterAll(async () => {
  await data.remove();
});

const mounts: Tmpfs[] = [];
afterEach(async () => {
  for (const mount of mounts.splice(0)) await mount.unmount();
});

async function diskHoldingGoodPdfs(): Promise<Tmpfs> {
  const disk = await mountTmpfs(4 * 1024 * 1024);
  mounts.push(disk);
  for (const [name, bytes] of goodPdfs) await writeFile(join(disk.path, name), bytes);
  return disk;
}

/**
 * The whole message: the first PDF the build tried to write, in `folder`, and the cause; then,
 * when the build's manifest (issue 7) could not be written either, the same for it.
 */
function writeError(folder: string, cause: string): RegExp {
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const line = (file: string) => `Error: could not write ${escaped(folder)}/${file}: ${escaped(cause)}\n`;
  return new RegExp(`^${line("[a-z0-9-]+\\.pdf")}(${line("manifest\\.json")})?$`);
}

async function expectGoodPdfsIntact(folder: string): Promise<void> {
  for (const [name, bytes] of goodPdfs)
    expect((await readFile(join(folder, name))).equals(bytes), name).toBe(true);
}

describe("scrutiny build when the PDF cannot be written", () => {
  it("on a full disk: exit 7, names the path and 'the disk is full', old PDF intact, nothing partial", async () => {
    const disk = await diskHoldingGoodPdfs();
    // Fill all but 8 KiB: the new cover report (tens of KiB) cannot fit.
    await writeFile(join(disk.path, "filler"), Buffer.alloc(Math.max(0, freeBytes(disk.path) - 8 * 1024)));
    const before = (await readdir(disk.path)).sort();

    const run = await build(disk.path);

    expect(run.code).toBe(exitCodes.output);
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(writeError(disk.path, "the disk is full"));
    await expectGoodPdfsIntact(disk.path);
    // Nothing partial: at most the build's small manifest (issue 7) fitted, whole.
    const after = (await readdir(disk.path)).sort();
    expect(after.filter((name) => name !== "manifest.json")).toEqual(before);
    if (after.includes("manifest.json")) {
      expect(() => JSON.parse(readFileSync(join(disk.path, "manifest.json"), "utf8"))).not.toThrow();
    }
  });

  it("in a read-only folder: exit 7, names the path and 'the folder is read-only', old PDF intact", async () => {
    const disk = await diskHoldingGoodPdfs();
    disk.makeReadOnly();
    const before = (await readdir(disk.path)).sort();

    const run = await build(disk.path);

    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(writeError(disk.path, "the folder is read-only"));
    await expectGoodPdfsIntact(disk.path);
    expect((await readdir(disk.path)).sort()).toEqual(before);
  });

  it("when a folder has the PDF's name: exit 7, 'a folder with that name is in the way', nothing left behind", async () => {
    const out = await makeTempDir();
    await mkdir(join(out, PDF));
    await writeFile(join(out, PDF, "kept.txt"), "kept");

    const run = await build(out);

    expect(run.code).toBe(7);
    expect(run.stderr).toBe(
      `Error: could not write ${join(out, PDF)}: a folder with that name is in the way\n`,
    );
    // Beside it only the build's manifest (issue 7), which records the failure.
    expect((await readdir(out)).sort()).toEqual([PDF, "manifest.json"]);
    expect(await readdir(join(out, PDF))).toEqual(["kept.txt"]);
  });

  it("when --out is a file: exit 7, 'part of the path is a file, not a folder'", async () => {
    const file = join(await makeTempDir(), "not-a-folder");
    await writeFile(file, "a file");

    const run = await build(file);

    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(writeError(file, "part of the path is a file, not a folder"));
    expect(run.stderr).toContain(`could not write ${join(file, PDF)}:`);
    expect(await readFile(file, "utf8")).toBe("a file");
  });
});

describe("temporary files left by a killed build", () => {
  it("are removed by the next write into their folder, unless their process still runs", async () => {
    const out = await makeTempDir();
    const finished = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const deadPid = Number(finished.stdout);
    const livePid = process.ppid;
    const stale = `.${PDF}.tmp-${HOST_TAG}-${deadPid}-0badc0de`;
    const inUse = `.${PDF}.tmp-${HOST_TAG}-${livePid}-0badcafe`;
    const otherFile = `.other.pdf.tmp-${HOST_TAG}-${deadPid}-0badf00d`;
    // Another machine's (a CI shard sharing the folder): whether its process runs cannot be told
    // here, so it is left alone until it has not changed for an hour.
    const foreignFresh = `.${PDF}.tmp-00000000beef-${deadPid}-0badbeef`;
    const foreignOld = `.${PDF}.tmp-00000000feed-${deadPid}-0badfeed`;
    for (const name of [stale, inUse, otherFile, foreignFresh, foreignOld]) {
      await writeFile(join(out, name), "%PDF-1.7 partial");
    }
    const twoHoursAgo = new Date(Date.now() - 2 * FOREIGN_TEMPORARY_MAX_AGE_MS);
    await utimes(join(out, foreignOld), twoHoursAgo, twoHoursAgo);

    await writeFileAtomic(join(out, PDF), goodPdf);

    expect((await readdir(out)).sort()).toEqual([inUse, foreignFresh, PDF].sort());
    expect(await readFile(join(out, PDF))).toEqual(goodPdf);
  });
});
