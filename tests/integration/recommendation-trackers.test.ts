// Recommendation trackers, built with the real Chromium from the example pack's seed folders and
// read back as a reader gets them: the scrutiny review's columns and the peer challenges' action
// plans, with the seeds' codes, officers and dates in order, on landscape pages whose header row
// repeats and whose rows never split; the draft action plan as a written document; and a tracker
// with progress reported, which gains a status column.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../src/load/load-pack.ts";
import { loadReportData, type ReportInput } from "../../src/load/load-report-data.ts";
import type { BuildReportResult } from "../../src/pack/build-report.ts";
import type { RecommendationTracker } from "../../src/schema/recommendation-tracker-schema.ts";
import { axeViolations } from "../helpers/axe-violations.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
import {
  findOutOfOrder,
  findRow,
  findRowIndex,
  flatten,
  isLandscape,
  pdfInfo,
  pdfLanguage,
  pdfLayoutPages,
  pdfOutline,
  pdfPageSizes,
  pdfPages,
  pdfText,
} from "../helpers/pdf-reader.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";

interface Built {
  input: ReportInput;
  tracker: RecommendationTracker;
  result: BuildReportResult;
  pdf: string;
  /** The whole text, white space made single spaces. */
  text: string;
  pages: string[];
}

const built = new Map<string, Built>();

/** Builds one of the example pack's report folders, with the pack's defaults, as `npm start` does. */
async function buildPackFolder(folder: string, inputs: Map<string, ReportInput>): Promise<Built> {
  const input = inputs.get(folder);
  if (!input) throw new Error(`the example pack has no folder ${folder}`);
  return buildInput(join(exampleData, folder), input);
}

async function buildInput(folder: string, input: ReportInput): Promise<Built> {
  const result = await buildWithBrowser({ folder, input, outDir: await makeTempDir() });
  const pdf = outputOf(result, "recommendations");
  const [tracker] = input.trackers;
  if (!tracker) throw new Error(`${folder} has no tracker`);
  return { input, tracker, result, pdf, text: flatten(pdfText(pdf)), pages: pdfPages(pdf).map(flatten) };
}

function get(name: string): Built {
  const found = built.get(name);
  if (!found) throw new Error(`${name} was not built`);
  return found;
}

beforeAll(async () => {
  const pack = await loadPack(join(exampleData, "pack.yaml"));
  const inputs = new Map(
    pack.reports.flatMap((report) =>
      report.ok ? [[report.folder.slice(exampleData.length + 1), report.input] as const] : [],
    ),
  );
  for (const folder of ["climate-scrutiny-review", "peer-challenge-2020", "peer-challenge-draft-2019"]) {
    built.set(folder, await buildPackFolder(folder, inputs));
  }
  // The Castlebridge report's own trackers, whose progress is reported: only they are built.
  const castlebridge = await loadReportData(exampleData);
  built.set(
    "castlebridge",
    await buildInput(exampleData, {
      ...castlebridge,
      report: { ...castlebridge.report, documents: ["recommendations"] },
    }),
  );
}, 180_000);

afterAll(closeBuildBrowser);

/** Every page of a table tracker is A4 landscape and repeats the table's header row. */
function expectLandscapeWithHeaderOnEveryPage(item: Built, header: readonly string[]): void {
  const sizes = pdfPageSizes(item.pdf);
  expect(sizes.length).toBe(item.pages.length);
  for (const size of sizes) {
    expect(size).toContain("(A4)");
    expect(isLandscape(size)).toBe(true);
  }
  pdfLayoutPages(item.pdf).forEach((lines, index) => {
    expect(findRowIndex(lines, header), `page ${index + 1}`).toBeGreaterThanOrEqual(0);
  });
}

/** The printed lines of the whole document, in order. */
function layoutLines(item: Built): string[] {
  return pdfLayoutPages(item.pdf).flat();
}

/** The lines on which each of `rows` starts are all found, each below the one before. */
function expectRowsInOrder(item: Built, rows: readonly (readonly string[])[]): void {
  const lines = layoutLines(item);
  const found = rows.map((cells) => findRowIndex(lines, cells));
  rows.forEach((cells, index) => {
    expect(found[index], cells.join(" … ")).toBeGreaterThanOrEqual(0);
  });
  expect(new Set(found).size).toBe(found.length);
  expect([...found].sort((a, b) => a - b)).toEqual(found);
}

/** The page on which a text first appears. */
function pageOf(item: Built, fragment: string): number {
  return item.pages.findIndex((page) => page.includes(fragment));
}

/** A Markdown text as printed: emphasis marks and HTML left out, white space single. */
function printed(markdown: string): string {
  return flatten(markdown.replace(/<[^>]+>|[*_]/g, " ")).trim();
}

