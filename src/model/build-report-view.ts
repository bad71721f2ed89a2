// Validated data + calculations → everything the templates show, as plain data. Pure.
import { format, parseISO } from "date-fns";
import { computeActionStatus } from "../calc/action-status.ts";
import { computeDirectionOfTravel } from "../calc/direction-of-travel.ts";
import { formatDifference, formatValue } from "../calc/format-value.ts";
import { computeKpiStatus, type KpiStatus } from "../calc/kpi-status.ts";
import {
  formatPeriod,
  type Period,
  parsePeriod,
  periodDates,
  periodMonthsLabel,
  previousPeriod,
  samePeriodLastYear,
} from "../calc/period.ts";
import { riskMovement, scoreRisk } from "../calc/risk-score.ts";
import {
  countKpiStatuses,
  countUnrated,
  type KpiStatusCounts,
  summariseKpiStatuses,
} from "../calc/summarise-kpi-statuses.ts";
import type { ReportInput } from "../load/load-report-data.ts";
import type { Kpi, Tolerance } from "../schema/kpi-schema.ts";
import { type ActionRow, buildDeliveryPlanView, type DeliveryPlanView } from "./build-action-rows.ts";
import { buildRiskRows, type RiskRow } from "./build-risk-rows.ts";
import { buildTrackerViews, type TrackerView } from "./build-tracker-rows.ts";
import {
  actionStatusLabels,
  type DirectionLabel,
  directionLabels,
  kpiStatusLabels,
  riskMovementLabels,
  type StatusLabel,
} from "./labels.ts";

export interface KpiRow {
  id: string;
  title: string;
  owner: string | undefined;
  themeId: string;
  status: KpiStatus;
  statusLabel: StatusLabel;
  reason: string;
  target: string;
  actual: string;
  /** The figure may still change (declared in dataStatus). */
  provisional: boolean;
  previous: string;
  lastYear: string;
  direction: DirectionLabel;
  directionDescription: string;
  commentary: string | undefined;
}

export interface ThemeView {
  id: string;
  title: string;
  counts: KpiStatusCounts;
  summary: string;
  kpis: KpiRow[];
}

export interface RagKey {
  statuses: { label: StatusLabel; meaning: string }[];
  /** Indicators whose tolerance differs from the report's rule, or undefined. */
  overrides: string | undefined;
  rounding: string;
}

export interface ReportView {
  meta: {
    organisation: string;
    committee: string;
    meetingDate: string;
    title: string;
    documentName: string;
    reportOf: string;
    leadMember: string | undefined;
    period: string;
    periodMonths: string;
    classification: string;
    language: string;
    /** One sentence on what the document is, for the HTML description. */
    description: string;
  };
  ragKey: RagKey;
  summary: { counts: KpiStatusCounts; sentence: string };
  summaryTiles: { label: StatusLabel; count: number }[];
  themes: ThemeView[];
  exceptions: KpiRow[];
  risks: RiskRow[];
  actions: ActionRow[];
  deliveryPlan: DeliveryPlanView | undefined;
  /** Recommendation trackers, as data for the tracker templates. */
  trackers: TrackerView[];
}

export function buildReportView(input: ReportInput): ReportView {
  const { report } = input;
  const period = parsePeriod(report.period) as Period;
  const periodLabel = formatPeriod(period);
  const rows = input.kpis.map((kpi) => buildKpiRow(kpi, period, report.ragRule.tolerance));
  const themes = report.themes.map((theme) => {
    const kpis = rows.filter((row) => row.themeId === theme.id);
    const counts = countKpiStatuses(kpis.map((row) => row.status));
    return { id: theme.id, title: theme.title, counts, summary: summariseKpiStatuses(counts), kpis };
  });
  const counts = countKpiStatuses(rows.map((row) => row.status));
  const periodEnd = periodDates(period, report.financialYearStartMonth).end;
  const documentName = report.documentName ?? report.title;
  const deliveryPlan =
    input.deliveryPlan && buildDeliveryPlanView(input.deliveryPlan, report.themes, periodEnd, report.period);

  return {
    meta: {
      organisation: report.organisation,
      committee: report.committee,
      meetingDate: format(parseISO(report.meetingDate), "EEEE d MMMM yyyy"),
      title: report.title,
      documentName,
      reportOf: report.reportOf,
      leadMember: report.leadMember,
      period: periodLabel,
      periodMonths: periodMonthsLabel(period, report.financialYearStartMonth),
      classification: report.classification === "public" ? "Public" : "Exempt",
      language: report.language,
      description: `${report.organisation}: performance results for ${periodLabel}`,
    },
    ragKey: describeRagRule(report.ragRule.tolerance, input.kpis),
    summary: { counts, sentence: summariseKpiStatuses(counts) },
    summaryTiles: [
      { label: kpiStatusLabels.green, count: counts.green },
      { label: kpiStatusLabels.amber, count: counts.amber },
      { label: kpiStatusLabels.red, count: counts.red },
      {
        label: { ...kpiStatusLabels.dataOnly, label: "Not rated" },
        count: countUnrated(counts),
      },
    ],
    themes,
    exceptions: rows.filter((row) => row.status === "red"),
    risks: input.matrix ? buildRiskRows(input.risks, input.matrix, input.riskAppetite) : [],
    actions: deliveryPlan?.actions ?? [],
    deliveryPlan,
    trackers: buildTrackerViews(input.trackers, periodEnd, report.period),
  };
}

