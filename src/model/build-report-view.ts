// Validated data + calculations → everything the templates show, as plain data. Pure.

import { assessKpi } from "../calc/assess-kpi.ts";
import { compareWithBenchmark } from "../calc/compare-with-benchmark.ts";
import { format, parseISO } from "../calc/date-fns.ts";
import type { Direction } from "../calc/direction-of-travel.ts";
import { findKpiExceptions } from "../calc/find-kpi-exceptions.ts";
import { formatValue } from "../calc/format-value.ts";
import type { KpiStatus } from "../calc/kpi-status.ts";
import {
  formatPeriod,
  type Period,
  parsePeriod,
  periodDates,
  periodLabel,
  periodMonthsLabel,
} from "../calc/period.ts";
import {
  countKpiStatuses,
  countUnrated,
  type KpiStatusCounts,
  type RatedShares,
  shareOfRated,
  summariseKpiStatuses,
} from "../calc/summarise-kpi-statuses.ts";
import type { ReportInput } from "../load/load-report-data.ts";
import type { CoverReport } from "../schema/cover-report-schema.ts";
import type { Kpi } from "../schema/kpi-schema.ts";
import { type RagRules, resolveRagRule } from "../schema/rag-rules-schema.ts";
import { type ActionRow, buildDeliveryPlanView, type DeliveryPlanView } from "./build-action-rows.ts";
import { buildCoverReportView, type CoverReportView } from "./build-cover-report-view.ts";
import { buildKpiTrend, type KpiTrend } from "./build-kpi-trend.ts";
import { buildRiskHeatMap, type HeatMapView } from "./build-risk-heat-map.ts";
import { buildRiskProfile, type RiskProfile } from "./build-risk-profile.ts";
import { buildRiskRows, type RiskRow } from "./build-risk-rows.ts";
import { buildTrackerViews, type TrackerView } from "./build-tracker-rows.ts";
import { describeRagRules, type RagKey } from "./describe-rag-rules.ts";
import { type DirectionLabel, directionLabels, kpiStatusLabels, type StatusLabel } from "./labels.ts";

export interface KpiRow {
  id: string;
  title: string;
  owner: string | undefined;
  themeId: string;
  status: KpiStatus;
  statusLabel: StatusLabel;
  reason: string;
  /** The target the figure was judged against (the year-to-date target when that is what was judged). */
  target: string;
  actual: string;
  /** The indicator's own period when it is not the report's ("September 2023", "2023/24 H1"). */
  periodNote: string | undefined;
  /** "79 so far this year": the year-to-date figure, when that is what was judged. */
  yearToDate: string | undefined;
  /** The figure may still change (declared in dataStatus). */
  provisional: boolean;
  previous: string;
  lastYear: string;
  direction: DirectionLabel;
  /** The direction since the previous period in the calculation's terms (for the exception lists). */
  changeSincePrevious: Direction;
  directionDescription: string;
  directionLastYear: DirectionLabel;
  directionLastYearDescription: string;
  /** The direction against the same period last year in the calculation's terms (for the charts). */
  changeSinceLastYear: Direction;
  /** The direction's word against last year ("Improved"), or "" when there is nothing to compare. */
  lastYearTrend: string;
  previousStatus: KpiStatus | undefined;
  commentary: string | undefined;
  remedialAction: string | undefined;
  benchmarks: { description: string; comparison: string | undefined }[];
  source: string | undefined;
  definition: string | undefined;
  /** The figures through the year (or the latest years) for the trend chart. */
  trend: KpiTrend;
}

export interface ThemeView {
  id: string;
  title: string;
  counts: KpiStatusCounts;
  shares: RatedShares;
  summary: string;
  /** The theme's counts as the dashboard's tiles: Green, Amber, Red, not rated. */
  tiles: StatusTile[];
  kpis: KpiRow[];
}

export interface StatusTile {
  label: StatusLabel;
  count: number;
}

export type { RagKey } from "./describe-rag-rules.ts";

