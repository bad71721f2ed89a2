// The committee cover report, built with the real Chromium from the Q2 seed's facts
// (tests/fixtures/seeds/q2-cover-report) and read back as a reader gets it: the seed's sections and
// wording in the seed's order, its risk table, bookmarks, metadata and tags; an exempt report's
// notice.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildReportResult } from "../../src/pack/build-report.ts";
import { axeViolations } from "../helpers/axe-violations.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
import {
  findOutOfOrder,
  findRow,
  flatten,
  isLandscape,
  pdfInfo,
  pdfLanguage,
  pdfOutline,
  pdfPageSizes,
  pdfPages,
  pdfTextInOrder,
} from "../helpers/pdf-reader.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

const seedFolder = fileURLToPath(new URL("../fixtures/seeds/q2-cover-report", import.meta.url));

let result: BuildReportResult;
let pdf: string;
let text: string;

beforeAll(async () => {
  result = await buildWithBrowser({ folder: seedFolder, outDir: await makeTempDir() });
  pdf = outputOf(result, "cover-report");
  // In drawing order, which keeps a hyphen that ends a line ("anti-" | "social") where the
  // reading-order text would join the word without it; the line break itself is dropped.
  text = flatten(pdfTextInOrder(pdf).replace(/-\n/g, "-"));
});

afterAll(closeBuildBrowser);

