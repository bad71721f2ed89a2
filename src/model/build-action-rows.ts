// Delivery-plan rows: each action's computed status at the end of the period. Pure.
import { format, parseISO } from "date-fns";
import { computeActionStatus } from "../calc/action-status.ts";
import type { Action } from "../schema/action-schema.ts";
import type { Theme } from "../schema/report-schema.ts";
import { actionStatusLabels, type StatusLabel } from "./labels.ts";

export interface ActionRow {
  id: string;
  title: string;
  theme: string;
  leadOfficer: string;
  resource: string | undefined;
  due: string;
  status: StatusLabel;
  reason: string;
  percentComplete: string;
  commentary: string | undefined;
}

export function buildActionRows(
  actions: readonly Action[],
  themes: readonly Theme[],
  periodEnd: Date,
): ActionRow[] {
  const themeTitles = new Map(themes.map((theme) => [theme.id, theme.title]));
  return actions.map((action) => {
    const result = computeActionStatus(action, periodEnd);
    return {
      id: action.id,
      title: action.title,
      theme: themeTitles.get(action.theme) ?? action.theme,
      leadOfficer: action.leadOfficer,
      resource: action.resource,
      due: format(parseISO(action.due), "d MMM yyyy"),
      status: actionStatusLabels[result.status],
      reason: result.reason,
      percentComplete: action.percentComplete === undefined ? "–" : `${action.percentComplete}%`,
      commentary: action.commentary,
    };
  });
}
