// View model + rendered charts → the report's HTML and its running footer.
import type { ChartSpec } from "../charts/status-by-theme-chart.ts";
import type { ReportView } from "../model/build-report-view.ts";
import type { TemplateEngine } from "./template-engine.ts";

export interface RenderedChart extends Omit<ChartSpec, "configuration"> {
  svg: string;
}

export interface ReportHtml {
  html: string;
  footerHtml: string;
}

export function renderReportHtml(
  engine: TemplateEngine,
  view: ReportView,
  charts: readonly RenderedChart[],
): ReportHtml {
  const context = {
    ...view,
    // An <img> of the SVG keeps it vector in the PDF and gives the tagged Figure its /Alt text.
    charts: charts.map(({ svg, ...chart }) => ({
      ...chart,
      svgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    })),
  };
  return {
    html: engine.render("performance-report", context),
    footerHtml: engine.render("footer", {
      committee: view.meta.committee,
      meetingDate: view.meta.meetingDate,
      documentName: view.meta.documentName,
    }),
  };
}
