// Checks across the fields of kpis.yaml that a schema cannot express.
import type { Problem } from "../errors.ts";
import type { Kpi } from "../schema/kpi-schema.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

/** A figure cannot be both given and awaited (or not available) for the same period. */
export function checkDataStatuses(source: YamlSource, kpis: readonly Kpi[], problems: Problem[]): void {
  kpis.forEach((kpi, index) => {
    for (const [period, status] of Object.entries(kpi.dataStatus)) {
      if (status !== "provisional" && kpi.actuals[period] !== undefined) {
        problems.push(
          problemAt(
            source,
            ["kpis", index, "dataStatus", period],
            `${period} is marked ${status}, but actuals gives a figure for it`,
            "Remove the figure, or mark it provisional.",
          ),
        );
      }
    }
  });
}