/** The first words of the text's first paragraph, which start its first printed line. */
function firstWords(markdown: string, count: number): string {
  const firstParagraph = markdown.split(/<\/p>|\n\s*\n/)[0] ?? markdown;
  return printed(firstParagraph).split(" ").slice(0, count).join(" ");
}

function lastWords(markdown: string, count: number): string {
  return printed(markdown).split(" ").slice(-count).join(" ");
}

describe("the scrutiny review's tracker (the scrutiny-review seed)", () => {
  it("is a tagged PDF titled as the seed, in British English", () => {
    const item = get("climate-scrutiny-review");
    expect(item.result.documents.map((document) => [document.kind, document.title])).toEqual([
      ["recommendations", "Original Recommendations from Review and Executive's Response"],
    ]);
    const info = pdfInfo(item.pdf);
    expect(info.Title).toBe("Original Recommendations from Review and Executive's Response");
    expect(info.Tagged).toBe("yes");
    expect(pdfLanguage(item.pdf)).toBe("en-GB");
  });

  it("has the seed's columns on landscape pages, the header row repeated on each", () => {
    const item = get("climate-scrutiny-review");
    expect(item.pages.length).toBeGreaterThanOrEqual(2);
    expectLandscapeWithHeaderOnEveryPage(item, [
      "PERFORM",
      "Recommendation",
      "Desired Outcome",
      "Target Date",
      "Lead Officer",
      "Resources",
      "Service Response",
      "Executive",
    ]);
    // No progress has been reported: the seed's columns only.
    expect(item.text).not.toContain("Status and progress");
  });

  it("lists every recommendation by code in order, with its target date, lead officer and response as written", () => {
    const item = get("climate-scrutiny-review");
    // Each row starts on a line of its own: the code's first part, then the recommendation.
    expectRowsInOrder(
      item,
      item.tracker.recommendations.map((recommendation) => [
        recommendation.code.split(" ")[0] ?? "",
        firstWords(recommendation.recommendation, 4),
      ]),
    );
    expect(item.text).toContain("CCCSC22-23 2.9");
    expect(
      findRow(item.pdf, [
        "CCCSC22-23",
        "That the officer function",
        "That the current",
        "May 2023",
        "Chief Executive",
        "Officer time",
        "Recommendation",
      ]),
    ).toBeDefined();
    expect(
      findRow(item.pdf, [
        "CCCSC22-23",
        "That data quality related",
        "Improved data quality",
        "Mar 24",
        "TBC – need lead",
        "Officer time",
        "Recommendation",
      ]),
    ).toBeDefined();
    expect(
      findRow(item.pdf, [
        "CCCSC22-23",
        "That the membership of the Low",
        "Improved",
        "July 2023",
        "Leader's Executive",
        "Officer time",
        "Recommendation",
      ]),
    ).toBeDefined();
    expect(item.text.match(/Recommendation Approved\./g)).toHaveLength(9);
  });

  it("never splits a recommendation's row over a page", () => {
    const item = get("climate-scrutiny-review");
    for (const recommendation of item.tracker.recommendations) {
      const page = pageOf(item, firstWords(recommendation.recommendation, 6));
      expect(page, recommendation.code).toBeGreaterThanOrEqual(0);
      for (const cell of [
        recommendation.recommendation,
        recommendation.desiredOutcome,
        recommendation.resources,
      ]) {
        if (cell) expect(item.pages[page], `${recommendation.code}: ${cell}`).toContain(lastWords(cell, 3));
      }
    }
  });

  it("bookmarks its title and its table, with the title's spaces where it wraps", () => {
    // Chromium drops the space where a heading wraps onto a second line when it names the bookmark
    // ("Executive'sResponse" at 12pt); post-processing puts the heading's own words back.
    expect(pdfOutline(get("climate-scrutiny-review").pdf)).toEqual([
      "Original Recommendations from Review and Executive's Response",
      "Recommendations and responses",
    ]);
  });
});

