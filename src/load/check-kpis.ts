// Checks across the fields of kpis.yaml that a schema cannot express.

import { type PeriodLength, periodLengthOf, periodLengthOfKey } from "../calc/period.ts";
import type { Problem } from "../errors.ts";
import type { Frequency, Kpi } from "../schema/kpi-schema.ts";
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

const periodWords: Readonly<Record<PeriodLength, { name: string; example: string }>> = {
  month: { name: "a month", example: '"2023-07"' },
  quarter: { name: "a quarter", example: '"2023/24 Q2"' },
  half: { name: "a half year", example: '"2023/24 H1"' },
  year: { name: "a financial year", example: '"2023/24"' },
};

const frequencyWords: Readonly<Record<Frequency, string>> = {
  monthly: "monthly",
  quarterly: "quarterly",
  sixMonthly: "six-monthly",
  annual: "annual",
};

/**
 * What a schema cannot say about one indicator: a target needs a polarity to be rated, a
 * contextual indicator has no target, a minimum expectation sits on the near side of the target,
 * and figures are keyed by the indicator's own periods (targets may also be given per year).
 */
export function checkKpiRules(source: YamlSource, kpis: readonly Kpi[], problems: Problem[]): void {
  kpis.forEach((kpi, index) => {
    const at = (...path: PropertyKey[]) => ["kpis", index, ...path];
    const hasTarget = kpi.target !== undefined || Object.keys(kpi.targets).length > 0;
    const targetField = kpi.target !== undefined ? "target" : "targets";
    if (kpi.kind === "contextual" && (hasTarget || kpi.minimum !== undefined)) {
      problems.push(
        problemAt(
          source,
          at(hasTarget ? targetField : "minimum"),
          "a contextual indicator is not rated, so it has no target or minimum expectation",
          "Remove the target, or make it a rated indicator with kind: kpi.",
        ),
      );
    } else if (hasTarget && kpi.polarity === undefined) {
      problems.push(
        problemAt(
          source,
          at(targetField),
          "a target is set, but no polarity says whether a higher or a lower figure is better",
          "Add polarity: higherIsBetter or lowerIsBetter, or remove the target to report the indicator as data only.",
        ),
      );
    }
    if (kpi.minimum !== undefined && kpi.target !== undefined) {
      const higher = kpi.polarity === "higherIsBetter";
      if (
        (higher && kpi.minimum > kpi.target) ||
        (kpi.polarity === "lowerIsBetter" && kpi.minimum < kpi.target)
      ) {
        problems.push(
          problemAt(
            source,
            at("minimum"),
            `the minimum expectation ${kpi.minimum} is ${higher ? "above" : "below"} the target ${kpi.target}`,
            `For a ${higher ? "higher" : "lower"}-is-better indicator the minimum is ${higher ? "at or below" : "at or above"} the target: it is the least that is acceptable.`,
          ),
        );
      }
    }
    const length = periodLengthOf[kpi.frequency];
    const own = periodWords[length];
    for (const field of ["actuals", "targets", "dataStatus", "commentary", "remedialAction"] as const) {
      for (const key of Object.keys(kpi[field])) {
        const keyLength = periodLengthOfKey(key);
        if (keyLength === undefined || keyLength === length) continue;
        if (field === "targets" && keyLength === "year") continue;
        problems.push(
          problemAt(
            source,
            at(field, key),
            `"${key}" is ${periodWords[keyLength].name}, but this indicator is ${frequencyWords[kpi.frequency]}: its periods are written like ${own.example}`,
            field === "targets"
              ? `Key targets by the indicator's own periods, or by financial year ("2023/24"), or change its frequency.`
              : "Key it by the indicator's own period, or change its frequency.",
          ),
        );
      }
    }
  });
}
