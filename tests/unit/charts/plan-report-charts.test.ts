// Which charts each document shows.
import { describe, expect, it } from "vitest";
import {
  chartsForDocument,
  listReportCharts,
  mapReportCharts,
  planReportCharts,
} from "../../../src/charts/plan-report-charts.ts";
import { view } from "./chart-fixtures.ts";

const plan = planReportCharts(view);
const ids = (charts: ReturnType<typeof listReportCharts<{ id: string }>>) => charts.map((chart) => chart.id);

describe("planReportCharts", () => {
  it("puts a dashboard in each theme: its status and a small trend of every indicator", () => {
    expect(Object.keys(plan.themes)).toEqual(["env", "people"]);
    expect(plan.themes.env?.status.id).toBe("status-env");
    expect(plan.themes.env?.trends.map((chart) => chart.id)).toEqual([
      "trend-panel-CE01",
      "trend-panel-CE02",
      "trend-panel-CE03",
    ]);
  });

  it("gives each exception and each contextual indicator with a trend a full-size chart", () => {
    expect(Object.keys(plan.exceptions)).toEqual(["CE02"]);
    expect(Object.keys(plan.contextual)).toEqual(["PX01"]);
    expect(ids(plan.summary)).toEqual(["status-by-theme", "direction-of-travel"]);
    expect(ids(plan.risks)).toEqual(["risk-profile"]);
    expect(plan.delivery).toEqual([]);
  });

  it("shows each document only its own charts, each id once", () => {
    const performance = listReportCharts(chartsForDocument(plan, "performance"));
    expect(new Set(ids(performance)).size).toBe(performance.length);
    expect(ids(performance)).toContain("trend-CE02");
    expect(ids(performance)).not.toContain("risk-profile");
    expect(ids(listReportCharts(chartsForDocument(plan, "contextual")))).toEqual(["trend-PX01"]);
    expect(ids(listReportCharts(chartsForDocument(plan, "risk-register")))).toEqual(["risk-profile"]);
    expect(listReportCharts(chartsForDocument(plan, "cover-report"))).toEqual([]);
  });

  it("keeps where each chart goes when the charts are drawn", () => {
    const drawn = mapReportCharts(plan, (chart) => chart.id.toUpperCase());
    expect(drawn.themes.env?.status).toBe("STATUS-ENV");
    expect(listReportCharts(drawn)).toEqual(ids(listReportCharts(plan)).map((id) => id.toUpperCase()));
  });
});
