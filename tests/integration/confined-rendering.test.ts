// Issue 8, point 1: the page is offline and confined. A hostile page tries every way out we know
// of (requests of each kind, file://, frames, plugins, navigation, meta refresh, preconnect and
// DNS prefetch, script) against a loopback listener and local canary files: nothing arrives,
// nothing from outside is printed, and every attempt is listed.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_FONTS, BUILT_IN_TEMPLATES } from "../../src/pack/build-report.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import { htmlToPdf, type PrintResult, REPORT_ORIGIN } from "../../src/pdf/html-to-pdf.ts";
import { createTemplateAssetResolver } from "../../src/render/template-assets.ts";
import { type LoopbackListener, startLoopbackListener } from "../helpers/loopback-listener.ts";
import { TEST_PDF_METADATA } from "../helpers/pdf-metadata.ts";
import { flatten, pdfLinkTargets, pdfText } from "../helpers/pdf-reader.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

let browser: BrowserHandle;
let listener: LoopbackListener;
let scratch: string;

beforeAll(async () => {
  browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
  listener = await startLoopbackListener();
  scratch = await makeTempDir();
});

afterAll(async () => {
  await browser.close();
  await listener.close();
});

async function print(html: string): Promise<{ result: PrintResult; text: string; path: string }> {
  const result = await htmlToPdf(await browser.get(), {
    html,
    headerHtml: "",
    footerHtml: "",
    metadata: TEST_PDF_METADATA,
    resolveAsset: createTemplateAssetResolver(BUILT_IN_TEMPLATES),
  });
  const path = join(scratch, `print-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(path, result.pdf);
  return { result, text: flatten(pdfText(path)), path };
}

describe("a page that tries every way out", () => {
  let outcome: { result: PrintResult; text: string };
  let canary: { html: string; css: string; image: string };
  let base: string;

  beforeAll(async () => {
    base = listener.base;
    canary = {
      html: join(scratch, "canary.html"),
      css: join(scratch, "canary.css"),
      image: join(scratch, "canary.svg"),
    };
    await writeFile(canary.html, "<p>CANARY FILE READ</p>");
    await writeFile(canary.css, 'body::after { content: "CANARY STYLE READ"; }');
    await writeFile(canary.image, '<svg xmlns="http://www.w3.org/2000/svg"><text y="10">CANARY</text></svg>');
    outcome = await print(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=${base}/refresh">
<link rel="preconnect" href="${base}/preconnect">
<link rel="dns-prefetch" href="${base}/dns-prefetch">
<link rel="prefetch" href="${base}/prefetch">
<link rel="preload" as="image" href="${base}/preload.png">
<link rel="stylesheet" href="${base}/remote.css">
<link rel="stylesheet" href="file://${canary.css}">
<link rel="stylesheet" href="assets/styles/print.css">
<style>
  @import url("${base}/import.css");
  @font-face { font-family: Remote; src: url(${base}/font.ttf); }
  body { background: url(${base}/background.png); }
</style>
</head><body>
<h1>Confined report</h1>
<p style="font-family: Remote">Printed in a remote font, if it could load.</p>
<img src="${base}/image.png" alt=""><img src="file://${canary.image}" alt="">
<iframe src="${base}/frame"></iframe>
<iframe src="file://${canary.html}"></iframe>
<iframe src="data:text/html,<p>DATA FRAME SHOWN</p><img src='${base}/from-data-frame.png'>"></iframe>
<iframe srcdoc="<p>INLINE FRAME SHOWN</p><img src='${base}/from-inline-frame.png'>"></iframe>
<object data="${base}/object"></object><embed src="${base}/embed">
<svg width="10" height="10"><image href="${base}/svg-image.png" width="10" height="10"/></svg>
<video poster="${base}/poster.png" src="${base}/video.mp4"></video>
<form action="${base}/form"><button>Send</button></form>
<noscript><p>NOSCRIPT SHOWN</p></noscript>
<script>document.body.insertAdjacentHTML("beforeend", "<p>SCRIPT RAN</p>"); new Image().src = "${base}/from-script.png";</script>
<img src="missing.png" onerror="document.body.append('HANDLER RAN')" alt="">
</body></html>`);
  });

  it("reaches nothing: not one connection to the listener", () => {
    expect(listener.hits).toEqual([]);
  });

  it("prints the report itself, and nothing from files, frames or script", () => {
    const { text } = outcome;
    expect(text).toContain("Confined report");
    expect(text).not.toMatch(/CANARY|DATA FRAME SHOWN|INLINE FRAME SHOWN|SCRIPT RAN|HANDLER RAN/);
  });

  it("runs no script: <noscript> content is what shows", () => {
    expect(outcome.text).toContain("NOSCRIPT SHOWN");
  });

  it("lists every attempt it blocked", () => {
    const blocked = outcome.result.blockedRequests;
    const attempts = [
      "refresh",
      "preconnect",
      "dns-prefetch",
      "prefetch",
      "preload.png",
      "remote.css",
      "import.css",
      "font.ttf",
      "background.png",
      "image.png",
      "frame",
      "object",
      "embed",
      "svg-image.png",
      "poster.png",
    ].map((path) => `${base}/${path}`);
    expect(blocked).toEqual(
      expect.arrayContaining([
        ...attempts,
        `file://${canary.css}`,
        `file://${canary.html}`,
        `file://${canary.image}`,
        `${REPORT_ORIGIN}/missing.png`,
        "iframe with inline content (srcdoc)",
      ]),
    );
    expect(blocked.some((url) => url.startsWith("data:text/html,"))).toBe(true);
    // The bundled stylesheet and fonts are served, not blocked.
    expect(blocked.filter((url) => url.startsWith(`${REPORT_ORIGIN}/assets/`))).toEqual([]);
  });
});

