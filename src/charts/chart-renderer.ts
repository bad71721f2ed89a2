// Renders Chart.js configurations to vector SVG in Node with the bundled TTF fonts.
// One renderer per size, created once and reused for every chart of a build.
import { join } from "node:path";
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import { ChartJSNodeCanvas } from "chartjs-node-canvas";
import { CHART_FONT_FAMILY } from "./palette.ts";

export interface ChartRenderer {
  /** SVG markup whose element ids all start with `idPrefix`, so many charts can share one page. */
  renderSvg(configuration: ChartConfiguration, idPrefix: string): string;
}

export interface ChartRendererOptions {
  fontsDirectory: string;
  width?: number;
  height?: number;
}

/** Writes each bar segment's value on it, so the numbers do not depend on reading colours. */
const segmentValueLabels: Plugin = {
  id: "scrutinySegmentValues",
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `bold 13px ${CHART_FONT_FAMILY}`;
    ctx.fillStyle = "#FFFFFF";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden || meta.type !== "bar") return;
      meta.data.forEach((element, index) => {
        const value = dataset.data[index];
        if (typeof value !== "number" || value === 0) return;
        const { x, y, base } = element.getProps(["x", "y", "base"], true) as {
          x: number;
          y: number;
          base: number;
        };
        ctx.fillText(String(value), (x + base) / 2, y);
      });
    });
    ctx.restore();
  },
};

export function createChartRenderer({
  fontsDirectory,
  width = 720,
  height = 300,
}: ChartRendererOptions): ChartRenderer {
  const canvas = new ChartJSNodeCanvas({
    width,
    height,
    type: "svg",
    chartCallback: (chartJs) => {
      chartJs.defaults.font.family = CHART_FONT_FAMILY;
      chartJs.defaults.color = "#1F2328";
      chartJs.register(segmentValueLabels);
    },
  });
  const fonts = [
    {
      file: "AtkinsonHyperlegibleNext_400Regular.ttf",
      family: "Atkinson Hyperlegible Next",
      weight: "normal",
    },
    { file: "AtkinsonHyperlegibleNext_700Bold.ttf", family: "Atkinson Hyperlegible Next", weight: "bold" },
    { file: "NotoSans_400Regular.ttf", family: "Noto Sans", weight: "normal" },
    { file: "NotoSans_700Bold.ttf", family: "Noto Sans", weight: "bold" },
  ];
  for (const font of fonts) {
    canvas.registerFont(join(fontsDirectory, font.file), { family: font.family, weight: font.weight });
  }
  return {
    renderSvg(configuration, idPrefix) {
      const svg = canvas.renderToBufferSync(configuration, "image/svg+xml").toString("utf8");
      return prefixSvgIds(stripXmlProlog(svg), idPrefix);
    },
  };
}

function stripXmlProlog(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, "");
}

/** Cairo numbers its glyphs and clip paths the same way in every chart; make them unique per chart. */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}