describe("the Q2 seed's cover report", () => {
  it("is one document, the cover report, as a PDF and an HTML twin", () => {
    expect(result.documents.map((document) => [document.kind, document.title])).toEqual([
      ["cover-report", "Performance Monitoring (Quarter 2) Report"],
    ]);
    expect(result.files.map((file) => file.slice(file.lastIndexOf("/") + 1))).toEqual([
      "cover-report-2023-24-q2.pdf",
      "cover-report-2023-24-q2.html",
    ]);
  });

  it("is a tagged A4 portrait PDF titled after the report, in British English", () => {
    const info = pdfInfo(pdf);
    expect(info.Title).toBe("Performance Monitoring (Quarter 2) Report");
    expect(info.Tagged).toBe("yes");
    expect(pdfLanguage(pdf)).toBe("en-GB");
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) {
      expect(size).toContain("(A4)");
      expect(isLandscape(size)).toBe(false);
    }
  });

  it("opens as the seed does: the committee and meeting, whose report, the lead member, the title", () => {
    const firstPage = flatten(pdfPages(pdf)[0] ?? "");
    expect(
      findOutOfOrder(firstPage, [
        "Charnwood Borough Council",
        "Finance & Performance Scrutiny Committee – Tuesday, 28 November 2023",
        "Report of the Head of Transformation, Strategy and Performance",
        "Lead Member: Cllr Miah",
        "Performance Monitoring (Quarter 2) Report",
        "Part A",
      ]),
    ).toBeUndefined();
  });

  it("has Part A's sections with the seed's words, in the seed's order", () => {
    expect(
      findOutOfOrder(text, [
        "Part A",
        "Purpose of Report",
        "To provide performance monitoring information and results for the second quarter of 2023-24, in respect of the Corporate Delivery Plan objectives and Key Performance Indicators for Charnwood Borough Council.",
        "Recommendations",
        "That the Committee note the performance results; associated commentary and the explanations provided.",
        "Reasons",
        "To ensure that targets and objectives are being met, and to identify areas where performance could be improved.",
        "Policy Justification and Previous Decisions",
        "Quarterly reporting of performance is a key element",
        "Implementation Timetable including Future Decisions",
        "suggest new items for the work programme of the Finance and Performance Scrutiny Committee.",
        "Report Implications",
        "Financial Implications",
        "None directly arising from this report.",
        "Risk Management",
        "The risks associated with the decision Committee is asked to make",
        "Equality and Diversity",
        "An overarching Equality Impact Assessment has been undertaken",
        "delivery of the Corporate Delivery Plan is beneficial for many of those within the community who need us the most.",
        "Climate Change and Carbon Impact",
        '"take action to become a carbon neutral organisation by 2030 to help tackle climate change"',
        "Crime and Disorder",
        '"continue to work with partners to make our towns and villages safer places to live, work and visit."',
        // (Lines may break after the hyphens of "anti-social" and "re-offending".)
        "social behaviour, reduce burglaries, and reduce re",
        "Wards Affected",
        "All wards.",
        "Publicity Arrangements",
        "Not applicable.",
        "Consultations",
        "Not applicable.",
        "Links to the Corporate Strategy",
        "Caring for the Environment Yes",
        "Healthy Communities Yes",
        "A Thriving Economy Yes",
        "Your Council Yes",
        "Background Papers",
        "Cabinet. 16th January, Item 8, Corporate Strategy 2020-2024",
        "Cabinet, 9th March, Item 10, Corporate Delivery Plan 2023-24",
        "Officers to Contact",
        "Helen Gretton Head of Transformation, Strategy and Performance Telephone: 01509 634556 Email: Helen.Gretton@charnwood.gov.uk",
        "Vicky Brackenbury Transformation and Improvement Manager Telephone: 01509 634504 Email: Vicky.Brackenbury@charnwood.gov.uk",
      ]),
    ).toBeUndefined();
  });

  it("scores the decision's risk as the seed words it: Unlikely (2), Significant (2), Low (4)", () => {
    // The seed's columns, then the row, each starting on one printed line in the seed's order.
    expect(
      findRow(pdf, ["Risk Identified", "Likelihood", "Impact", "Overall", "Risk Management Actions"]),
    ).toBeDefined();
    expect(
      findRow(pdf, [
        "Failure to maintain a rigorous",
        "Unlikely (2)",
        "Significant (2)",
        "Low (4)",
        "Quarterly performance",
      ]),
    ).toBeDefined();
  });

  it("has Part B's numbered background paragraphs, the Oflog list inside the fifth, then the appendices", () => {
    expect(
      findOutOfOrder(text, [
        "Part B",
        "Background",
        "1. The Committee receives performance reports on a quarterly basis",
        "A full Q2 overview can be found in appendix A.",
        "2. 2023 continues to be a challenging year",
        "3. The attached report presents detailed performance results for quarter two 2023-2024",
        "4. As agreed at the Cabinet meeting on the 7th April 2022",
        "5. The Office for Local Government (Oflog)",
        "empower citizens with information about their local authority",
        "increase local leaders' and councils' understanding of their relative performance",
        "increase central government's understanding of local government performance",
        "Oflog is taking an iterative process",
        "Appendices",
        "Appendix A – Quarter two performance report 2023-24.",
        "Appendix B – Place / contextual information.",
      ]),
    ).toBeUndefined();
  });

  it("bookmarks every heading, in order", () => {
    expect(pdfOutline(pdf)).toEqual([
      "Performance Monitoring (Quarter 2) Report",
      "Part A",
      "Purpose of Report",
      "Recommendations",
      "Reasons",
      "Policy Justification and Previous Decisions",
      "Implementation Timetable including Future Decisions",
      "Report Implications",
      "Financial Implications",
      "Risk Management",
      "Equality and Diversity",
      "Climate Change and Carbon Impact",
      "Crime and Disorder",
      "Wards Affected",
      "Publicity Arrangements",
      "Consultations",
      "Links to the Corporate Strategy",
      "Background Papers",
      "Officers to Contact",
      "Part B",
      "Background",
      "Appendices",
    ]);
  });

  it("names the committee, the meeting and the document in the running header of every page", () => {
    const pages = pdfPages(pdf);
    pages.forEach((page, index) => {
      const flat = flatten(page);
      expect(flat).toContain("Finance & Performance Scrutiny Committee · Tuesday 28 November 2023");
      expect(flat).toContain("Performance Monitoring (Quarter 2) Report");
      expect(flat).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });
});

describe("the cover report's HTML twin", () => {
  it("has no axe-core violations (WCAG 2.2 AA), tables and headings included", async () => {
    const { violations, passes } = await axeViolations(outputOf(result, "cover-report", ".html"));
    expect(violations).toEqual([]);
    expect(passes).toEqual(expect.arrayContaining(["heading-order", "th-has-data-cells", "color-contrast"]));
  });
});

describe("an exempt cover report", () => {
  it("opens with the not-for-publication notice and its reason, and says so in every page's header", async () => {
    const folder = join(await makeTempDir(), "exempt");
    await cp(seedFolder, folder, { recursive: true });
    const reportPath = join(folder, "report.yaml");
    const reason =
      "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 (information about the financial or business affairs of any particular person)";
    await writeFile(
      reportPath,
      `${await readFile(reportPath, "utf8")}classification: exempt\nexemptionReason: ${reason}\n`,
    );
    const exempt = await buildWithBrowser({ folder, outDir: await makeTempDir() });
    const pages = pdfPages(outputOf(exempt, "cover-report"));
    expect(
      findOutOfOrder(flatten(pages[0] ?? ""), [
        "NOT FOR PUBLICATION",
        `This report is exempt from publication by virtue of ${reason}.`,
        "Charnwood Borough Council",
        "Part A",
      ]),
    ).toBeUndefined();
    for (const page of pages) expect(flatten(page)).toContain("NOT FOR PUBLICATION · Performance Monitoring");
    // The notice keeps the HTML twin accessible too.
    expect((await axeViolations(outputOf(exempt, "cover-report", ".html"))).violations).toEqual([]);
  });
});
