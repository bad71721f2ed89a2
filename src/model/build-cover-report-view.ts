// The committee cover report as plain data for its template, in the order and wording of a UK
// council's Part A / Part B report: the risk table scored on the register's matrix, the links to
// the corporate strategy answered Yes or No for every theme, the appendices listed. Pure.
import { format, parseISO } from "../calc/date-fns.ts";
import { scoreRisk } from "../calc/risk-score.ts";
import type { CoverReport } from "../schema/cover-report-schema.ts";
import type { ReportData } from "../schema/report-schema.ts";
import type { RiskMatrix } from "../schema/risk-schema.ts";

/** A row of the risk table, worded as committee reports word it. */
export interface DecisionRiskRow {
  risk: string;
  /** "Unlikely (2)". */
  likelihood: string;
  /** "Significant (2)". */
  impact: string;
  /** "Low (4)". */
  overall: string;
  /** "band-1": the band's place on the matrix, least severe first, for its colour. */
  bandClass: string;
  /** "Unlikely (2) × Significant (2) = Low (4)". */
  summary: string;
  actions: string;
}

/** An implication: a heading with its text, or the Risk Management section with its table. */
export interface ImplicationView {
  heading: string;
  text: string | undefined;
  risks: { introduction: string | undefined; rows: DecisionRiskRow[] } | undefined;
}

export interface OfficerView {
  name: string;
  role: string;
  phone: string | undefined;
  email: string | undefined;
}

export interface CoverReportView {
  committee: string;
  /** "Tuesday, 28 November 2023", as the report's first line writes it. */
  meetingDate: string;
  /** "Report of the Head of Transformation, Strategy and Performance". */
  reportOf: string;
  leadMember: string | undefined;
  title: string;
  purpose: string;
  recommendations: string;
  reasons: string;
  policyJustification: string | undefined;
  implementationTimetable: string | undefined;
  implications: ImplicationView[];
  /** "All wards." or "Abbey, Castle Hill and Riverside." */
  wardsAffected: string;
  publicityArrangements: string | undefined;
  consultations: string | undefined;
  /** Every theme of the corporate strategy, answered Yes when the report supports it. */
  strategyLinks: { title: string; answer: "Yes" | "No" }[];
  backgroundPapers: string[];
  officers: OfficerView[];
  /** Part B's numbered paragraphs. */
  background: string[];
  sections: { heading: string; text: string }[];
  /** Part B holds the background and further sections; without either there is no Part B. */
  hasPartB: boolean;
  /** "Appendix A – Quarter two performance report 2023/24". */
  appendices: string[];
}

export function buildCoverReportView(
  report: ReportData,
  matrix: RiskMatrix | undefined,
): CoverReportView | undefined {
  const cover = report.coverReport;
  if (!cover) return undefined;
  const linked = new Set(cover.linksToStrategy ?? report.themes.map((theme) => theme.id));
  return {
    committee: report.committee,
    meetingDate: format(parseISO(report.meetingDate), "EEEE, d MMMM yyyy"),
    reportOf: describeReportOf(report.reportOf),
    leadMember: report.leadMember,
    title: report.title,
    purpose: cover.purpose,
    recommendations: cover.recommendations,
    reasons: cover.reasons,
    policyJustification: cover.policyJustification,
    implementationTimetable: cover.implementationTimetable,
    implications: buildImplications(cover, matrix),
    wardsAffected: cover.wardsAffected === "all" ? "All wards." : `${joinWords(cover.wardsAffected)}.`,
    publicityArrangements: cover.publicityArrangements,
    consultations: cover.consultations,
    strategyLinks: report.themes.map((theme) => ({
      title: theme.title,
      answer: linked.has(theme.id) ? "Yes" : "No",
    })),
    backgroundPapers: [...cover.backgroundPapers],
    officers: cover.officersToContact.map((officer) => ({
      name: officer.name,
      role: officer.role,
      phone: officer.phone,
      email: officer.email,
    })),
    background: [...cover.background],
    sections: cover.sections.map((section) => ({ heading: section.heading, text: section.text })),
    hasPartB: cover.background.length > 0 || cover.sections.length > 0,
    appendices: report.appendices.map((appendix) => `${appendix.label} – ${appendix.title}`),
  };
}

/** "Report of the Head of …": the officer's post, with "the" unless it is already there. */
export function describeReportOf(reportOf: string): string {
  return /^the\s/i.test(reportOf) ? `Report of ${reportOf}` : `Report of the ${reportOf}`;
}

/**
 * The implications in the order given, with Risk Management after the one it names (by default the
 * first, Financial Implications in the usual template), or alone when there are no others.
 */
function buildImplications(cover: CoverReport, matrix: RiskMatrix | undefined): ImplicationView[] {
  const implications: ImplicationView[] = cover.implications.map((implication) => ({
    heading: implication.heading,
    text: implication.text,
    risks: undefined,
  }));
  const management = cover.riskManagement;
  if (!management) return implications;
  const section: ImplicationView = {
    heading: "Risk Management",
    text: undefined,
    risks: {
      introduction: management.introduction,
      rows: management.risks.map((risk) => {
        // The loader refuses a risk table without a matrix, or off it; this is a bug if it happens.
        if (!matrix) throw new RangeError("the cover report's risk table has no matrix to be scored on");
        const score = scoreRisk({ likelihood: risk.likelihood, impact: risk.impact }, matrix);
        return {
          risk: risk.risk,
          likelihood: `${score.likelihoodLabel} (${score.likelihood})`,
          impact: `${score.impactLabel} (${score.impact})`,
          overall: `${score.band} (${score.score})`,
          bandClass: `band-${score.bandIndex + 1}`,
          summary: score.summary,
          actions: risk.actions,
        };
      }),
    },
  };
  const afterIndex =
    management.after === undefined
      ? 0
      : implications.findIndex((implication) => implication.heading === management.after);
  implications.splice(Math.max(afterIndex, 0) + (implications.length > 0 ? 1 : 0), 0, section);
  return implications;
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
