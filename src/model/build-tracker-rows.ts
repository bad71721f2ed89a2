// Recommendation trackers as plain data for the tracker templates: each recommendation with its
// responses, actions and status at the end of the period. Pure.
import { formatDueForTable } from "../calc/action-status.ts";
import { computeRecommendationStatus } from "../calc/recommendation-status.ts";
import { type ActionStatusSummary, summariseActionStatuses } from "../calc/summarise-action-statuses.ts";
import type { RecommendationTracker, ReviewType } from "../schema/recommendation-tracker-schema.ts";
import { type StatusColumns, statusColumns } from "./build-action-rows.ts";

export interface TrackerActionRow extends StatusColumns {
  action: string;
  officer: string | undefined;
  /** As written: "early December 2019", "ongoing". */
  byWhen: string | undefined;
  byWhenReason: string | undefined;
}

export interface RecommendationRow extends StatusColumns {
  code: string;
  reference: string | undefined;
  recommendation: string;
  findings: string | undefined;
  desiredOutcome: string | undefined;
  targetDate: string | undefined;
  targetDateReason: string | undefined;
  leadOfficer: string | undefined;
  resources: string | undefined;
  serviceResponse: string | undefined;
  executiveResponse: { decision: string; text: string | undefined } | undefined;
  actions: TrackerActionRow[];
  /** The progress update for this period, if any. */
  progress: string | undefined;
}

export interface TrackerView {
  id: string;
  title: string;
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
): TrackerView[] {
  return trackers.map((tracker) => {
    const recommendations = tracker.recommendations.map((recommendation) => {
      const assessed = computeRecommendationStatus(recommendation, periodEnd);
      const row: RecommendationRow = {
        code: recommendation.code,
        reference: recommendation.reference,
        recommendation: recommendation.recommendation,
        findings: recommendation.findings,
        desiredOutcome: recommendation.desiredOutcome,
        targetDate: recommendation.targetDate && formatDueForTable(recommendation.targetDate),
        targetDateReason: assessed.due?.reason,
        leadOfficer: recommendation.leadOfficer,
        resources: recommendation.resources,
        serviceResponse: recommendation.serviceResponse,
        executiveResponse: recommendation.executiveResponse && {
          decision: decisionLabels[recommendation.executiveResponse.decision],
          text: recommendation.executiveResponse.text,
        },
        actions: recommendation.actions.map((action, index) => {
          const result = assessed.actions[index];
          if (!result) throw new RangeError(`no status for action ${index} of ${recommendation.code}`);
          return {
            action: action.action,
            officer: action.officer,
            byWhen: action.byWhen && formatDueForTable(action.byWhen),
            byWhenReason: action.byWhen?.reason,
            ...statusColumns(result),
          };
        }),
        progress: recommendation.progress[periodKey],
        ...statusColumns(assessed.result),
      };
      return { row, status: assessed.result.status };
    });
    return {
      id: tracker.id,
      title: tracker.title,
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
