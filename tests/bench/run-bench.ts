// `npm run bench`: times each stage of building the example report and prints the figures.
// Speed targets are judged from these numbers, never asserted in unit tests.
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { createChartRenderer } from "../../src/charts/chart-renderer.ts";
import { planReportCharts } from "../../src/charts/plan-report-charts.ts";
import { renderReportCharts } from "../../src/charts/render-report-charts.ts";
import { checkReports } from "../../src/check/check-reports.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import {
  BUILT_IN_FONTS,
  BUILT_IN_TEMPLATES,
  buildReport,
  prepareBuildResources,
} from "../../src/pack/build-report.ts";
import { createBrowserHandle } from "../../src/pdf/browser.ts";
import { finalisePdf } from "../../src/pdf/finalise-pdf.ts";
import { type AssetResolver, htmlToPdf, REPORT_ORIGIN } from "../../src/pdf/html-to-pdf.ts";
import { renderDocumentHtml } from "../../src/render/render-document-html.ts";
import { createTemplateAssetResolver } from "../../src/render/template-assets.ts";
import { createTemplateEngine } from "../../src/render/template-engine.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";
import { benchCharts } from "./bench-charts.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

async function time<T>(label: string, rounds: number, work: () => Promise<T> | T): Promise<T> {
  let result = await work(); // warm-up, not counted
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    result = await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const worst = samples.at(-1) ?? 0;
  console.log(
    `${label.padEnd(34)} median ${median.toFixed(2).padStart(8)} ms   worst ${worst.toFixed(2).padStart(8)} ms   (${rounds} runs)`,
  );
  return result;
}

const input = await time("load + validate YAML", ROUNDS, () => loadReportData(exampleData));
const view = await time("calculate + view model", ROUNDS, () => buildReportView(input));
await time("check: validate + quality rules", ROUNDS, () => checkReports(exampleData));
await benchCharts(join(exampleData, "pack.yaml"), ROUNDS);
const renderer = createChartRenderer({ fontsDirectory: join(BUILT_IN_TEMPLATES, "fonts") });
const charts = renderReportCharts(renderer, planReportCharts(view));
const engine = await createTemplateEngine(BUILT_IN_TEMPLATES);
const document = planDocuments(input, view).find((plan) => plan.kind === "performance");
if (!document) throw new Error("the example data builds no performance report");
const page = await time("HTML of Appendix A (Handlebars)", ROUNDS, () =>
  renderDocumentHtml(engine, {
    view,
    document,
    charts,
  }),
);
const browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
try {
  await time("browser launch (once per build)", 1, async () => {
    await browser.close();
    return browser.get();
  });
  const resolveAsset = createTemplateAssetResolver(BUILT_IN_TEMPLATES);
  const metadata = {
    title: document.fullTitle,
    author: view.meta.organisation,
    subject: document.description,
    keywords: [],
    language: view.meta.language,
    date: new Date("2023-11-28T00:00:00Z"),
  };
  const printed = await time("print Appendix A PDF (warm browser)", Math.min(ROUNDS, 10), async () =>
    htmlToPdf(await browser.get(), { ...page, resolveAsset, metadata }),
  );
  console.log(`${"PDF size".padEnd(34)} ${(printed.pdf.byteLength / 1024).toFixed(0)} KiB`);
  // Post-processing alone (metadata, document id, links), on Chromium's own output.
  const raw = await printRawChromiumPdf(await browser.get(), page.html, resolveAsset);
  await time("PDF post-processing (pdf-lib)", ROUNDS, () => finalisePdf(raw, metadata, REPORT_ORIGIN));
  console.log(`${"PDF size before post-processing".padEnd(34)} ${(raw.byteLength / 1024).toFixed(0)} KiB`);
  const out = await makeTempDir();
  const resources = await prepareBuildResources({ browser });
  await time("whole report folder (all documents)", Math.min(ROUNDS, 10), () =>
    buildReport({ folder: exampleData, outDir: out, resources }),
  );
} finally {
  await browser.close();
}
/** Chromium's PDF as it comes, before finalisePdf: the same page, served the same way. */
async function printRawChromiumPdf(
  chromium: Browser,
  html: string,
  resolveAsset: AssetResolver,
): Promise<Uint8Array> {
  const tab = await chromium.newPage();
  try {
    await tab.setJavaScriptEnabled(false);
    await tab.setRequestInterception(true);
    tab.on("request", async (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/report.html") return request.respond({ contentType: "text/html", body: html });
      const asset = url.origin === REPORT_ORIGIN ? await resolveAsset(url.pathname) : undefined;
      if (asset) return request.respond({ contentType: asset.contentType, body: asset.body });
      return request.url().startsWith("data:") ? request.continue() : request.abort();
    });
    await tab.goto(`${REPORT_ORIGIN}/report.html`, { waitUntil: "load" });
    return await tab.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await tab.close();
  }
}

const memory = process.memoryUsage();
console.log(`${"resident memory at the end".padEnd(34)} ${(memory.rss / 1024 / 1024).toFixed(0)} MiB`);
