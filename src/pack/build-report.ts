// One report folder, every stage: load → validate → calculate → view model → its documents
// (cover report, appendices, trackers) → charts → HTML → PDF + HTML twin → write.
// This file only wires the stages together; each stage lives in its own folder.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KpiStatusCounts } from "../calc/summarise-kpi-statuses.ts";
import { type ChartRenderer, createChartRenderer } from "../charts/chart-renderer.ts";
import { chartsForDocument, listReportCharts, planReportCharts } from "../charts/plan-report-charts.ts";
import { renderReportCharts } from "../charts/render-report-charts.ts";
import { ScrutinyError } from "../errors.ts";
import { loadReportData, type ReportInput } from "../load/load-report-data.ts";
import { buildReportView } from "../model/build-report-view.ts";
import { buildStatusExport } from "../model/build-status-export.ts";
import { planContents } from "../model/plan-contents.ts";
import { planDocuments } from "../model/plan-documents.ts";
import { statusesToCsv } from "../model/statuses-to-csv.ts";
import type { BrowserHandle } from "../pdf/browser.ts";
import type { AssetResolver } from "../pdf/html-to-pdf.ts";
import { printWithRetry } from "../pdf/print-with-retry.ts";
import { writeFileAtomic } from "../pdf/write-file-atomic.ts";
import { inlineAssetImages, readTwinStyles } from "../render/make-self-contained.ts";
import { renderDocumentHtml } from "../render/render-document-html.ts";
import { createTemplateAssetResolver } from "../render/template-assets.ts";
import { createTemplateEngine, type TemplateEngine } from "../render/template-engine.ts";
import type { DocumentKind } from "../schema/cover-report-schema.ts";
import { outputFileName } from "./output-file-name.ts";
import { printWithContents } from "./print-with-contents.ts";

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates", import.meta.url));
export const BUILT_IN_FONTS = join(BUILT_IN_TEMPLATES, "fonts");

