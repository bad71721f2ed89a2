// Recommendation trackers as plain data for the tracker templates: each recommendation with its
// responses, actions and status at the end of the period, laid out as the review's own table
// (a scrutiny review's code/outcome/response columns, or a peer challenge's action plan). Pure.
import { formatDueForTable } from "../calc/action-status.ts";
import { computeRecommendationStatus } from "../calc/recommendation-status.ts";
import { type ActionStatusSummary, summariseActionStatuses } from "../calc/summarise-action-statuses.ts";
import type {
  Recommendation,
  RecommendationTracker,
  ReviewType,
} from "../schema/recommendation-tracker-schema.ts";
import { type StatusColumns, statusColumns } from "./build-action-rows.ts";

export interface TrackerActionRow extends StatusColumns {
  action: string;
  officer: string | undefined;
  /** As written: "early December 2019", "ongoing". */
  byWhen: string | undefined;
  byWhenReason: string | undefined;
}

/** How the executive responded: the decision is shown unless the minuted text already says it. */
export interface ExecutiveResponseView {
  decision: string;
  text: string | undefined;
  showDecision: boolean;
}

export interface RecommendationRow extends StatusColumns {
  code: string;
  /** Its heading in the narrative layout: "Recommendation 1", "Risk appetite". */
  heading: string;
  reference: string | undefined;
  recommendation: string;
  findings: string | undefined;
  desiredOutcome: string | undefined;
  targetDate: string | undefined;
  targetDateReason: string | undefined;
  leadOfficer: string | undefined;
  resources: string | undefined;
  serviceResponse: string | undefined;
  executiveResponse: ExecutiveResponseView | undefined;
  actions: TrackerActionRow[];
  /** For an action plan's table: the first action shares the recommendation's row… */
  firstAction: TrackerActionRow | undefined;
  /** …and the others follow in rows of their own. */
  moreActions: TrackerActionRow[];
  /** The rows the recommendation's own cells span: one per action, at least one. */
  rowSpan: number;
  /** The progress update for this period, if any. */
  progress: string | undefined;
}

/**
 * "review": one row per recommendation with a scrutiny review's columns (desired outcome, target
 * date, lead officer, resources, service and executive response). "actionPlan": a peer challenge's
 * action plan, one row per action under its recommendation (response, action, officer, by when).
 * "narrative": a section per recommendation, as a written action plan reads.
 */
export type TrackerLayout = "review" | "actionPlan" | "narrative";

export interface TrackerView {
  id: string;
  title: string;
  layout: TrackerLayout;
  /** The layout as flags, for templates. */
  isActionPlan: boolean;
  isNarrative: boolean;
  /** In the narrative layout, what the recommendation is headed: "From the peer team". */
  recommendationLabel: string;
  /** The heading over the table: "Recommendations and responses", "Recommendations and actions". */
  tableHeading: string;
  /**
   * Whether anyone has reported progress (a status, a completion or a progress update): only then
   * does the table have a status column. A tracker as first agreed shows the review's columns alone.
   */
  tracked: boolean;
  /** An action plan shows a Response column when any recommendation has one. */
  hasResponses: boolean;
  /** "Progress in 2023/24 Q2". */
  progressHeading: string;
  introduction: { heading: string; text: string }[];
  sourceType: string;
  sourceName: string;
  committee: string | undefined;
  date: string | undefined;
  codeLabel: string;
  summary: ActionStatusSummary;
  recommendations: RecommendationRow[];
}

const reviewTypeLabels: Readonly<Record<ReviewType, string>> = {
  scrutinyReview: "Scrutiny review",
  peerChallenge: "Peer challenge",
  other: "Review",
};

const decisionLabels = {
  approved: "Approved",
  rejected: "Rejected",
  partlyApproved: "Partly approved",
} as const;

