// What every chart spec returns, and the options all our charts share. A spec is plain data
// (no functions): the renderer's plugins read the options below to draw keys, patterns and labels,
// so a configuration can be compared, cloned and snapshotted like any other value.
import type { ChartConfiguration, ChartOptions, ChartType } from "chart.js";
import {
  CHART_FONT_FAMILY,
  chartGrid,
  chartText,
  type FillStyle,
  type LineStyle,
  type MarkerStyle,
} from "./palette.ts";

export interface ChartSize {
  width: number;
  height: number;
}

/** A full-width chart on an A4 page. */
export const FULL_SIZE: ChartSize = { width: 720, height: 300 };
/** One panel of a small-multiples grid (two to a row on A4). */
export const PANEL_SIZE: ChartSize = { width: 350, height: 190 };

/** The chart's numbers as a table, for readers who cannot see the chart. */
export interface ChartTable {
  /** What each row is: the first column's header ("Theme", "Period"). */
  rowHeader: string;
  columns: string[];
  /** Values written as the report's tables write them ("46.2%", "3"). */
  rows: { label: string; values: string[] }[];
}

export interface ChartSpec {
  /** Unique within a document; element ids of the drawn SVG start with it. */
  id: string;
  title: string;
  /** What a screen reader says instead of the picture: what the chart shows, with its numbers. */
  altText: string;
  table: ChartTable;
  size: ChartSize;
  /** A small-multiples panel that takes a whole row of the grid, for its many columns of figures. */
  wide?: boolean;
  configuration: ChartConfiguration;
}

/** A chart once drawn: everything but its configuration, and the SVG markup. */
export interface RenderedChart extends Omit<ChartSpec, "configuration"> {
  svg: string;
}

/** One entry of a chart's key: a filled swatch, a line sample, a marker shape, or a line with a marker. */
export interface KeyItem {
  text: string;
  fill?: FillStyle;
  line?: LineStyle;
  marker?: MarkerStyle;
}

/** Labels written on or beside one dataset's elements. */
export interface LabelSet {
  dataset: number;
  /** One text per data point; null leaves the point unlabelled. */
  texts: (string | null)[];
  /**
   * centre: inside a (stacked) bar, white on the bar's colour; end: after a bar's end;
   * point: beside a line's point, above it where there is room.
   */
  position: "centre" | "end" | "point";
  bold?: boolean;
}

export interface ScrutinyKeyOptions {
  items: KeyItem[];
}

export interface ScrutinyFillOptions {
  /** The fill of each dataset by index; hatching is drawn over the bars in white. */
  datasets: (FillStyle | null)[];
}

export interface ScrutinyLabelOptions {
  sets: LabelSet[];
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    scrutinyKey?: ScrutinyKeyOptions;
    scrutinyFills?: ScrutinyFillOptions;
    scrutinyLabels?: ScrutinyLabelOptions;
  }
}

export const font = (size: number, weight: "normal" | "bold" = "normal") => ({
  family: CHART_FONT_FAMILY,
  size,
  weight,
});

/** Options every chart shares: drawn once, no animation, no interaction, our own key. */
export function baseOptions(): ChartOptions {
  return {
    animation: false,
    responsive: false,
    devicePixelRatio: 1,
    events: [],
    font: font(12),
    color: chartText,
    layout: { padding: { top: 8, right: 12, bottom: 4, left: 4 } },
    plugins: {
      legend: { display: false },
      title: { display: false },
      tooltip: { enabled: false },
    },
  };
}

export const axisTicks = (size = 12) => ({ color: chartText, font: font(size) });
export const gridLines = { color: chartGrid };
