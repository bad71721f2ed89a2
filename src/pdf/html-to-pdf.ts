// Prints one HTML document to PDF, offline and confined: the page is answered from memory at an
// origin that cannot resolve, may load only what `resolveAsset` hands it, runs no script, cannot
// navigate, frame or preconnect, and every attempt to is listed. Bounded by timeouts and a
// watchdog; a crashed or hung Chromium is reported as such (see print-with-retry.ts).
import type { Browser, HTTPRequest, Page } from "puppeteer";
import { ScrutinyError } from "../errors.ts";
import { finalisePdf, type PdfMetadata } from "./finalise-pdf.ts";

export type { PdfMetadata } from "./finalise-pdf.ts";

/** A name that can never resolve (RFC 2606), so nothing here can reach a network. */
export const REPORT_ORIGIN = "https://scrutiny.invalid";
const REPORT_URL = `${REPORT_ORIGIN}/report.html`;

/**
 * Sent with the page: no script, no frames, plugins, forms or <base>, and a sandbox that also
 * stops <meta http-equiv="refresh">. Loads are not listed here: the request interception refuses
 * them and keeps a list, which a policy would not.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "sandbox allow-same-origin",
  "script-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export interface Asset {
  body: Buffer;
  contentType: string;
}

export type AssetResolver = (path: string) => Promise<Asset | undefined>;

export interface PrintLimits {
  /** Loading the page and everything it is allowed to load. */
  loadTimeoutMs: number;
  /** Chromium laying out and printing the loaded page. */
  printTimeoutMs: number;
  /** One whole attempt, however Chromium spends it (a hung browser answers nothing at all). */
  watchdogMs: number;
  /** The HTML handed to Chromium; a template that repeats itself is stopped well before this. */
  maxHtmlBytes: number;
}

export const DEFAULT_PRINT_LIMITS: Readonly<PrintLimits> = Object.freeze({
  loadTimeoutMs: 30_000,
  printTimeoutMs: 60_000,
  watchdogMs: 120_000,
  maxHtmlBytes: 16 * 1024 * 1024,
});

export interface PrintOptions {
  html: string;
  resolveAsset: AssetResolver;
  /** The running header and footer: Chromium's print templates (no web fonts, no requests). */
  headerHtml: string;
  footerHtml: string;
  metadata: PdfMetadata;
  limits?: Partial<PrintLimits>;
  /**
   * When the whole report this document belongs to must be done (ms since the epoch): each
   * attempt's watchdog is cut to the time left, and none starts once it has passed.
   */
  deadlineAt?: number;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** What the page tried to load, frame or navigate to, and was refused. */
  blockedRequests: string[];
  /** Link targets other than http, https or mailto; the links were made inert. */
  removedLinks: string[];
}

// Errors that mean Chromium itself failed (crashed, hung, disconnected): worth one more try on a
// fresh browser. Anything else (the HTML is too large) would fail the same way again.
const chromiumFaults = new WeakSet<Error>();

export function isChromiumFault(error: unknown): boolean {
  return error instanceof Error && chromiumFaults.has(error);
}

export async function htmlToPdf(browser: Browser, options: PrintOptions): Promise<PrintResult> {
  const limits = { ...DEFAULT_PRINT_LIMITS, ...options.limits };
  checkHtmlSize(options.html, limits.maxHtmlBytes, options.metadata.title);
  const left = options.deadlineAt === undefined ? Number.POSITIVE_INFINITY : options.deadlineAt - Date.now();
  if (left <= 0) {
    throw new ScrutinyError(
      "render",
      `"${options.metadata.title}" was not printed: its report ran out of time (the per-report watchdog)`,
    );
  }
  const blockedRequests: string[] = [];
  let printed: PrintedPage;
  try {
    printed = await withWatchdog(
      Math.min(limits.watchdogMs, left),
      printPage(browser, options, limits, blockedRequests),
    );
  } catch (error) {
    // The report's own time ran out, not Chromium: its browser, which other reports may be
    // printing on, is left alone (the page is closed as printPage ends).
    if (error instanceof WatchdogExpired && left < limits.watchdogMs) {
      throw new ScrutinyError(
        "render",
        `"${options.metadata.title}" was not printed: its report ran out of time (the per-report watchdog)`,
        { cause: error },
      );
    }
    const fault = new ScrutinyError(
      "render",
      `Chromium could not print "${options.metadata.title}": ${describe(error)}`,
      {
        cause: error,
      },
    );
    chromiumFaults.add(fault);
    throw fault;
  }
  const finished = await finalisePdf(printed.pdf, options.metadata, REPORT_ORIGIN, printed.headings);
  // One entry per address: Chromium may refuse the same file:// both as a request and a frame.
  return {
    pdf: finished.pdf,
    blockedRequests: [...new Set(blockedRequests)],
    removedLinks: finished.removedLinks,
  };
}

