// View model + document plan + rendered charts → one document's HTML and its running header and
// footer. The same template makes the printed page (stylesheets served to Chromium) and the HTML
// twin (stylesheet inlined, nothing else to fetch).
import Handlebars from "handlebars";
import type { RenderedChart } from "../charts/chart-spec.ts";
import { mapReportCharts, noReportCharts, type ReportCharts } from "../charts/plan-report-charts.ts";
import { ScrutinyError } from "../errors.ts";
import type { ReportView } from "../model/build-report-view.ts";
import type { ContentsEntry } from "../model/plan-contents.ts";
import type { DocumentPlan } from "../model/plan-documents.ts";
import type { TemplateEngine } from "./template-engine.ts";

export type { RenderedChart } from "../charts/chart-spec.ts";

export interface DocumentHtml {
  html: string;
  headerHtml: string;
  footerHtml: string;
}

export interface RenderDocumentOptions {
  view: ReportView;
  document: DocumentPlan;
  /** The document's charts by where they go; left out, it shows none. */
  charts?: ReportCharts<RenderedChart>;
  /** The contents page's entries (page numbers once known); none for a short document. */
  contents?: readonly ContentsEntry[];
  /** For the HTML twin: the stylesheet to inline. Left out, the page links the bundled stylesheets. */
  inlineStyles?: string;
}

export function renderDocumentHtml(engine: TemplateEngine, options: RenderDocumentOptions): DocumentHtml {
  const { view, document, charts, inlineStyles, contents = [] } = options;
  if (inlineStyles?.toLowerCase().includes("</style")) {
    throw new ScrutinyError(
      "template",
      "the stylesheet contains </style>, which would end the inlined styles",
    );
  }
  const context = {
    ...view,
    document,
    contents,
    tracker: document.trackerIndex === undefined ? undefined : view.trackers[document.trackerIndex],
    // Our own stylesheet file, not data: it is the one piece of markup passed through as is.
    inlineStyles: inlineStyles === undefined ? undefined : new Handlebars.SafeString(inlineStyles),
    // An <img> of the SVG keeps it vector in the PDF and gives the tagged Figure its /Alt text.
    charts: mapReportCharts(charts ?? noReportCharts<RenderedChart>(), ({ svg, ...chart }) => ({
      ...chart,
      svgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    })),
  };
  const margins = { meta: view.meta, document };
  return {
    html: engine.render(document.template, context),
    headerHtml: engine.render("header", margins),
    footerHtml: engine.render("footer", margins),
  };
}
