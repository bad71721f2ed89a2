// Issue 8, point 6: the same inputs give byte-identical PDFs (dates and document id come from the
// data, never the clock), the document information comes from the report, and post-processing
// keeps what makes the PDF accessible: tags, outline, language, figure descriptions.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { PDFObject, PDFRef as PDFRefType } from "@cantoo/pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import {
  BUILT_IN_FONTS,
  type BuildReportResult,
  buildReport,
  prepareBuildResources,
} from "../../src/pack/build-report.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import { finalisePdf } from "../../src/pdf/finalise-pdf.ts";
import { REPORT_ORIGIN } from "../../src/pdf/html-to-pdf.ts";
import { outputOf } from "../helpers/build-resources.ts";
import { TEST_PDF_METADATA } from "../helpers/pdf-metadata.ts";
import { pdfDocumentId, pdfFigureAltTexts, pdfInfo, pdfLanguage, pdfOutline } from "../helpers/pdf-reader.ts";
import { pdfStructureLines } from "../helpers/pdf-structure.ts";
import { copyExampleData, makeTempDir } from "../helpers/report-folder.ts";

let data: Awaited<ReturnType<typeof copyExampleData>>;
const browsers: BrowserHandle[] = [];
let first: string;
let second: string;
let firstBuild: BuildReportResult;
let secondBuild: BuildReportResult;

/** Each build on its own browser, so nothing carries over from one to the next. */
async function buildAll(): Promise<BuildReportResult> {
  const browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
  browsers.push(browser);
  const resources = await prepareBuildResources({ browser });
  const result = await buildReport({
    folder: data.folder,
    outDir: await makeTempDir(),
    resources,
    formats: ["pdf"],
  });
  return result;
}

/** Appendix A's PDF of a fresh build. */
async function build(): Promise<string> {
  return outputOf(await buildAll(), "performance");
}

beforeAll(async () => {
  data = await copyExampleData();
  firstBuild = await buildAll();
  // PDF dates count seconds: a second apart, a date taken from the clock would differ.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  secondBuild = await buildAll();
  first = outputOf(firstBuild, "performance");
  second = outputOf(secondBuild, "performance");
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await data.remove();
});