/** Refuses HTML larger than `maxBytes`, naming the document by its title. */
export function checkHtmlSize(html: string, maxBytes: number, title: string): void {
  const bytes = Buffer.byteLength(html);
  if (bytes > maxBytes) {
    throw new ScrutinyError(
      "render",
      `the HTML of "${title}" is ${bytes.toLocaleString("en-GB")} bytes; a document may have at most ${maxBytes.toLocaleString("en-GB")} (${formatMegabytes(maxBytes)}). A template may be repeating content.`,
    );
  }
}

interface PrintedPage {
  pdf: Uint8Array;
  /** The text of every heading, in order: what the PDF's bookmarks should read. */
  headings: string[];
}

async function printPage(
  browser: Browser,
  options: PrintOptions,
  limits: PrintLimits,
  blocked: string[],
): Promise<PrintedPage> {
  const page = await browser.newPage();
  // A renderer crash ends the page, not the browser; stop waiting for it at once.
  const crashed = new Promise<never>((_, reject) => {
    page.once("error", (error) => reject(error));
  });
  crashed.catch(() => undefined);
  const untilCrash = <T>(work: Promise<T>) => Promise.race([work, crashed]);
  try {
    await untilCrash(page.setJavaScriptEnabled(false));
    await untilCrash(page.setRequestInterception(true));
    let served = false;
    page.on("request", (request) => {
      const first =
        !served &&
        request.isNavigationRequest() &&
        request.frame() === page.mainFrame() &&
        request.url() === REPORT_URL;
      if (first) served = true;
      void answerRequest(page, request, first, options, blocked);
    });
    // Chromium refuses file:// from the report's origin itself, before any request exists; its
    // console message is the only trace, so it is listed from there.
    page.on("console", (message) => {
      const local = /^Not allowed to load local resource: (\S+)/.exec(message.text());
      if (local?.[1]) blocked.push(local[1]);
    });
    await untilCrash(page.goto(REPORT_URL, { waitUntil: "load", timeout: limits.loadTimeoutMs }));
    const headings = await untilCrash(removeFramesAndListHints(page, blocked));
    const pdf = await untilCrash(
      page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        // An empty template would make Chromium print its own header (date and title).
        headerTemplate: options.headerHtml.trim() === "" ? "<span></span>" : options.headerHtml,
        footerTemplate: options.footerHtml.trim() === "" ? "<span></span>" : options.footerHtml,
        tagged: true,
        outline: true,
        timeout: limits.printTimeoutMs,
      }),
    );
    return { pdf, headings };
  } finally {
    // Bounded: a hung browser never answers, and the watchdog has already given up on it.
    await Promise.race([page.close().catch(() => undefined), delay(5_000)]);
  }
}

