// Which charts a report shows and where (pure): the summary, a dashboard per theme (its status and
// a small trend chart of each indicator), a full trend chart beside each exception, a trend of each
// contextual indicator, the risk profile and the delivery plan's progress.
import type { KpiRow, ReportView } from "../model/build-report-view.ts";
import type { DocumentKind } from "../schema/cover-report-schema.ts";
import { actionProgressChart } from "./action-progress-chart.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { directionOfTravelChart } from "./direction-of-travel-chart.ts";
import { kpiTrendChart } from "./kpi-trend-chart.ts";
import { riskProfileChart } from "./risk-profile-chart.ts";
import { statusByThemeChart } from "./status-by-theme-chart.ts";
import { themeStatusChart } from "./theme-status-chart.ts";

/** The report's charts by where they go; `T` is a spec, or a spec once drawn. */
export interface ReportCharts<T = ChartSpec> {
  summary: T[];
  /** Each theme's dashboard by theme id: its status, and a small trend of each indicator. */
  themes: Record<string, { status: T; trends: T[] }>;
  /** A full-size trend for each exception, by KPI id. */
  exceptions: Record<string, T>;
  /** A trend for each contextual indicator, by KPI id. */
  contextual: Record<string, T>;
  risks: T[];
  delivery: T[];
}

/** An indicator with fewer than two figures has no trend to draw. */
function hasTrend(kpi: KpiRow): boolean {
  return kpi.trend.points.filter((point) => point.actual !== undefined).length >= 2;
}

export function planReportCharts(view: ReportView): ReportCharts {
  const period = view.meta.period;
  const kpis = view.themes.flatMap((theme) => theme.kpis);
  return {
    summary: [statusByThemeChart(view.themes, period), directionOfTravelChart(kpis, period)],
    themes: Object.fromEntries(
      view.themes.map((theme) => [
        theme.id,
        {
          status: themeStatusChart(theme, period),
          trends: theme.kpis.map((kpi) => kpiTrendChart(kpi, { compact: true })),
        },
      ]),
    ),
    exceptions: Object.fromEntries(view.exceptions.red.map((kpi) => [kpi.id, kpiTrendChart(kpi)])),
    contextual: Object.fromEntries(
      view.contextual.filter(hasTrend).map((kpi) => [kpi.id, kpiTrendChart(kpi)]),
    ),
    risks: view.riskProfile && view.riskProfile.total > 0 ? [riskProfileChart(view.riskProfile)] : [],
    delivery: view.deliveryPlan ? [actionProgressChart(view.deliveryPlan, period)] : [],
  };
}

/** Every chart of the plan once, in reading order. */
export function listReportCharts<T>(charts: ReportCharts<T>): T[] {
  return [
    ...charts.summary,
    ...Object.values(charts.themes).flatMap((theme) => [theme.status, ...theme.trends]),
    ...Object.values(charts.exceptions),
    ...Object.values(charts.contextual),
    ...charts.risks,
    ...charts.delivery,
  ];
}

/** The same plan with each chart replaced, keeping where it goes. */
export function mapReportCharts<T, U>(charts: ReportCharts<T>, change: (chart: T) => U): ReportCharts<U> {
  const each = <K extends string>(record: Record<K, T>) =>
    Object.fromEntries(Object.entries<T>(record).map(([key, chart]) => [key, change(chart)])) as Record<K, U>;
  return {
    summary: charts.summary.map(change),
    themes: Object.fromEntries(
      Object.entries(charts.themes).map(([id, theme]) => [
        id,
        { status: change(theme.status), trends: theme.trends.map(change) },
      ]),
    ),
    exceptions: each(charts.exceptions),
    contextual: each(charts.contextual),
    risks: charts.risks.map(change),
    delivery: charts.delivery.map(change),
  };
}

/** A plan with nothing in it: the charts of a document that shows none. */
export function noReportCharts<T>(): ReportCharts<T> {
  return { summary: [], themes: {}, exceptions: {}, contextual: {}, risks: [], delivery: [] };
}

/** The part of the report's charts one document shows. */
export function chartsForDocument<T>(charts: ReportCharts<T>, kind: DocumentKind): ReportCharts<T> {
  const none = noReportCharts<T>();
  switch (kind) {
    case "performance":
      return { ...none, summary: charts.summary, themes: charts.themes, exceptions: charts.exceptions };
    case "contextual":
      return { ...none, contextual: charts.contextual };
    case "risk-register":
      return { ...none, risks: charts.risks };
    case "delivery-plan":
      return { ...none, delivery: charts.delivery };
    case "cover-report":
    case "recommendations":
      return none;
  }
}
