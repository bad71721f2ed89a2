// Data-quality rules for `scrutiny check`: things a schema cannot see but a scrutiny committee
// would ask about. Pure: validated data and its calculated view in, placed findings out.
import { format, parseISO } from "../calc/date-fns.ts";
import type { FuzzyDate } from "../calc/parse-fuzzy-date.ts";
import {
  formatPeriod,
  parsePeriod,
  periodEndingWith,
  periodLengthOf,
  previousPeriod,
} from "../calc/period.ts";
import type { Problem } from "../errors.ts";
import { listPlannedActions } from "../load/check-delivery-plan.ts";
import type { ReportInput } from "../load/load-report-data.ts";
import type { YamlSource } from "../load/read-yaml-file.ts";
import { problemAt } from "../load/validate-source.ts";
import type { ReportView } from "../model/build-report-view.ts";
import { actionStatusLabels } from "../model/labels.ts";

export interface DataQualityRule {
  id: string;
  severity: "error" | "warning";
  /** What the rule asks for, for the README and `check --help`. */
  description: string;
}

export const DATA_QUALITY_RULES = {
  commentaryMissing: {
    id: "commentary-missing",
    severity: "error",
    description: "A red or amber indicator has commentary for the period.",
  },
  figureMissing: {
    id: "figure-missing",
    severity: "warning",
    description: "An indicator with no figure for the period says why (dataStatus awaited or notAvailable).",
  },
  awaitedAtMeeting: {
    id: "awaited-at-meeting",
    severity: "warning",
    description: "A figure still awaited when the committee meets has commentary explaining the delay.",
  },
  staleFigure: {
    id: "stale-figure",
    severity: "warning",
    description: "A figure exactly the same as the previous period's may not have been updated.",
  },
  overdueActionWithoutUpdate: {
    id: "overdue-action-without-update",
    severity: "warning",
    description: "An overdue delivery-plan action has commentary for the period explaining where it stands.",
  },
  targetNeverRated: {
    id: "target-never-rated",
    severity: "warning",
    description: "A data-only indicator has no target: with polarity dataOnly a target is never used.",
  },
  dateNotUnderstood: {
    id: "date-not-understood",
    severity: "warning",
    description:
      'A date with figures in it that Scrutiny cannot read ("Q3 2023") is flagged: it would count as no fixed date and never show as overdue.',
  },
} as const satisfies Record<string, DataQualityRule>;

