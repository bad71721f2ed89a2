// The committee cover report's view: the Q2 seed's sections, wording and risk table, from report
// data built with the real schemas.
import { describe, expect, it } from "vitest";
import { buildCoverReportView, describeReportOf } from "../../src/model/build-cover-report-view.ts";
import { reportSchema } from "../../src/schema/report-schema.ts";
import { riskMatrixSchema } from "../../src/schema/risk-schema.ts";
import { SEED_RISK_MATRIX } from "../helpers/seed-risk-matrix.ts";

// The seed's matrix labels ("Unlikely (2)", "Significant (2)", "Low (4)") on a 4 × 4 scale.
const matrix = riskMatrixSchema.parse(SEED_RISK_MATRIX);

const seedRisk = {
  risk: "Failure to maintain a rigorous and embedded performance management framework could adversely impact on the achievement of the outcomes and objectives set out in the Council's Corporate Strategy.",
  likelihood: 2,
  impact: 2,
  actions:
    "Quarterly performance monitoring, including reporting to Senior Leadership Team, and this Committee.",
};

/** The Q2 seed's report, with `cover` changing its cover report. */
function seedReport(cover: Record<string, unknown> = {}, report: Record<string, unknown> = {}) {
  return reportSchema.parse({
    organisation: "Charnwood Borough Council",
    committee: "Finance & Performance Scrutiny Committee",
    meetingDate: "2023-11-28",
    title: "Performance Monitoring (Quarter 2) Report",
    reportOf: "Head of Transformation, Strategy and Performance",
    leadMember: "Cllr Miah",
    period: "2023/24 Q2",
    themes: [
      { id: "environment", title: "Caring for the Environment" },
      { id: "communities", title: "Healthy Communities" },
      { id: "economy", title: "A Thriving Economy" },
      { id: "council", title: "Your Council" },
    ],
    appendices: [
      { label: "Appendix A", title: "Quarter two performance report 2023-24.", document: "performance" },
      { label: "Appendix B", title: "Place / contextual information." },
    ],
    coverReport: {
      purpose: "To provide performance monitoring information and results for the second quarter of 2023-24.",
      recommendations: "That the Committee note the performance results.",
      reasons: "To ensure that targets and objectives are being met.",
      implications: [
        { heading: "Financial Implications", text: "None directly arising from this report." },
        { heading: "Equality and Diversity", text: "An overarching Equality Impact Assessment." },
        { heading: "Climate Change and Carbon Impact", text: "Caring for the Environment." },
        { heading: "Crime and Disorder", text: "Healthy Communities." },
      ],
      riskManagement: { introduction: "The risks are set out in the table below.", risks: [seedRisk] },
      officersToContact: [
        {
          name: "Helen Gretton",
          role: "Head of Transformation, Strategy and Performance",
          phone: "01509 634556",
          email: "Helen.Gretton@charnwood.gov.uk",
        },
      ],
      background: ["The Committee receives performance reports on a quarterly basis."],
      ...cover,
    },
    ...report,
  });
}

