// Colours, patterns and marker shapes for charts. The colours (after Okabe & Ito) are colour-blind
// safe and dark enough for white labels at 4.5:1, but in greyscale print they are all much the
// same grey, so every series also has a pattern or a marker shape of its own.
import type { ActionStatus } from "../calc/action-status.ts";
import type { KpiStatus } from "../calc/kpi-status.ts";

export const statusColours = {
  green: "#00775A",
  amber: "#A35A00",
  red: "#B8321A",
  neutral: "#5F6B73",
  blue: "#0A5C9E",
} as const;

export const chartText = "#1F2328";
export const chartGrid = "#D0D7DE";
/** The bundled fonts registered with canvas; Noto Sans draws what Atkinson lacks. */
export const CHART_FONT_FAMILY = '"Atkinson Hyperlegible Next", "Noto Sans"';

/** Hatching drawn over a filled area in white, so areas differ without colour. */
export type FillPattern =
  | "solid"
  | "diagonal"
  | "backDiagonal"
  | "crosshatch"
  | "dots"
  | "horizontal"
  | "vertical";

/** How one series of bars is filled: its colour and pattern. */
export interface FillStyle {
  colour: string;
  pattern: FillPattern;
}

/** Chart.js point styles used as status markers, as the status shapes of the tables. */
export type MarkerShape = "circle" | "triangle" | "rectRot" | "rect" | "crossRot";

export interface MarkerStyle {
  shape: MarkerShape;
  colour: string;
}

/** The same shapes as the status badges in the tables: circle, triangle, diamond. */
export const kpiStatusMarkers: Readonly<Record<KpiStatus, MarkerStyle>> = {
  green: { shape: "circle", colour: statusColours.green },
  amber: { shape: "triangle", colour: statusColours.amber },
  red: { shape: "rectRot", colour: statusColours.red },
  dataOnly: { shape: "rect", colour: statusColours.neutral },
  notDue: { shape: "rect", colour: statusColours.neutral },
  awaited: { shape: "rect", colour: statusColours.neutral },
  notAvailable: { shape: "rect", colour: statusColours.neutral },
  noTarget: { shape: "rect", colour: statusColours.neutral },
};

export const kpiStatusFills = {
  green: { colour: statusColours.green, pattern: "solid" },
  amber: { colour: statusColours.amber, pattern: "diagonal" },
  red: { colour: statusColours.red, pattern: "crosshatch" },
  unrated: { colour: statusColours.neutral, pattern: "dots" },
} as const satisfies Record<string, FillStyle>;

export const actionStatusFills: Readonly<Record<ActionStatus, FillStyle>> = {
  complete: { colour: statusColours.blue, pattern: "vertical" },
  onTrack: { colour: statusColours.green, pattern: "solid" },
  atRisk: { colour: statusColours.amber, pattern: "diagonal" },
  overdue: { colour: statusColours.red, pattern: "crosshatch" },
  notStarted: { colour: statusColours.neutral, pattern: "dots" },
  deferred: { colour: statusColours.neutral, pattern: "horizontal" },
  cancelled: { colour: "#3D454C", pattern: "backDiagonal" },
};

/** Direction of travel: better, the same, worse, or nothing to compare with. */
export const directionFills = {
  improved: { colour: statusColours.green, pattern: "solid" },
  noChange: { colour: statusColours.blue, pattern: "horizontal" },
  worsened: { colour: statusColours.red, pattern: "crosshatch" },
  notComparable: { colour: statusColours.neutral, pattern: "dots" },
} as const satisfies Record<string, FillStyle>;

/**
 * Risk bands, least severe first, as the register's band badges colour them; a matrix with more
 * bands than styles shows the rest in the last, most severe style.
 */
const riskBandStyles: readonly FillStyle[] = [
  { colour: statusColours.green, pattern: "solid" },
  { colour: statusColours.amber, pattern: "diagonal" },
  { colour: statusColours.red, pattern: "crosshatch" },
  { colour: "#7A1F0F", pattern: "dots" },
  { colour: "#3F0F06", pattern: "vertical" },
];

export function riskBandFill(bandIndex: number, bandCount: number): FillStyle {
  // Two or three bands still run from green to red rather than stopping at amber.
  const position = bandCount <= 3 && bandIndex === bandCount - 1 && bandCount > 1 ? 2 : bandIndex;
  return riskBandStyles[Math.min(position, riskBandStyles.length - 1)] as FillStyle;
}

/** Line series of a trend chart: told apart by dash pattern as well as colour. */
export interface LineStyle {
  colour: string;
  width: number;
  dash: number[];
}

export const trendLines: Readonly<Record<"actual" | "target" | "lastYear", LineStyle>> = {
  actual: { colour: statusColours.blue, width: 2.5, dash: [] },
  target: { colour: chartText, width: 1.5, dash: [7, 4] },
  lastYear: { colour: "#6E7781", width: 1.5, dash: [2, 3] },
};
