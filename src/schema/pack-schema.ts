// pack.yaml: the reports built together for one meeting or cycle, and the settings they share.
import { posix } from "node:path";
import { z } from "zod";
import { textSchema } from "./common.ts";
import { reportSchema } from "./report-schema.ts";

/** A folder below the pack file, written with forward slashes; never outside it. */
const reportFolderSchema = z
  .string()
  .min(1)
  .refine((folder) => !posix.isAbsolute(folder) && !folder.includes("\\"), {
    message: 'expected a folder relative to pack.yaml, written with forward slashes, such as "q2-report"',
  })
  .refine((folder) => !posix.normalize(folder).startsWith(".."), {
    message: "the folder must be inside the folder that holds pack.yaml",
  });

export const packSchema = z.strictObject({
  name: textSchema,
  /**
   * Any report.yaml field, shared by every report in the pack. A report that gives the same field
   * replaces the pack's value as a whole (a KPI can in turn override the RAG rules).
   */
  defaults: reportSchema.partial().default({}),
  reports: z.array(z.strictObject({ folder: reportFolderSchema })).min(1),
});

export type Pack = z.infer<typeof packSchema>;
