// Chart.js plugins the renderer registers: they draw what a spec asks for in its plugin options
// (a key with patterns, line samples and marker shapes; hatching over bars; value labels), all as
// vector paths. They read the raw options a spec wrote, so specs stay plain data.
import type { Chart, Plugin } from "chart.js";
import { drawPoint } from "chart.js/helpers";
import type {
  KeyItem,
  LabelSet,
  ScrutinyFillOptions,
  ScrutinyKeyOptions,
  ScrutinyLabelOptions,
} from "./chart-spec.ts";
import { CHART_FONT_FAMILY, chartText, type FillPattern, type FillStyle } from "./palette.ts";

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Context = CanvasRenderingContext2D;

function rawPluginOptions(chart: Chart): Record<string, unknown> {
  return (chart.config.options?.plugins ?? {}) as Record<string, unknown>;
}

/**
 * Text as cairo glyphs rather than one path per string: in SVG each glyph is then defined once and
 * reused, which is many times faster to write and smaller to embed. Set just before drawing, since
 * sizing the canvas resets the context.
 */
export const glyphTextPlugin: Plugin = {
  id: "scrutinyGlyphText",
  beforeDraw(chart) {
    (chart.ctx as Context & { textDrawingMode?: string }).textDrawingMode = "glyph";
  },
};

const PATTERN_SPACING = 6;

/** Hatching in white over an area already filled with its colour; anchored to the canvas so
 * neighbouring areas line up. */
export function drawPattern(ctx: Context, rect: Rect, pattern: FillPattern): void {
  if (pattern === "solid") return;
  const { left, top, right, bottom } = rect;
  if (right - left < 1 || bottom - top < 1) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, right - left, bottom - top);
  ctx.clip();
  ctx.beginPath();
  const step = PATTERN_SPACING;
  const height = bottom - top;
  const from = (value: number) => Math.floor(value / step) * step;
  if (pattern === "dots") {
    // Dots as a dashed line of round caps: one short path per row instead of a curve per dot.
    ctx.lineCap = "round";
    ctx.setLineDash([0, step]);
    for (let y = from(top); y <= bottom + step; y += step) {
      ctx.lineDashOffset = (Math.round(y / step) % 2) * (step / 2);
      ctx.beginPath();
      ctx.moveTo(from(left) - step, y);
      ctx.lineTo(right + step, y);
      ctx.strokeStyle = "rgba(255,255,255,0.75)";
      ctx.lineWidth = 2.4;
      ctx.stroke();
    }
    ctx.restore();
    return;
  }
  if (pattern === "diagonal" || pattern === "crosshatch") {
    for (let x = from(left - height) - step; x <= right + step; x += step) {
      ctx.moveTo(x, bottom);
      ctx.lineTo(x + height, top);
    }
  }
  if (pattern === "backDiagonal" || pattern === "crosshatch") {
    for (let x = from(left - height) - step; x <= right + step; x += step) {
      ctx.moveTo(x, top);
      ctx.lineTo(x + height, bottom);
    }
  }
  if (pattern === "horizontal") {
    for (let y = from(top); y <= bottom; y += step) {
      ctx.moveTo(left, y + 0.5);
      ctx.lineTo(right, y + 0.5);
    }
  }
  if (pattern === "vertical") {
    for (let x = from(left); x <= right; x += step) {
      ctx.moveTo(x + 0.5, top);
      ctx.lineTo(x + 0.5, bottom);
    }
  }
  ctx.strokeStyle = "rgba(255,255,255,0.7)";
  ctx.lineWidth = pattern === "crosshatch" ? 1.2 : 1.6;
  ctx.stroke();
  ctx.restore();
}

/** The rectangle a bar element covers, whichever way the bars run. */
function barRect(chart: Chart, datasetIndex: number, index: number): Rect | undefined {
  const element = chart.getDatasetMeta(datasetIndex).data[index];
  if (!element) return undefined;
  const { x, y, base, width, height, horizontal } = element.getProps(
    ["x", "y", "base", "width", "height", "horizontal"],
    true,
  ) as { x: number; y: number; base: number; width: number; height: number; horizontal: boolean };
  return horizontal
    ? { left: Math.min(x, base), right: Math.max(x, base), top: y - height / 2, bottom: y + height / 2 }
    : { left: x - width / 2, right: x + width / 2, top: Math.min(y, base), bottom: Math.max(y, base) };
}

function labelFont(bold: boolean | undefined): string {
  return `${bold ? "bold " : ""}12px ${CHART_FONT_FAMILY}`;
}

