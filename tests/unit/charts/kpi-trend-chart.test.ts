// The trend chart of one indicator, as data: what it draws, how each point shows its rating, and
// what a screen reader hears instead.
import { describe, expect, it } from "vitest";
import { FULL_SIZE, PANEL_SIZE } from "../../../src/charts/chart-spec.ts";
import { kpiTrendChart } from "../../../src/charts/kpi-trend-chart.ts";
import { kpiStatusMarkers, statusColours, trendLines } from "../../../src/charts/palette.ts";
import { kpiRow, scrutinyOptions } from "./chart-fixtures.ts";

const datasets = (spec: ReturnType<typeof kpiTrendChart>) =>
  spec.configuration.data.datasets as unknown as Record<string, unknown>[];
const plugins = (spec: ReturnType<typeof kpiTrendChart>) => scrutinyOptions(spec);

describe("kpiTrendChart: text alternative", () => {
  it("states each figure with its rating, the latest against its target, and last year's figures", () => {
    expect(kpiTrendChart(kpiRow("CE01")).altText).toBe(
      "Trend of Household waste recycled, 2023/24: 46.2% in Q1 (Green) and 43.1% in Q2 (Amber); below the 45.0% target in Q2. Last year (2022/23): 47.0% in Q1 and 44.0% in Q2.",
    );
    expect(kpiTrendChart(kpiRow("CE02")).altText).toBe(
      "Trend of Missed bins, 2023/24: 58 in Q1 (Green) and 75 in Q2 (Red); above the 60 target in Q2. Last year (2022/23): 71 in Q2.",
    );
  });

  it("names what a year-to-date figure is, and leaves out targets and ratings an indicator does not have", () => {
    expect(kpiTrendChart(kpiRow("PE01")).altText).toBe(
      "Trend of Homes delivered, so far this year, 2023/24: 70 in Q1 (Green) and 130 in Q2 (Green); above the 120 year-to-date target in Q2.",
    );
    expect(kpiTrendChart(kpiRow("CE03")).altText).toBe(
      "Trend of Air quality, 2023/24: 31.7 in Q2. Last year (2022/23): 34.2 in Q2.",
    );
    expect(kpiTrendChart(kpiRow("PX01")).altText).toBe(
      "Trend of Claimant count, 2022/23 H1 to 2023/24 H1: 3.1% in 2022/23 H1, 3.0% in 2022/23 H2 and 2.9% in 2023/24 H1.",
    );
  });
});

describe("kpiTrendChart: ratings by marker shape as well as colour", () => {
  it("marks each rated point with its status's shape and colour", () => {
    const [actual] = datasets(kpiTrendChart(kpiRow("CE02")));
    expect(actual?.data).toEqual([58, 75, null, null]);
    expect((actual?.pointStyle as string[] | undefined)?.slice(0, 2)).toEqual([
      kpiStatusMarkers.green.shape,
      kpiStatusMarkers.red.shape,
    ]);
    expect((actual?.pointBackgroundColor as string[] | undefined)?.slice(0, 2)).toEqual([
      statusColours.green,
      statusColours.red,
    ]);
    expect(
      new Set([kpiStatusMarkers.green.shape, kpiStatusMarkers.amber.shape, kpiStatusMarkers.red.shape]).size,
    ).toBe(3);
  });

  it("draws unrated figures as plain dots on the line", () => {
    const [actual] = datasets(kpiTrendChart(kpiRow("PX01")));
    expect(actual?.pointStyle).toEqual(["circle", "circle", "circle"]);
    expect(actual?.pointBackgroundColor).toEqual(Array(3).fill(trendLines.actual.colour));
  });

  it("tells the lines apart by dash as well as colour, and keys the ratings shown", () => {
    const spec = kpiTrendChart(kpiRow("CE02"));
    const [, target, lastYear] = datasets(spec);
    expect(target).toMatchObject({ label: "Target", borderDash: trendLines.target.dash, pointRadius: 0 });
    expect(lastYear).toMatchObject({ label: "Last year (2022/23)", borderDash: trendLines.lastYear.dash });
    expect(
      new Set([trendLines.actual, trendLines.target, trendLines.lastYear].map((line) => line.dash.join()))
        .size,
    ).toBe(3);
    expect(plugins(spec).key.items.map((item) => item.text)).toEqual([
      "Actual (2023/24)",
      "Target",
      "Last year (2022/23)",
      "Green",
      "Red",
    ]);
  });
});

