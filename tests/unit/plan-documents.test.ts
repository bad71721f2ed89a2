// Which documents a report folder builds and what each is called: the example data, then the
// choices report.yaml makes (documents, appendix names).
import { beforeAll, describe, expect, it } from "vitest";
import { loadReportData, type ReportInput } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import type { ReportData } from "../../src/schema/report-schema.ts";
import { exampleData } from "../helpers/report-folder.ts";

let example: ReportInput;

beforeAll(async () => {
  example = await loadReportData(exampleData);
});

function plan(report: Partial<ReportData>, change: (input: ReportInput) => ReportInput = (input) => input) {
  const input = change({ ...example, report: { ...example.report, ...report } });
  return planDocuments(input, buildReportView(input));
}

describe("planDocuments", () => {
  it("builds every document the example folder has data for, in committee-papers order", () => {
    expect(plan({}).map(({ kind, fileStem, name }) => [kind, fileStem, name])).toEqual([
      ["cover-report", "cover-report", "Performance Monitoring (Quarter 2) Report"],
      ["performance", "performance-report", "Appendix A – Quarter two performance report 2023/24"],
      ["contextual", "contextual-indicators", "Appendix B – Place and contextual information"],
      ["risk-register", "risk-register", "Risk register 2023/24 Q2"],
      ["delivery-plan", "delivery-plan", "Corporate Delivery Plan 2023-24"],
      [
        "recommendations",
        "recommendations-town-centre-review",
        "Original Recommendations from Review and Executive's Response",
      ],
      [
        "recommendations",
        "recommendations-peer-challenge-2022",
        "Corporate Peer Challenge 2022 – recommendation action plan",
      ],
    ]);
  });

  it("gives an appendix the report's title after its own, and a document its description", () => {
    const appendixA = plan({}).find((document) => document.kind === "performance");
    expect(appendixA).toMatchObject({
      label: "Appendix A",
      title: "Quarter two performance report 2023/24",
      fullTitle:
        "Appendix A – Quarter two performance report 2023/24: Performance Monitoring (Quarter 2) Report",
      description:
        "Castlebridge Borough Council, Finance & Performance Scrutiny Committee, Tuesday 28 November 2023: Appendix A – Quarter two performance report 2023/24",
    });
  });

  it("builds only the documents report.yaml asks for, in the usual order", () => {
    expect(plan({ documents: ["risk-register", "cover-report"] }).map((document) => document.kind)).toEqual([
      "cover-report",
      "risk-register",
    ]);
  });

  it("leaves out a document with nothing in it, even when asked for", () => {
    const kinds = plan({ documents: ["contextual", "performance"] }, (input) => ({
      ...input,
      kpis: input.kpis.filter((kpi) => kpi.kind === "kpi"),
    })).map((document) => document.kind);
    expect(kinds).toEqual(["performance"]);
    expect(plan({ coverReport: undefined }).map((document) => document.kind)).not.toContain("cover-report");
  });

  it("names the first tracker after its appendix entry; later trackers keep their own titles", () => {
    const trackers = plan({
      appendices: [{ label: "Appendix C", title: "Recommendations tracker", document: "recommendations" }],
    }).filter((document) => document.kind === "recommendations");
    expect(trackers.map((document) => [document.name, document.trackerIndex])).toEqual([
      ["Appendix C – Recommendations tracker", 0],
      ["Corporate Peer Challenge 2022 – recommendation action plan", 1],
    ]);
  });
});
