// The example report's charts where a reader meets them: Appendix A's dashboards and exception
// trends, Appendix B's trends, the risk profile and delivery progress, each a vector figure with
// its text alternative and its data; and `--format png` writing each chart as a picture.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_SCALE } from "../../src/charts/chart-renderer.ts";
import {
  chartsForDocument,
  listReportCharts,
  planReportCharts,
  type ReportCharts,
} from "../../src/charts/plan-report-charts.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView, type ReportView } from "../../src/model/build-report-view.ts";
import type { BuildReportResult } from "../../src/pack/build-report.ts";
import type { DocumentKind } from "../../src/schema/cover-report-schema.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
import { flatten, pdfFigureAltTexts, pdfText } from "../helpers/pdf-reader.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";

let result: BuildReportResult;
let view: ReportView;
let plan: ReportCharts;

beforeAll(async () => {
  view = buildReportView(await loadReportData(exampleData));
  plan = planReportCharts(view);
  result = await buildWithBrowser({
    folder: exampleData,
    outDir: await makeTempDir(),
    formats: ["pdf", "png"],
  });
});

afterAll(closeBuildBrowser);

const altTextsOf = (kind: DocumentKind) =>
  listReportCharts(chartsForDocument(plan, kind)).map((chart) => chart.altText);

describe("charts in the documents", () => {
  it("gives Appendix A a figure for every chart it plans, each announced by its text alternative", () => {
    const expected = altTextsOf("performance");
    const kpis = view.themes.flatMap((theme) => theme.kpis);
    // Two summary charts, and per theme a status chart and a trend of each indicator, and a trend per exception.
    expect(expected).toHaveLength(2 + view.themes.length + kpis.length + view.exceptions.red.length);
    expect(pdfFigureAltTexts(outputOf(result, "performance")).sort()).toEqual([...expected].sort());
  });

  it("shows each trend's text alternative and data on the page", () => {
    const text = flatten(pdfText(outputOf(result, "performance")));
    expect(text).toContain(
      "Trend of Household waste sent for reuse, recycling and composting, 2023/24: 46.2% in Q1 (Green) and 43.1% in Q2 (Amber); below the 45.0% target in Q2.",
    );
    expect(text).toContain(
      "Data for the chart: CE01 Household waste sent for reuse, recycling and composting",
    );
    expect(text).toContain(
      "Bar chart of the status of 7 indicators in Caring for the Environment for 2023/24 Q2",
    );
  });

  it("gives Appendix B, the risk register and the delivery plan their charts", () => {
    expect(pdfFigureAltTexts(outputOf(result, "contextual")).sort()).toEqual(altTextsOf("contextual").sort());
    expect(altTextsOf("contextual")[0]).toMatch(
      /^Trend of Claimant count \(residents aged 16–64\), 2022\/23 H1 to 2023\/24 H1: 3\.1%/,
    );
    expect(pdfFigureAltTexts(outputOf(result, "risk-register"))).toEqual([
      expect.stringMatching(/^Stacked bar chart of the risk profile of 8 risks by band/),
    ]);
    expect(pdfFigureAltTexts(outputOf(result, "delivery-plan"))).toEqual([
      expect.stringMatching(
        /^Stacked bar chart of delivery plan progress at the end of 2023\/24 Q2\. 13 actions/,
      ),
    ]);
  });

  it("keeps every chart vector: no document holds a raster image", () => {
    for (const document of result.documents) {
      const pdf = document.files.find((file) => file.endsWith(".pdf")) as string;
      const rows = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).trim().split("\n");
      expect(rows, basename(pdf)).toHaveLength(2); // the two header lines, no image rows
    }
  });
});

describe("--format png", () => {
  it("writes each chart of each document as a PNG at twice its size, beside the PDF", async () => {
    for (const document of result.documents) {
      const pngs = document.files.filter((file) => file.endsWith(".png"));
      const charts = listReportCharts(chartsForDocument(plan, document.kind));
      expect(pngs, document.kind).toHaveLength(charts.length);
      for (const [index, chart] of charts.entries()) {
        const file = pngs[index] as string;
        expect(basename(file)).toContain(chart.id.toLowerCase());
        const png = await readFile(file);
        expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
          chart.size.width * PNG_SCALE,
          chart.size.height * PNG_SCALE,
        ]);
      }
    }
  });
});