describe("the peer challenge's action plan (the first peer-challenge seed)", () => {
  it("has the seed's columns on landscape pages, the header row repeated on each", () => {
    const item = get("peer-challenge-2020");
    expect(pdfInfo(item.pdf).Title).toBe("Corporate Peer Challenge 2020- recommendation action plan");
    expect(pdfInfo(item.pdf).Tagged).toBe("yes");
    expectLandscapeWithHeaderOnEveryPage(item, [
      "Recommendation",
      "Recommendation",
      "Action to be taken",
      "Responsible Officer",
      "By When",
    ]);
  });

  it("lists the recommendations by code in order, and each action with its officer and date as written", () => {
    const item = get("peer-challenge-2020");
    expect(item.tracker.recommendations.map((recommendation) => recommendation.code)).toEqual([
      "(continued)",
      "KR2.",
      "KR5.",
      "KR6.",
      "KR7.",
      "KR8.",
      "KR9.",
    ]);
    expectRowsInOrder(
      item,
      item.tracker.recommendations.map((recommendation) => [
        recommendation.code,
        firstWords(recommendation.recommendation, 4),
      ]),
    );
    // Every action's first line with its date as written, in the plan's order.
    expectRowsInOrder(
      item,
      item.tracker.recommendations.flatMap((recommendation) =>
        recommendation.actions.map((action) => [
          firstWords(action.action, 4),
          ...(action.byWhen ? [action.byWhen.text.split(" ")[0] ?? ""] : []),
        ]),
      ),
    );
    expect(
      findRow(item.pdf, [
        "KR6.",
        "Building on the knowledge",
        "Consideration will be given",
        "Head of Development",
        "Jun 2021",
      ]),
    ).toBeDefined();
    expect(
      findRow(item.pdf, [
        "KR5.",
        "Building upon your existing",
        "The Council determines the",
        "Head of Democratic",
        "Current practice,",
      ]),
    ).toBeDefined();
    expect(findRow(item.pdf, ["A review of the report format", "March 2022."])).toBeDefined();
    expect(findRow(item.pdf, ["All the Council's meetings are", "Current Practice."])).toBeDefined();
    expect(
      findRow(item.pdf, [
        "KR9.",
        "Consider the undertaking",
        "By the end of the financial",
        "Head of Corporate",
        "March 2021",
      ]),
    ).toBeDefined();
  });

  it("prints the pasted HTML as text, never as markup", () => {
    const item = get("peer-challenge-2020");
    expect(item.text).not.toMatch(/<\/?(p|ul|li)\b/);
    expect(item.text).toContain("Clarify roles and responsibilities of Corporate Leadership Team (CLT)");
    expect(item.text).toContain("how to maximise the value of O&S.");
  });

  it("never splits an action's row over a page", () => {
    const item = get("peer-challenge-2020");
    for (const recommendation of item.tracker.recommendations) {
      for (const action of recommendation.actions) {
        const page = pageOf(item, firstWords(action.action, 3));
        expect(page, firstWords(action.action, 3)).toBeGreaterThanOrEqual(0);
        expect(item.pages[page], firstWords(action.action, 3)).toContain(lastWords(action.action, 3));
      }
    }
  });
});

describe("the draft action plan (the second peer-challenge seed)", () => {
  it("reads as the seed does: a portrait document with its numbered sections, then each recommendation", () => {
    const item = get("peer-challenge-draft-2019");
    expect(pdfInfo(item.pdf).Title).toBe("Corporate Peer Challenge: Draft Action Plan");
    expect(pdfInfo(item.pdf).Tagged).toBe("yes");
    for (const size of pdfPageSizes(item.pdf)) expect(isLandscape(size)).toBe(false);
    const outline = pdfOutline(item.pdf);
    const parts = ["From the peer team", "Response", "Proposed actions"];
    expect(outline.filter((title) => !parts.includes(title))).toEqual([
      "Corporate Peer Challenge: Draft Action Plan",
      "1. Introduction",
      "2. Feedback",
      "3. Developing the action plan",
      "4. Draft action plan",
      "Recommendations and actions",
      ...Array.from({ length: 8 }, (_, index) => `Recommendation ${index + 1}`),
      "Risk appetite",
      "Delivery planning",
    ]);
    // Each recommendation's parts are bookmarked under it, as the seed heads them.
    expect(outline.slice(outline.indexOf("Recommendation 1"), outline.indexOf("Recommendation 2"))).toEqual([
      "Recommendation 1",
      ...parts,
    ]);
  });

  it("has the seed's words for the first recommendation, its response and its three actions", () => {
    const item = get("peer-challenge-draft-2019");
    expect(
      findOutOfOrder(item.text, [
        "1.2 The Kirklees corporate peer challenge took place from 9 - 12 July 2019.",
        "8. Push for the establishment of a single CCG.",
        "4.5 A more detailed delivery plan will be developed",
        "Recommendation 1",
        "From the peer team",
        "Craft and tell your story, externally and internally",
        "“The Council has a very good story to tell",
        "Response",
        "We welcome the recognition of the peer team",
        "Proposed actions",
        "Ensure strategic communication capacity is embedded",
        "Risk and reputation, which will help shape our strategic narrative",
        "Officer lead: Service Director for Strategy and Innovation",
        "By when: communication strategy to be developed by early December 2019.",
        "Officer lead: Strategic Director for Corporate Strategy, Commissioning and Public Health– and via cross organisation heads of communications group",
        "By when: final narrative agreed March 2020",
        "By when: ongoing",
        "Recommendation 2",
      ]),
    ).toBeUndefined();
    expect(item.text).toContain(
      "Kirklees Rural: Strategic Director Richard Parry; Head of Service Michelle Wheatcroft",
    );
  });

  it("closes every proposed action with its officer lead and 'by when', in the plan's order", () => {
    const item = get("peer-challenge-draft-2019");
    const facts = item.tracker.recommendations.flatMap((recommendation) => [
      recommendation.code.length > 1 ? recommendation.code : `Recommendation ${recommendation.code}`,
      ...recommendation.actions.flatMap((action) => [
        `Officer lead: ${action.officer}`,
        ...(action.byWhen ? [`By when: ${action.byWhen.text}`] : []),
      ]),
    ]);
    expect(facts.length).toBeGreaterThan(30);
    expect(findOutOfOrder(item.text, facts)).toBeUndefined();
    expect(item.text).not.toContain("Status");
  });
});