export function checkDataQuality(input: ReportInput, view: ReportView): Problem[] {
  const findings: Problem[] = [];
  const find = (
    rule: DataQualityRule,
    source: YamlSource | undefined,
    path: readonly PropertyKey[],
    message: string,
    hint: string,
  ) => {
    if (!source) return;
    findings.push({ ...problemAt(source, path, message, hint), severity: rule.severity, rule: rule.id });
  };
  const reportPeriod = parsePeriod(input.report.period, input.report.financialYearStartMonth);
  const meeting = format(parseISO(input.report.meetingDate), "d MMMM yyyy");
  const rows = new Map(view.themes.flatMap((theme) => theme.kpis).map((row) => [row.id, row]));

  input.kpis.forEach((kpi, index) => {
    const row = rows.get(kpi.id);
    if (!row) return;
    const at = ["kpis", index] as const;
    if (kpi.polarity === "dataOnly" && (kpi.target !== undefined || Object.keys(kpi.targets).length > 0)) {
      find(
        DATA_QUALITY_RULES.targetNeverRated,
        input.sources.kpis,
        [...at, kpi.target !== undefined ? "target" : "targets"],
        `${kpi.id} has a target but is data only, so it is never rated against it`,
        "Set polarity to higherIsBetter or lowerIsBetter to rate it, or remove the target.",
      );
    }
    // Each indicator is checked for its own period (a month, a quarter, a half year or a year);
    // one that is not due this period has nothing to check.
    const own = reportPeriod && periodEndingWith(reportPeriod, periodLengthOf[kpi.frequency]);
    if (!own) return;
    const periodKey = formatPeriod(own);
    const previousKey = formatPeriod(previousPeriod(own));
    if ((row.status === "red" || row.status === "amber") && kpi.commentary[periodKey] === undefined) {
      find(
        DATA_QUALITY_RULES.commentaryMissing,
        input.sources.kpis,
        [...at, "commentary"],
        `${kpi.id} is ${row.status} for ${periodKey} but has no commentary for it`,
        `Add commentary: "${periodKey}": explaining the result and what is being done.`,
      );
    }
    const actual = kpi.actuals[periodKey];
    const declared = kpi.dataStatus[periodKey];
    const rated = kpi.polarity === "higherIsBetter" || kpi.polarity === "lowerIsBetter";
    if (actual === undefined && declared === undefined && rated) {
      find(
        DATA_QUALITY_RULES.figureMissing,
        input.sources.kpis,
        [...at, "actuals"],
        `${kpi.id} has no figure for ${periodKey} and does not say why`,
        `Add the figure, or dataStatus: { "${periodKey}": awaited } (or notAvailable).`,
      );
    }
    if (declared === "awaited" && kpi.commentary[periodKey] === undefined) {
      find(
        DATA_QUALITY_RULES.awaitedAtMeeting,
        input.sources.kpis,
        [...at, "dataStatus", periodKey],
        `${kpi.id}'s ${periodKey} figure is still awaited for the meeting on ${meeting}`,
        "Chase the figure, and explain the delay in the period's commentary.",
      );
    }
    const previous = kpi.actuals[previousKey];
    if (actual !== undefined && actual === previous && kpi.commentary[periodKey] === undefined) {
      find(
        DATA_QUALITY_RULES.staleFigure,
        input.sources.kpis,
        [...at, "actuals", periodKey],
        `${kpi.id}'s ${periodKey} figure (${actual}) is exactly the same as ${previousKey}'s`,
        "Check the figure was updated; if it really did not change, say so in the period's commentary.",
      );
    }
  });

  if (input.deliveryPlan) {
    const periodKey = input.report.period;
    const rows = new Map(view.actions.map((row) => [row.id, row]));
    for (const { action, path } of listPlannedActions(input.deliveryPlan)) {
      const row = rows.get(action.id);
      if (row?.status === actionStatusLabels.overdue && action.commentary[periodKey] === undefined) {
        find(
          DATA_QUALITY_RULES.overdueActionWithoutUpdate,
          input.sources.deliveryPlan,
          [...path, "commentary"],
          `${action.id} is overdue and has no update for ${periodKey}`,
          `Add commentary for ${periodKey} saying where the action stands and when it will be done.`,
        );
      }
    }
  }

  const dated: [YamlSource | undefined, unknown][] = [
    [input.sources.deliveryPlan, input.deliveryPlan],
    [input.sources.recommendations, { trackers: input.trackers }],
    [input.sources.risks, { risks: input.risks }],
  ];
  for (const [source, data] of dated) {
    for (const { date, path } of findFuzzyDates(data, [])) {
      if (date.kind === "unresolvable" && /\d/.test(date.text)) {
        find(
          DATA_QUALITY_RULES.dateNotUnderstood,
          source,
          path,
          `Scrutiny cannot read a date in "${date.text}", so it counts as no fixed date and will never show as overdue`,
          'Write the date as 2024-03-31, 31/03/2024, "Mar 2024" or "Spring 2024", or "TBC" if there is none yet.',
        );
      }
    }
  }
  return findings;
}

/** Every fuzzy date in validated data, with its path in the file. */
function findFuzzyDates(value: unknown, path: PropertyKey[]): { date: FuzzyDate; path: PropertyKey[] }[] {
  if (value === null || typeof value !== "object") return [];
  if (isFuzzyDate(value)) return [{ date: value, path }];
  const entries: [PropertyKey, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => findFuzzyDates(item, [...path, key]));
}

function isFuzzyDate(value: object): value is FuzzyDate {
  return "text" in value && "kind" in value && "fixed" in value && typeof value.text === "string";
}
