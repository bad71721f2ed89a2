// Scrutiny's library API. Only re-exports; the CLI is a separate entry point (src/cli/bin.ts).
export { type ActionStatus, computeActionStatus } from "./calc/action-status.ts";
export { assessKpi, type KpiAssessment } from "./calc/assess-kpi.ts";
export { type AssessedAction, assessPlannedAction } from "./calc/assess-planned-action.ts";
export { assessRisk, type RiskAssessment } from "./calc/assess-risk.ts";
export { computeDirectionOfTravel, type Direction } from "./calc/direction-of-travel.ts";
export { formatValue } from "./calc/format-value.ts";
export { computeKpiStatus, type KpiStatus, type KpiStatusResult } from "./calc/kpi-status.ts";
export { type FuzzyDate, parseFuzzyDate } from "./calc/parse-fuzzy-date.ts";
export {
  formatPeriod,
  type Period,
  parsePeriod,
  periodDates,
  periodLabel,
  periodMonthsLabel,
} from "./calc/period.ts";
export { computeRecommendationStatus } from "./calc/recommendation-status.ts";
export { bandForCell, bandForScore, type RiskScore, scoreRisk } from "./calc/risk-score.ts";
export { exitCodes, type Problem, ScrutinyError, type ScrutinyErrorCode } from "./errors.ts";
export { loadReportData, type ReportInput } from "./load/load-report-data.ts";
export { buildReportView, type ReportView } from "./model/build-report-view.ts";
export { type BuildReportOptions, type BuildReportResult, buildReport } from "./pack/build-report.ts";
export { createBrowserHandle } from "./pdf/browser.ts";
export { defaultRagRules, type RagRules, resolveRagRule } from "./schema/rag-rules-schema.ts";
