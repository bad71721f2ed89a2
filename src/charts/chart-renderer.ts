// Draws chart configurations with Chart.js in Node: vector SVG for the PDF and HTML, PNG at twice
// the size for slides. One renderer serves a whole build; it keeps one canvas service per size and
// output type, made on first use, and registers the bundled TTF fonts once.
import { join } from "node:path";
import type { ChartConfiguration } from "chart.js";
import { ChartJSNodeCanvas } from "chartjs-node-canvas";
import { chartPlugins } from "./chart-plugins.ts";
import { type ChartSize, FULL_SIZE } from "./chart-spec.ts";
import { CHART_FONT_FAMILY, chartText } from "./palette.ts";

export interface ChartRenderer {
  /**
   * SVG markup whose element ids all start with `idPrefix`, so many charts can share one page.
   * The same configuration always gives the same bytes.
   */
  renderSvg(configuration: ChartConfiguration, idPrefix: string, size?: ChartSize): string;
  /** A PNG at twice the size (for slides and intranet pages). */
  renderPng(configuration: ChartConfiguration, size?: ChartSize): Buffer;
}

export interface ChartRendererOptions {
  fontsDirectory: string;
}

/** PNG pixels per chart unit: sharp on high-density screens and projected slides. */
export const PNG_SCALE = 2;

const FONTS = [
  { file: "AtkinsonHyperlegibleNext_400Regular.ttf", family: "Atkinson Hyperlegible Next", weight: "normal" },
  { file: "AtkinsonHyperlegibleNext_700Bold.ttf", family: "Atkinson Hyperlegible Next", weight: "bold" },
  { file: "NotoSans_400Regular.ttf", family: "Noto Sans", weight: "normal" },
  { file: "NotoSans_700Bold.ttf", family: "Noto Sans", weight: "bold" },
] as const;

/** Fonts are registered with canvas for the whole process; registering one twice only slows it. */
const registeredFonts = new Set<string>();

export function createChartRenderer({ fontsDirectory }: ChartRendererOptions): ChartRenderer {
  const services = new Map<string, ChartJSNodeCanvas>();
  const serviceFor = (type: "svg" | "png", size: ChartSize): ChartJSNodeCanvas => {
    const key = `${type} ${size.width}x${size.height}`;
    let service = services.get(key);
    if (!service) {
      service = new ChartJSNodeCanvas({
        width: size.width,
        height: size.height,
        // A picture for slides gets a white ground: a transparent one turns dark text unreadable on dark slides.
        ...(type === "svg" ? { type: "svg" as const } : { backgroundColour: "#FFFFFF" }),
        chartCallback: (chartJs) => {
          chartJs.defaults.font.family = CHART_FONT_FAMILY;
          chartJs.defaults.color = chartText;
          chartJs.register(...chartPlugins);
        },
      });
      for (const font of FONTS) {
        const path = join(fontsDirectory, font.file);
        if (registeredFonts.has(path)) continue;
        service.registerFont(path, { family: font.family, weight: font.weight });
        registeredFonts.add(path);
      }
      services.set(key, service);
    }
    return service;
  };

  return {
    renderSvg(configuration, idPrefix, size = FULL_SIZE) {
      // Chart.js writes into the configuration it is given; draw from a copy so specs stay untouched.
      const svg = serviceFor("svg", size)
        .renderToBufferSync(structuredClone(configuration), "image/svg+xml")
        .toString("utf8");
      return sizeInPixels(prefixSvgIds(stripXmlProlog(svg), idPrefix), size);
    },
    renderPng(configuration, size = FULL_SIZE) {
      const copy = structuredClone(configuration);
      copy.options = { ...copy.options, devicePixelRatio: PNG_SCALE };
      return serviceFor("png", size).renderToBufferSync(copy, "image/png");
    },
  };
}

function stripXmlProlog(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, "");
}

/** Cairo writes sizes in points; the chart is laid out in CSS pixels, as the viewBox says. */
function sizeInPixels(svg: string, size: ChartSize): string {
  const rootEnd = svg.indexOf(">");
  const root = svg
    .slice(0, rootEnd)
    .replace(/ width="[^"]*" height="[^"]*"/, ` width="${size.width}" height="${size.height}"`);
  return root + svg.slice(rootEnd);
}

/**
 * One pass over cairo's SVG that does two things. Ids: cairo names its glyphs, clip paths and
 * surfaces the same way in every chart, and numbers the surfaces by how many it has made in the
 * process; every id (and every reference to one) is renumbered in order of appearance under the
 * chart's prefix, so ids are unique across charts on one page and the same chart always gets the
 * same ids. Numbers: cairo writes six decimals; two are a hundredth of a pixel, far below what
 * print or screen shows, and make the SVG (embedded in every page and HTML twin) a third smaller.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    let renamed = ids.get(id);
    if (!renamed) {
      renamed = `${prefix}-${ids.size + 1}`;
      ids.set(id, renamed);
    }
    return renamed;
  };
  return svg.replace(
    /(\d\.\d\d)\d+|\bid="([^"]+)"|url\(#([^)]+)\)|href="#([^"]+)"/g,
    (match, digits?: string, id?: string, url?: string, href?: string) => {
      if (digits !== undefined) return digits;
      if (id !== undefined) return `id="${rename(id)}"`;
      if (url !== undefined) return `url(#${rename(url)})`;
      if (href !== undefined) return `href="#${rename(href)}"`;
      return match;
    },
  );
}