describe("kpiTrendChart: labels, sizes and data", () => {
  it("writes every figure on a full-size chart with the latest in bold", () => {
    const spec = kpiTrendChart(kpiRow("CE01"));
    expect(spec.size).toEqual(FULL_SIZE);
    expect(plugins(spec).labels.sets).toEqual([
      { dataset: 0, texts: ["46.2%", null, null, null], position: "point" },
      { dataset: 0, texts: [null, "43.1%", null, null], position: "point", bold: true },
    ]);
  });

  it("writes only the latest figure on a small-multiples panel, with a shorter key", () => {
    const spec = kpiTrendChart(kpiRow("CE01"), { compact: true });
    expect(spec).toMatchObject({
      id: "trend-panel-CE01",
      title: "CE01 Household waste recycled",
      size: PANEL_SIZE,
    });
    expect(plugins(spec).labels.sets.flatMap((set) => set.texts.filter(Boolean))).toEqual(["43.1%"]);
    expect(plugins(spec).key.items.map((item) => item.text)).toEqual([
      "Actual (2023/24)",
      "Target",
      "Last year",
    ]);
  });

  it("gives the figures as a table, one row per line and one column per period", () => {
    expect(kpiTrendChart(kpiRow("CE01")).table).toEqual({
      rowHeader: "Figure",
      columns: ["Q1", "Q2", "Q3", "Q4"],
      rows: [
        { label: "Actual (2023/24)", values: ["46.2%", "43.1%", "–", "–"] },
        { label: "Rating", values: ["Green", "Amber", "–", "–"] },
        { label: "Target", values: ["45.0%", "45.0%", "45.0%", "45.0%"] },
        { label: "Last year (2022/23)", values: ["47.0%", "44.0%", "–", "–"] },
      ],
    });
    expect(kpiTrendChart(kpiRow("PX01")).table.rows.map((row) => row.label)).toEqual(["Actual"]);
  });

  it("is plain data: it survives a JSON round trip unchanged", () => {
    const spec = kpiTrendChart(kpiRow("CE02"));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("has this configuration", () => {
    const { configuration } = kpiTrendChart(kpiRow("CE01"), { compact: true });
    expect(configuration.data).toMatchInlineSnapshot(`
      {
        "datasets": [
          {
            "borderColor": "#0A5C9E",
            "borderWidth": 2.5,
            "data": [
              46.2,
              43.1,
              null,
              null,
            ],
            "label": "Actual (2023/24)",
            "pointBackgroundColor": [
              "#00775A",
              "#A35A00",
              "#0A5C9E",
              "#0A5C9E",
            ],
            "pointBorderColor": "#FFFFFF",
            "pointBorderWidth": 1,
            "pointRadius": 5,
            "pointStyle": [
              "circle",
              "triangle",
              "circle",
              "circle",
            ],
            "spanGaps": false,
            "tension": 0,
          },
          {
            "borderColor": "#1F2328",
            "borderDash": [
              7,
              4,
            ],
            "borderWidth": 1.5,
            "data": [
              45,
              45,
              45,
              45,
            ],
            "label": "Target",
            "pointRadius": 0,
            "tension": 0,
          },
          {
            "borderColor": "#6E7781",
            "borderDash": [
              2,
              3,
            ],
            "borderWidth": 1.5,
            "data": [
              47,
              44,
              null,
              null,
            ],
            "label": "Last year (2022/23)",
            "pointBackgroundColor": "#FFFFFF",
            "pointBorderColor": "#6E7781",
            "pointBorderWidth": 1.2,
            "pointRadius": 2.5,
            "pointStyle": "circle",
            "tension": 0,
          },
        ],
        "labels": [
          "Q1",
          "Q2",
          "Q3",
          "Q4",
        ],
      }
    `);
    expect(configuration.options?.scales).toMatchInlineSnapshot(`
      {
        "x": {
          "grid": {
            "display": false,
          },
          "offset": true,
          "ticks": {
            "autoSkip": true,
            "color": "#1F2328",
            "font": {
              "family": ""Atkinson Hyperlegible Next", "Noto Sans"",
              "size": 11,
              "weight": "normal",
            },
            "maxRotation": 0,
          },
        },
        "y": {
          "border": {
            "display": false,
          },
          "grace": "18%",
          "grid": {
            "color": "#D0D7DE",
          },
          "ticks": {
            "color": "#1F2328",
            "font": {
              "family": ""Atkinson Hyperlegible Next", "Noto Sans"",
              "size": 10,
              "weight": "normal",
            },
            "maxTicksLimit": 4,
          },
          "title": {
            "color": "#1F2328",
            "display": false,
            "font": {
              "family": ""Atkinson Hyperlegible Next", "Noto Sans"",
              "size": 12,
              "weight": "normal",
            },
            "text": "Per cent",
          },
        },
      }
    `);
  });
});
