// The status export as one CSV table for spreadsheets: a row per indicator, risk, action, milestone
// and recommendation, with its status and reason. Pure.
import type { StatusExport } from "./build-status-export.ts";

const COLUMNS = ["type", "id", "title", "group", "period", "status", "reason", "value", "target"] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | null>;

export function statusesToCsv(statuses: StatusExport): string {
  const rows: Row[] = [
    ...statuses.kpis.map((kpi) => ({
      type: kpi.kind === "kpi" ? "indicator" : "contextual indicator",
      id: kpi.id,
      title: kpi.title,
      group: kpi.theme,
      period: kpi.period,
      status: kpi.status,
      reason: kpi.reason,
      value: kpi.judged,
      target: kpi.target,
    })),
    ...statuses.risks.map((risk) => ({
      type: "risk",
      id: risk.id,
      title: risk.title,
      group: risk.category,
      period: statuses.report.period,
      status: risk.band,
      reason: risk.summary,
      value: risk.score,
      target: risk.targetScore,
    })),
    ...statuses.actions.map((action) => ({
      type: action.kind,
      id: action.id,
      title: action.title,
      group: action.group,
      period: statuses.report.period,
      status: action.status,
      reason: action.disagreement ? `${action.reason} ${action.disagreement}` : action.reason,
      value: null,
      target: null,
    })),
  ];
  const lines = [
    COLUMNS.join(","),
    ...rows.map((row) => COLUMNS.map((column) => csvField(row[column])).join(",")),
  ];
  // CRLF line ends and a byte order mark: what Excel expects to open UTF-8 (Prŷs, Gŵyr) correctly.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * RFC 4180 quoting. Text that a spreadsheet would run as a formula (= + - @, tab, carriage return
 * first) gets a leading apostrophe, so data can never become a formula (CSV injection).
 */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