describe("two builds of the same data", () => {
  it("are byte for byte identical, every document of them", async () => {
    // The delivery plan's table header repeats on its second page, where Chromium's tagging
    // varies from run to run; the post-processing writes the same tree the same way.
    expect(firstBuild.documents.map((document) => document.kind)).toContain("delivery-plan");
    for (const [index, file] of firstBuild.files.entries()) {
      const [a, b] = [await readFile(file), await readFile(secondBuild.files[index] as string)];
      expect(a.length, file).toBeGreaterThan(10_000);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it("share a document id, which a change to the data changes", async () => {
    const id = pdfDocumentId(first);
    expect(id).toHaveLength(2);
    expect(id[0]).toMatch(/^[0-9A-F]{32}$/);
    expect(id[1]).toBe(id[0]);
    expect(pdfDocumentId(second)).toEqual(id);

    await data.edit("kpis.yaml", (text) =>
      text.replace("Demand continues to rise across the county.", "Demand rose again this quarter."),
    );
    const changed = await build();
    expect(pdfDocumentId(changed)[0]).not.toBe(id[0]);
  });
});

describe("the PDF's document information", () => {
  it("comes from the report: title, organisation, committee and meeting, dated the meeting day", async () => {
    const input = await loadReportData(data.folder);
    const plan = planDocuments(input, buildReportView(input)).find(
      (document) => document.kind === "performance",
    );
    const info = pdfInfo(first);
    expect(info.Title).toBe(plan?.fullTitle);
    expect(info.Author).toBe("Castlebridge Borough Council");
    expect(info.Subject).toBe(plan?.description);
    expect(info.Subject).toContain("Finance & Performance Scrutiny Committee");
    expect(info.Subject).toContain("Tuesday 28 November 2023");
    expect(info.Keywords).toContain("2023/24 Q2");
    expect(info.Creator).toBe("Scrutiny");
    expect(info.Producer).toBe("Scrutiny");
    expect(info.CreationDate).toBe("2023-11-28T00:00:00Z");
    expect(info.ModDate).toBe("2023-11-28T00:00:00Z");
  });

  it("keeps the tags, the outline, the language and the figure descriptions", async () => {
    expect(pdfInfo(first).Tagged).toBe("yes");
    expect(pdfLanguage(first)).toBe("en-GB");
    const themes = buildReportView(await loadReportData(data.folder)).themes.map((theme) => theme.title);
    expect(themes.length).toBeGreaterThan(1);
    expect(pdfOutline(first)).toEqual(
      expect.arrayContaining(["Summary of performance", ...themes, "Exceptions: indicators rated Red"]),
    );
    expect(pdfFigureAltTexts(first).length).toBeGreaterThan(0);
    // Structurally sound after rewriting: qpdf finds nothing wrong.
    expect(execFileSync("qpdf", ["--check", first], { encoding: "utf8" })).toContain(
      "No syntax or stream encoding errors found",
    );
  });
});

describe("post-processing", () => {
  it("leaves the tagged structure as Chromium printed it: every element, its page, marked content, alt text, table header links and parent tree", async () => {
    // Chromium's own PDF of each document's self-contained HTML twin, before our post-processing.
    const browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
    browsers.push(browser);
    const twins = await buildReport({
      folder: data.folder,
      outDir: await makeTempDir(),
      resources: await prepareBuildResources({ browser }),
      formats: ["html"],
    });
    for (const kind of ["performance", "delivery-plan"] as const) {
      const page = await (await browser.get()).newPage();
      await page.setJavaScriptEnabled(false);
      await page.setContent(await readFile(outputOf(twins, kind, ".html"), "utf8"), { waitUntil: "load" });
      const raw = await page.pdf({
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
      });
      await page.close();
      const before = await pdfStructureLines(raw);
      const after = await pdfStructureLines((await finalisePdf(raw, TEST_PDF_METADATA, REPORT_ORIGIN)).pdf);
      // Enough there to lose: many elements, figures with their descriptions, header cells that
      // data cells point at…
      expect(before.length, kind).toBeGreaterThan(100);
      expect(
        before.some((line) => /headers \d/.test(line)),
        kind,
      ).toBe(true);
      // …and the parent tree, from each page's marked content back to its element.
      const parents = before.filter((line) => /^page \d+ · content \d+ → element \d+$/.test(line));
      expect(parents.length, kind).toBeGreaterThan(100);
      if (kind === "performance")
        expect(before.filter((line) => line.includes('alt "')).length).toBeGreaterThan(3);
      expect(after, kind).toEqual(before);
    }
  });
});

/**
 * The same PDF written another way, as Chromium sometimes does: every object under another
 * number, dictionary keys in another order, structure ids under other names.
 */
async function rewriteDifferently(bytes: Uint8Array): Promise<Uint8Array> {
  const lib = await import("@cantoo/pdf-lib");
  const { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, PDFString, PDFHexString } = lib;
  const document = await lib.PDFDocument.load(bytes, { updateMetadata: false });
  const context = document.context;
  const objects = context.enumerateIndirectObjects();
  // Numbers in reverse, with a gap: nothing keeps the number it had.
  const moved = new Map(objects.map(([ref], index) => [ref, PDFRef.of(objects.length * 2 - index)]));
  const rename = (value: PDFObject) =>
    value instanceof PDFString || value instanceof PDFHexString
      ? PDFString.of(`other-${value.decodeText()}`)
      : value;
  const rewrite = (value: PDFObject): PDFObject => {
    if (value instanceof PDFRef) return moved.get(value) ?? value;
    if (value instanceof PDFStream) rewrite(value.dict);
    if (value instanceof PDFDict) {
      const entries = value.entries().reverse();
      for (const [key] of entries) value.delete(key);
      for (const [key, entry] of entries) {
        const isId = key === PDFName.of("ID") && entries.some(([name]) => name === PDFName.of("S"));
        value.set(key, isId ? rename(entry) : rewrite(entry));
      }
      const names = value.get(PDFName.of("Names"));
      const headers = value.get(PDFName.of("Headers"));
      for (const list of [names, headers]) {
        if (!(list instanceof PDFArray)) continue;
        for (let index = 0; index < list.size(); index++) list.set(index, rename(list.get(index)));
      }
    }
    if (value instanceof PDFArray) {
      for (let index = 0; index < value.size(); index++) value.set(index, rewrite(value.get(index)));
    }
    return value;
  };
  for (const [, object] of objects) rewrite(object);
  for (const [ref] of objects) context.delete(ref);
  for (const [ref, object] of objects) context.assign(moved.get(ref) as PDFRefType, object);
  context.trailerInfo.Root = rewrite(context.trailerInfo.Root as PDFObject);
  context.trailerInfo.Info = rewrite(context.trailerInfo.Info as PDFObject);
  return document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

describe("a PDF whose objects Chromium wrote in another order", () => {
  it("comes out of post-processing as the same bytes", async () => {
    const plan = firstBuild.documents.find((document) => document.kind === "delivery-plan");
    const original = await readFile(plan?.files.find((file) => file.endsWith(".pdf")) as string);
    const different = await rewriteDifferently(original);
    expect(Buffer.from(different).equals(original)).toBe(false);
    // The rewritten copy still has structure ids to rename, and table headers that point at them.
    expect(Buffer.from(different).toString("latin1")).toMatch(/\(other-s\d{8}\)/);

    const metadata = { ...TEST_PDF_METADATA };
    const [a, b] = await Promise.all([
      finalisePdf(original, metadata, REPORT_ORIGIN),
      finalisePdf(different, metadata, REPORT_ORIGIN),
    ]);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });
});