describe("links in the PDF", () => {
  it("lead only to http, https or mailto addresses (or within the document); others are made inert and listed", async () => {
    const { result, path } = await print(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"></head><body>
<h1 id="top">Links</h1>
<p><a href="https://example.org/plan">plan</a> <a href="http://example.org/old">old</a>
<a href="mailto:scrutiny@example.org">email</a> <a href="#top">back to top</a>
<a href="javascript:alert(1)">script</a> <a href="file:///etc/passwd">file</a>
<a href="data:text/html,hello">data</a> <a href="ftp://example.org/">ftp</a>
<a href="smb://server/share">share</a> <a href="assets/styles/print.css">own origin</a></p>
</body></html>`);
    const targets = pdfLinkTargets(path);
    expect(targets.filter((target) => target !== "").sort()).toEqual([
      "#top",
      "http://example.org/old",
      "https://example.org/plan",
      "mailto:scrutiny@example.org",
    ]);
    // The inert links keep their annotations (the tagged structure points at them).
    expect(targets.filter((target) => target === "")).toHaveLength(6);
    expect(result.removedLinks.sort()).toEqual(
      [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hello",
        "ftp://example.org/",
        "smb://server/share",
        `${REPORT_ORIGIN}/assets/styles/print.css`,
      ].sort(),
    );
  });
});

describe("Chromium's launch", () => {
  it("uses no flag that weakens web security, and resolves no host name at all", async () => {
    const pid = (await browser.get()).process()?.pid;
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const weakening = [
      "--disable-web-security",
      "--allow-file-access-from-files",
      "--allow-file-access",
      "--allow-running-insecure-content",
      "--disable-site-isolation-trials",
      "--reduce-security-for-testing",
      "--ignore-certificate-errors",
      "--remote-debugging-port",
      "--remote-allow-origins",
    ];
    expect(args.filter((arg) => weakening.some((flag) => arg.startsWith(flag)))).toEqual([]);
    expect(args).toContain("--host-resolver-rules=MAP * ~NOTFOUND");
    expect(args).toContain("--remote-debugging-pipe");
    const runningAsRoot = process.getuid?.() === 0;
    expect(args.includes("--no-sandbox")).toBe(runningAsRoot);
  });
});
