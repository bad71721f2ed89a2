// Builds the example report folder's documents with the real Chromium and reads the PDFs as a
// reader would.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildReportResult } from "../../src/pack/build-report.ts";
import type { DocumentKind } from "../../src/schema/cover-report-schema.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
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

let result: BuildReportResult;
let pdfPath: string;
let text: string;

/** The PDF of one of the folder's documents. */
const pdfOf = (kind: DocumentKind) => outputOf(result, kind);

beforeAll(async () => {
  result = await buildWithBrowser({ folder: exampleData, outDir: await makeTempDir() });
  pdfPath = pdfOf("performance");
  text = pdfText(pdfPath);
});

afterAll(closeBuildBrowser);

describe("the example report folder", () => {
  it("builds each document of the committee papers as a PDF and an HTML twin", () => {
    expect(result.documents.map((document) => [document.kind, document.title])).toEqual([
      ["cover-report", "Performance Monitoring (Quarter 2) Report"],
      [
        "performance",
        "Appendix A – Quarter two performance report 2023/24: Performance Monitoring (Quarter 2) Report",
      ],
      [
        "contextual",
        "Appendix B – Place and contextual information: Performance Monitoring (Quarter 2) Report",
      ],
      ["risk-register", "Risk register 2023/24 Q2"],
      ["delivery-plan", "Corporate Delivery Plan 2023-24"],
      ["recommendations", "Original Recommendations from Review and Executive's Response"],
      ["recommendations", "Corporate Peer Challenge 2022 – recommendation action plan"],
    ]);
    for (const document of result.documents) {
      expect(document.files.map((file) => file.slice(file.lastIndexOf("."))).sort()).toEqual([
        ".html",
        ".pdf",
      ]);
    }
  });

  it("names each document in its running header and footer", () => {
    for (const document of result.documents) {
      const file = document.files.find((f) => f.endsWith(".pdf")) as string;
      const pages = pdfPages(file);
      const name = document.title.split(": Performance Monitoring")[0] as string;
      pages.forEach((page, index) => {
        const flat = flatten(page);
        expect(flat).toContain("Finance & Performance Scrutiny Committee · Tuesday 28 November 2023");
        expect(flat).toContain(`Page ${index + 1} of ${pages.length}`);
        expect(flat).toContain(name);
      });
    }
  });
});