export function buildTrackerViews(
  trackers: readonly RecommendationTracker[],
  periodEnd: Date,
  periodKey: string,
  periodLabel = periodKey,
): TrackerView[] {
  return trackers.map((tracker) => {
    const recommendations = tracker.recommendations.map((recommendation) => {
      const assessed = computeRecommendationStatus(recommendation, periodEnd);
      const actions = recommendation.actions.map((action, index): TrackerActionRow => {
        const result = assessed.actions[index];
        if (!result) throw new RangeError(`no status for action ${index} of ${recommendation.code}`);
        return {
          action: action.action,
          officer: action.officer,
          byWhen: action.byWhen && formatDueForTable(action.byWhen),
          byWhenReason: action.byWhen?.reason,
          ...statusColumns(result),
        };
      });
      const row: RecommendationRow = {
        code: recommendation.code,
        heading: headingFor(recommendation.code, tracker.codeLabel),
        reference: recommendation.reference,
        recommendation: recommendation.recommendation,
        findings: recommendation.findings,
        desiredOutcome: recommendation.desiredOutcome,
        targetDate: recommendation.targetDate && formatDueForTable(recommendation.targetDate),
        targetDateReason: assessed.due?.reason,
        leadOfficer: recommendation.leadOfficer,
        resources: recommendation.resources,
        serviceResponse: recommendation.serviceResponse,
        executiveResponse: describeExecutiveResponse(recommendation),
        actions,
        firstAction: actions[0],
        moreActions: actions.slice(1),
        rowSpan: Math.max(actions.length, 1),
        progress: recommendation.progress[periodKey],
        ...statusColumns(assessed.result),
      };
      return { row, status: assessed.result.status };
    });
    const layout: TrackerLayout =
      tracker.layout === "narrative"
        ? "narrative"
        : tracker.source.type === "peerChallenge"
          ? "actionPlan"
          : "review";
    return {
      id: tracker.id,
      title: tracker.title,
      layout,
      isActionPlan: layout === "actionPlan",
      isNarrative: layout === "narrative",
      recommendationLabel: tracker.source.type === "peerChallenge" ? "From the peer team" : "Recommendation",
      tableHeading: layout === "review" ? "Recommendations and responses" : "Recommendations and actions",
      tracked: tracker.recommendations.some(hasProgressReported),
      hasResponses: tracker.recommendations.some(
        (recommendation) => recommendation.serviceResponse !== undefined,
      ),
      progressHeading: `Progress in ${periodLabel}`,
      introduction: tracker.introduction.map((section) => ({ heading: section.heading, text: section.text })),
      sourceType: reviewTypeLabels[tracker.source.type],
      sourceName: tracker.source.name,
      committee: tracker.source.committee,
      date: tracker.source.date?.text,
      codeLabel: tracker.codeLabel,
      summary: summariseActionStatuses(
        recommendations.map((item) => item.status),
        "recommendations",
      ),
      recommendations: recommendations.map((item) => item.row),
    };
  });
}

/** Someone has said where the recommendation stands, not only what was agreed. */
function hasProgressReported(recommendation: Recommendation): boolean {
  return (
    recommendation.status !== undefined ||
    recommendation.completed !== undefined ||
    Object.keys(recommendation.progress).length > 0 ||
    recommendation.actions.some((action) => action.status !== undefined || action.completed !== undefined)
  );
}

/** "Recommendation Approved." already says the decision; "Approved for two years…" does not say "Partly approved". */
function describeExecutiveResponse(recommendation: Recommendation): ExecutiveResponseView | undefined {
  const response = recommendation.executiveResponse;
  if (!response) return undefined;
  const decision = decisionLabels[response.decision];
  const text = response.text;
  return {
    decision,
    text,
    showDecision: text === undefined || !text.toLowerCase().includes(decision.toLowerCase()),
  };
}

/** A code that is a number ("1", "KR2.", "2.1") follows its label; a code in words stands alone. */
function headingFor(code: string, codeLabel: string): string {
  return /^[A-Za-z]{0,6}\d[\d.]*$/.test(code) ? `${codeLabel} ${code.replace(/\.$/, "")}` : code;
}