/** Where every drawn point is, so a label can keep clear of them. */
function pointPositions(chart: Chart): { x: number; y: number }[] {
  return chart
    .getSortedVisibleDatasetMetas()
    .flatMap((meta) =>
      meta.type === "line"
        ? meta.data
            .filter((element) => !(element as unknown as { skip?: boolean }).skip)
            .map((element) => element.getProps(["x", "y"], true) as { x: number; y: number })
        : [],
    );
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * A point's label goes above it, or else below, right or left: the first place that covers no
 * other point and no label already written, inside the plot area.
 */
function placePointLabel(
  chart: Chart,
  point: { x: number; y: number },
  width: number,
  placed: readonly Rect[],
  points: readonly { x: number; y: number }[],
): Rect {
  const half = width / 2 + 2;
  // Above or below a point near the chart's edge, the label slides inwards rather than off the edge.
  const inside = (left: number) => Math.min(Math.max(left, 0), chart.width - width - 4);
  const centred = inside(point.x - half);
  const candidates: Rect[] = [
    { left: centred, right: centred + width + 4, top: point.y - 23, bottom: point.y - 7 },
    { left: centred, right: centred + width + 4, top: point.y + 7, bottom: point.y + 23 },
    { left: point.x + 9, right: point.x + 9 + width + 4, top: point.y - 8, bottom: point.y + 8 },
    { left: point.x - 9 - width - 4, right: point.x - 9, top: point.y - 8, bottom: point.y + 8 },
  ];
  const area = chart.chartArea;
  const clear = (rect: Rect) =>
    rect.top >= area.top - 4 &&
    rect.bottom <= area.bottom &&
    rect.left >= 0 &&
    rect.right <= chart.width &&
    !placed.some((other) => overlaps(rect, other)) &&
    !points.some(
      (other) =>
        (other.x !== point.x || other.y !== point.y) &&
        overlaps(rect, { left: other.x - 6, right: other.x + 6, top: other.y - 6, bottom: other.y + 6 }),
    );
  return candidates.find(clear) ?? (candidates[0] as Rect);
}

function drawLabels(
  chart: Chart,
  ctx: Context,
  set: LabelSet,
  fills: ScrutinyFillOptions | undefined,
  placed: Rect[],
): void {
  const meta = chart.getDatasetMeta(set.dataset);
  if (meta.hidden) return;
  const fill = fills?.datasets[set.dataset] ?? undefined;
  const points = set.position === "point" ? pointPositions(chart) : [];
  ctx.save();
  ctx.font = labelFont(set.bold);
  ctx.textBaseline = "middle";
  set.texts.forEach((text, index) => {
    if (text === null) return;
    const textWidth = ctx.measureText(text).width;
    if (set.position === "point") {
      const element = meta.data[index];
      if (!element) return;
      const point = element.getProps(["x", "y"], true) as { x: number; y: number };
      const rect = placePointLabel(chart, point, textWidth, placed, points);
      placed.push(rect);
      // A white backing keeps the figure readable where it crosses a line or grid.
      ctx.fillStyle = "rgba(255,255,255,0.9)";
      ctx.fillRect(rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top);
      ctx.fillStyle = chartText;
      ctx.textAlign = "center";
      ctx.fillText(text, (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2);
      return;
    }
    const rect = barRect(chart, set.dataset, index);
    if (!rect) return;
    const horizontal = chart.options.indexAxis === "y";
    if (set.position === "end") {
      ctx.fillStyle = chartText;
      if (horizontal) {
        ctx.textAlign = "left";
        ctx.fillText(text, rect.right + 5, (rect.top + rect.bottom) / 2);
      } else {
        ctx.textAlign = "center";
        ctx.fillText(text, (rect.left + rect.right) / 2, rect.top - 9);
      }
      return;
    }
    // Centre: only when the figure fits inside its segment; the table and text give it otherwise.
    const width = rect.right - rect.left;
    const height = rect.bottom - rect.top;
    if (width < textWidth + 6 || height < 15) return;
    const centreX = (rect.left + rect.right) / 2;
    const centreY = (rect.top + rect.bottom) / 2;
    if (fill && fill.pattern !== "solid") {
      ctx.fillStyle = fill.colour;
      ctx.fillRect(centreX - textWidth / 2 - 3, centreY - 8, textWidth + 6, 16);
    }
    ctx.fillStyle = "#FFFFFF";
    ctx.textAlign = "center";
    ctx.fillText(text, centreX, centreY);
  });
  ctx.restore();
}

/** Hatching over every bar whose dataset has a pattern, then the value labels on top. */
export const decorationsPlugin: Plugin = {
  id: "scrutinyDecorations",
  afterDatasetsDraw(chart) {
    const options = rawPluginOptions(chart);
    const fills = options.scrutinyFills as ScrutinyFillOptions | undefined;
    const labels = options.scrutinyLabels as ScrutinyLabelOptions | undefined;
    const { ctx } = chart;
    fills?.datasets.forEach((fill, datasetIndex) => {
      if (!fill || fill.pattern === "solid") return;
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden || meta.type !== "bar") return;
      meta.data.forEach((_, index) => {
        const rect = barRect(chart, datasetIndex, index);
        if (rect) drawPattern(ctx, rect, fill.pattern);
      });
    });
    const placed: Rect[] = [];
    for (const set of labels?.sets ?? []) drawLabels(chart, ctx, set, fills, placed);
  },
};

const KEY_FONT_SIZE = 12;
const KEY_ROW_HEIGHT = 20;
const KEY_GAP = 16;

function symbolWidth(item: KeyItem): number {
  if (item.line) return 30;
  if (item.fill) return 22;
  return 14;
}

function drawSwatch(ctx: Context, fill: FillStyle, x: number, y: number): void {
  const rect = { left: x, top: y - 7, right: x + 22, bottom: y + 7 };
  ctx.fillStyle = fill.colour;
  ctx.fillRect(rect.left, rect.top, 22, 14);
  drawPattern(ctx, rect, fill.pattern);
}

function drawSymbol(ctx: Context, item: KeyItem, x: number, y: number): void {
  ctx.save();
  if (item.fill) drawSwatch(ctx, item.fill, x, y);
  if (item.line) {
    ctx.beginPath();
    ctx.strokeStyle = item.line.colour;
    ctx.lineWidth = item.line.width;
    ctx.setLineDash(item.line.dash);
    ctx.moveTo(x, y);
    ctx.lineTo(x + 30, y);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (item.marker) {
    const centre = x + symbolWidth(item) / 2;
    ctx.fillStyle = item.marker.colour;
    ctx.strokeStyle = "#FFFFFF";
    ctx.lineWidth = 1;
    drawPoint(ctx, { pointStyle: item.marker.shape, radius: 5.5, rotation: 0, borderWidth: 1 }, centre, y);
  }
  ctx.restore();
}

/** The key, as a layout box under the chart so the plot area makes room for it. */
export const keyPlugin: Plugin = {
  id: "scrutinyKey",
  beforeInit(chart) {
    const key = rawPluginOptions(chart).scrutinyKey as ScrutinyKeyOptions | undefined;
    if (!key || key.items.length === 0) return;
    const ctx = chart.ctx;
    let rows: { items: KeyItem[]; width: number }[] = [];
    const itemWidth = (item: KeyItem) => {
      ctx.font = `${KEY_FONT_SIZE}px ${CHART_FONT_FAMILY}`;
      return symbolWidth(item) + 6 + ctx.measureText(item.text).width;
    };
    const box = {
      position: "bottom",
      weight: 1000,
      fullSize: true,
      options: {},
      left: 0,
      top: 0,
      right: 0,
      bottom: 0,
      width: 0,
      height: 0,
      isHorizontal: () => true,
      update(maxWidth: number) {
        rows = [];
        for (const item of key.items) {
          const width = itemWidth(item);
          const row = rows.at(-1);
          if (row && row.width + KEY_GAP + width <= maxWidth - 8) {
            row.items.push(item);
            row.width += KEY_GAP + width;
          } else {
            rows.push({ items: [item], width });
          }
        }
        box.width = maxWidth;
        box.height = rows.length * KEY_ROW_HEIGHT + 6;
      },
      draw() {
        ctx.save();
        ctx.font = `${KEY_FONT_SIZE}px ${CHART_FONT_FAMILY}`;
        ctx.textBaseline = "middle";
        ctx.textAlign = "left";
        rows.forEach((row, rowIndex) => {
          let x = box.left + (box.width - row.width) / 2;
          const y = box.top + 6 + rowIndex * KEY_ROW_HEIGHT + KEY_ROW_HEIGHT / 2;
          for (const item of row.items) {
            drawSymbol(ctx, item, x, y);
            const textX = x + symbolWidth(item) + 6;
            ctx.fillStyle = chartText;
            ctx.font = `${KEY_FONT_SIZE}px ${CHART_FONT_FAMILY}`;
            ctx.fillText(item.text, textX, y);
            x = textX + ctx.measureText(item.text).width + KEY_GAP;
          }
        });
        ctx.restore();
      },
      _layers: () => [{ z: 0, draw: () => box.draw() }],
    };
    chart.boxes.push(box as unknown as (typeof chart.boxes)[number]);
  },
};

export const chartPlugins: Plugin[] = [glyphTextPlugin, keyPlugin, decorationsPlugin];
