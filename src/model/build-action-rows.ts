// Delivery-plan rows: each action and milestone with its worked-out status at the end of the period,
// the status its lead officer declared beside it, grouped by theme and objective. Pure.
import { type ActionStatusResult, formatDueForTable } from "../calc/action-status.ts";
import { type AssessedAction, assessPlannedAction } from "../calc/assess-planned-action.ts";
import { type ActionStatusSummary, summariseActionStatuses } from "../calc/summarise-action-statuses.ts";
import type { DeliveryPlan, PlannedAction } from "../schema/delivery-plan-schema.ts";
import type { Theme } from "../schema/report-schema.ts";
import { actionStatusLabels, type StatusLabel } from "./labels.ts";

export interface StatusColumns {
  status: StatusLabel;
  reason: string;
  /** The lead officer's own status, when given. */
  declared: StatusLabel | undefined;
  /** Why the declared and worked-out statuses differ, when they do. */
  disagreement: string | undefined;
}

export interface MilestoneRow extends StatusColumns {
  title: string;
  /** As written ("Oct", "Sept–Dec"), or "30 September 2023" for an exact date. */
  due: string;
  dueReason: string | undefined;
  completed: string | undefined;
  /** What the plan shows in brackets after the title: the due date as written, or "done". */
  when: string;
}

export interface ActionRow extends StatusColumns {
  id: string;
  title: string;
  description: string | undefined;
  theme: string;
  objective: string | undefined;
  leadOfficer: string;
  resource: string | undefined;
  start: string | undefined;
  due: string;
  dueReason: string | undefined;
  percentComplete: string;
  expectedPercent: string | undefined;
  commentary: string | undefined;
  milestones: MilestoneRow[];
}

export interface DeliveryPlanView {
  title: string | undefined;
  actionSummary: ActionStatusSummary;
  milestoneSummary: ActionStatusSummary;
  themes: {
    id: string;
    title: string;
    cabinetMemberLead: string | undefined;
    directorLead: string | undefined;
    officerTeam: string | undefined;
    contributors: string | undefined;
    /** The leads above, labelled, leaving out those not given. */
    leads: { label: string; name: string }[];
    /** Objectives with their actions (those with none are the theme's `areas`). */
    objectives: { id: string; title: string; description: string | undefined; actions: ActionRow[] }[];
    /** Objectives with no actions yet: the theme's areas of focus. */
    areas: { title: string; description: string | undefined }[];
    /** Actions under the theme but no objective. */
    actions: ActionRow[];
  }[];
  /** Every action in plan order, for a single table. */
  actions: ActionRow[];
}

export function buildDeliveryPlanView(
  plan: DeliveryPlan,
  themes: readonly Theme[],
  periodEnd: Date,
  periodKey: string,
): DeliveryPlanView {
  const themeTitles = new Map(themes.map((theme) => [theme.id, theme.title]));
  const assessed: AssessedAction[] = [];
  const row = (action: PlannedAction, theme: string, objective: string | undefined): ActionRow => {
    const result = assessPlannedAction(action, plan, periodEnd);
    assessed.push(result);
    return buildActionRow(result, theme, objective, periodKey);
  };
  const themeViews = plan.themes.map((themePlan) => {
    const title = themeTitles.get(themePlan.theme) ?? themePlan.theme;
    return {
      id: themePlan.theme,
      title,
      cabinetMemberLead: themePlan.cabinetMemberLead,
      directorLead: themePlan.directorLead,
      officerTeam: themePlan.officerTeam,
      contributors: themePlan.contributors,
      leads: [
        { label: "Cabinet Member(s) lead", name: themePlan.cabinetMemberLead },
        { label: "Director lead", name: themePlan.directorLead },
        { label: "Cross-council officer team", name: themePlan.officerTeam },
        { label: "Non-council contributors", name: themePlan.contributors },
      ].filter((lead): lead is { label: string; name: string } => lead.name !== undefined),
      objectives: themePlan.objectives
        .filter((objective) => objective.actions.length > 0)
        .map((objective) => ({
          id: objective.id,
          title: objective.title,
          description: objective.description,
          actions: objective.actions.map((action) => row(action, title, objective.title)),
        })),
      areas: themePlan.objectives
        .filter((objective) => objective.actions.length === 0)
        .map((objective) => ({ title: objective.title, description: objective.description })),
      actions: themePlan.actions.map((action) => row(action, title, undefined)),
    };
  });
  return {
    title: plan.title,
    actionSummary: summariseActionStatuses(assessed.map((item) => item.result.status)),
    milestoneSummary: summariseActionStatuses(
      assessed.flatMap((item) => item.milestones.map((milestone) => milestone.result.status)),
      "milestones",
    ),
    themes: themeViews,
    actions: themeViews.flatMap((theme) => [
      ...theme.objectives.flatMap((objective) => objective.actions),
      ...theme.actions,
    ]),
  };
}

export function statusColumns(result: ActionStatusResult): StatusColumns {
  return {
    status: actionStatusLabels[result.status],
    reason: result.reason,
    declared: result.declared && actionStatusLabels[result.declared],
    disagreement: result.disagreement,
  };
}

function buildActionRow(
  assessed: AssessedAction,
  theme: string,
  objective: string | undefined,
  periodKey: string,
): ActionRow {
  const { action, result } = assessed;
  return {
    id: action.id,
    title: action.title,
    description: action.description,
    theme,
    objective,
    leadOfficer: action.leadOfficer,
    resource: action.resource,
    start: assessed.start && formatDueForTable(assessed.start),
    due: formatDueForTable(assessed.due),
    dueReason: assessed.due?.reason,
    percentComplete: action.percentComplete === undefined ? "–" : `${action.percentComplete}%`,
    expectedPercent:
      result.expectedPercent === undefined ? undefined : `${Math.round(result.expectedPercent)}%`,
    commentary: action.commentary[periodKey],
    ...statusColumns(result),
    milestones: assessed.milestones.map((milestone) => ({
      title: milestone.milestone.title,
      due: formatDueForTable(milestone.due),
      dueReason: milestone.due?.reason,
      completed: milestone.completed?.text,
      when: milestone.due ? formatDueForTable(milestone.due) : (milestone.completed?.text ?? "no date"),
      ...statusColumns(milestone.result),
    })),
  };
}
