// Building a pack with real Chromium: one browser for every report, a manifest that lists every
// file with its hash, and a cache that rebuilds only the reports whose documents would change.
import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildPackOptions, type BuildPackResult, buildPack } from "../../src/pack/build-pack.ts";
import { BUILT_IN_FONTS, BUILT_IN_TEMPLATES, prepareBuildResources } from "../../src/pack/build-report.ts";
import type { PackManifest } from "../../src/pack/pack-manifest.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import { flatten, pdfInfo, pdfText } from "../helpers/pdf-reader.ts";
import { makeExamplePack, makeTempDir } from "../helpers/report-folder.ts";

/** A browser handle that notes every browser it hands out: each distinct one is a launch. */
function countedBrowser(): { handle: BrowserHandle; launches: () => number } {
  const inner = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
  const browsers = new Set<Browser>();
  return {
    handle: {
      async get() {
        const browser = await inner.get();
        browsers.add(browser);
        return browser;
      },
      discard: (browser) => inner.discard(browser),
      close: () => inner.close(),
    },
    launches: () => browsers.size,
  };
}

const PACK_YAML = [
  "name: Test pack",
  "reports:",
  "  - folder: north",
  "    documents: [performance]",
  "  - folder: south",
  "    documents: [performance, contextual]",
  "  - folder: north",
  "    period: 2023/24 Q3",
  "    documents: [performance]",
  "",
].join("\n");

let pack: Awaited<ReturnType<typeof makeExamplePack>>;
let out: string;

/** Builds the test pack with a fresh browser handle; returns the result and the launches. */
async function build(extra: Partial<BuildPackOptions> = {}): Promise<BuildPackResult & { launches: number }> {
  const browser = countedBrowser();
  try {
    const result = await buildPack({
      target: { packFile: pack.packFile },
      outDir: out,
      prepareResources: () => prepareBuildResources({ browser: browser.handle }),
      templateFolders: [BUILT_IN_TEMPLATES],
      concurrency: 2,
      ...extra,
    });
    return { ...result, launches: browser.launches() };
  } finally {
    await browser.handle.close();
  }
}

const statuses = (manifest: PackManifest) =>
  Object.fromEntries(manifest.reports.map((report) => [report.key, report.status]));

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  pack = await makeExamplePack(PACK_YAML, ["north", "south"]);
  out = await makeTempDir();
});

afterAll(async () => {
  await pack.remove();
  await rm(out, { recursive: true, force: true });
});

