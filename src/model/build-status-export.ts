// Every computed status with its reason, as plain data for `--format json` and `--format csv`:
// figures as numbers, statuses as stable keys, in the order of the data files. Pure.
import { assessKpi } from "../calc/assess-kpi.ts";
import { assessPlannedAction } from "../calc/assess-planned-action.ts";
import { assessRisk } from "../calc/assess-risk.ts";
import { parsePeriod, periodDates } from "../calc/period.ts";
import { computeRecommendationStatus } from "../calc/recommendation-status.ts";
import type { ReportInput } from "../load/load-report-data.ts";
import { resolveRagRule } from "../schema/rag-rules-schema.ts";

export interface KpiStatusRecord {
  id: string;
  title: string;
  theme: string;
  kind: "kpi" | "contextual";
  /** The indicator's own period judged ("2023-09" for a monthly one); null when not due. */
  period: string | null;
  status: string;
  label: string | null;
  reason: string;
  unit: string;
  actual: number | null;
  /** The figure judged: the period's, or the year to date's sum or average. */
  judged: number | null;
  target: number | null;
  yearToDate: boolean;
  previous: number | null;
  lastYear: number | null;
  directionSincePrevious: string;
  directionSincePreviousReason: string;
  directionSinceLastYear: string;
  directionSinceLastYearReason: string;
}

export interface RiskStatusRecord {
  id: string;
  title: string;
  category: string | null;
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  summary: string;
  targetScore: number | null;
  movement: string;
  movementReason: string;
  withinAppetite: boolean | null;
  appetiteReason: string | null;
}

export interface ActionStatusRecord {
  /** "action" or "milestone" of the delivery plan, or "recommendation" of a tracker. */
  kind: "action" | "milestone" | "recommendation";
  id: string;
  title: string;
  /** The theme of a delivery-plan item, or the tracker's id for a recommendation. */
  group: string;
  status: string;
  declared: string | null;
  reason: string;
  disagreement: string | null;
}

export interface StatusExport {
  report: { organisation: string; committee: string; meetingDate: string; title: string; period: string };
  kpis: KpiStatusRecord[];
  risks: RiskStatusRecord[];
  actions: ActionStatusRecord[];
}

export function buildStatusExport(input: ReportInput): StatusExport {
  const { report } = input;
  const period = parsePeriod(report.period, report.financialYearStartMonth);
  if (!period) throw new Error(`unvalidated period ${report.period}`);
  const periodEnd = periodDates(period).end;

  const kpis = input.kpis.map((kpi): KpiStatusRecord => {
    const assessed = assessKpi(kpi, period, resolveRagRule(report.ragRules, kpi.rag));
    return {
      id: kpi.id,
      title: kpi.title,
      theme: kpi.theme,
      kind: kpi.kind,
      period: assessed.period?.key ?? null,
      status: assessed.status,
      label: assessed.label ?? null,
      reason: assessed.reason,
      unit: kpi.unit,
      actual: assessed.period?.value ?? null,
      judged: assessed.yearToDate ?? null,
      target: assessed.target ?? null,
      yearToDate: assessed.yearToDateBasis,
      previous: assessed.previous.value ?? null,
      lastYear: assessed.lastYear?.value ?? null,
      directionSincePrevious: assessed.direction.direction,
      directionSincePreviousReason: assessed.direction.description,
      directionSinceLastYear: assessed.directionLastYear.direction,
      directionSinceLastYearReason: assessed.directionLastYear.description,
    };
  });

  const { matrix } = input;
  const risks = matrix
    ? input.risks.map((risk): RiskStatusRecord => {
        const assessed = assessRisk(risk, matrix, input.riskAppetite);
        return {
          id: risk.id,
          title: risk.title,
          category: risk.category ?? null,
          likelihood: assessed.current.likelihood,
          impact: assessed.current.impact,
          score: assessed.current.score,
          band: assessed.current.band,
          summary: assessed.current.summary,
          targetScore: assessed.target?.score ?? null,
          movement: assessed.movement,
          movementReason: assessed.movementReason,
          withinAppetite: assessed.appetite?.within ?? null,
          appetiteReason: assessed.appetite?.reason ?? null,
        };
      })
    : [];

  const actions: ActionStatusRecord[] = [];
  const plan = input.deliveryPlan;
  for (const theme of plan?.themes ?? []) {
    const planned = [...theme.objectives.flatMap((objective) => objective.actions), ...theme.actions];
    for (const action of planned) {
      const assessed = assessPlannedAction(action, plan as NonNullable<typeof plan>, periodEnd);
      actions.push(statusRecord("action", action.id, action.title, theme.theme, assessed.result));
      assessed.milestones.forEach((milestone, index) => {
        const id = `${action.id}/${index + 1}`;
        actions.push(statusRecord("milestone", id, milestone.milestone.title, theme.theme, milestone.result));
      });
    }
  }
  for (const tracker of input.trackers) {
    for (const recommendation of tracker.recommendations) {
      const assessed = computeRecommendationStatus(recommendation, periodEnd);
      const title = firstLine(recommendation.recommendation);
      actions.push(statusRecord("recommendation", recommendation.code, title, tracker.id, assessed.result));
    }
  }

  return {
    report: {
      organisation: report.organisation,
      committee: report.committee,
      meetingDate: report.meetingDate,
      title: report.title,
      period: report.period,
    },
    kpis,
    risks,
    actions,
  };
}

function statusRecord(
  kind: ActionStatusRecord["kind"],
  id: string,
  title: string,
  group: string,
  result: { status: string; declared: string | undefined; reason: string; disagreement: string | undefined },
): ActionStatusRecord {
  return {
    kind,
    id,
    title,
    group,
    status: result.status,
    declared: result.declared ?? null,
    reason: result.reason,
    disagreement: result.disagreement ?? null,
  };
}

/** A recommendation's text can run to paragraphs; its first line names it. */
function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? text;
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}
