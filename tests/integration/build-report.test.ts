// Builds the example report with the real Chromium and reads the PDF as a reader would.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_FONTS, type BuildReportResult, buildReport } from "../../src/pack/build-report.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import {
  findRow,
  flatten,
  pdfFigureAltTexts,
  pdfInfo,
  pdfLanguage,
  pdfOutline,
  pdfPages,
  pdfText,
} from "../helpers/pdf-reader.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";

let browser: BrowserHandle;
let result: BuildReportResult;
let text: string;

beforeAll(async () => {
  browser = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
  result = await buildReport({ folder: exampleData, outDir: await makeTempDir(), browser });
  text = pdfText(result.pdfPath);
});

afterAll(async () => {
  await browser.close();
});

describe("the example Q2 performance report", () => {
  it("is an A4 PDF of several pages with a title, language and tags", () => {
    const info = pdfInfo(result.pdfPath);
    expect(info["Page size"]).toContain("(A4)");
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(4);
    expect(info.Title).toBe(
      "Appendix A – Quarter two performance report 2023/24: Performance Monitoring (Quarter 2) Report",
    );
    expect(info.Tagged).toBe("yes");
    expect(pdfLanguage(result.pdfPath)).toBe("en-GB");
  });

  it("numbers every page 'Page x of y' in the running footer", () => {
    const pages = pdfPages(result.pdfPath);
    pages.forEach((page, index) => {
      expect(flatten(page)).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain("Finance & Performance Scrutiny Committee");
    });
  });

  it("opens with the title block", () => {
    const firstPage = flatten(pdfPages(result.pdfPath)[0] ?? "");
    for (const fact of [
      "Castlebridge Borough Council",
      "Tuesday 28 November 2023",
      "Performance Monitoring (Quarter 2) Report",
      "2023/24 Q2 (July–September 2023)",
      "Head of Transformation, Strategy and Performance",
    ]) {
      expect(firstPage).toContain(fact);
    }
  });

  it("uses only the bundled fonts, in the running footer too", async () => {
    const { execFileSync } = await import("node:child_process");
    const fonts = execFileSync("pdffonts", [result.pdfPath], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "")
      .map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^(AtkinsonHyperlegibleNext|NotoSans)-/);
  });

  it("renders Welsh letters with the bundled font", () => {
    expect(text).toContain("Cllr Rhodri Prŷs");
    expect(text).toContain("Elin Gŵyr");
    expect(text).toContain("Tŷ-nant");
  });

  it("shows every KPI with its status as a word, not only a colour", () => {
    const flat = flatten(text);
    expect(
      findRow(result.pdfPath, [
        "CE01",
        "Household waste sent for",
        "45.0%",
        "43.1%",
        "Amber",
        "Worse",
        "44.0%",
      ]),
    ).toBeDefined();
    expect(
      findRow(result.pdfPath, ["HC05", "Households in temporary", "40", "52", "Red", "Worse", "38"]),
    ).toBeDefined();
    expect(
      findRow(result.pdfPath, [
        "YC02",
        "Average days to process a new",
        "20.0 days",
        "17.2 days",
        "Green",
        "Improved",
      ]),
    ).toBeDefined();
    expect(
      findRow(result.pdfPath, ["CE06", "Nitrogen dioxide", "Data only", "31.7", "Data only"]),
    ).toBeDefined();
    expect(findRow(result.pdfPath, ["TE05", "Affordable homes delivered", "60", "41", "Red"])).toBeDefined();
    expect(flat).toContain(
      "Red: 41 is 19 below the 60 target, beyond the 5% tolerance (57). The figure is provisional.",
    );
    expect(flat).toContain("Amber Short of target by no more than 5% of the target.");
    expect(flat).toContain(
      "These indicators use their own tolerance: YC04: 0.1 (absolute, in the unit of the indicator).",
    );
    expect(flat).toContain(
      "Amber: 2.06 days is 0.06 days above the 2.00 days target, within the tolerance of 0.10 days.",
    );
    expect(flat).toContain("Data only");
    expect(flat).toContain("Awaited");
    expect(flat).toContain(
      "Amber: 43.1% is 1.9 points below the 45.0% target, within the 5% tolerance (42.75%).",
    );
    expect(result.statusCounts).toMatchObject({ green: 11, amber: 8, red: 6, dataOnly: 1, awaited: 1 });
    expect(flat).toContain(
      "11 of 25 rated indicators (44%) met target; 8 (32%) were within tolerance and 6 (24%) missed it.",
    );
  });

  it("scores risks as likelihood × impact with a band, as the Q2 seed does", () => {
    expect(
      findRow(result.pdfPath, ["CR01", "Performance management", "Unlikely (2)", "Significant", "Low (4)"]),
    ).toBeDefined();
    expect(
      findRow(result.pdfPath, ["CR04", "Demand for temporary", "Very likely", "Major (4)", "Very high (16)"]),
    ).toBeDefined();
  });

  it("lists delivery-plan actions with a status worked out at the period end", () => {
    expect(
      findRow(result.pdfPath, ["DP01", "Install heat pumps", "Head of", "30 Sep 2023", "70%", "Overdue"]),
    ).toBeDefined();
    expect(
      findRow(result.pdfPath, [
        "DP03",
        "Adopt the Climate Adaptation Plan",
        "31 Jul 2023",
        "100%",
        "Complete",
      ]),
    ).toBeDefined();
    expect(
      findRow(result.pdfPath, ["DP04", "Open the Riverside community hub", "31 Jan 2024", "55%", "At risk"]),
    ).toBeDefined();
  });

  it("embeds the status chart as vector graphics with a text alternative and its data", async () => {
    expect(text).toContain("Indicator status by theme, 2023/24 Q2");
    expect(flatten(text)).toContain(
      "Stacked bar chart of indicator status by theme for 2023/24 Q2. Caring for the Environment: 2 green, 2 amber, 1 red, 1 not rated.",
    );
    expect(text).toContain("Data for the chart");
    // The tagged PDF gives the chart a Figure with the same words for screen readers.
    expect(pdfFigureAltTexts(result.pdfPath)).toEqual([
      expect.stringMatching(
        /^Stacked bar chart of indicator status by theme for 2023\/24 Q2\. Caring for the Environment: 2 green/,
      ),
    ]);
    // pdfimages lists raster images; a vector chart adds none.
    const { execFileSync } = await import("node:child_process");
    const images = execFileSync("pdfimages", ["-list", result.pdfPath], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(images.length).toBe(2); // the two header lines, no image rows
  });

  it("has bookmarks for its headings", () => {
    const outline = pdfOutline(result.pdfPath);
    expect(outline).toContain("Summary of performance");
    expect(outline).toContain("Caring for the Environment");
    expect(outline).toContain("Corporate risk register");
  });

  it("loaded nothing it was not given and left no temporary files", async () => {
    expect(result.blockedRequests).toEqual([]);
    const folder = join(result.pdfPath, "..");
    expect(await readdir(folder)).toEqual(["performance-report-2023-24-q2.pdf"]);
    expect((await stat(result.pdfPath)).size).toBeGreaterThan(10_000);
    expect((await readFile(result.pdfPath)).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