describe("buildCoverReportView", () => {
  it("opens as the seed does: committee and meeting, whose report it is, lead member", () => {
    const view = buildCoverReportView(seedReport(), matrix);
    expect(view).toMatchObject({
      committee: "Finance & Performance Scrutiny Committee",
      meetingDate: "Tuesday, 28 November 2023",
      reportOf: "Report of the Head of Transformation, Strategy and Performance",
      leadMember: "Cllr Miah",
      title: "Performance Monitoring (Quarter 2) Report",
    });
  });

  it("words the risk table as the seed does, scored on the register's matrix labels", () => {
    const risks = buildCoverReportView(seedReport(), matrix)?.implications[1]?.risks;
    expect(risks).toEqual({
      introduction: "The risks are set out in the table below.",
      rows: [
        {
          risk: seedRisk.risk,
          likelihood: "Unlikely (2)",
          impact: "Significant (2)",
          overall: "Low (4)",
          bandClass: "band-1",
          summary: "Unlikely (2) × Significant (2) = Low (4)",
          actions: seedRisk.actions,
        },
      ],
    });
  });

  it.each([
    {
      name: "after the first implication by default (Financial Implications, as in the seed)",
      cover: {},
      headings: [
        "Financial Implications",
        "Risk Management",
        "Equality and Diversity",
        "Climate Change and Carbon Impact",
        "Crime and Disorder",
      ],
    },
    {
      name: "after the implication it names",
      cover: { riskManagement: { after: "Crime and Disorder", risks: [seedRisk] } },
      headings: [
        "Financial Implications",
        "Equality and Diversity",
        "Climate Change and Carbon Impact",
        "Crime and Disorder",
        "Risk Management",
      ],
    },
    {
      name: "alone when there are no other implications",
      cover: { implications: [] },
      headings: ["Risk Management"],
    },
    {
      name: "not at all without a risk table",
      cover: { riskManagement: undefined, implications: [{ heading: "Legal", text: "None." }] },
      headings: ["Legal"],
    },
  ])("places Risk Management $name", ({ cover, headings }) => {
    const view = buildCoverReportView(seedReport(cover), matrix);
    expect(view?.implications.map((implication) => implication.heading)).toEqual(headings);
  });

  it("answers the links to the corporate strategy for every theme, Yes for those the report supports", () => {
    expect(buildCoverReportView(seedReport(), matrix)?.strategyLinks).toEqual([
      { title: "Caring for the Environment", answer: "Yes" },
      { title: "Healthy Communities", answer: "Yes" },
      { title: "A Thriving Economy", answer: "Yes" },
      { title: "Your Council", answer: "Yes" },
    ]);
    const some = buildCoverReportView(seedReport({ linksToStrategy: ["economy"] }), matrix);
    expect(some?.strategyLinks.map((link) => link.answer)).toEqual(["No", "No", "Yes", "No"]);
  });

  it.each([
    { wards: undefined, text: "All wards." },
    { wards: ["Abbey"], text: "Abbey." },
    { wards: ["Abbey", "Castle Hill", "Riverside"], text: "Abbey, Castle Hill and Riverside." },
  ])("says which wards are affected: $text", ({ wards, text }) => {
    const view = buildCoverReportView(seedReport(wards ? { wardsAffected: wards } : {}), matrix);
    expect(view?.wardsAffected).toBe(text);
  });

  it("lists the officers to contact, the appendices, and Part B only when it has something", () => {
    const view = buildCoverReportView(seedReport(), matrix);
    expect(view?.officers).toEqual([
      {
        name: "Helen Gretton",
        role: "Head of Transformation, Strategy and Performance",
        phone: "01509 634556",
        email: "Helen.Gretton@charnwood.gov.uk",
      },
    ]);
    expect(view?.appendices).toEqual([
      "Appendix A – Quarter two performance report 2023-24.",
      "Appendix B – Place / contextual information.",
    ]);
    expect(view?.hasPartB).toBe(true);
    expect(buildCoverReportView(seedReport({ background: [] }), matrix)?.hasPartB).toBe(false);
    expect(
      buildCoverReportView(
        seedReport({ background: [], sections: [{ heading: "Repairs", text: "Re-let." }] }),
        matrix,
      )?.hasPartB,
    ).toBe(true);
  });

  it("is left out when report.yaml has no cover report", () => {
    expect(buildCoverReportView(seedReport({}, { coverReport: undefined }), matrix)).toBeUndefined();
  });
});

describe("describeReportOf", () => {
  it.each([
    [
      "Head of Transformation, Strategy and Performance",
      "Report of the Head of Transformation, Strategy and Performance",
    ],
    ["Director of Housing", "Report of the Director of Housing"],
    ["the Chief Executive", "Report of the Chief Executive"],
  ])("%s → %s", (reportOf, expected) => {
    expect(describeReportOf(reportOf)).toBe(expected);
  });
});
