// `npm run bench`, pack part: builds the example pack and a generated county-sized pack and prints,
// from one run on this machine: total time, pages per second, time per chart, peak memory of the
// whole process tree (Chromium's processes included), cold and unchanged-rebuild times, reports at
// once (concurrency) 1, 2 and 3, and the ratio to a bare Chromium printing the same HTML, run
// alternately with ours. Figures only, never assertions; docs/performance.md records them.
import { execFileSync, spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { basename, join, relative } from "node:path";
import { Document, parseDocument } from "yaml";
import type { ChartRenderer } from "../../src/charts/chart-renderer.ts";
import { planPack } from "../../src/load/load-pack.ts";
import { type BuildPackResult, buildPack } from "../../src/pack/build-pack.ts";
import { BUILT_IN_FONTS, BUILT_IN_TEMPLATES, prepareBuildResources } from "../../src/pack/build-report.ts";
import { createBrowserHandle, resolveChromiumPath } from "../../src/pdf/browser.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const COUNTY_REPORTS = Number(process.env.BENCH_COUNTY_REPORTS ?? 40);
/** County reports printed by bare Chromium as well (one process per document is slow). */
const BARE_SAMPLE = Number(process.env.BENCH_BARE_SAMPLE ?? 8);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "1,2,3").split(",").map(Number);
const repo = join(exampleData, "..");
const chromium = resolveChromiumPath();

// ── Memory of the whole process tree, sampled from /proc ─────────────────────────────────────────

/** The pids below `root` (included), from each process's parent in /proc/<pid>/stat. */
async function processTree(root: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!Number.isFinite(parent)) continue;
    parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let at = 0; at < tree.length; at++) tree.push(...(parents.get(tree[at] as number) ?? []));
  return tree;
}

/** Resident (RSS) and proportional (PSS: shared pages divided among the processes sharing them) set sizes. */
async function treeMemory(root: number): Promise<{ rss: number; pss: number; processes: number }> {
  let rss = 0;
  let pss = 0;
  const pids = await processTree(root);
  for (const pid of pids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, "utf8").catch(() => "");
    rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  }
  return { rss, pss, processes: pids.length };
}

/** Samples the tree below `root` every 50 ms until stopped; returns the peaks. */
function sampleMemory(root: number) {
  const peak = { rss: 0, pss: 0, processes: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const now = await treeMemory(root);
      peak.rss = Math.max(peak.rss, now.rss);
      peak.pss = Math.max(peak.pss, now.pss);
      peak.processes = Math.max(peak.processes, now.processes);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

// ── Our build, in this process, charts timed ─────────────────────────────────────────────────────

interface OurRun {
  ms: number;
  pages: number;
  documents: number;
  charts: number;
  chartMs: number;
  peak: { rss: number; pss: number; processes: number };
  result: BuildPackResult;
}

async function buildOurs(packFile: string, outDir: string, concurrency: number): Promise<OurRun> {
  const browser = createBrowserHandle({ executablePath: chromium, fontsDirectory: BUILT_IN_FONTS });
  const charts = { count: 0, ms: 0 };
  const stopSampling = sampleMemory(process.pid);
  const started = performance.now();
  try {
    const result = await buildPack({
      target: { packFile },
      outDir,
      prepareResources: async () => {
        const resources = await prepareBuildResources({ browser });
        return { ...resources, charts: timedCharts(resources.charts, charts) };
      },
      templateFolders: [BUILT_IN_TEMPLATES],
      chromiumPath: chromium,
      concurrency,
      force: true,
    });
    const ms = performance.now() - started;
    const failed = result.results.filter((report) => report.status === "failed");
    if (failed.length > 0)
      throw new Error(`the bench pack failed: ${failed.map((report) => report.key).join(", ")}`);
    return {
      ms,
      pages: result.manifest.totals.pages,
      documents: result.manifest.totals.documents,
      charts: charts.count,
      chartMs: charts.ms,
      peak: await stopSampling(),
      result,
    };
  } finally {
    await browser.close();
  }
}

function timedCharts(renderer: ChartRenderer, totals: { count: number; ms: number }): ChartRenderer {
  return {
    ...renderer,
    renderSvg(...args: Parameters<ChartRenderer["renderSvg"]>) {
      const started = performance.now();
      try {
        return renderer.renderSvg(...args);
      } finally {
        totals.count++;
        totals.ms += performance.now() - started;
      }
    },
  };
}

/** The command a performance officer runs, as a separate process: start-up included. */
async function runCli(
  args: string[],
): Promise<{ ms: number; peak: { rss: number; pss: number }; code: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(repo, "src/cli/bin.ts"), ...args], { stdio: "ignore" });
  const stopSampling = sampleMemory(child.pid as number);
  const code = await new Promise<number>((resolve) => child.on("exit", (exit) => resolve(exit ?? 1)));
  const ms = performance.now() - started;
  return { ms, peak: await stopSampling(), code };
}

