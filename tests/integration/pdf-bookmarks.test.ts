// Bookmarks read as the headings do. Chromium names a bookmark from the heading's lines and drops
// the space where a heading wraps ("Executive'sResponse"); post-processing gives it back.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_FONTS, BUILT_IN_TEMPLATES } from "../../src/pack/build-report.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import { htmlToPdf } from "../../src/pdf/html-to-pdf.ts";
import { createTemplateAssetResolver } from "../../src/render/template-assets.ts";
import { TEST_PDF_METADATA } from "../helpers/pdf-metadata.ts";
import { pdfOutline, pdfPages } from "../helpers/pdf-reader.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

let browser: BrowserHandle;

beforeAll(() => {
  browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
});

afterAll(async () => {
  await browser.close();
});

describe("bookmarks of headings that wrap", () => {
  it("keep every space of the heading, at every level", async () => {
    const result = await htmlToPdf(await browser.get(), {
      html: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Bookmarks</title>
<link rel="stylesheet" href="assets/styles/print.css"></head><body>
<h1 style="width: 45mm">Original Recommendations from Review and Executive's Response</h1>
<h2 style="width: 30mm">Corporate Peer Challenge: Draft Action Plan</h2>
<h3 style="width: 25mm">Housing <em>delivery</em> and   homelessness</h3>
<h2>Short</h2>
</body></html>`,
      headerHtml: "",
      footerHtml: "",
      metadata: TEST_PDF_METADATA,
      resolveAsset: createTemplateAssetResolver(BUILT_IN_TEMPLATES),
    });
    const path = join(await makeTempDir(), "bookmarks.pdf");
    await writeFile(path, result.pdf);
    // The headings did wrap: each prints over several lines.
    const lines = (pdfPages(path)[0] ?? "").split("\n").filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(pdfOutline(path)).toEqual([
      "Original Recommendations from Review and Executive's Response",
      "Corporate Peer Challenge: Draft Action Plan",
      "Housing delivery and homelessness",
      "Short",
    ]);
  });
});
