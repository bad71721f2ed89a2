// Draws every chart of a report's plan as SVG with the build's one renderer, keeping where each goes.
import type { ChartRenderer } from "./chart-renderer.ts";
import type { ChartSpec, RenderedChart } from "./chart-spec.ts";
import { mapReportCharts, type ReportCharts } from "./plan-report-charts.ts";

export function renderChartSvg(
  renderer: ChartRenderer,
  { configuration, ...chart }: ChartSpec,
): RenderedChart {
  return { ...chart, svg: renderer.renderSvg(configuration, `chart-${chart.id}`, chart.size) };
}

export function renderReportCharts(
  renderer: ChartRenderer,
  charts: ReportCharts,
): ReportCharts<RenderedChart> {
  return mapReportCharts(charts, (chart) => renderChartSvg(renderer, chart));
}