// ── Bare Chromium printing the same HTML, one process per document ───────────────────────────────

async function printBare(htmlFiles: readonly string[], outDir: string): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  for (const [index, file] of htmlFiles.entries()) {
    const args = [
      "--headless",
      "--disable-gpu",
      "--no-pdf-header-footer",
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      `--print-to-pdf=${join(outDir, `${index}.pdf`)}`,
      `file://${file}`,
    ];
    execFileSync(chromium, args, { stdio: "ignore" });
  }
  return performance.now() - started;
}

function twinsOf(result: BuildPackResult, outDir: string): string[] {
  return result.manifest.reports.flatMap((report) =>
    report.outputs.filter((output) => output.format === "html").map((output) => join(outDir, output.path)),
  );
}

// ── The county-sized pack, generated from the example report ─────────────────────────────────────

/** `count` copies of the example report, each with its own committee and figures moved by up to ±10%. */
async function makeCountyPack(root: string, count: number): Promise<string> {
  const files = (await readdir(exampleData)).filter((name) => name.endsWith(".yaml") && name !== "pack.yaml");
  const folders: string[] = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let index = 1; index <= count; index++) {
    const folder = `service-${String(index).padStart(2, "0")}`;
    folders.push(folder);
    await mkdir(join(root, folder), { recursive: true });
    for (const name of files) {
      const text = await readFile(join(exampleData, name), "utf8");
      if (name === "kpis.yaml") {
        const document = parseDocument(text);
        for (const kpi of (document.toJS() as { kpis: { actuals?: Record<string, number> }[] }).kpis.keys()) {
          const actuals = document.getIn(["kpis", kpi, "actuals"]) as {
            items?: { value: { value: unknown } }[];
          };
          for (const item of actuals?.items ?? []) {
            if (typeof item.value.value === "number") {
              item.value.value = Math.round(item.value.value * (0.9 + random() * 0.2) * 10) / 10;
            }
          }
        }
        await writeFile(join(root, folder, name), document.toString());
      } else if (name === "report.yaml") {
        const document = parseDocument(text);
        document.set("committee", `Service ${index} Scrutiny Panel`);
        await writeFile(join(root, folder, name), document.toString());
      } else {
        await writeFile(join(root, folder, name), text);
      }
    }
  }
  const pack = new Document({
    name: `Generated county pack: ${count} reports`,
    defaults: { organisation: "Castlebridge County Council", financialYearStartMonth: 4, language: "en-GB" },
    reports: folders.map((folder) => ({ folder })),
  });
  await writeFile(join(root, "pack.yaml"), pack.toString());
  return join(root, "pack.yaml");
}

/** A pack of some of another pack's folders, for the bare-Chromium comparison. */
async function makeSamplePack(root: string, folders: readonly string[]): Promise<string> {
  const file = join(root, "sample-pack.yaml");
  await writeFile(
    file,
    new Document({ name: "Sample", reports: folders.map((folder) => ({ folder })) }).toString(),
  );
  return file;
}

// ── Printing ─────────────────────────────────────────────────────────────────────────────────────

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const line = (label: string, value: string) => console.log(`${label.padEnd(46)} ${value}`);

function machine(): void {
  const model = cpus()[0]?.model ?? "unknown CPU";
  const version = execFileSync(chromium, ["--version"], { encoding: "utf8" }).trim();
  line("machine", `${cpus().length} × ${model}, ${mib(totalmem())} memory`);
  line("software", `Node.js ${process.versions.node}; ${version}`);
  line(
    "load average at start (1, 5, 15 min)",
    loadavg()
      .map((value) => value.toFixed(2))
      .join(", "),
  );
}

