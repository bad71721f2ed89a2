// Every YAML file Scrutiny reads, with its schema: one table for the loader, `scrutiny schema` and docs.
import type { z } from "zod";
import { deliveryPlanFileSchema } from "./delivery-plan-schema.ts";
import { kpiFileSchema } from "./kpi-schema.ts";
import { packSchema } from "./pack-schema.ts";
import { recommendationsFileSchema } from "./recommendation-tracker-schema.ts";
import { reportSchema } from "./report-schema.ts";
import { riskFileSchema } from "./risk-schema.ts";

export interface FileSchema {
  file: string;
  title: string;
  schema: z.ZodType;
}

export const FILE_SCHEMAS: readonly FileSchema[] = [
  {
    file: "pack.yaml",
    title: "Scrutiny pack: the reports built together and their shared settings",
    schema: packSchema,
  },
  {
    file: "report.yaml",
    title: "Scrutiny report: meeting, period, themes, cover report",
    schema: reportSchema,
  },
  { file: "kpis.yaml", title: "Scrutiny key performance indicators", schema: kpiFileSchema },
  { file: "risks.yaml", title: "Scrutiny risk register and matrix", schema: riskFileSchema },
  {
    file: "delivery-plan.yaml",
    title: "Scrutiny delivery plan: themes, objectives, actions and milestones",
    schema: deliveryPlanFileSchema,
  },
  {
    file: "recommendations.yaml",
    title: "Scrutiny recommendation trackers: scrutiny reviews and peer challenges",
    schema: recommendationsFileSchema,
  },
];

/** "kpis.yaml" → "kpis.schema.json". */
export function schemaFileName(file: string): string {
  return file.replace(/\.yaml$/, ".schema.json");
}
