// `node tests/bench/compare-page-loading.ts`: where the time of printing one document goes, and
// how the ways of handing Chromium the HTML compare (docs/performance.md, "Loading the page").
// Not part of `npm run bench`; figures only.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HTTPRequest, Page } from "puppeteer";
import { chartsForDocument, planReportCharts } from "../../src/charts/plan-report-charts.ts";
import { renderReportCharts } from "../../src/charts/render-report-charts.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import { BUILT_IN_FONTS, prepareBuildResources } from "../../src/pack/build-report.ts";
import { createBrowserHandle } from "../../src/pdf/browser.ts";
import { htmlToPdf } from "../../src/pdf/html-to-pdf.ts";
import { renderDocumentHtml } from "../../src/render/render-document-html.ts";
import { exampleData } from "../helpers/report-folder.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
const resources = await prepareBuildResources({ browser });
const input = await loadReportData(exampleData);
const view = buildReportView(input);
const plan = planDocuments(input, view).find((document) => document.kind === "performance");
if (!plan) throw new Error("the example has no performance document");
const charts = renderReportCharts(resources.charts, chartsForDocument(planReportCharts(view), plan.kind));
const page = renderDocumentHtml(resources.engine, { view, document: plan, charts });
const styles = await resources.resolveAsset("/assets/styles/print.css");
const twin = renderDocumentHtml(resources.engine, {
  view,
  document: plan,
  charts,
  inlineStyles: styles?.body.toString("utf8") ?? "",
});
const metadata = {
  title: "t",
  author: "a",
  subject: "s",
  keywords: [],
  language: "en-GB",
  date: new Date(0),
};
const pdfOptions = {
  format: "A4",
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: page.headerHtml,
  footerTemplate: page.footerHtml,
  tagged: true,
  outline: true,
} as const;
const median = (values: number[]) =>
  ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0).toFixed(0);
const chromium = await browser.get();

/** Answers the page's requests as htmlToPdf does: the HTML, then the template assets. */
function answer(html: () => string) {
  return (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.protocol === "data:") return void request.continue();
    if (url.pathname === "/report.html")
      return void request.respond({ status: 200, contentType: "text/html", body: html() });
    void resources
      .resolveAsset(url.pathname)
      .then((asset) =>
        asset
          ? request.respond({ status: 200, contentType: asset.contentType, body: asset.body })
          : request.abort(),
      );
  };
}

async function stages(label: string, load: (page: Page) => Promise<void>): Promise<void> {
  const times: Record<string, number[]> = { "new page": [], load: [], print: [], close: [], total: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const tab = await chromium.newPage();
    const t1 = performance.now();
    await load(tab);
    const t2 = performance.now();
    await tab.pdf(pdfOptions);
    const t3 = performance.now();
    await tab.close();
    const t4 = performance.now();
    times["new page"]?.push(t1 - t0);
    times.load?.push(t2 - t1);
    times.print?.push(t3 - t2);
    times.close?.push(t4 - t3);
    times.total?.push(t4 - t0);
  }
  const parts = Object.entries(times).map(([name, values]) => `${name} ${median(values)}`);
  console.log(`${label.padEnd(40)} ${parts.join(" ms, ")} ms`);
}

console.log(
  `performance document: ${page.html.length} bytes of HTML (${twin.html.length} for the twin); medians of ${ROUNDS}`,
);
const whole: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  await htmlToPdf(chromium, { ...page, resolveAsset: resources.resolveAsset, metadata });
  whole.push(performance.now() - started);
}
console.log(`${"htmlToPdf as built (interception, fonts)".padEnd(40)} total ${median(whole)} ms`);
await stages("new page, interception, fonts", async (tab) => {
  await tab.setJavaScriptEnabled(false);
  await tab.setRequestInterception(true);
  tab.on(
    "request",
    answer(() => page.html),
  );
  await tab.goto("https://scrutiny.invalid/report.html", { waitUntil: "load" });
});
await stages("new page, interception, twin (no fonts)", async (tab) => {
  await tab.setJavaScriptEnabled(false);
  await tab.setRequestInterception(true);
  tab.on(
    "request",
    answer(() => twin.html),
  );
  await tab.goto("https://scrutiny.invalid/report.html", { waitUntil: "load" });
});
await stages("new page, setContent, twin", async (tab) => {
  await tab.setJavaScriptEnabled(false);
  await tab.setContent(twin.html, { waitUntil: "load" });
});
const folder = await mkdtemp(join(tmpdir(), "scrutiny-page-loading-"));
await writeFile(join(folder, "report.html"), twin.html);
await stages("new page, goto file://, twin", async (tab) => {
  await tab.setJavaScriptEnabled(false);
  await tab.goto(`file://${join(folder, "report.html")}`, { waitUntil: "load" });
});
{
  const tab = await chromium.newPage();
  await tab.setJavaScriptEnabled(false);
  await tab.setRequestInterception(true);
  tab.on(
    "request",
    answer(() => page.html),
  );
  const totals: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await tab.goto(`https://scrutiny.invalid/report.html?${round}`, { waitUntil: "load" });
    await tab.pdf(pdfOptions);
    totals.push(performance.now() - started);
  }
  console.log(`${"one page reused, interception, fonts".padEnd(40)} total ${median(totals)} ms`);
  await tab.close();
}
await rm(folder, { recursive: true, force: true });
await browser.close();
