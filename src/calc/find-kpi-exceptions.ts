// The exception lists a committee reads first: what is Red, what has been Red for two periods
// running, and what is Red or Amber and getting worse.
import type { Direction } from "./direction-of-travel.ts";
import type { KpiStatus } from "./kpi-status.ts";

export interface ExceptionCandidate {
  status: KpiStatus;
  /** The status of the indicator's own previous period, judged by the same rules. */
  previousStatus: KpiStatus | undefined;
  /** Direction of travel since the previous period. */
  changeSincePrevious: Direction;
}

export interface KpiExceptions<Row> {
  red: Row[];
  redTwoPeriodsRunning: Row[];
  redOrAmberAndWorsening: Row[];
}

/** Each list keeps the order of the rows it is given. */
export function findKpiExceptions<Row extends ExceptionCandidate>(rows: readonly Row[]): KpiExceptions<Row> {
  return {
    red: rows.filter((row) => row.status === "red"),
    redTwoPeriodsRunning: rows.filter((row) => row.status === "red" && row.previousStatus === "red"),
    redOrAmberAndWorsening: rows.filter(
      (row) => (row.status === "red" || row.status === "amber") && row.changeSincePrevious === "worsened",
    ),
  };
}