export interface ReportView {
  meta: {
    organisation: string;
    committee: string;
    meetingDate: string;
    title: string;
    reportOf: string;
    leadMember: string | undefined;
    period: string;
    periodMonths: string;
    classification: string;
    exempt: boolean;
    exemptionReason: string | undefined;
    /** "This report is exempt from publication by virtue of Paragraph 3 …", a full sentence. */
    exemptionNotice: string | undefined;
    language: string;
    /** One sentence on what the document is, for the HTML description. */
    description: string;
  };
  ragKey: RagKey;
  summary: { counts: KpiStatusCounts; shares: RatedShares; sentence: string };
  summaryTiles: StatusTile[];
  themes: ThemeView[];
  exceptions: {
    red: KpiRow[];
    redTwoPeriodsRunning: KpiRow[];
    redOrAmberAndWorsening: KpiRow[];
  };
  /** Place and contextual indicators (Appendix B): shown with benchmarks, never rated or counted. */
  contextual: KpiRow[];
  risks: RiskRow[];
  /** Risks in each band at each stage (inherent, current, target), for the risk profile chart. */
  riskProfile: RiskProfile | undefined;
  /** The current scores on the council's matrix, with the matrix's key; undefined without risks. */
  riskHeatMap: HeatMapView | undefined;
  actions: ActionRow[];
  deliveryPlan: DeliveryPlanView | undefined;
  /** The committee cover report's sections as written (Markdown), when report.yaml has one. */
  coverReport: CoverReport | undefined;
  /** The cover report laid out for its template: risk table scored, strategy links answered. */
  cover: CoverReportView | undefined;
  /** Recommendation trackers, as data for the tracker templates. */
  trackers: TrackerView[];
}

export function buildReportView(input: ReportInput): ReportView {
  const { report } = input;
  const period = parsePeriod(report.period, report.financialYearStartMonth) as Period;
  const label = periodLabel(period);
  const rulesFor = (kpi: Kpi) => resolveRagRule(report.ragRules, kpi.rag);
  const kpis = input.kpis.filter((kpi) => kpi.kind === "kpi");
  const rows = kpis.map((kpi) => buildKpiRow(kpi, period, rulesFor(kpi)));
  const themes = report.themes.map((theme) => {
    const themeRows = rows.filter((row) => row.themeId === theme.id);
    const counts = countKpiStatuses(themeRows.map((row) => row.status));
    return {
      id: theme.id,
      title: theme.title,
      counts,
      shares: shareOfRated(counts),
      summary: summariseKpiStatuses(counts),
      tiles: statusTiles(counts),
      kpis: themeRows,
    };
  });
  const counts = countKpiStatuses(rows.map((row) => row.status));
  const periodEnd = periodDates(period).end;
  const deliveryPlan =
    input.deliveryPlan && buildDeliveryPlanView(input.deliveryPlan, report.themes, periodEnd, report.period);
  const exceptions = findKpiExceptions(rows);
  const risks = input.matrix ? buildRiskRows(input.risks, input.matrix, input.riskAppetite) : [];

  return {
    meta: {
      organisation: report.organisation,
      committee: report.committee,
      meetingDate: format(parseISO(report.meetingDate), "EEEE d MMMM yyyy"),
      title: report.title,
      /** The exemption paragraph of an exempt report, for its "not for publication" notice. */
      exemptionReason: report.exemptionReason,
      exemptionNotice:
        report.exemptionReason &&
        `This report is exempt from publication by virtue of ${report.exemptionReason.replace(/[.;,:\s]*$/, "")}.`,
      reportOf: report.reportOf,
      leadMember: report.leadMember,
      period: label,
      periodMonths: periodMonthsLabel(period),
      classification: report.classification === "public" ? "Public" : "Exempt",
      exempt: report.classification === "exempt",
      language: report.language,
      description: `${report.organisation}: performance results for ${label}`,
    },
    ragKey: describeRagRules(report.ragRules, kpis),
    summary: { counts, shares: shareOfRated(counts), sentence: summariseKpiStatuses(counts) },
    summaryTiles: statusTiles(counts),
    themes,
    exceptions,
    contextual: input.kpis
      .filter((kpi) => kpi.kind === "contextual")
      .map((kpi) => buildKpiRow(kpi, period, rulesFor(kpi))),
    risks,
    riskProfile: input.matrix ? buildRiskProfile(input.risks, input.matrix) : undefined,
    riskHeatMap: input.matrix && buildRiskHeatMap(input.matrix, risks, input.riskAppetite),
    actions: deliveryPlan?.actions ?? [],
    deliveryPlan,
    coverReport: report.coverReport,
    cover: buildCoverReportView(report, input.matrix),
    trackers: buildTrackerViews(input.trackers, periodEnd, report.period, label),
  };
}