describe("a tracker with progress reported (the Castlebridge report's own)", () => {
  it("adds a status and progress column: each recommendation's status as a word, its reason and this period's update", () => {
    const item = get("castlebridge");
    expectLandscapeWithHeaderOnEveryPage(item, ["Service Response", "Executive", "Status and progress"]);
    expect(
      findRow(item.pdf, ["FPSC22-23", "That the Council publishes", "May 2023", "Complete"]),
    ).toBeDefined();
    expect(findRow(item.pdf, ["FPSC22-23", "That data on footfall be", "Mar 24", "At risk"])).toBeDefined();
    expect(
      findRow(item.pdf, ["FPSC22-23", "That business rate relief", "July 2023", "Partly", "Overdue"]),
    ).toBeDefined();
    expect(
      findRow(item.pdf, ["FPSC22-23", "That free parking be offered", "Recommendation", "Cancelled"]),
    ).toBeDefined();
    expect(item.text).toContain(
      "Progress in 2023/24 Q2 The Business Improvement District has not yet shared its counter data.",
    );
    expect(item.text).toContain("Partly approved Approved for two years, not three");
  });

  it("lists the actions agreed under their recommendation, each with officer, date and status", () => {
    const item = get("castlebridge");
    expect(
      findRow(item.pdf, [
        "Agree the footfall baseline",
        "Responsible officer: Transformation",
        "By when: July 2023",
        "Overdue",
      ]),
    ).toBeDefined();
    expect(
      findRow(item.pdf, [
        "Add footfall to the quarterly",
        "Responsible officer: Transformation",
        "By when: Mar 24",
        "On track",
      ]),
    ).toBeDefined();
  });

  it("builds the peer challenge's plan with each action's status and the recommendation's progress", () => {
    const second = get("castlebridge").result.documents[1]?.files.find((file) => file.endsWith(".pdf"));
    if (!second) throw new Error("no second tracker");
    const text = flatten(pdfText(second));
    expect(
      findRow(second, [
        "KR1.",
        "Create the necessary senior",
        "Heads of Service to prioritise",
        "Corporate",
        "Spring 2023",
      ]),
    ).toBeDefined();
    expect(findRow(second, ["Keep the capacity list up to date", "Corporate", "ongoing"])).toBeDefined();
    expect(
      findRow(second, [
        "KR2.",
        "Building upon your existing",
        "The Council determines",
        "Head of Democratic",
        "Current practice,",
        "Complete",
      ]),
    ).toBeDefined();
    expect(
      findRow(second, [
        "KR3.",
        "Consider redefining support",
        "This will be looked at",
        "Head of Economic",
        "Jun 2023",
        "Overdue",
      ]),
    ).toBeDefined();
    expect(text).toContain("Progress in 2023/24 Q2 The strategy's consultation closed late;");
  });
});

describe("every tracker's HTML twin", () => {
  it("has no axe-core violations (WCAG 2.2 AA): review table, action plan, narrative, status column", async () => {
    for (const name of [
      "climate-scrutiny-review",
      "peer-challenge-2020",
      "peer-challenge-draft-2019",
      "castlebridge",
    ]) {
      for (const document of get(name).result.documents) {
        const html = document.files.find((file) => file.endsWith(".html"));
        if (!html) throw new Error(`${name} wrote no HTML twin`);
        const { violations, passes } = await axeViolations(html);
        expect(violations, html).toEqual([]);
        expect(passes).toEqual(expect.arrayContaining(["heading-order", "color-contrast"]));
      }
    }
  });
});