async function comparePack(label: string, packFile: string, sampleFolders: readonly string[] | undefined) {
  const scratch = await makeTempDir("scrutiny-bench-");
  // The reports bare Chromium prints: all of the pack, or a sample of its folders.
  const comparedPack = sampleFolders ? await makeSamplePack(join(packFile, ".."), sampleFolders) : packFile;
  const ours: number[] = [];
  const bare: number[] = [];
  let twins: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const out = join(scratch, `ours-${round}`);
    const run = await buildOurs(comparedPack, out, 2);
    ours.push(run.ms);
    twins = twinsOf(run.result, out);
    bare.push(await printBare(twins, join(scratch, `bare-${round}`)));
  }
  const scope = sampleFolders ? ` (${sampleFolders.length} of its reports)` : "";
  line(
    `${label}: ours, YAML → PDF + HTML${scope}`,
    `${seconds(median(ours))} (median of ${ROUNDS}, alternating)`,
  );
  line(
    `${label}: bare Chromium, ${twins.length} documents`,
    `${seconds(median(bare))} (one process per document)`,
  );
  line(`${label}: ratio ours / bare Chromium`, `${(median(ours) / median(bare)).toFixed(2)}× (goal ≤ 0.8×)`);
  await rm(scratch, { recursive: true, force: true });
}

async function measurePack(label: string, packFile: string, concurrencies: readonly number[]) {
  const planned = await planPack(packFile);
  console.log(
    `\n${label}: ${planned.reports.length} reports (${relative(process.cwd(), packFile) || packFile})`,
  );
  const scratch = await makeTempDir("scrutiny-bench-");
  let coldOut = "";
  for (const concurrency of concurrencies) {
    const out = join(scratch, `cold-${concurrency}`);
    const run = await buildOurs(packFile, out, concurrency);
    coldOut = concurrency === 2 || coldOut === "" ? out : coldOut;
    line(
      `cold build, ${concurrency} at a time`,
      `${seconds(run.ms)}; ${run.documents} documents, ${run.pages} pages, ${(run.pages / (run.ms / 1000)).toFixed(1)} pages/s; ` +
        `peak ${mib(run.peak.pss)} PSS (${mib(run.peak.rss)} RSS) in ${run.peak.processes} processes`,
    );
    if (concurrency === concurrencies[0]) {
      line(
        "charts",
        run.charts === 0
          ? "none drawn"
          : `${run.charts} drawn, ${(run.chartMs / run.charts).toFixed(1)} ms each (goal < 10 ms)`,
      );
    }
  }
  // An unchanged rebuild as a performance officer runs it: the command, start-up included.
  const rebuilds = [];
  for (let round = 0; round < Math.max(ROUNDS, 3); round++) {
    rebuilds.push(await runCli(["build", packFile, "--out", coldOut, "--quiet"]));
  }
  const manifest = JSON.parse(
    await readFile(join(coldOut, "manifest.json"), "utf8"),
  ) as BuildPackResult["manifest"];
  line(
    "unchanged rebuild, the whole command",
    `${seconds(median(rebuilds.map((run) => run.ms)))} (median of ${rebuilds.length}; goal < 0.5 s), ` +
      `${manifest.totals.cached} of ${manifest.totals.reports} kept, ${manifest.browserLaunches} browser launches`,
  );
  line(
    "unchanged rebuild, inside the process",
    `${seconds(manifest.durationMs)} (hashing and checking outputs)`,
  );
  await rm(scratch, { recursive: true, force: true });
}

machine();
const examplePack = join(exampleData, "pack.yaml");
await measurePack("Example pack", examplePack, CONCURRENCIES);
const countyRoot = await makeTempDir("scrutiny-county-");
const countyPack = await makeCountyPack(countyRoot, COUNTY_REPORTS);
const countyKpis =
  COUNTY_REPORTS *
  ((await readFile(join(exampleData, "kpis.yaml"), "utf8")).match(/^ {2}- id: /gm)?.length ?? 0);
console.log(`\nGenerated county pack: ${COUNTY_REPORTS} reports, ${countyKpis} indicators`);
await measurePack("County pack", countyPack, CONCURRENCIES);
console.log("\nAgainst bare Chromium (same final HTML; alternating runs)");
await comparePack("Example pack", examplePack, undefined);
const sample = (await planPack(countyPack)).reports
  .filter((_report, index) => index % Math.max(1, Math.floor(COUNTY_REPORTS / BARE_SAMPLE)) === 0)
  .slice(0, BARE_SAMPLE)
  .map((report) => basename(report.folder));
await comparePack("County pack", countyPack, sample);
await rm(countyRoot, { recursive: true, force: true });