function buildKpiRow(kpi: Kpi, period: Period, defaultTolerance: Tolerance): KpiRow {
  const key = formatPeriod(period);
  const previousKey = formatPeriod(previousPeriod(period));
  const lastYearKey = formatPeriod(samePeriodLastYear(period));
  const valueFormat = { unit: kpi.unit, decimals: kpi.decimals };
  const show = (value: number | undefined) => (value === undefined ? "–" : formatValue(value, valueFormat));
  const actual = kpi.actuals[key];
  const result = computeKpiStatus({
    ...valueFormat,
    polarity: kpi.polarity,
    actual,
    target: kpi.target,
    tolerance: kpi.tolerance ?? defaultTolerance,
    dataStatus: kpi.dataStatus[key],
    periodLabel: key,
  });
  const direction = computeDirectionOfTravel(
    kpi.polarity,
    actual,
    kpi.actuals[previousKey],
    previousKey,
    show,
  );
  return {
    id: kpi.id,
    title: kpi.title,
    owner: kpi.owner,
    themeId: kpi.theme,
    status: result.status,
    statusLabel: kpiStatusLabels[result.status],
    reason:
      kpi.dataStatus[key] === "provisional" ? `${result.reason} The figure is provisional.` : result.reason,
    target: kpi.polarity === "dataOnly" ? "Data only" : show(kpi.target),
    actual: actual === undefined ? kpiStatusLabels[result.status].label : show(actual),
    provisional: kpi.dataStatus[key] === "provisional",
    previous: show(kpi.actuals[previousKey]),
    lastYear: show(kpi.actuals[lastYearKey]),
    direction: directionLabels[direction.direction],
    directionDescription: direction.description,
    commentary: kpi.commentary[key],
  };
}

function describeTolerance(tolerance: Tolerance): string {
  return tolerance.type === "relative"
    ? `${tolerance.value}% of the target`
    : `${formatDifference(tolerance.value, { unit: "number", decimals: 0, maxDecimals: 2 })} (absolute, in the unit of the indicator)`;
}

function describeRagRule(tolerance: Tolerance, kpis: readonly Kpi[]): RagKey {
  const size = describeTolerance(tolerance);
  const overrides = kpis
    .filter((kpi) => kpi.tolerance !== undefined && kpi.polarity !== "dataOnly")
    .map((kpi) => `${kpi.id}: ${describeTolerance(kpi.tolerance as Tolerance)}`);
  return {
    statuses: [
      { label: kpiStatusLabels.green, meaning: "On target or better." },
      { label: kpiStatusLabels.amber, meaning: `Short of target by no more than ${size}.` },
      { label: kpiStatusLabels.red, meaning: `Short of target by more than ${size}.` },
      { label: kpiStatusLabels.dataOnly, meaning: "Reported for context; no target, no rating." },
      { label: kpiStatusLabels.awaited, meaning: "The figure for this period has not been received yet." },
    ],
    overrides:
      overrides.length === 0
        ? undefined
        : `These indicators use their own tolerance: ${overrides.join("; ")}.`,
    rounding:
      "Figures are compared with their targets before rounding. Percentages of indicators are rounded to the nearest whole number, so they may not add up to 100.",
  };
}
