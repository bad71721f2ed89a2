// Prints one HTML document to PDF, offline: the page can load only what `resolveAsset` hands it
// from the report's own origin; every other request is refused. JavaScript is off.
import type { Browser, HTTPRequest } from "puppeteer";
import { ScrutinyError } from "../errors.ts";

/** A name that can never resolve (RFC 2606), so nothing here can reach a network. */
export const REPORT_ORIGIN = "https://scrutiny.invalid";

export interface Asset {
  body: Buffer;
  contentType: string;
}

export type AssetResolver = (path: string) => Promise<Asset | undefined>;

/** What the PDF says about itself. `date` comes from the data (the meeting date), never the clock. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  date: Date;
}

export interface PrintOptions {
  html: string;
  resolveAsset: AssetResolver;
  headerHtml: string;
  footerHtml: string;
  metadata: PdfMetadata;
  timeoutMs?: number;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Requests the page tried to make and was refused. */
  blockedRequests: string[];
}

export async function htmlToPdf(browser: Browser, options: PrintOptions): Promise<PrintResult> {
  const timeout = options.timeoutMs ?? 60_000;
  const blockedRequests: string[] = [];
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      void answerRequest(request, options, blockedRequests);
    });
    await page.goto(`${REPORT_ORIGIN}/report.html`, { waitUntil: "load", timeout });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerHtml,
      footerTemplate: options.footerHtml,
      tagged: true,
      outline: true,
      timeout,
    });
    return { pdf, blockedRequests };
  } catch (error) {
    if (error instanceof ScrutinyError) throw error;
    throw new ScrutinyError("render", `Chromium could not print the report: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function answerRequest(request: HTTPRequest, options: PrintOptions, blocked: string[]): Promise<void> {
  const url = request.url();
  try {
    if (url.startsWith("data:")) return await request.continue();
    const parsed = new URL(url);
    if (parsed.origin === REPORT_ORIGIN && request.method() === "GET") {
      if (parsed.pathname === "/report.html" && request.isNavigationRequest()) {
        return await request.respond({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: options.html,
        });
      }
      const asset = request.isNavigationRequest() ? undefined : await options.resolveAsset(parsed.pathname);
      if (asset)
        return await request.respond({ status: 200, contentType: asset.contentType, body: asset.body });
    }
    blocked.push(url);
    await request.abort("blockedbyclient");
  } catch {
    // The page closed while the request was in flight; nothing left to answer.
  }
}
