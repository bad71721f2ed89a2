// The KPI parts of the view model, from a small report built with the real schemas.
import { describe, expect, it } from "vitest";
import type { ReportInput } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { kpiFileSchema } from "../../src/schema/kpi-schema.ts";
import { reportSchema } from "../../src/schema/report-schema.ts";

const report = reportSchema.parse({
  organisation: "Test Council",
  committee: "Scrutiny",
  meetingDate: "2023-11-28",
  title: "Q2",
  reportOf: "Head of Performance",
  period: "2023/24 Q2",
  themes: [{ id: "a", title: "Theme A" }],
});

const { kpis } = kpiFileSchema.parse({
  kpis: [
    {
      id: "K1",
      title: "Red twice and worse",
      theme: "a",
      polarity: "higherIsBetter",
      target: 100,
      actuals: { "2023/24 Q1": 90, "2023/24 Q2": 80 },
      remedialAction: { "2023/24 Q2": "Recovery plan." },
    },
    {
      id: "K2",
      title: "Named band",
      theme: "a",
      polarity: "higherIsBetter",
      target: 100,
      rag: {
        shortfall: {
          measure: "relative",
          bands: [
            { rating: "green", label: "Exceeded", upTo: 0, boundary: "exclusive" },
            { rating: "green", upTo: 0 },
            { rating: "red" },
          ],
        },
      },
      actuals: { "2023/24 Q1": 100, "2023/24 Q2": 101 },
    },
    {
      id: "K3",
      title: "Monthly",
      theme: "a",
      unit: "percent",
      decimals: 1,
      polarity: "lowerIsBetter",
      frequency: "monthly",
      aggregation: "average",
      target: 10,
      actuals: { "2023-04": 9, "2023-05": 10, "2023-06": 11, "2023-07": 10, "2023-08": 10, "2023-09": 10.3 },
    },
    {
      id: "K4",
      title: "Annual",
      theme: "a",
      polarity: "higherIsBetter",
      frequency: "annual",
      target: 5,
      actuals: { "2022/23": 4 },
    },
    {
      id: "C1",
      title: "Context",
      theme: "a",
      kind: "contextual",
      frequency: "sixMonthly",
      actuals: { "2023/24 H1": 3 },
    },
  ],
});

const input: ReportInput = {
  report,
  kpis,
  matrix: undefined,
  riskAppetite: undefined,
  risks: [],
  deliveryPlan: undefined,
  trackers: [],
  sources: {},
};
const view = buildReportView(input);
const row = (id: string) =>
  [...(view.themes[0]?.kpis ?? []), ...view.contextual].find((each) => each.id === id);

describe("buildReportView: KPIs", () => {
  it("counts rated and unrated indicators, leaving contextual ones out", () => {
    expect(view.summary.counts).toMatchObject({ green: 1, amber: 1, red: 1, notDue: 1, dataOnly: 0 });
    expect(view.summary.shares).toEqual({ rated: 3, green: 33, amber: 33, red: 33 });
    expect(view.themes[0]?.shares).toEqual(view.summary.shares);
    expect(view.contextual.map((each) => each.id)).toEqual(["C1"]);
  });

  it("lists the exceptions", () => {
    expect(view.exceptions.red.map((each) => each.id)).toEqual(["K1"]);
    expect(view.exceptions.redTwoPeriodsRunning.map((each) => each.id)).toEqual(["K1"]);
    expect(view.exceptions.redOrAmberAndWorsening.map((each) => each.id)).toEqual(["K1", "K3"]);
    expect(row("K1")?.remedialAction).toBe("Recovery plan.");
  });

  it("shows a band's own name with its rating's shape and colour", () => {
    expect(row("K2")?.statusLabel).toEqual({ label: "Exceeded", shape: "circle", tone: "green" });
    expect(view.ragKey.overrides).toEqual([
      "K2 uses its own rules: Exceeded: better than target; Green: exactly on target; Red: short of target.",
    ]);
  });

  it("notes a monthly indicator's month and its year-to-date average", () => {
    expect(row("K3")).toMatchObject({
      actual: "10.3%",
      periodNote: "September 2023",
      yearToDate: "10.05% on average this year",
      status: "amber",
      directionDescription: "Worse than August 2023 (10.0%)",
    });
  });

  it("shows an indicator that is not due with its latest figure", () => {
    expect(row("K4")).toMatchObject({
      status: "notDue",
      actual: "Not due",
      target: "5",
      periodNote: "Latest: 4 (2022/23)",
      lastYearTrend: "",
    });
  });

  it("shows a contextual indicator as data only", () => {
    expect(row("C1")).toMatchObject({
      status: "dataOnly",
      target: "Data only",
      actual: "3",
      periodNote: "2023/24 H1",
    });
  });
});
