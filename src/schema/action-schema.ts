// actions.yaml: the delivery plan's actions, who leads them and how far they have got.
import { z } from "zod";
import { idSchema, isoDateSchema, textSchema } from "./common.ts";

export const declaredActionStatusSchema = z.enum(["notStarted", "onTrack", "atRisk", "complete", "deferred"]);

export const actionSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  theme: idSchema,
  leadOfficer: textSchema,
  resource: textSchema.optional(),
  due: isoDateSchema,
  completed: isoDateSchema.optional(),
  percentComplete: z.number().min(0).max(100).optional(),
  status: declaredActionStatusSchema.optional(),
  commentary: textSchema.optional(),
});

export const actionFileSchema = z.strictObject({
  actions: z.array(actionSchema),
});

export type Action = z.infer<typeof actionSchema>;
export type DeclaredActionStatus = z.infer<typeof declaredActionStatusSchema>;