function statusTiles(counts: KpiStatusCounts): StatusTile[] {
  return [
    { label: kpiStatusLabels.green, count: counts.green },
    { label: kpiStatusLabels.amber, count: counts.amber },
    { label: kpiStatusLabels.red, count: counts.red },
    { label: { ...kpiStatusLabels.dataOnly, label: "Not rated" }, count: countUnrated(counts) },
  ];
}

function buildKpiRow(kpi: Kpi, reportPeriod: Period, rules: RagRules): KpiRow {
  const valueFormat = { unit: kpi.unit, decimals: kpi.decimals };
  const show = (value: number | undefined) => (value === undefined ? "–" : formatValue(value, valueFormat));
  const assessment = assessKpi(kpi, reportPeriod, rules);
  const key = assessment.period?.key ?? formatPeriod(reportPeriod);
  const statusLabel = kpiStatusLabels[assessment.status];
  const provisional = kpi.dataStatus[key] === "provisional";
  const rated = kpi.kind === "kpi" && (kpi.polarity === "higherIsBetter" || kpi.polarity === "lowerIsBetter");
  const actual = assessment.period?.value;
  return {
    id: kpi.id,
    title: kpi.title,
    owner: kpi.owner,
    themeId: kpi.theme,
    status: assessment.status,
    statusLabel: { ...statusLabel, label: assessment.label ?? statusLabel.label },
    reason: provisional ? `${assessment.reason} The figure is provisional.` : assessment.reason,
    target: !rated
      ? "Data only"
      : assessment.status === "notDue"
        ? show(kpi.target)
        : show(assessment.target),
    actual: actual === undefined ? statusLabel.label : show(actual),
    periodNote:
      assessment.period && assessment.period.label !== periodLabel(reportPeriod)
        ? assessment.period.label
        : assessment.status === "notDue" && assessment.previous.value !== undefined
          ? `Latest: ${show(assessment.previous.value)} (${assessment.previous.label})`
          : undefined,
    yearToDate:
      assessment.yearToDateBasis && assessment.yearToDate !== undefined
        ? kpi.aggregation === "cumulative"
          ? `${show(assessment.yearToDate)} so far this year`
          : // An average has more decimals than its figures; show enough of them to match the rating.
            `${formatValue(assessment.yearToDate, { ...valueFormat, maxDecimals: kpi.decimals + 2 })} on average this year`
        : undefined,
    provisional,
    previous: show(assessment.previous.value),
    lastYear: show(assessment.lastYear?.value),
    direction: directionLabels[assessment.direction.direction],
    changeSincePrevious: assessment.direction.direction,
    directionDescription: assessment.direction.description,
    directionLastYear: directionLabels[assessment.directionLastYear.direction],
    directionLastYearDescription: assessment.directionLastYear.description,
    changeSinceLastYear: assessment.directionLastYear.direction,
    lastYearTrend:
      assessment.directionLastYear.direction === "notComparable"
        ? ""
        : directionLabels[assessment.directionLastYear.direction].label,
    previousStatus: assessment.previousStatus,
    commentary: kpi.commentary[key],
    remedialAction: kpi.remedialAction[key],
    benchmarks: kpi.benchmarks.map((benchmark) => {
      const { description, comparison } = compareWithBenchmark(benchmark, actual, kpi.polarity, valueFormat);
      return { description, comparison };
    }),
    source: kpi.source,
    definition: kpi.definition,
    trend: buildKpiTrend(kpi, reportPeriod, rules),
  };
}
