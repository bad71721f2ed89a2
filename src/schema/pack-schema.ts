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

/** A report's name in manifests, progress lines and shards: letters, digits and `. _ - /`. */
export const reportKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/, {
    message: "expected a key of letters, digits, '.', '_', '-' or '/', starting with a letter or digit",
  })
  .refine((key) => !key.split("/").includes(".."), { message: "a key may not hold '..'" });

/**
 * One report of the pack: a folder, and any report.yaml field to use for this report only (the
 * period, the documents to build, the meeting date…). The entry's fields win over report.yaml,
 * which wins over the pack's defaults, so one folder can be built for several quarters.
 */
export const packReportSchema = reportSchema.partial().extend({
  folder: reportFolderSchema,
  /** The report's name in the manifest and progress; by default its folder and period. */
  key: reportKeySchema.optional(),
});

/** Fields of a pack entry that say which report it is rather than what the report holds. */
export const PACK_ENTRY_FIELDS = ["folder", "key"] as const;

export const packSchema = z.strictObject({
  name: textSchema,
  /**
   * Any report.yaml field, shared by every report in the pack. A report that gives the same field
   * replaces the pack's value as a whole (a KPI can in turn override the RAG rules).
   */
  defaults: reportSchema.partial().default({}),
  reports: z.array(packReportSchema).min(1),
});

export type Pack = z.infer<typeof packSchema>;
export type PackReport = z.infer<typeof packReportSchema>;
