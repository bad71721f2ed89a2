// The HTML twin of every document: self-contained (nothing to fetch) and accessible by axe-core's
// WCAG 2.2 AA rules, in the real Chromium.
import { readFile } from "node:fs/promises";
import { AxePuppeteer } from "@axe-core/puppeteer";
import type { Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildReportResult } from "../../src/pack/build-report.ts";
import { buildWithBrowser, closeBuildBrowser, testBrowser } from "../helpers/build-resources.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";

let result: BuildReportResult;

beforeAll(async () => {
  result = await buildWithBrowser({ folder: exampleData, outDir: await makeTempDir(), formats: ["html"] });
});

afterAll(closeBuildBrowser);

function analyse(page: Page) {
  return new AxePuppeteer(page)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
}

describe("the HTML twin", () => {
  it("is written for every document, and only HTML when only HTML is asked for", () => {
    expect(result.documents.length).toBeGreaterThanOrEqual(5);
    for (const document of result.documents) {
      expect(document.files).toHaveLength(1);
      expect(document.files[0]).toMatch(/\.html$/);
    }
  });

  it("needs no other file: styles inlined, charts as data, no links to assets", async () => {
    for (const file of result.files) {
      const html = await readFile(file, "utf8");
      expect(html).toContain("<style>");
      expect(html).not.toMatch(/<link rel="stylesheet"|src="(?!data:)|url\((?!data:)/);
    }
  });

  it("has no axe-core violations (WCAG 2.2 AA) in any document", async () => {
    const browser = await testBrowser().get();
    for (const file of result.files) {
      const page = await browser.newPage();
      try {
        // Anything the page asks for beyond itself is refused, so a reference that slipped in fails here.
        const requested: string[] = [];
        await page.setRequestInterception(true);
        page.on("request", (request) => {
          if (request.url().startsWith("data:")) return void request.continue();
          requested.push(request.url());
          void request.abort();
        });
        await page.setContent(await readFile(file, "utf8"), { waitUntil: "load" });
        const results = await analyse(page);
        expect(results.violations.map((violation) => `${file}: ${violation.id}: ${violation.help}`)).toEqual(
          [],
        );
        // axe really looked at the page: it passed the rules on title, language, contrast and tables.
        expect(results.passes.map((rule) => rule.id)).toEqual(
          expect.arrayContaining(["document-title", "html-has-lang", "color-contrast", "heading-order"]),
        );
        expect(requested).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it("would fail: the same check finds a page without a language and an image without a text alternative", async () => {
    const file = result.files.find((path) => path.includes("performance-report")) as string;
    const broken = (await readFile(file, "utf8"))
      .replace(/<html lang="[^"]*">/, "<html>")
      .replace(/ alt="[^"]*"/, "");
    const page = await (await testBrowser().get()).newPage();
    try {
      await page.setContent(broken, { waitUntil: "load" });
      const ids = (await analyse(page)).violations.map((violation) => violation.id);
      expect(ids).toEqual(expect.arrayContaining(["html-has-lang", "image-alt"]));
    } finally {
      await page.close();
    }
  });

  it("prints no text below 9.5pt, the smallest size of the type scale (the wide tracker tables aside, at 8.5pt)", async () => {
    const page = await (await testBrowser().get()).newPage();
    try {
      await page.emulateMediaType("print");
      let checked = 0;
      for (const file of result.files) {
        await page.setContent(await readFile(file, "utf8"), { waitUntil: "load" });
        const sizes = await page.$$eval("body *", (elements) =>
          elements
            .filter((element) =>
              Array.from(element.childNodes).some(
                (node) => node.nodeType === 3 && (node.textContent ?? "").trim() !== "",
              ),
            )
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 1 && box.height > 1; // not visually hidden
            })
            .map((element) => ({
              text: (element.textContent ?? "").trim().slice(0, 40),
              points: Math.round((Number.parseFloat(getComputedStyle(element).fontSize) * 72 * 10) / 96) / 10,
              tracker: element.closest(".tracker-table") !== null,
            })),
        );
        for (const size of sizes) {
          expect(size.points, `${file}: "${size.text}"`).toBeGreaterThanOrEqual(size.tracker ? 8.5 : 9.5);
        }
        checked += sizes.length;
      }
      expect(checked).toBeGreaterThan(1_000);
    } finally {
      await page.close();
    }
  });

  it("never shows a status by colour alone: every coloured status has its word, and RAG a shape too", async () => {
    const page = await (await testBrowser().get()).newPage();
    try {
      let checked = 0;
      for (const file of result.files) {
        await page.setContent(await readFile(file, "utf8"), { waitUntil: "load" });
        const statuses = await page.$$eval('[class*="tone-"], .band', (elements) =>
          elements.map((element) => ({
            className: element.className,
            text: (element.textContent ?? "").trim(),
            shapes: element.querySelectorAll("svg").length,
          })),
        );
        for (const status of statuses) {
          expect(status.text, `${file}: ${status.className}`).toMatch(/[A-Za-z]{2,}/);
          if (/\bstatus\b/.test(status.className)) expect(status.shapes, `${file}: ${status.text}`).toBe(1);
        }
        checked += statuses.length;
      }
      // The example has dozens of statuses; the check looked at them.
      expect(checked).toBeGreaterThan(50);
    } finally {
      await page.close();
    }
  });
});
