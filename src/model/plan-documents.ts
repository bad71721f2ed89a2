// Which documents one report folder builds, and what each is called. Pure.
// A committee's papers are a cover report plus appendices; each is its own PDF (and HTML twin),
// named in its running header the way the cover report lists it ("Appendix A – …").
import type { ReportInput } from "../load/load-report-data.ts";
import type { DocumentKind } from "../schema/cover-report-schema.ts";
import type { ReportView } from "./build-report-view.ts";

export interface DocumentPlan {
  kind: DocumentKind;
  /** The template that lays it out (templates/<template>.hbs). */
  template: string;
  /** The start of its file names: "performance-report" → performance-report-2023-24-q2.pdf. */
  fileStem: string;
  /** "Appendix A" when the cover report lists it as an appendix. */
  label: string | undefined;
  title: string;
  /** How the running header and the PDF title name it: "Appendix A – Quarter two performance report". */
  name: string;
  /** The PDF and HTML title: the name, and for an appendix the report it belongs to. */
  fullTitle: string;
  /** One sentence on what the document is, for the PDF subject and the HTML description. */
  description: string;
  /** The recommendation tracker a `recommendations` document shows. */
  trackerIndex?: number;
}

const fileStems: Readonly<Record<DocumentKind, string>> = {
  "cover-report": "cover-report",
  performance: "performance-report",
  contextual: "contextual-indicators",
  "risk-register": "risk-register",
  "delivery-plan": "delivery-plan",
  recommendations: "recommendations",
};

/** Every document the folder has data for, in committee-papers order, limited to `documents`. */
export function planDocuments(input: ReportInput, view: ReportView): DocumentPlan[] {
  const { report } = input;
  const wanted = (kind: DocumentKind) => report.documents === undefined || report.documents.includes(kind);
  const appendixFor = (kind: DocumentKind) =>
    report.appendices.find((appendix) => appendix.document === kind);
  const plan = (
    kind: DocumentKind,
    defaultTitle: string,
    extra: Partial<DocumentPlan> = {},
  ): DocumentPlan => {
    const appendix = appendixFor(kind);
    const title = appendix?.title ?? defaultTitle;
    return named(kind, appendix?.label, title, extra);
  };
  const named = (
    kind: DocumentKind,
    label: string | undefined,
    title: string,
    extra: Partial<DocumentPlan> = {},
  ): DocumentPlan => {
    const name = label ? `${label} – ${title}` : title;
    return {
      kind,
      template: kind === "recommendations" ? "recommendation-tracker" : kind,
      fileStem: fileStems[kind],
      label,
      title,
      name,
      fullTitle: label ? `${name}: ${report.title}` : name,
      description: `${report.organisation}, ${report.committee}, ${view.meta.meetingDate}: ${name}`,
      ...extra,
    };
  };

  const documents: DocumentPlan[] = [];
  if (wanted("cover-report") && report.coverReport) documents.push(plan("cover-report", report.title));
  if (wanted("performance") && view.themes.some((theme) => theme.kpis.length > 0)) {
    documents.push(plan("performance", `Performance report ${view.meta.period}`));
  }
  if (wanted("contextual") && view.contextual.length > 0) {
    documents.push(plan("contextual", `Place and contextual indicators ${view.meta.period}`));
  }
  if (wanted("risk-register") && view.risks.length > 0) {
    documents.push(plan("risk-register", `Risk register ${view.meta.period}`));
  }
  if (wanted("delivery-plan") && view.deliveryPlan) {
    documents.push(plan("delivery-plan", view.deliveryPlan.title ?? `Delivery plan ${view.meta.period}`));
  }
  if (wanted("recommendations")) {
    view.trackers.forEach((tracker, trackerIndex) => {
      // One appendix entry can name only one tracker: the first; the others keep their own titles.
      const appendix = trackerIndex === 0 ? appendixFor("recommendations") : undefined;
      documents.push(
        named("recommendations", appendix?.label, appendix?.title ?? tracker.title, {
          fileStem: `${fileStems.recommendations}-${tracker.id}`,
          trackerIndex,
        }),
      );
    });
  }
  return documents;
}
