// Words and symbols for statuses. Status is never shown by colour alone: every status has a
// label and a distinct shape, and the colour only repeats what they say.
import type { ActionStatus } from "../calc/action-status.ts";
import type { Direction } from "../calc/direction-of-travel.ts";
import type { KpiStatus } from "../calc/kpi-status.ts";
import type { RiskMovement } from "../calc/risk-score.ts";

export type StatusShape = "circle" | "triangle" | "diamond" | "dash" | "clock" | "tick";

export interface StatusLabel {
  label: string;
  shape: StatusShape;
  /** CSS class carrying the colour; the colour is never the only signal. */
  tone: "green" | "amber" | "red" | "neutral" | "blue";
}

export const kpiStatusLabels: Readonly<Record<KpiStatus, StatusLabel>> = {
  green: { label: "Green", shape: "circle", tone: "green" },
  amber: { label: "Amber", shape: "triangle", tone: "amber" },
  red: { label: "Red", shape: "diamond", tone: "red" },
  dataOnly: { label: "Data only", shape: "dash", tone: "neutral" },
  notDue: { label: "Not due", shape: "dash", tone: "neutral" },
  awaited: { label: "Awaited", shape: "clock", tone: "neutral" },
  notAvailable: { label: "Not available", shape: "dash", tone: "neutral" },
  noTarget: { label: "No target", shape: "dash", tone: "neutral" },
};

export const actionStatusLabels: Readonly<Record<ActionStatus, StatusLabel>> = {
  complete: { label: "Complete", shape: "tick", tone: "blue" },
  onTrack: { label: "On track", shape: "circle", tone: "green" },
  atRisk: { label: "At risk", shape: "triangle", tone: "amber" },
  overdue: { label: "Overdue", shape: "diamond", tone: "red" },
  notStarted: { label: "Not started", shape: "dash", tone: "neutral" },
  deferred: { label: "Deferred", shape: "clock", tone: "neutral" },
  cancelled: { label: "Cancelled", shape: "dash", tone: "neutral" },
};

export interface DirectionLabel {
  label: string;
  arrow: "up" | "down" | "flat" | "none";
}

export const directionLabels: Readonly<Record<Direction, DirectionLabel>> = {
  improved: { label: "Improved", arrow: "up" },
  worsened: { label: "Worse", arrow: "down" },
  noChange: { label: "No change", arrow: "flat" },
  increased: { label: "Increased", arrow: "up" },
  decreased: { label: "Decreased", arrow: "down" },
  notComparable: { label: "No comparison", arrow: "none" },
};

export const riskMovementLabels: Readonly<Record<RiskMovement, DirectionLabel>> = {
  increased: { label: "Increased", arrow: "up" },
  decreased: { label: "Decreased", arrow: "down" },
  unchanged: { label: "No change", arrow: "flat" },
  new: { label: "New", arrow: "none" },
};

export const appetiteLabels: Readonly<Record<"within" | "outside", StatusLabel>> = {
  within: { label: "Within appetite", shape: "tick", tone: "green" },
  outside: { label: "Outside appetite", shape: "diamond", tone: "red" },
};
