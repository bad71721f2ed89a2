// The risk heat map as data: every cell with its band in words, its score, count and risks, on
// matrices banded by score and by an explicit cell map.
import { describe, expect, it } from "vitest";
import { buildRiskHeatMap } from "../../src/model/build-risk-heat-map.ts";
import { bandClass, buildRiskRows } from "../../src/model/build-risk-rows.ts";
import { riskFileSchema } from "../../src/schema/risk-schema.ts";

const scale = (labels: string[]) => labels.map((label, index) => ({ value: index + 1, label }));

const byScore = riskFileSchema.parse({
  matrix: {
    likelihood: scale(["Rare", "Possible", "Likely"]),
    impact: scale(["Minor", "Moderate", "Major"]),
    bands: [
      { name: "Low", from: 1, to: 2, description: "Accept and monitor" },
      { name: "Medium", from: 3, to: 4 },
      { name: "High", from: 5, to: 9 },
    ],
  },
  appetite: { default: { band: "Low" }, byCategory: { Financial: { maxScore: 4 } } },
  risks: [
    { id: "R1", title: "One", owner: "A", current: { likelihood: 3, impact: 3 }, reviewDate: "2023-12-31" },
    { id: "R2", title: "Two", owner: "A", current: { likelihood: 3, impact: 3 } },
    { id: "R3", title: "Three", owner: "A", current: { likelihood: 1, impact: 2 } },
  ],
});

describe("the risk heat map", () => {
  const rows = buildRiskRows(byScore.risks, byScore.matrix, byScore.appetite);
  const map = buildRiskHeatMap(byScore.matrix, rows, byScore.appetite);

  it("puts the most likely row first and the least impact first, every cell in words", () => {
    expect(map.impacts).toEqual(["Minor (1)", "Moderate (2)", "Major (3)"]);
    expect(map.rows.map((row) => row.likelihood)).toEqual(["Likely (3)", "Possible (2)", "Rare (1)"]);
    expect(map.rows[0]?.cells.map(({ band, count, ids }) => [band, count, ids])).toEqual([
      ["Medium (3)", "No risks", []],
      ["High (6)", "No risks", []],
      ["High (9)", "2 risks", ["R1", "R2"]],
    ]);
    expect(map.rows[2]?.cells[1]).toMatchObject({ band: "Low (2)", count: "1 risk", ids: ["R3"] });
    expect(map.summary).toBe("3 risks scored at their current (residual) level, with the controls in place.");
  });

  it("keys the bands with their scores and meaning, and states the appetite", () => {
    expect(map.bands).toEqual([
      { name: "Low", bandClass: "band-level-1", range: "scores 1–2", description: "Accept and monitor" },
      { name: "Medium", bandClass: "band-level-3", range: "scores 3–4", description: undefined },
      { name: "High", bandClass: "band-level-5", range: "scores 5–9", description: undefined },
    ]);
    expect(map.bandsDescribed).toBe(true);
    expect(map.appetite).toEqual([
      "The council accepts risks scored Low only.",
      "Financial risks: a score of 4 or less.",
    ]);
  });

  it("follows an explicit cell map where the matrix gives one", () => {
    const mapped = riskFileSchema.parse({
      matrix: {
        ...byScore.matrix,
        bands: [{ name: "Tolerable" }, { name: "Intolerable" }],
        cells: {
          "1": ["Tolerable", "Tolerable", "Tolerable"],
          "2": ["Tolerable", "Tolerable", "Intolerable"],
          "3": ["Tolerable", "Intolerable", "Intolerable"],
        },
      },
      risks: [{ id: "R9", title: "Nine", owner: "B", current: { likelihood: 2, impact: 3 } }],
    });
    const cellMap = buildRiskHeatMap(
      mapped.matrix,
      buildRiskRows(mapped.risks, mapped.matrix, undefined),
      undefined,
    );
    expect(cellMap.rows[1]?.cells[2]).toEqual({
      band: "Intolerable (6)",
      bandClass: "band-level-5",
      count: "1 risk",
      ids: ["R9"],
    });
    expect(cellMap.bands[0]?.range).toBeUndefined();
    expect(cellMap.bandsDescribed).toBe(false);
    expect(cellMap.appetite).toEqual([]);
  });
});

describe("risk rows for the register's detail table", () => {
  it("gives inherent, current and target with band words, and the review date in full", () => {
    const [row] = buildRiskRows(
      riskFileSchema.parse({
        ...byScore,
        risks: [
          {
            id: "R1",
            title: "One",
            owner: "A",
            category: "Financial",
            inherent: { likelihood: 3, impact: 3 },
            current: { likelihood: 2, impact: 3 },
            target: { likelihood: 1, impact: 2 },
            reviewDate: "2023-12-31",
          },
        ],
      }).risks,
      byScore.matrix,
      byScore.appetite,
    );
    expect(
      row?.ratings.map(({ stage, band, score, likelihood, impact }) => [
        stage,
        band,
        score,
        likelihood,
        impact,
      ]),
    ).toEqual([
      ["Inherent", "High", 9, "Likely (3)", "Major (3)"],
      ["Current", "High", 6, "Possible (2)", "Major (3)"],
      ["Target", "Low", 2, "Rare (1)", "Moderate (2)"],
    ]);
    expect(row?.reviewDate).toBe("31 December 2023");
    expect(row?.appetite).toMatchObject({
      status: { label: "Outside appetite", shape: "diamond" },
      detail: "current score 6 (High) is above the Financial appetite of a score of 4 or less.",
    });
  });
});

describe("band shades", () => {
  it("spreads any number of bands over the five shades, ends fixed", () => {
    const shades = (count: number) =>
      Array.from({ length: count }, (_, index) => bandClass(index, count).replace("band-level-", ""));
    expect(shades(1)).toEqual(["5"]);
    expect(shades(2)).toEqual(["1", "5"]);
    expect(shades(3)).toEqual(["1", "3", "5"]);
    expect(shades(4)).toEqual(["1", "2", "4", "5"]);
    expect(shades(5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(shades(7)).toEqual(["1", "2", "2", "3", "4", "4", "5"]);
  });
});