async function answerRequest(
  page: Page,
  request: HTTPRequest,
  isReport: boolean,
  options: PrintOptions,
  blocked: string[],
): Promise<void> {
  const url = request.url();
  try {
    if (isReport) {
      return await request.respond({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "Content-Security-Policy": REPORT_CONTENT_SECURITY_POLICY },
        body: options.html,
      });
    }
    if (request.isNavigationRequest()) {
      blocked.push(shorten(url));
      // Refusing a navigation of the page itself would print Chromium's error page instead of the
      // report; "204 No Content" leaves the report where it is.
      if (request.frame() === page.mainFrame()) return await request.respond({ status: 204, body: "" });
      return await request.abort("blockedbyclient");
    }
    // data: URLs are how chart images are embedded; as images they cannot load anything further.
    if (url.startsWith("data:") && request.resourceType() === "image") return await request.continue();
    const parsed = new URL(url);
    if (parsed.origin === REPORT_ORIGIN && request.method() === "GET") {
      const asset = await options.resolveAsset(parsed.pathname);
      if (asset) {
        return await request.respond({ status: 200, contentType: asset.contentType, body: asset.body });
      }
    }
    blocked.push(shorten(url));
    await request.abort("blockedbyclient");
  } catch {
    // The page closed while the request was in flight; nothing left to answer.
  }
}

/**
 * Frames, plugins and resource hints are refused by the policy and the host resolver before any
 * request exists; this lists them, and removes frames whose content came inline (srcdoc), which
 * nothing else stops from being printed. Returns the headings' text. Done through DevTools, since
 * the page runs no script.
 */
async function removeFramesAndListHints(page: Page, blocked: string[]): Promise<string[]> {
  const session = await page.createCDPSession();
  try {
    const { root } = await session.send("DOM.getDocument", { depth: 0 });
    // The headings' text, which the PDF's bookmarks should read (see finalisePdf).
    const { nodeIds: headingIds } = await session.send("DOM.querySelectorAll", {
      nodeId: root.nodeId,
      selector: "h1, h2, h3, h4, h5, h6",
    });
    const headings: string[] = [];
    for (const nodeId of headingIds) {
      const { node } = await session.send("DOM.describeNode", { nodeId, depth: -1 });
      headings.push(textOf(node));
    }
    const { nodeIds } = await session.send("DOM.querySelectorAll", {
      nodeId: root.nodeId,
      selector: [
        "iframe",
        "frame",
        "object",
        "embed",
        "portal",
        "fencedframe",
        'link[rel~="preconnect" i]',
        'link[rel~="dns-prefetch" i]',
        'link[rel~="prerender" i]',
        'meta[http-equiv="refresh" i]',
      ].join(", "),
    });
    for (const nodeId of nodeIds) {
      const { node } = await session.send("DOM.describeNode", { nodeId });
      const attributes = new Map<string, string>();
      const list = node.attributes ?? [];
      for (let index = 0; index + 1 < list.length; index += 2) {
        attributes.set((list[index] ?? "").toLowerCase(), list[index + 1] ?? "");
      }
      const element = node.nodeName.toLowerCase();
      if (element === "link") {
        blocked.push(resolveAgainstReport(attributes.get("href") ?? ""));
        continue;
      }
      if (element === "meta") {
        const target = /url\s*=\s*['"]?([^'"]*)/i.exec(attributes.get("content") ?? "")?.[1];
        blocked.push(target ? resolveAgainstReport(target) : REPORT_URL);
        continue;
      }
      const source = attributes.get("src") ?? attributes.get("data");
      blocked.push(
        source !== undefined ? resolveAgainstReport(source) : `${element} with inline content (srcdoc)`,
      );
      await session.send("DOM.removeNode", { nodeId }).catch(() => undefined);
    }
    return headings;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

interface DomNode {
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
}

/** An element's text, as textContent gives it: its text nodes in order. */
function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  return (node.children ?? []).map(textOf).join("");
}

function resolveAgainstReport(reference: string): string {
  try {
    return shorten(new URL(reference, REPORT_URL).href);
  } catch {
    return shorten(reference);
  }
}

/** data: URLs can be megabytes; a message needs only their start. */
function shorten(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

class WatchdogExpired extends Error {}

function withWatchdog<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new WatchdogExpired(
            `it did not finish within ${Math.round(ms / 1000)} s (the browser may have hung)`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
