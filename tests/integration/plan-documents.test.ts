// The risk register and the delivery plan as a reader gets them from the PDF: the heat map as a
// table of words, detail rows in order, landscape pages within the same PDF, and a contents page
// whose numbers are the pages the headings really fall on.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildReportResult } from "../../src/pack/build-report.ts";
import type { DocumentKind } from "../../src/schema/cover-report-schema.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
import {
  flatten,
  pdfInfo,
  pdfLayoutPages,
  pdfOutline,
  pdfPageSize,
  pdfPages,
  pdfTextInOrder,
} from "../helpers/pdf-reader.ts";
import { copyExampleData, exampleData, makeTempDir } from "../helpers/report-folder.ts";

const PORTRAIT = "594.96 x 841.92";
const LANDSCAPE = "841.92 x 594.96";

// Each part builds its own documents in its own hook, so no one hook has to wait for them all.
let register: BuildReportResult;
let longRegister: BuildReportResult;
let performanceReport: BuildReportResult;
let deliveryPlan: BuildReportResult;
let plan2030: BuildReportResult;
const copies: { remove(): Promise<void> }[] = [];

/** The example report with only `documents`, and `change` made to its files. */
async function buildExample(
  documents: DocumentKind[],
  change: (copy: Awaited<ReturnType<typeof copyExampleData>>) => Promise<void> = async () => {},
) {
  const copy = await copyExampleData();
  copies.push(copy);
  await copy.edit("report.yaml", (text) =>
    text.replace(/^period: .*$/m, `$&\ndocuments: [${documents.join(", ")}]`),
  );
  await change(copy);
  return buildWithBrowser({ folder: copy.folder, outDir: await makeTempDir() });
}

/** The example register with `count` risks: the same matrix, risks spread over it. */
async function writeLongRegister(copy: Awaited<ReturnType<typeof copyExampleData>>, count: number) {
  const text = await readFile(join(exampleData, "risks.yaml"), "utf8");
  const head = text.slice(0, text.indexOf("\nrisks:"));
  const risks = Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(2, "0");
    return [
      `  - id: LR${n}`,
      `    title: Long register risk ${n}`,
      `    description: Risk ${n} of a register long enough to need a contents page.`,
      "    owner: Head of Governance",
      // Every category the register's appetite names is in use, as the data checks require.
      `    category: ${["Financial", "Information", "Governance"][index % 3]}`,
      `    current: { likelihood: ${(index % 4) + 1}, impact: ${((index * 3) % 4) + 1} }`,
      "    controls: [Quarterly review by the risk group]",
      "    actions:",
      `      - { action: Action for risk ${n}., owner: Risk Manager, due: Mar 24 }`,
    ].join("\n");
  });
  await copy.write("risks.yaml", `${head}\nrisks:\n${risks.join("\n")}\n`);
}

afterAll(async () => {
  await closeBuildBrowser();
  await Promise.all(copies.map((copy) => copy.remove()));
});

