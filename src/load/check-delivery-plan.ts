// Checks on delivery-plan.yaml that a schema cannot express: ids used once across the whole plan,
// dates that can be placed, starts before dues, milestones inside their action's time.
import { isAfter, parseISO } from "../calc/date-fns.ts";
import { type FuzzyDate, longDate, resolveFuzzyDate } from "../calc/parse-fuzzy-date.ts";
import { formatFieldPath, type Problem } from "../errors.ts";
import type { DeliveryPlan, PlannedAction } from "../schema/delivery-plan-schema.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

type Path = (string | number)[];

/** Every action of the plan with its path, in the order written. */
export function listPlannedActions(plan: DeliveryPlan): { action: PlannedAction; path: Path }[] {
  return plan.themes.flatMap((theme, themeIndex) => [
    ...theme.objectives.flatMap((objective, objectiveIndex) =>
      objective.actions.map((action, actionIndex) => ({
        action,
        path: ["themes", themeIndex, "objectives", objectiveIndex, "actions", actionIndex] as Path,
      })),
    ),
    ...theme.actions.map((action, actionIndex) => ({
      action,
      path: ["themes", themeIndex, "actions", actionIndex] as Path,
    })),
  ]);
}

export function checkDeliveryPlan(
  source: YamlSource,
  plan: DeliveryPlan,
  themeIds: ReadonlySet<string> | undefined,
  problems: Problem[],
): void {
  // Problems deep in the plan name the action they belong to.
  const add = (path: Path, message: string, hint: string, recordId?: string) =>
    problems.push({ ...problemAt(source, path, message, hint), ...(recordId ? { recordId } : {}) });

  if (plan.runs && isAfter(parseISO(plan.runs.from), parseISO(plan.runs.to))) {
    add(
      ["runs", "from"],
      "the plan starts after it ends",
      "Write the first day of the plan in from and the last in to.",
    );
  }
  const seenThemes = new Map<string, number>();
  plan.themes.forEach((theme, index) => {
    if (themeIds && !themeIds.has(theme.theme)) {
      add(
        ["themes", index, "theme"],
        `unknown theme "${theme.theme}"`,
        `Use one of the themes in report.yaml: ${[...themeIds].join(", ")}.`,
      );
    }
    const first = seenThemes.get(theme.theme);
    if (first !== undefined) {
      add(
        ["themes", index, "theme"],
        `the theme "${theme.theme}" is already planned at themes[${first}]`,
        "Put all of a theme's objectives and actions under one entry.",
      );
    } else seenThemes.set(theme.theme, index);
  });

  const seenIds = new Map<string, string>();
  const claim = (id: string, path: Path) => {
    const where = formatFieldPath(path);
    const first = seenIds.get(id);
    if (first !== undefined)
      add(
        [...path, "id"],
        `the id "${id}" is already used by ${first}`,
        "Every objective and action id must be unique across the plan.",
        id,
      );
    else seenIds.set(id, where);
  };
  plan.themes.forEach((theme, themeIndex) => {
    theme.objectives.forEach((objective, objectiveIndex) => {
      claim(objective.id, ["themes", themeIndex, "objectives", objectiveIndex]);
    });
  });

  const place = (date: FuzzyDate, path: Path, recordId: string): FuzzyDate => {
    const placed = resolveFuzzyDate(date, plan.runs);
    if (placed.kind === "noYear") {
      const hint = plan.runs
        ? `Write the year ("${date.text} ${parseISO(plan.runs.from).getFullYear()}"), or check the plan's runs dates.`
        : `Write the year ("${date.text} 2024"), or give the plan's run: runs: { from: 2023-04-01, to: 2024-03-31 }.`;
      add(path, placed.reason.replace(/^No fixed date: /, ""), hint, recordId);
    }
    return placed;
  };
  for (const { action, path } of listPlannedActions(plan)) {
    claim(action.id, path);
    const start = action.start && place(action.start, [...path, "start"], action.id);
    const due = action.due && place(action.due, [...path, "due"], action.id);
    if (action.completed) place(action.completed, [...path, "completed"], action.id);
    if (start?.from && due?.date && isAfter(parseISO(start.from), parseISO(due.date))) {
      add(
        [...path, "start"],
        `the action starts (${longDate(parseISO(start.from))}) after it is due (${longDate(parseISO(due.date))})`,
        "Check the start and due dates.",
        action.id,
      );
    }
    action.milestones.forEach((milestone, index) => {
      const milestonePath = [...path, "milestones", index];
      const milestoneDue = milestone.due && place(milestone.due, [...milestonePath, "due"], action.id);
      if (milestone.completed) place(milestone.completed, [...milestonePath, "completed"], action.id);
      if (milestoneDue?.date && due?.date && isAfter(parseISO(milestoneDue.date), parseISO(due.date))) {
        add(
          [...milestonePath, "due"],
          `the milestone is due (${longDate(parseISO(milestoneDue.date))}) after its action (${longDate(parseISO(due.date))})`,
          "Move the milestone inside the action's time, or the action's due date to its last milestone.",
          action.id,
        );
      }
    });
  }
}
