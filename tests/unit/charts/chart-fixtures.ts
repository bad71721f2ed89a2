// A small report built with the real schemas and calculations, for the chart spec tests.
import type {
  ChartSpec,
  ScrutinyFillOptions,
  ScrutinyKeyOptions,
  ScrutinyLabelOptions,
} from "../../../src/charts/chart-spec.ts";
import type { ReportInput } from "../../../src/load/load-report-data.ts";
import { buildReportView, type KpiRow, type ReportView } from "../../../src/model/build-report-view.ts";
import { kpiFileSchema } from "../../../src/schema/kpi-schema.ts";
import { reportSchema } from "../../../src/schema/report-schema.ts";
import { riskFileSchema } from "../../../src/schema/risk-schema.ts";

const report = reportSchema.parse({
  organisation: "Test Council",
  committee: "Scrutiny",
  meetingDate: "2023-11-28",
  title: "Q2",
  reportOf: "Head of Performance",
  period: "2023/24 Q2",
  themes: [
    { id: "env", title: "Environment" },
    { id: "people", title: "People" },
  ],
});

const { kpis } = kpiFileSchema.parse({
  kpis: [
    {
      id: "CE01",
      title: "Household waste recycled",
      theme: "env",
      unit: "percent",
      decimals: 1,
      polarity: "higherIsBetter",
      target: 45,
      actuals: { "2022/23 Q1": 47, "2022/23 Q2": 44, "2023/24 Q1": 46.2, "2023/24 Q2": 43.1 },
    },
    {
      id: "CE02",
      title: "Missed bins",
      theme: "env",
      polarity: "lowerIsBetter",
      target: 60,
      actuals: { "2022/23 Q2": 71, "2023/24 Q1": 58, "2023/24 Q2": 75 },
    },
    {
      id: "CE03",
      title: "Air quality",
      theme: "env",
      decimals: 1,
      actuals: { "2022/23 Q2": 34.2, "2023/24 Q2": 31.7 },
    },
    {
      id: "PE01",
      title: "Homes delivered",
      theme: "people",
      polarity: "higherIsBetter",
      aggregation: "cumulative",
      target: 240,
      actuals: { "2023/24 Q1": 70, "2023/24 Q2": 60 },
    },
    {
      id: "PX01",
      title: "Claimant count",
      theme: "people",
      kind: "contextual",
      unit: "percent",
      decimals: 1,
      polarity: "lowerIsBetter",
      frequency: "sixMonthly",
      actuals: { "2022/23 H1": 3.1, "2022/23 H2": 3.0, "2023/24 H1": 2.9 },
    },
  ],
});

const risks = riskFileSchema.parse({
  matrix: {
    likelihood: [1, 2, 3, 4].map((value) => ({ value, label: `L${value}` })),
    impact: [1, 2, 3, 4].map((value) => ({ value, label: `I${value}` })),
    bands: [
      { name: "Low", from: 1, to: 4 },
      { name: "Medium", from: 5, to: 8 },
      { name: "High", from: 9, to: 16 },
    ],
  },
  risks: [
    {
      id: "R1",
      title: "One",
      owner: "A",
      inherent: { likelihood: 4, impact: 4 },
      current: { likelihood: 2, impact: 3 },
      target: { likelihood: 1, impact: 2 },
    },
    { id: "R2", title: "Two", owner: "B", current: { likelihood: 3, impact: 3 } },
  ],
});

export const input: ReportInput = {
  report,
  kpis,
  matrix: risks.matrix,
  riskAppetite: undefined,
  risks: risks.risks,
  deliveryPlan: undefined,
  trackers: [],
  sources: {},
};

export const view: ReportView = buildReportView(input);

export function kpiRow(id: string): KpiRow {
  const row = [...view.themes.flatMap((theme) => theme.kpis), ...view.contextual].find(
    (each) => each.id === id,
  );
  if (!row) throw new Error(`no KPI ${id} in the fixture`);
  return row;
}

/** The options a spec wrote for our plugins, as it wrote them (Chart.js types them all optional). */
export function scrutinyOptions(spec: ChartSpec): {
  key: ScrutinyKeyOptions;
  labels: ScrutinyLabelOptions;
  fills: ScrutinyFillOptions;
} {
  const plugins = (spec.configuration.options?.plugins ?? {}) as {
    scrutinyKey?: ScrutinyKeyOptions;
    scrutinyLabels?: ScrutinyLabelOptions;
    scrutinyFills?: ScrutinyFillOptions;
  };
  return {
    key: plugins.scrutinyKey ?? { items: [] },
    labels: plugins.scrutinyLabels ?? { sets: [] },
    fills: plugins.scrutinyFills ?? { datasets: [] },
  };
}
