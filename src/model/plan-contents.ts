// The contents page of a longer document: which headings it lists, and their page numbers once a
// first printing has shown where each heading fell. Pure.
// Chromium cannot work out target page numbers in CSS, so a document with contents is printed,
// its bookmarks (one per heading) are read back, and it is printed again with the numbers in.
import type { ReportView } from "./build-report-view.ts";
import type { DocumentPlan } from "./plan-documents.ts";

export interface ContentsEntry {
  /** The heading's id in the template: the entry links to it. */
  id: string;
  /** The heading's text exactly: it is how the entry finds its bookmark. */
  title: string;
  level: 1 | 2;
  /** Filled in from the first printing; undefined before it and in the HTML twin. */
  page: number | undefined;
}

/** A bookmark of the printed PDF, in document order. */
export interface OutlineEntry {
  title: string;
  /** 1-based. */
  page: number;
}

/** A register this long runs to several landscape pages of detail: it gets a contents page. */
export const RISK_REGISTER_CONTENTS_FROM = 12;

/** The headings a document's contents page lists, or [] for a document too short to need one. */
export function planContents(view: ReportView, document: DocumentPlan): ContentsEntry[] {
  const entry = (id: string, title: string, level: 1 | 2 = 1): ContentsEntry => ({
    id,
    title,
    level,
    page: undefined,
  });
  switch (document.kind) {
    case "performance": {
      const themes = view.themes.filter((theme) => theme.kpis.length > 0);
      if (themes.length < 2) return [];
      return [
        entry("summary-heading", "Summary of performance"),
        ...themes.map((theme) => entry(`theme-${theme.id}`, theme.title)),
        entry("exceptions-heading", "Exceptions: indicators rated Red"),
      ];
    }
    case "delivery-plan": {
      const plan = view.deliveryPlan;
      if (!plan || plan.themes.length < 2) return [];
      return [
        entry("plan-summary-heading", "Summary of progress"),
        ...plan.themes.flatMap((theme) => [
          entry(`plan-theme-${theme.id}`, theme.title),
          ...theme.objectives.map((objective) => entry(`objective-${objective.id}`, objective.title, 2)),
        ]),
      ];
    }
    case "risk-register":
      if (view.risks.length < RISK_REGISTER_CONTENTS_FROM) return [];
      return [
        entry("heat-map-heading", "Risk heat map"),
        entry("matrix-key-heading", "How risks are scored"),
        entry("risk-details-heading", "Risk details"),
      ];
    default:
      return [];
  }
}

/**
 * Each entry's page: the first bookmark with its title after the previous entry's bookmark, so
 * two headings with the same words are told apart by their order. An entry whose heading has no
 * bookmark (a council's own template may have dropped it) gets no number rather than a wrong one.
 */
export function numberContents(
  entries: readonly ContentsEntry[],
  outline: readonly OutlineEntry[],
): ContentsEntry[] {
  let from = 0;
  return entries.map((entry) => {
    const wanted = normaliseTitle(entry.title);
    const at = outline.findIndex((item, index) => index >= from && normaliseTitle(item.title) === wanted);
    if (at < 0) return { ...entry, page: undefined };
    from = at + 1;
    return { ...entry, page: outline[at]?.page };
  });
}

/** True when both list the same pages: printing again would change nothing. */
export function samePages(a: readonly ContentsEntry[], b: readonly ContentsEntry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry.page === b[index]?.page);
}

/**
 * Titles compared without their white space: Chromium drops the space where a heading wraps
 * onto a second line when it names the bookmark ("Executive'sResponse").
 */
function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, "");
}