/** Each fact found after the one before it. */
function expectInOrder(text: string, facts: readonly string[]) {
  const flat = flatten(text);
  let from = 0;
  for (const fact of facts) {
    const at = flat.indexOf(fact, from);
    expect(at, `"${fact}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + fact.length;
  }
}

/**
 * The contents page's entries as printed ("title … 4") and, for each, the page its heading is
 * really on: the first page after the contents where a line reads exactly the heading's words.
 */
function contentsAgainstHeadings(path: string) {
  const pages = pdfLayoutPages(path);
  const contentsPage = pages.findIndex((lines) => lines.includes("Contents"));
  expect(contentsPage, "a contents page").toBeGreaterThanOrEqual(0);
  const lines = pages[contentsPage] as string[];
  // The entries follow the heading: each line a title and its page number (the footer's "Page 1
  // of 5" aside).
  const listed = lines.slice(lines.indexOf("Contents") + 1).flatMap((line) => {
    const match = /Page \d+ of \d+$/.test(line) ? null : /^(\S.*\S) (\d+)$/.exec(line);
    return match ? [{ title: match[1] as string, printed: Number(match[2]) }] : [];
  });
  // Something was read: a contents page whose lines no longer parse must not pass by listing nothing.
  expect(listed.length, "contents entries read from the page").toBeGreaterThanOrEqual(3);
  return listed.map(({ title, printed }) => ({
    title,
    printed,
    actual: pages.findIndex((page, index) => index >= contentsPage && page.includes(title)) + 1,
  }));
}

describe("the risk register", () => {
  beforeAll(async () => {
    register = await buildExample(["risk-register"]);
    longRegister = await buildExample(["risk-register"], (copy) => writeLongRegister(copy, 14));
  });
  const registerPdf = () => outputOf(register, "risk-register");

  it("shows the heat map as a table whose every cell gives its band, score, count and risks in words", () => {
    const firstPage = flatten(pdfPages(registerPdf())[0] ?? "");
    expect(firstPage).toContain(
      [
        "Likelihood \\ Impact Minor (1) Significant (2) Serious (3) Major (4)",
        "Very likely (4) Low (4) No risks Medium (8) No risks High (12) No risks Very high (16) 1 risk CR04",
        "Likely (3) Low (3) No risks Medium (6) 1 risk CR05 High (9) 1 risk CR07 High (12) 2 risks CR02, CR03",
        "Unlikely (2) Low (2) No risks Low (4) 1 risk CR01 Medium (6) 1 risk CR06 Medium (8) 1 risk CR08",
        "Rare (1) Low (1) No risks Low (2) No risks Low (3) No risks Low (4) No risks",
      ].join(" "),
    );
    expect(firstPage).toContain("8 risks scored at their current (residual) level");
  });

  it("keys the bands, the scales and the appetite", () => {
    expectInOrder(pdfTextInOrder(registerPdf()), [
      "How risks are scored",
      "Band Scores Low scores 1–4",
      "Medium scores 5–8",
      "High scores 9–12",
      "Very high scores 13–16",
      "Rare (1): May occur only in exceptional circumstances",
      "Very likely (4): Expected to occur within a year",
      "Minor (1)",
      "Major (4)",
      "The council accepts risks scored Medium or lower.",
      "Financial risks: a score of 8 or less.",
      "Information risks: Low only.",
    ]);
  });

  it("gives each risk's detail row in order: scores with bands, movement, appetite, controls, actions", () => {
    const text = pdfTextInOrder(registerPdf());
    expectInOrder(
      text,
      ["CR01", "CR02", "CR03", "CR04", "CR05", "CR06", "CR07", "CR08"].map((id) => `${id} `),
    );
    expectInOrder(text, [
      "CR02 Medium-term financial gap",
      "The gap in the medium-term financial strategy is not closed",
      "Owner: Section 151 Officer",
      "Category: Financial",
      "Review date: 31 December 2023",
      "Inherent Very high (16) Very likely (4) × Major (4)",
      "Current High (12) Likely (3) × Major (4)",
      "Target Medium (8) Unlikely (2) × Major (4)",
      "Impact set by financial",
      "Since the last review No change No change: 12 at this review and the last.",
      "Appetite Outside appetite current score 12 (High) is above the Financial appetite of a score of 8 or less.",
      "Monthly budget monitoring to Cabinet",
      "General fund reserve held at 10% of net budget",
      "Savings programme reported monthly to Cabinet. Section 151 Officer · Due: ongoing",
      "Reserves strategy refreshed. Section 151 Officer · Due: Sept 2023",
      "CR03 Cyber attack",
    ]);
    expectInOrder(text, [
      "CR04 Demand for temporary accommodation",
      "Increased from 12 to 16 since the last review.",
    ]);
    expectInOrder(text, [
      "CR07 Town-centre regeneration delays",
      "Within appetite",
      "its own appetite of a score of 9 or less",
    ]);
  });

  it("prints the heat map portrait and the wide detail table landscape in the same PDF, header and footer on every page", () => {
    const path = registerPdf();
    const pages = pdfLayoutPages(path);
    const sizes = pages.map((_, index) => pdfPageSize(path, index + 1));
    expect(sizes[0]).toBe(PORTRAIT);
    const details = pages.findIndex((lines) => lines.includes("Risk details"));
    expect(details).toBeGreaterThan(0);
    expect(sizes.slice(details)).toEqual(sizes.slice(details).map(() => LANDSCAPE));
    // The detail table's header row is repeated on each of its pages, and no risk's row is split.
    const ordered = pdfTextInOrder(path).split("\f");
    for (const page of ordered.slice(details, pages.length)) {
      expect(flatten(page)).toContain(
        "Ref Risk Inherent, current and target scores Movement and appetite Controls in place Mitigating actions",
      );
    }
    for (const [first, last] of [
      ["CR02 Medium-term financial gap", "Reserves strategy refreshed."],
      ["CR03 Cyber attack", "Offline backups tested quarterly."],
      ["CR08 Flooding and climate adaptation", "Flood resilience grants promoted"],
    ] as const) {
      const page = ordered.find((text) => flatten(text).includes(first));
      expect(flatten(page ?? ""), first).toContain(last);
    }
    pages.forEach((page, index) => {
      const lines = page.filter((line) => line !== "");
      // The running header and footer each keep to one line, on portrait and landscape pages alike.
      expect(lines[0]).toMatch(
        /^Finance & Performance Scrutiny Committee · Tuesday 28 November 2023\s+Risk register 2023\/24 Q2$/,
      );
      expect(lines.at(-1)).toMatch(
        new RegExp(
          `^Castlebridge Borough Council · Risk register 2023/24 Q2\\s+Page ${index + 1} of ${pages.length}$`,
        ),
      );
    });
  });

  it("is tagged and bookmarked, and a short register is printed once, without a contents page", () => {
    const path = registerPdf();
    expect(pdfInfo(path).Tagged).toBe("yes");
    expect(pdfOutline(path)).toEqual([
      "Risk register 2023/24 Q2",
      "Risk heat map",
      "How risks are scored",
      "Likelihood",
      "Impact",
      "Risk appetite",
      "Risk details",
    ]);
    expect(register.documents[0]?.printings).toBe(1);
  });

  it("gets a contents page when long, numbered with the pages its headings fall on", () => {
    const path = outputOf(longRegister, "risk-register");
    expect(longRegister.documents[0]?.printings).toBe(2);
    const contents = contentsAgainstHeadings(path);
    expect(contents.map((entry) => entry.title)).toEqual([
      "Risk heat map",
      "How risks are scored",
      "Risk details",
    ]);
    for (const entry of contents) expect(entry.printed, entry.title).toBe(entry.actual);
    expect(contents.at(-1)?.actual).toBeGreaterThan(2);
    expect(pdfOutline(path)).toContain("Contents");
    expect(flatten(pdfPages(path)[1] ?? "")).toContain("14 risks scored at their current (residual) level");
  });
});

describe("the performance report's contents", () => {
  beforeAll(async () => {
    performanceReport = await buildExample(["performance"]);
  });

  it("opens the title page with a contents page numbered with the pages its parts start on", () => {
    const path = outputOf(performanceReport, "performance");
    const contents = contentsAgainstHeadings(path);
    expect(contents.map((entry) => entry.title)).toEqual([
      "Summary of performance",
      "Caring for the Environment",
      "Healthy Communities",
      "A Thriving Economy",
      "Your Council",
      "Exceptions: indicators rated Red",
    ]);
    for (const entry of contents) expect(entry.printed, entry.title).toBe(entry.actual);
    expect(contents[0]?.actual).toBe(2);
    // Each theme's indicator table is on landscape pages; the summary and exceptions are portrait.
    expect(pdfPageSize(path, contents[0]?.actual ?? 0)).toBe(PORTRAIT);
    expect(pdfPageSize(path, contents[1]?.actual ?? 0)).toBe(LANDSCAPE);
    expect(pdfPageSize(path, contents[5]?.actual ?? 0)).toBe(PORTRAIT);
  });
});

describe("the Castlebridge delivery plan", () => {
  beforeAll(async () => {
    deliveryPlan = await buildExample(["delivery-plan"]);
  });
  const plan = () => outputOf(deliveryPlan, "delivery-plan");

  it("is landscape throughout, with a contents page numbered with the pages its headings fall on", () => {
    const path = plan();
    const pages = pdfPages(path);
    expect(pages.map((_, index) => pdfPageSize(path, index + 1))).toEqual(pages.map(() => LANDSCAPE));
    const contents = contentsAgainstHeadings(path);
    expect(contents.map((entry) => entry.title)).toEqual([
      "Summary of progress",
      "Caring for the Environment",
      "Take action to become a carbon neutral organisation by 2030 to help tackle climate change",
      "Help protect our environment by using all powers available to tackle those who threaten it",
      "Healthy Communities",
      "Continue to work with partners to make our towns and villages safer places to live, work and visit",
      "Help residents to live healthy, independent lives",
      "A Thriving Economy",
      "Regenerate our town centres",
      "Your Council",
      "Deliver modern, efficient council services",
    ]);
    for (const entry of contents) expect(entry.printed, entry.title).toBe(entry.actual);
    expect(new Set(contents.map((entry) => entry.actual)).size).toBeGreaterThan(2);
    expect(deliveryPlan.documents[0]?.printings).toBe(2);
  });

  it("has a bookmark for every heading and is tagged", () => {
    const outline = pdfOutline(plan());
    expect(outline).toEqual(
      expect.arrayContaining([
        "Contents",
        "Summary of progress",
        "Caring for the Environment",
        "Other actions",
        "Your Council",
      ]),
    );
    expect(outline).toContain("Help residents to live healthy, independent lives");
    expect(pdfInfo(plan()).Tagged).toBe("yes");
  });

  it("lists actions with their milestones, leads, resources, progress against expected, status and commentary", () => {
    const text = pdfTextInOrder(plan());
    expectInOrder(text, [
      "Caring for the Environment",
      "Cabinet Member(s) lead: Cllr Siân Hughes, Cabinet Member for Climate Action",
      "Director lead: Director of Place",
      "Take action to become a carbon neutral organisation by 2030",
      "Ref What Officer lead Resource Due Complete Status at 2023/24 Q2",
      "DP01 Install heat pumps at Castlebridge Leisure Centre",
      "Electricity supply upgrade (Jul) Complete",
      "Heat pumps installed (30 September 2023) Overdue",
      "Commissioning and handover (Sept) Overdue",
      "Progress, 2023/24 Q2 Installation slipped to November",
      "Head of Environmental Services Public Sector Decarbonisation Scheme grant 30 September 2023 70% Overdue",
      "Reported as on track, but the dates and progress show it overdue.",
      "DP03 Adopt the Climate Adaptation Plan",
      "DP02 Roll out food-waste collections to flats",
      "Pilot in 200 flats (Jul) Complete",
      "Head of Cleansing and Open Spaces In budget 31 March 2024 40% 50% expected On track",
    ]);
  });
});

describe("the Plan 2030 delivery plan (data/plan-2030)", () => {
  beforeAll(async () => {
    plan2030 = await buildWithBrowser({
      folder: join(exampleData, "plan-2030"),
      outDir: await makeTempDir(),
    });
  });
  const plan = () => outputOf(plan2030, "delivery-plan");

  it("reproduces the seed's groups and Group 1's delivery plan, in order", () => {
    expect(plan2030.documents.map((document) => document.title)).toEqual([
      "Example Delivery plan- June-March 2021",
    ]);
    const text = pdfTextInOrder(plan());
    expectInOrder(text, [
      "Example Delivery plan- June-March 2021",
      "Group 1 - Climate Emergency",
      "People's Jury recs",
      "Planning inc Local Plan (climate change)",
      "Ref What Officer lead Resource",
      "G1-01 People's Jury Complete (Oct)",
      "Consider recommendations (Dec)",
      "Report to Council (Jan)",
      "M Davies In budget",
      "G1-02 Community engagement activity Climate Outreach work (Sept- Dec)",
      "Cabinet Advisory Group (June- Mar)",
      "Other engagement activity (June-Mar)",
      "M Davies In budget",
      "G1-03 Salt Ayre Solar Farm Undertake work to get to gain planning application (Oct)",
      "Undertake other works eg land transactions (Sept)",
      "Finalise business case (Oct)",
      "Seek final Cabinet approval (Nov)",
      "Commence build (Dec)",
      "E Grimshaw In budget",
      "G1-04 Procurement of Electric RCVs Undertake procurement exercise (June) Overdue",
      "Seek final approval / place order (July)",
      "E Grimshaw In budget",
      "At risk",
      "G1-05 Electric Pool car scheme Place vehicle orders (done) Complete",
      "Finalise how scheme will work (Sept)",
      "G1-06 Energy Management/ Salt Ayre Replacement boiler",
      "Undertake research and seek specialised advice (Aug)",
      "Oversee delivery (Jan- Mar)",
      "S Kirby / E Grimshaw In budget",
      "Group 2 - Finance & Resources (Internal focus)",
      "Zero/outcomes-based budgetting",
      "Group 3a - Healthy & Happy Communities (Reducing inequality)",
      "Roadmaps for service delivery",
      "Group 3b - Community Power & Resilience",
      "Mutual Aid/Trade Unions",
      "Group 4 - A Regenerative & Distributive Economy",
      "Social value procurement",
    ]);
  });

  it("states its placeholders as such and is landscape, tagged and numbered", () => {
    const path = plan();
    const firstPage = flatten(pdfPages(path)[0] ?? "");
    expect(firstPage).toContain("District council (not named in the seed)");
    expect(firstPage).toContain("Cabinet · Tuesday 21 July 2020");
    expect(firstPage).toContain("Period: 2020/21 Q1 (April–June 2020)");
    expect(pdfInfo(path).Tagged).toBe("yes");
    expect(pdfPageSize(path, 1)).toBe(LANDSCAPE);
    for (const entry of contentsAgainstHeadings(path)) expect(entry.printed, entry.title).toBe(entry.actual);
  });

  it("links its HTML twin's contents to the headings, with no page numbers", async () => {
    const html = await readFile(outputOf(plan2030, "delivery-plan", ".html"), "utf8");
    expect(html).toContain(
      '<a href="#plan-theme-group-1"><span class="contents-title">Group 1 - Climate Emergency</span>',
    );
    expect(html).toContain('<h2 id="plan-theme-group-1">');
    expect(html).toMatch(/<span class="contents-page"><\/span>/);
    expect(html).not.toMatch(/<span class="contents-page">\d/);
  });
});