describe("the example Q2 performance report", () => {
  it("is an A4 PDF of several pages with a title, language and tags", () => {
    const info = pdfInfo(pdfPath);
    expect(info["Page size"]).toContain("(A4)");
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(4);
    expect(info.Title).toBe(
      "Appendix A – Quarter two performance report 2023/24: Performance Monitoring (Quarter 2) Report",
    );
    expect(info.Tagged).toBe("yes");
    expect(pdfLanguage(pdfPath)).toBe("en-GB");
  });

  it("numbers every page 'Page x of y' in the running footer", () => {
    const pages = pdfPages(pdfPath);
    pages.forEach((page, index) => {
      expect(flatten(page)).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain("Finance & Performance Scrutiny Committee");
    });
  });

  it("opens with the title block", () => {
    const firstPage = flatten(pdfPages(pdfPath)[0] ?? "");
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
    const fonts = execFileSync("pdffonts", [pdfPath], { encoding: "utf8" })
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
    expect(pdfText(pdfOf("delivery-plan"))).toContain("Tŷ-nant");
  });

  it("shows every KPI with its status as a word, not only a colour", () => {
    const flat = flatten(text);
    expect(
      findRow(pdfPath, ["CE01", "Household waste sent for", "45.0%", "43.1%", "Amber", "Worse", "44.0%"]),
    ).toBeDefined();
    expect(
      findRow(pdfPath, ["HC05", "Households in temporary", "40", "52", "Red", "Worse", "38"]),
    ).toBeDefined();
    expect(
      findRow(pdfPath, [
        "YC02",
        "Average days to process a new",
        "20.0 days",
        "17.2 days",
        "Green",
        "Improved",
      ]),
    ).toBeDefined();
    expect(findRow(pdfPath, ["CE06", "Nitrogen dioxide", "Data only", "31.7", "Data only"])).toBeDefined();
    // A cumulative indicator: judged on the year so far against the year's target spread evenly.
    expect(findRow(pdfPath, ["TE05", "Affordable homes delivered", "120", "41", "Red"])).toBeDefined();
    expect(flat).toContain(
      "Red: 79 so far this year is 41 below the 120 year-to-date target, beyond the 5% tolerance (114). The figure is provisional.",
    );
    expect(flat).toContain("Amber Short of target by no more than 5% of the target.");
    expect(flat).toContain(
      "YC04 uses its own rules: Green: on target or better; Amber: short of target by no more than 0.10 days; Red: short of target by more than 0.10 days.",
    );
    expect(flat).toContain(
      "Amber: 2.06 days is 0.06 days above the 2.00 days target, within the tolerance of 0.10 days (2.10 days).",
    );
    expect(flat).toContain(
      "Amber: 43.1% is 1.9 points below the 45.0% target, within the 5% tolerance (42.75%).",
    );
    // Every status beyond RAG, each with its reason.
    expect(
      findRow(pdfPath, ["CE07", "Residents satisfied with parks", "75.0%", "Not due", "Not due"]),
    ).toBeDefined();
    expect(flat).toContain("Not due: this annual indicator is next reported for 2023/24.");
    expect(flat).toContain("Awaited: the 2023/24 Q2 figure has not been received yet.");
    expect(flat).toContain("Not available: there is no figure for 2023/24 Q2.");
    expect(flat).toContain("No target: 17 cannot be rated because no target is set.");
    // The optional rules: a minimum expectation, and Red lifted to Amber for beating last year.
    expect(flat).toContain(
      "Amber: 68.4% is 1.6 points below the 70.0% target, but meets the minimum expectation of 60.0%.",
    );
    expect(flat).toContain(
      "Amber: 1,262 is 112 above the 1,150 target, beyond the 5% tolerance (1,207.5), but better than 2022/23 Q2 (1,298), so it is rated Amber rather than Red.",
    );
    // A monthly indicator judged on its average so far this year.
    expect(findRow(pdfPath, ["YC03", "Calls to the contact centre", "80.0%", "71.4%", "Red"])).toBeDefined();
    expect(flat).toContain("Red: 75.2% on average this year is 4.8 points below the 80.0% target");
    expect(result.statusCounts).toEqual({
      green: 11,
      amber: 9,
      red: 5,
      dataOnly: 1,
      notDue: 1,
      awaited: 1,
      notAvailable: 1,
      noTarget: 1,
    });
    expect(flat).toContain(
      "11 of 25 rated indicators (44%) met target; 9 (36%) were within tolerance and 5 (20%) missed it. 5 more are not rated: 1 data only, 1 not due this period, 1 awaited, 1 not available, 1 without a target.",
    );
  });

  it("lists the exceptions: red, red two periods running, red or amber and worse", () => {
    const flat = flatten(text);
    expect(flat).toContain(
      "Red for two periods running HC02 Households whose homelessness was prevented HC05 Households in temporary accommodation TE03 Town-centre shop vacancy rate TE05 Affordable homes delivered YC03 Calls to the contact centre answered within 60 seconds",
    );
    expect(flat).toContain(
      "CE04 Council carbon emissions (tonnes CO2e): Amber, Worse than 2023/24 Q1 (1,205)",
    );
    expect(flat).toContain("Remedial action Twenty units are being purchased");
  });

  it("shows place and contextual information unrated, with benchmarks (Appendix B)", () => {
    const contextual = pdfOf("contextual");
    const flat = flatten(pdfText(contextual));
    expect(flat).toContain("Place and contextual information");
    expect(flat).toContain(
      "Benchmark: England, 2023/24 H1 (Nomis): 3.7%. 2.9% is better than the England figure of 3.7%.",
    );
    expect(flat).toContain("40.5 would be in the second quartile.");
    expect(
      findRow(contextual, ["PX01", "Claimant count", "Data only", "2.9%", "Data only", "Improved"]),
    ).toBeDefined();
  });

  it("scores risks as likelihood × impact with a band, as the Q2 seed does", () => {
    const register = flatten(pdfText(pdfOf("risk-register")));
    expect(register).toContain("Current Low (4) Unlikely (2) × Significant (2)");
    expect(register).toContain("Current Very high (16) Very likely (4) × Major (4)");
  });

  it("lists delivery-plan actions with a status worked out at the period end", () => {
    const plan = pdfOf("delivery-plan");
    expect(
      findRow(plan, ["DP01", "Install heat pumps", "Head of", "30 September 2023", "70%", "Overdue"]),
    ).toBeDefined();
    expect(
      findRow(plan, ["DP03", "Adopt the Climate Adaptation Plan", "31 July 2023", "100%", "Complete"]),
    ).toBeDefined();
    expect(
      findRow(plan, ["DP04", "Open the Riverside community hub", "31 January 2024", "55%", "At risk"]),
    ).toBeDefined();
  });

  it("embeds the status chart as vector graphics with a text alternative and its data", async () => {
    expect(text).toContain("Indicator status by theme, 2023/24 Q2");
    expect(flatten(text)).toContain(
      "Stacked bar chart of indicator status by theme for 2023/24 Q2. Caring for the Environment: 2 green, 3 amber, 0 red, 2 not rated.",
    );
    expect(text).toContain("Data for the chart");
    // The tagged PDF gives the chart a Figure with the same words for screen readers.
    expect(pdfFigureAltTexts(pdfPath)).toContainEqual(
      expect.stringMatching(
        /^Stacked bar chart of indicator status by theme for 2023\/24 Q2\. Caring for the Environment: 2 green/,
      ),
    );
    // pdfimages lists raster images; a vector chart adds none.
    const { execFileSync } = await import("node:child_process");
    const images = execFileSync("pdfimages", ["-list", pdfPath], { encoding: "utf8" }).trim().split("\n");
    expect(images.length).toBe(2); // the two header lines, no image rows
  });

  it("has bookmarks for its headings", () => {
    const outline = pdfOutline(pdfPath);
    expect(outline).toContain("Summary of performance");
    expect(outline).toContain("Caring for the Environment");
    expect(outline).toContain("Exceptions: indicators rated Red");
    expect(pdfOutline(pdfOf("risk-register"))).toContain("Risk heat map");
  });

  it("loaded nothing it was not given and left no temporary files", async () => {
    expect(result.blockedRequests).toEqual([]);
    const folder = join(pdfPath, "..");
    expect((await readdir(folder)).sort()).toEqual(
      result.files.map((file) => file.slice(folder.length + 1)).sort(),
    );
    expect(result.files).toContain(join(folder, "performance-report-2023-24-q2.pdf"));
    expect((await stat(pdfPath)).size).toBeGreaterThan(10_000);
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
