// Every chart type drawn for real (canvas, the bundled fonts) and read back as markup: vector only,
// sized as specified, ids of its own, the same bytes every time; and PNG at twice the size.
import { beforeAll, describe, expect, it } from "vitest";
import { createChartRenderer, PNG_SCALE } from "../../../src/charts/chart-renderer.ts";
import type { ChartSpec } from "../../../src/charts/chart-spec.ts";
import { listReportCharts, planReportCharts } from "../../../src/charts/plan-report-charts.ts";
import { loadReportData } from "../../../src/load/load-report-data.ts";
import { buildReportView } from "../../../src/model/build-report-view.ts";
import { BUILT_IN_FONTS } from "../../../src/pack/build-report.ts";
import { exampleData } from "../../helpers/report-folder.ts";

const renderer = createChartRenderer({ fontsDirectory: BUILT_IN_FONTS });
let charts: ChartSpec[];

/** One chart of each kind in the example report, found by its id. */
const KINDS: Record<string, (id: string) => boolean> = {
  "status by theme": (id) => id === "status-by-theme",
  "direction of travel": (id) => id === "direction-of-travel",
  "theme status": (id) => id.startsWith("status-") && id !== "status-by-theme",
  "small-multiple trend": (id) => id.startsWith("trend-panel-"),
  "full-size trend": (id) => id.startsWith("trend-") && !id.startsWith("trend-panel-"),
  "risk profile": (id) => id === "risk-profile",
  "delivery progress": (id) => id === "delivery-progress",
};
const chartOf = (kind: string) => {
  const chart = charts.find((each) => KINDS[kind]?.(each.id));
  if (!chart) throw new Error(`the example report has no ${kind} chart`);
  return chart;
};

beforeAll(async () => {
  charts = listReportCharts(planReportCharts(buildReportView(await loadReportData(exampleData))));
});

const idsOf = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]);
const referencesOf = (svg: string) =>
  [...svg.matchAll(/(?:url\(#([^)]+)\)|href="#([^"]+)")/g)].map((match) => match[1] ?? match[2]);

describe("chart renderer: SVG", () => {
  it.each(Object.keys(KINDS))(
    "draws the %s chart as vector paths at its size, with no picture inside",
    (kind) => {
      const chart = chartOf(kind);
      const svg = renderer.renderSvg(chart.configuration, `t-${chart.id}`, chart.size);
      const { width, height } = chart.size;
      expect(svg).toMatch(
        new RegExp(`^<svg [^>]*width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`),
      );
      expect(svg.match(/<path /g)?.length).toBeGreaterThan(10);
      // Text is glyph outlines defined once and reused: there is text, and it is not <text>.
      expect(svg).toContain("<use ");
      expect(svg).not.toMatch(/<image|<text|data:/);
    },
  );

  it("gives every element id the chart's prefix and keeps every reference inside the chart", () => {
    for (const chart of charts.slice(0, 8)) {
      const svg = renderer.renderSvg(chart.configuration, `p-${chart.id}`, chart.size);
      const ids = idsOf(svg);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => id?.startsWith(`p-${chart.id}-`))).toBe(true);
      expect(referencesOf(svg).every((reference) => ids.includes(reference))).toBe(true);
    }
  });

  it("never repeats an id between two charts on one page", () => {
    const first = chartOf("small-multiple trend");
    const second = chartOf("status by theme");
    const a = idsOf(renderer.renderSvg(first.configuration, first.id, first.size));
    const b = new Set(idsOf(renderer.renderSvg(second.configuration, second.id, second.size)));
    expect(a.filter((id) => b.has(id as string))).toEqual([]);
  });

  it("draws the same bytes for the same chart, whatever was drawn before and by which renderer", () => {
    const chart = chartOf("full-size trend");
    const draw = (with_: typeof renderer) => with_.renderSvg(chart.configuration, chart.id, chart.size);
    const first = draw(renderer);
    const other = chartOf("risk profile");
    renderer.renderSvg(other.configuration, other.id, other.size);
    expect(draw(renderer)).toBe(first);
    expect(draw(createChartRenderer({ fontsDirectory: BUILT_IN_FONTS }))).toBe(first);
  });

  it("leaves the chart's configuration as it was", () => {
    const chart = chartOf("status by theme");
    const before = structuredClone(chart.configuration);
    renderer.renderSvg(chart.configuration, chart.id, chart.size);
    renderer.renderPng(chart.configuration, chart.size);
    expect(chart.configuration).toEqual(before);
  });
});

describe("chart renderer: PNG", () => {
  it.each(["status by theme", "small-multiple trend"])(
    "draws the %s chart as a PNG at twice its size",
    (kind) => {
      const chart = chartOf(kind);
      const png = renderer.renderPng(chart.configuration, chart.size);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // The IHDR chunk follows the signature: width and height as big-endian 32-bit numbers.
      expect(png.toString("ascii", 12, 16)).toBe("IHDR");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
        chart.size.width * PNG_SCALE,
        chart.size.height * PNG_SCALE,
      ]);
    },
  );
});