describe("buildPack", () => {
  let first: Awaited<ReturnType<typeof build>>;

  it("builds every report of the pack with exactly one browser launch", async () => {
    first = await build();
    expect(first.launches).toBe(1);
    expect(first.manifest.browserLaunches).toBe(1);
    expect(statuses(first.manifest)).toEqual({ north: "ok", south: "ok", "north/2023-24-q3": "ok" });
    expect(await filesBelow(out)).toEqual([
      "manifest.json",
      "north/performance-report-2023-24-q2.html",
      "north/performance-report-2023-24-q2.pdf",
      "north/performance-report-2023-24-q3.html",
      "north/performance-report-2023-24-q3.pdf",
      "south/contextual-indicators-2023-24-q2.html",
      "south/contextual-indicators-2023-24-q2.pdf",
      "south/performance-report-2023-24-q2.html",
      "south/performance-report-2023-24-q2.pdf",
    ]);
    // The Q3 report of the same folder shows Q3's figures.
    expect(flatten(pdfText(join(out, "north/performance-report-2023-24-q3.pdf")))).toContain(
      "Period: 2023/24 Q3 (October–December 2023)",
    );
  });

  it("lists every file it wrote in the manifest, with its hash, size and pages", async () => {
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as PackManifest;
    const outputs = manifest.reports.flatMap((report) => report.outputs);
    const written = (await filesBelow(out)).filter((file) => file !== "manifest.json");
    expect(outputs.map((output) => output.path).sort()).toEqual(written);
    for (const output of outputs) {
      const bytes = await readFile(join(out, output.path));
      expect(output.sha256, output.path).toBe(sha256(bytes));
      expect(output.bytes, output.path).toBe(bytes.byteLength);
      if (output.format === "pdf")
        expect(output.pages, output.path).toBe(Number(pdfInfo(join(out, output.path)).Pages));
    }
    const north = manifest.reports.find((report) => report.key === "north");
    expect(north?.inputs?.files).toEqual(
      expect.objectContaining({
        "north/kpis.yaml": sha256(await readFile(join(pack.root, "north/kpis.yaml"))),
      }),
    );
    expect(north?.statusCounts).toEqual(expect.objectContaining({ green: 11, amber: 9, red: 5 }));
    expect(manifest.totals).toEqual(
      expect.objectContaining({ reports: 3, ok: 3, failed: 0, files: written.length }),
    );
  });

  it("keeps an unchanged pack without starting a browser, and --force builds it again", async () => {
    const before = await stat(join(out, "north/performance-report-2023-24-q2.pdf"));
    const again = await build();
    expect(again.launches).toBe(0);
    expect(statuses(again.manifest)).toEqual({
      north: "cached",
      south: "cached",
      "north/2023-24-q3": "cached",
    });
    expect((await stat(join(out, "north/performance-report-2023-24-q2.pdf"))).mtimeMs).toBe(before.mtimeMs);
    // The kept reports keep what the manifest said of them.
    expect(again.manifest.reports.map((report) => report.outputs)).toEqual(
      first.manifest.reports.map((report) => report.outputs),
    );

    const forced = await build({ force: true });
    expect(forced.launches).toBe(1);
    expect(statuses(forced.manifest)).toEqual({ north: "ok", south: "ok", "north/2023-24-q3": "ok" });
  });

  it("rebuilds only the reports a changed KPI appears in", async () => {
    // A Q2 figure in south: only south's report shows it.
    const southKpis = join(pack.root, "south/kpis.yaml");
    await writeFile(
      southKpis,
      (await readFile(southKpis, "utf8")).replace("2023/24 Q2: 322450", "2023/24 Q2: 300001"),
    );
    const south = await build();
    expect(statuses(south.manifest)).toEqual({ north: "cached", south: "ok", "north/2023-24-q3": "cached" });
    expect(flatten(pdfText(join(out, "south/performance-report-2023-24-q2.pdf")))).toContain("300,001");

    // A Q3 figure in north: the Q2 report of the same folder does not show it, so it is kept.
    const northKpis = join(pack.root, "north/kpis.yaml");
    await writeFile(
      northKpis,
      (await readFile(northKpis, "utf8")).replace("2023/24 Q3: 41.2", "2023/24 Q3: 39.9"),
    );
    const north = await build();
    expect(statuses(north.manifest)).toEqual({ north: "cached", south: "cached", "north/2023-24-q3": "ok" });
    expect(north.launches).toBe(1);
    expect(flatten(pdfText(join(out, "north/performance-report-2023-24-q3.pdf")))).toContain("39.9%");
  });

  it("builds a report again when one of its files has gone or been changed", async () => {
    await rm(join(out, "south/contextual-indicators-2023-24-q2.html"));
    await writeFile(join(out, "north/performance-report-2023-24-q3.pdf"), "not the PDF that was built");
    const rebuilt = await build();
    expect(statuses(rebuilt.manifest)).toEqual({ north: "cached", south: "ok", "north/2023-24-q3": "ok" });
    expect(await filesBelow(out)).toContain("south/contextual-indicators-2023-24-q2.html");
    expect(Number(pdfInfo(join(out, "north/performance-report-2023-24-q3.pdf")).Pages)).toBeGreaterThan(0);
  });
  it("removes the files of a document a report no longer builds, and leaves other formats' files", async () => {
    await writeFile(
      pack.packFile,
      PACK_YAML.replace("documents: [performance, contextual]", "documents: [performance]"),
    );
    const fewer = await build();
    expect(statuses(fewer.manifest)).toEqual({ north: "cached", south: "ok", "north/2023-24-q3": "cached" });
    const files = await filesBelow(out);
    expect(files.filter((file) => file.startsWith("south/"))).toEqual([
      "south/performance-report-2023-24-q2.html",
      "south/performance-report-2023-24-q2.pdf",
    ]);
    // Only the statuses this time: the PDFs and HTML stay where they are.
    const statusesOnly = await build({ formats: ["json"] });
    expect(statusesOnly.launches).toBe(0);
    expect(await filesBelow(out)).toEqual(
      [
        ...files,
        "north/performance-statuses-2023-24-q2.json",
        "north/performance-statuses-2023-24-q3.json",
        "south/performance-statuses-2023-24-q2.json",
      ].sort(),
    );
  });
});
