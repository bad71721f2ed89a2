// axe-core's WCAG 2.2 AA rules (and best practice) on an HTML twin, in the test file's Chromium.
import { readFile } from "node:fs/promises";
import { AxePuppeteer } from "@axe-core/puppeteer";
import { testBrowser } from "./build-resources.ts";

/** Each violation as "rule: help", and the rules that passed (to show axe really looked). */
export async function axeViolations(htmlFile: string): Promise<{ violations: string[]; passes: string[] }> {
  const page = await (await testBrowser().get()).newPage();
  try {
    await page.setContent(await readFile(htmlFile, "utf8"), { waitUntil: "load" });
    const results = await new AxePuppeteer(page)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    return {
      violations: results.violations.map((violation) => `${violation.id}: ${violation.help}`),
      passes: results.passes.map((rule) => rule.id),
    };
  } finally {
    await page.close();
  }
}
