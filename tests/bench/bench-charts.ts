// The charts part of `npm run bench`: how long one chart takes to draw, by chart type, and all the
// charts of the example pack, with one renderer made once and reused as a build does.
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { createChartRenderer } from "../../src/charts/chart-renderer.ts";
import type { ChartSpec } from "../../src/charts/chart-spec.ts";
import {
  chartsForDocument,
  listReportCharts,
  planReportCharts,
  type ReportCharts,
} from "../../src/charts/plan-report-charts.ts";
import { loadPack } from "../../src/load/load-pack.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import { BUILT_IN_TEMPLATES } from "../../src/pack/build-report.ts";

const GOAL_MS = 10;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function line(label: string, text: string): void {
  console.log(`${label.padEnd(34)} ${text}`);
}

/**
 * Each spec drawn `rounds` times after a warm-up: the median time of one chart, and the best,
 * which other work on the machine disturbs least.
 */
function timePerChart(
  specs: readonly ChartSpec[],
  rounds: number,
  draw: (spec: ChartSpec) => void,
): { median: number; best: number } {
  for (const spec of specs) draw(spec);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const spec of specs) {
      const started = performance.now();
      draw(spec);
      samples.push(performance.now() - started);
    }
  }
  return { median: median(samples), best: Math.min(...samples) };
}

function chartTypes(charts: ReportCharts): [string, ChartSpec[]][] {
  const themes = Object.values(charts.themes);
  return [
    ["status by theme (stacked bars)", charts.summary.filter((chart) => chart.id === "status-by-theme")],
    ["direction of travel", charts.summary.filter((chart) => chart.id === "direction-of-travel")],
    ["theme status (bars)", themes.map((theme) => theme.status)],
    ["KPI trend, small multiple", themes.flatMap((theme) => theme.trends)],
    ["KPI trend, full size", [...Object.values(charts.exceptions), ...Object.values(charts.contextual)]],
    ["risk profile", charts.risks],
    ["delivery plan progress", charts.delivery],
  ];
}

export async function benchCharts(packFile: string, rounds: number): Promise<void> {
  const started = performance.now();
  const renderer = createChartRenderer({ fontsDirectory: join(BUILT_IN_TEMPLATES, "fonts") });
  const svg = (spec: ChartSpec) => renderer.renderSvg(spec.configuration, spec.id, spec.size);
  const pack = await loadPack(packFile);
  const plans: ReportCharts[] = [];
  const all: ChartSpec[] = [];
  for (const report of pack.reports) {
    if (!report.ok) throw report.error;
    const view = buildReportView(report.input);
    const plan = planReportCharts(view);
    plans.push(plan);
    // The charts the pack's documents show, as a build draws them.
    for (const document of planDocuments(report.input, view)) {
      all.push(...listReportCharts(chartsForDocument(plan, document.kind)));
    }
  }
  // The first drawing of each size makes its canvas service and lays out the fonts.
  const first = performance.now();
  for (const spec of all) svg(spec);
  const firstPass = performance.now() - first;
  line(
    "charts: renderer + first drawing",
    `${(performance.now() - started).toFixed(0)} ms (pack loaded once)`,
  );

  const [example] = plans;
  if (!example) throw new Error(`${packFile} lists no reports`);
  for (const [label, specs] of chartTypes(example)) {
    if (specs.length === 0) continue;
    const { median: perChart, best } = timePerChart(specs, rounds, svg);
    line(
      `chart: ${label}`,
      `median ${perChart.toFixed(2).padStart(7)} ms per chart, best ${best.toFixed(2)} ms (${specs.length} charts × ${rounds} runs, SVG)`,
    );
  }
  const totals: number[] = [];
  for (let round = 0; round < Math.max(3, Math.floor(rounds / 4)); round++) {
    const start = performance.now();
    for (const spec of all) svg(spec);
    totals.push(performance.now() - start);
  }
  const total = median(totals);
  line(
    "charts: whole example pack (SVG)",
    `median ${total.toFixed(0)} ms for ${all.length} charts, ${(total / all.length).toFixed(2)} ms per chart (first pass ${firstPass.toFixed(0)} ms; goal < ${GOAL_MS} ms per chart)`,
  );
  const png = timePerChart(all.slice(0, 6), Math.max(2, Math.floor(rounds / 4)), (spec) =>
    renderer.renderPng(spec.configuration, spec.size),
  );
  line(
    "chart: PNG at 2× (--format png)",
    `median ${png.median.toFixed(2).padStart(7)} ms per chart, best ${png.best.toFixed(2)} ms`,
  );
  console.log(
    `${"".padEnd(34)} (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
  );
}
