// One report, every stage: load → validate → calculate → view model → charts → HTML → PDF → write.
// This file only wires the stages together; each stage lives in its own folder.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KpiStatusCounts } from "../calc/summarise-kpi-statuses.ts";
import { createChartRenderer } from "../charts/chart-renderer.ts";
import { statusByThemeChart } from "../charts/status-by-theme-chart.ts";
import { loadReportData, type ReportInput } from "../load/load-report-data.ts";
import { buildReportView, type ReportView } from "../model/build-report-view.ts";
import { buildStatusExport } from "../model/build-status-export.ts";
import { statusesToCsv } from "../model/statuses-to-csv.ts";
import type { BrowserHandle } from "../pdf/browser.ts";
import { htmlToPdf } from "../pdf/html-to-pdf.ts";
import { writeFileAtomic } from "../pdf/write-file-atomic.ts";
import { renderReportHtml } from "../render/render-report-html.ts";
import { createTemplateAssetResolver } from "../render/template-assets.ts";
import { createTemplateEngine } from "../render/template-engine.ts";
import { outputFileName } from "./output-file-name.ts";

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates", import.meta.url));
export const BUILT_IN_FONTS = join(BUILT_IN_TEMPLATES, "fonts");

export interface BuildReportOptions {
  /** Folder holding report.yaml and the report's other YAML files. */
  folder: string;
  /** The folder's data when it has already been loaded (a pack loads every report first). */
  input?: ReportInput;
  outDir: string;
  browser: BrowserHandle;
  templatesDirectory?: string;
  /** What to write; default just the PDF. The browser is started only for a PDF. */
  formats?: readonly OutputFormat[];
}

export const OUTPUT_FORMATS = ["pdf", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface BuildReportResult {
  /** Every file written, in the order of the formats. */
  files: string[];
  statusCounts: KpiStatusCounts;
  blockedRequests: string[];
  durationMs: number;
}

export async function buildReport(options: BuildReportOptions): Promise<BuildReportResult> {
  const started = performance.now();
  const templatesDirectory = options.templatesDirectory ?? BUILT_IN_TEMPLATES;
  const input = options.input ?? (await loadReportData(options.folder));
  const view = buildReportView(input);

  const formats = new Set(options.formats ?? ["pdf"]);
  const files: string[] = [];
  const blockedRequests: string[] = [];
  const outPath = (kind: string, extension: string) =>
    resolve(options.outDir, outputFileName(input.report.period, kind, extension));
  if (formats.has("pdf")) {
    const printed = await printReport(view, templatesDirectory, options.browser);
    blockedRequests.push(...printed.blockedRequests);
    const pdfPath = outPath("performance-report", "pdf");
    await writeFileAtomic(pdfPath, printed.pdf);
    files.push(pdfPath);
  }
  if (formats.has("json") || formats.has("csv")) {
    const statuses = buildStatusExport(input);
    if (formats.has("json")) {
      const jsonPath = outPath("performance-statuses", "json");
      await writeFileAtomic(jsonPath, Buffer.from(`${JSON.stringify(statuses, null, 2)}\n`));
      files.push(jsonPath);
    }
    if (formats.has("csv")) {
      const csvPath = outPath("performance-statuses", "csv");
      await writeFileAtomic(csvPath, Buffer.from(statusesToCsv(statuses)));
      files.push(csvPath);
    }
  }
  return {
    files,
    statusCounts: view.summary.counts,
    blockedRequests,
    durationMs: performance.now() - started,
  };
}

async function printReport(
  view: ReportView,
  templatesDirectory: string,
  browser: BrowserHandle,
): Promise<{ pdf: Uint8Array; blockedRequests: string[] }> {
  const chartRenderer = createChartRenderer({ fontsDirectory: join(templatesDirectory, "fonts") });
  const charts = [statusByThemeChart(view.themes, view.meta.period)].map(({ configuration, ...chart }) => ({
    ...chart,
    svg: chartRenderer.renderSvg(configuration, `chart-${chart.id}`),
  }));
  const engine = await createTemplateEngine(templatesDirectory);
  const { html, footerHtml } = renderReportHtml(engine, view, charts);
  return htmlToPdf(await browser.get(), {
    html,
    footerHtml,
    resolveAsset: createTemplateAssetResolver(templatesDirectory),
  });
}