/** png: each chart a document shows, as a picture at twice its size, next to the PDF. */
export const OUTPUT_FORMATS = ["pdf", "html", "json", "csv", "png"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** What a build writes unless told otherwise: each document as PDF and as its HTML twin. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ["pdf", "html"];

/** Everything a build prepares once and shares between its reports. */
export interface BuildResources {
  engine: TemplateEngine;
  charts: ChartRenderer;
  resolveAsset: AssetResolver;
  browser: BrowserHandle;
}

export interface BuildResourceOptions {
  browser: BrowserHandle;
  /** The built-in templates, or a complete replacement (tests). */
  templatesDirectory?: string;
  /** A council's own folder: any template, partial, stylesheet or image in it replaces the built-in one of the same name. */
  overridesDirectory?: string;
}

export async function prepareBuildResources(options: BuildResourceOptions): Promise<BuildResources> {
  const builtIn = options.templatesDirectory ?? BUILT_IN_TEMPLATES;
  const folders = options.overridesDirectory ? [options.overridesDirectory, builtIn] : [builtIn];
  return {
    engine: await createTemplateEngine(folders),
    // Chart fonts are the bundled TTF files; a council overrides how pages look, not chart glyphs.
    charts: createChartRenderer({ fontsDirectory: join(builtIn, "fonts") }),
    resolveAsset: createTemplateAssetResolver(folders),
    browser: options.browser,
  };
}

export interface BuildReportOptions {
  /** Folder holding report.yaml and the report's other YAML files. */
  folder: string;
  /** The folder's data when it has already been loaded (a pack loads every report first). */
  input?: ReportInput;
  outDir: string;
  resources: BuildResources;
  /** What to write; default PDF + HTML. The browser is started only for a PDF. */
  formats?: readonly OutputFormat[];
  /** The per-report watchdog: how long its documents may take to print, all told. */
  timeLimitMs?: number;
}

/** A report's printing, all its documents, retries and contents passes together. */
export const REPORT_TIME_LIMIT_MS = 10 * 60 * 1000;

export interface BuiltDocument {
  kind: DocumentKind;
  title: string;
  files: string[];
  /** How many times its PDF was printed: twice for a document with a contents page, to number it. */
  printings?: number;
}

export interface BuildReportResult {
  /** Every file written, document by document, in the order of the formats. */
  files: string[];
  documents: BuiltDocument[];
  statusCounts: KpiStatusCounts;
  blockedRequests: string[];
  durationMs: number;
}

export async function buildReport(options: BuildReportOptions): Promise<BuildReportResult> {
  const started = performance.now();
  const { resources } = options;
  const input = options.input ?? (await loadReportData(options.folder));
  const view = buildReportView(input);
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  const outPath = (stem: string, extension: string) =>
    resolve(options.outDir, outputFileName(input.report.period, stem, extension));

  const documents: BuiltDocument[] = [];
  const blockedRequests: string[] = [];
  const plans = planDocuments(input, view);
  const reportCharts = planReportCharts(view);
  if (plans.length === 0 && (formats.has("pdf") || formats.has("html"))) {
    throw new ScrutinyError(
      "invalid-data",
      `${options.folder} has nothing to build: its report.yaml lists no documents that its files have data for.`,
    );
  }
  // The per-report watchdog: however its printing goes (retries, contents passes), a report
  // gives up once this has passed, and the pack moves on.
  const deadlineAt = Date.now() + (options.timeLimitMs ?? REPORT_TIME_LIMIT_MS);
  for (const plan of plans) {
    const files: string[] = [];
    // Drawn once for the PDF and its HTML twin.
    const chartSpecs = chartsForDocument(reportCharts, plan.kind);
    const charts =
      formats.has("pdf") || formats.has("html")
        ? renderReportCharts(resources.charts, chartSpecs)
        : undefined;
    const contents = planContents(view, plan);
    let printings: number | undefined;
    if (formats.has("pdf")) {
      const { printed, passes } = await printWithContents(contents, async (numbered) => {
        const page = renderDocumentHtml(resources.engine, {
          view,
          document: plan,
          charts,
          contents: numbered,
        });
        // A crash or hang of Chromium is retried once on a fresh browser inside printWithRetry.
        return printWithRetry(resources.browser, {
          html: page.html,
          headerHtml: page.headerHtml,
          footerHtml: page.footerHtml,
          resolveAsset: resources.resolveAsset,
          deadlineAt,
          metadata: {
            title: plan.fullTitle,
            author: view.meta.organisation,
            subject: plan.description,
            keywords: [view.meta.committee, view.meta.period, plan.kind],
            language: view.meta.language,
            date: new Date(`${input.report.meetingDate}T00:00:00Z`),
          },
        });
      });
      blockedRequests.push(...printed.blockedRequests, ...printed.removedLinks);
      printings = passes;
      files.push(await writeOutput(outPath(plan.fileStem, "pdf"), printed.pdf));
    }
    if (formats.has("html")) {
      const twin = renderDocumentHtml(resources.engine, {
        view,
        document: plan,
        charts,
        // The twin's contents link to each heading; it has no pages to number.
        contents,
        inlineStyles: await readTwinStyles(resources.resolveAsset),
      });
      const html = await inlineAssetImages(twin.html, resources.resolveAsset);
      files.push(await writeOutput(outPath(plan.fileStem, "html"), Buffer.from(html)));
    }
    if (formats.has("png")) {
      for (const chart of listReportCharts(chartSpecs)) {
        const png = resources.charts.renderPng(chart.configuration, chart.size);
        files.push(await writeOutput(outPath(`${plan.fileStem}-${chart.id}`, "png"), png));
      }
    }
    documents.push({ kind: plan.kind, title: plan.fullTitle, files, ...(printings ? { printings } : {}) });
  }

  const files = documents.flatMap((document) => document.files);
  if (formats.has("json") || formats.has("csv")) {
    const statuses = buildStatusExport(input);
    if (formats.has("json")) {
      const json = Buffer.from(`${JSON.stringify(statuses, null, 2)}\n`);
      files.push(await writeOutput(outPath("performance-statuses", "json"), json));
    }
    if (formats.has("csv")) {
      files.push(
        await writeOutput(outPath("performance-statuses", "csv"), Buffer.from(statusesToCsv(statuses))),
      );
    }
  }
  return {
    files,
    documents,
    statusCounts: view.summary.counts,
    blockedRequests,
    durationMs: performance.now() - started,
  };
}

async function writeOutput(path: string, bytes: Uint8Array): Promise<string> {
  await writeFileAtomic(path, bytes);
  return path;
}
