// delivery-plan.yaml: the council's delivery plan, themes → objectives → actions → milestones,
// with who leads each action and how far it has got.
import { z } from "zod";
import { idSchema, isoDateSchema, markdownSchema, periodKeySchema, textSchema } from "./common.ts";
import { figureSchema } from "./figure-schema.ts";
import { completionSchema, fuzzyDateSchema } from "./fuzzy-date-schema.ts";

/** The status a lead officer reports. Scrutiny works out its own and shows both when they differ. */
export const declaredStatusSchema = z.enum([
  "notStarted",
  "onTrack",
  "atRisk",
  "overdue",
  "complete",
  "deferred",
  "cancelled",
]);

export const milestoneSchema = z.strictObject({
  title: textSchema,
  /** "2023-10-31", "Oct 2023", or "Oct" when the plan gives its `runs` dates; left out for one already done. */
  due: fuzzyDateSchema.optional(),
  /** When it was done ("2023-10-12", "done"); a date after the period end is not done in that period. */
  completed: completionSchema.optional(),
  status: declaredStatusSchema.optional(),
});

export const plannedActionSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: markdownSchema.optional(),
  leadOfficer: textSchema,
  resource: textSchema.optional(),
  start: fuzzyDateSchema.optional(),
  /** Without a due date, the action is due when its last milestone is. */
  due: fuzzyDateSchema.optional(),
  completed: completionSchema.optional(),
  milestones: z.array(milestoneSchema).default([]),
  status: declaredStatusSchema.optional(),
  percentComplete: figureSchema.pipe(z.number().min(0).max(100)).optional(),
  /** Progress commentary by reporting period: { "2023/24 Q2": "…" }. */
  commentary: z.record(periodKeySchema, markdownSchema).default({}),
});

export const objectiveSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: markdownSchema.optional(),
  actions: z.array(plannedActionSchema).default([]),
});

export const themePlanSchema = z.strictObject({
  /** The id of a theme in report.yaml. */
  theme: idSchema,
  cabinetMemberLead: textSchema.optional(),
  directorLead: textSchema.optional(),
  officerTeam: textSchema.optional(),
  contributors: textSchema.optional(),
  objectives: z.array(objectiveSchema).default([]),
  /** Actions that belong to the theme but to no objective. */
  actions: z.array(plannedActionSchema).default([]),
});

export const deliveryPlanFileSchema = z.strictObject({
  title: textSchema.optional(),
  /** The months the plan covers; places dates written without a year ("Oct", "Sept–Dec"). */
  runs: z.strictObject({ from: isoDateSchema, to: isoDateSchema }).optional(),
  /** An action more than this many percentage points behind its expected progress is at risk. */
  atRiskMargin: z.number().min(0).max(100).default(10),
  themes: z.array(themePlanSchema),
});

export type DeclaredStatus = z.infer<typeof declaredStatusSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type PlannedAction = z.infer<typeof plannedActionSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type ThemePlan = z.infer<typeof themePlanSchema>;
export type DeliveryPlan = z.infer<typeof deliveryPlanFileSchema>;
