// --format json/csv: every computed status with its reason, figures as numbers, in data order.
import { describe, expect, it } from "vitest";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildStatusExport, type StatusExport } from "../../src/model/build-status-export.ts";
import { statusesToCsv } from "../../src/model/statuses-to-csv.ts";
import { exampleData } from "../helpers/report-folder.ts";

const input = await loadReportData(exampleData);

describe("buildStatusExport", () => {
  const statuses = buildStatusExport(input);

  it("gives every indicator, in the order of kpis.yaml, with its status, reason and figures", () => {
    expect(statuses.kpis.map((kpi) => kpi.id)).toEqual(input.kpis.map((kpi) => kpi.id));
    expect(statuses.kpis[0]).toEqual(
      expect.objectContaining({
        id: "CE01",
        period: "2023/24 Q2",
        status: "amber",
        reason: "Amber: 43.1% is 1.9 points below the 45.0% target, within the 5% tolerance (42.75%).",
        actual: 43.1,
        target: 45,
        previous: 46.2,
        directionSincePrevious: "worsened",
      }),
    );
    for (const kpi of statuses.kpis) expect(kpi.reason, kpi.id).toMatch(/\.$/);
  });

  it("scores every risk on the matrix, as the cover report's seed row reads", () => {
    expect(statuses.risks).toHaveLength(input.risks.length);
    expect(statuses.risks[0]).toEqual(
      expect.objectContaining({
        id: "CR01",
        score: 4,
        band: "Low",
        summary: "Unlikely (2) × Significant (2) = Low (4)",
      }),
    );
  });

  it("gives each delivery-plan action, milestone and recommendation a status key and a reason", () => {
    const kinds = new Set(statuses.actions.map((action) => action.kind));
    expect([...kinds].sort()).toEqual(["action", "milestone", "recommendation"]);
    const statusKeys = ["complete", "onTrack", "atRisk", "overdue", "notStarted", "deferred", "cancelled"];
    for (const action of statuses.actions) {
      expect(statusKeys, `${action.kind} ${action.id}`).toContain(action.status);
      expect(action.reason.length, `${action.kind} ${action.id}`).toBeGreaterThan(10);
    }
  });

  it("is the same every time for the same data", () => {
    expect(JSON.stringify(buildStatusExport(input))).toBe(JSON.stringify(statuses));
  });
});

describe("statusesToCsv", () => {
  const tiny: StatusExport = {
    report: {
      organisation: "C",
      committee: "S",
      meetingDate: "2023-11-28",
      title: "T",
      period: "2023/24 Q2",
    },
    kpis: [],
    risks: [],
    actions: [
      {
        kind: "recommendation",
        id: "R1",
        title: '=HYPERLINK("http://example.com","click")',
        group: "review, 2023",
        status: "overdue",
        declared: null,
        reason: 'Overdue: "May 2023" has passed.\nSee the update.',
        disagreement: null,
      },
    ],
  };

  it("quotes commas, quotes and line breaks, and never lets text start a formula", () => {
    const csv = statusesToCsv(tiny);
    expect(csv.startsWith("\uFEFFtype,id,title,group,period,status,reason,value,target\r\n")).toBe(true);
    expect(csv).toContain(
      `recommendation,R1,"'=HYPERLINK(""http://example.com"",""click"")","review, 2023",2023/24 Q2,overdue,"Overdue: ""May 2023"" has passed.\nSee the update.",,\r\n`,
    );
  });

  it("has one row per indicator, risk, action, milestone and recommendation", () => {
    const statuses = buildStatusExport(input);
    const csv = statusesToCsv(statuses);
    const records = statuses.kpis.length + statuses.risks.length + statuses.actions.length;
    // Reasons hold no line breaks in the example, so records are lines (after the header).
    expect(csv.trimEnd().split("\r\n")).toHaveLength(records + 1);
  });
});
