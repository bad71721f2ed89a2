import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessRisk } from "../../src/calc/assess-risk.ts";
import { findRiskMatrixProblems } from "../../src/calc/find-risk-matrix-problems.ts";
import { bandForCell, bandForScore, riskMovement, scoreRisk } from "../../src/calc/risk-score.ts";
import type { RegisterAppetite, Risk, RiskMatrix } from "../../src/schema/risk-schema.ts";
import { SEED_RISK_MATRIX } from "../helpers/seed-risk-matrix.ts";

const fourByFour: RiskMatrix = {
  ...SEED_RISK_MATRIX,
  impactDimensions: [
    { id: "financial", label: "Financial" },
    { id: "reputation", label: "Reputation" },
    { id: "service", label: "Service delivery" },
  ],
};

/** A 3 × 3 heat map where 1 × 3 and 3 × 1 differ, as score ranges cannot express. */
const threeByThreeCells: RiskMatrix = {
  likelihood: [
    { value: 1, label: "Low" },
    { value: 2, label: "Medium" },
    { value: 3, label: "High" },
  ],
  impact: [
    { value: 1, label: "Low" },
    { value: 2, label: "Medium" },
    { value: 3, label: "High" },
  ],
  impactDimensions: [],
  bands: [{ name: "Green" }, { name: "Amber" }, { name: "Red" }],
  cells: {
    "3": ["Amber", "Red", "Red"],
    "2": ["Green", "Amber", "Red"],
    "1": ["Green", "Green", "Red"],
  },
};

describe("scoreRisk", () => {
  it("reproduces the Q2 seed report's row", () => {
    expect(scoreRisk({ likelihood: 2, impact: 2 }, fourByFour).summary).toBe(
      "Unlikely (2) × Significant (2) = Low (4)",
    );
  });

  it.each([
    { likelihood: 1, impact: 1, score: 1, band: "Low" },
    { likelihood: 1, impact: 4, score: 4, band: "Low" },
    { likelihood: 2, impact: 3, score: 6, band: "Medium" },
    { likelihood: 2, impact: 4, score: 8, band: "Medium" },
    { likelihood: 3, impact: 3, score: 9, band: "High" },
    { likelihood: 3, impact: 4, score: 12, band: "High" },
    { likelihood: 4, impact: 4, score: 16, band: "Very high" },
  ])("$likelihood × $impact = $band ($score)", ({ likelihood, impact, score, band }) => {
    const result = scoreRisk({ likelihood, impact }, fourByFour);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
  });

  it("refuses a rating that is not on the matrix", () => {
    expect(() => scoreRisk({ likelihood: 5, impact: 1 }, fourByFour)).toThrow(RangeError);
  });

  it.each([
    { score: 4, band: "Low" },
    { score: 5, band: "Medium" },
    { score: 8, band: "Medium" },
    { score: 9, band: "High" },
    { score: 13, band: "Very high" },
  ])("band boundaries are inclusive: $score is $band", ({ score, band }) => {
    expect(bandForScore(score, fourByFour)).toBe(band);
  });

  it.each([
    { likelihood: 1, impact: 3, score: 3, band: "Red" },
    { likelihood: 3, impact: 1, score: 3, band: "Amber" },
    { likelihood: 2, impact: 2, score: 4, band: "Amber" },
    { likelihood: 1, impact: 1, score: 1, band: "Green" },
  ])("a cell map bands by cell: $likelihood × $impact is $band", ({ likelihood, impact, score, band }) => {
    const result = scoreRisk({ likelihood, impact }, threeByThreeCells);
    expect(result).toMatchObject({ score, band });
  });

  it("scores impact on several dimensions by the highest and says which", () => {
    const result = scoreRisk(
      { likelihood: 3, impact: { financial: 2, service: 4, reputation: 3 } },
      fourByFour,
    );
    expect(result.summary).toBe("Likely (3) × Major (4) = High (12)");
    expect(result.impactReason).toBe(
      "Impact Major (4) is the service delivery impact, the highest of service delivery 4, reputation 3, financial 2.",
    );
    const tied = scoreRisk({ likelihood: 1, impact: { financial: 3, reputation: 3 } }, fourByFour);
    expect(tied.impactReason).toBe(
      "Impact Serious (3) is the financial and reputation impacts, the highest of financial 3, reputation 3.",
    );
  });

  it.each([
    { current: 12, previous: 9, movement: "increased" },
    { current: 6, previous: 9, movement: "decreased" },
    { current: 4, previous: 4, movement: "unchanged" },
    { current: 4, previous: undefined, movement: "new" },
  ] as const)("movement from $previous to $current is $movement", ({ current, previous, movement }) => {
    expect(riskMovement(current, previous)).toBe(movement);
  });
});

describe("assessRisk", () => {
  const risk: Risk = {
    id: "R1",
    title: "Risk",
    owner: "Owner",
    category: "Financial",
    inherent: { likelihood: 4, impact: 4 },
    current: { likelihood: 3, impact: 3 },
    target: { likelihood: 2, impact: 2 },
    previousScore: 12,
    controls: [],
    actions: [],
  };
  const registerAppetite: RegisterAppetite = {
    default: { band: "Medium" },
    byCategory: { Financial: { maxScore: 8 } },
  };

  it("scores inherent, current and target, and the movement since the last review", () => {
    const result = assessRisk(risk, fourByFour, registerAppetite);
    expect([result.inherent?.summary, result.current.summary, result.target?.summary]).toEqual([
      "Very likely (4) × Major (4) = Very high (16)",
      "Likely (3) × Serious (3) = High (9)",
      "Unlikely (2) × Significant (2) = Low (4)",
    ]);
    expect(result.movement).toBe("decreased");
    expect(result.movementReason).toBe("Decreased from 12 to 9 since the last review.");
  });

  it.each([
    {
      name: "the category's highest score, exceeded",
      change: {},
      within: false,
      reason:
        "Outside appetite: current score 9 (High) is above the Financial appetite of a score of 8 or less.",
    },
    {
      name: "the category's appetite, whatever the capitals and spaces (review finding)",
      change: { category: " financial" },
      within: false,
      reason:
        "Outside appetite: current score 9 (High) is above the financial appetite of a score of 8 or less.",
    },
    {
      name: "the register's default band, met exactly",
      change: { category: "Workforce", current: { likelihood: 2, impact: 4 } },
      within: true,
      reason:
        "Within appetite: current score 8 (Medium) is within the register's default appetite of Medium or lower.",
    },
    {
      name: "the register's default band, exceeded",
      change: { category: undefined },
      within: false,
      reason:
        "Outside appetite: current score 9 (High) is above the register's default appetite of Medium or lower.",
    },
    {
      name: "the risk's own appetite before its category's",
      change: { appetite: { maxScore: 9 } },
      within: true,
      reason: "Within appetite: current score 9 (High) is within its own appetite of a score of 9 or less.",
    },
    {
      name: "the lowest band only",
      change: { appetite: { band: "Low" }, current: { likelihood: 1, impact: 4 } },
      within: true,
      reason: "Within appetite: current score 4 (Low) is within its own appetite of Low only.",
    },
  ])("appetite: $name", ({ change, within, reason }) => {
    const result = assessRisk({ ...risk, ...change } as Risk, fourByFour, registerAppetite);
    expect(result.appetite).toMatchObject({ within, reason });
  });

  it("has no appetite result when nothing sets one", () => {
    expect(assessRisk(risk, fourByFour, undefined).appetite).toBeUndefined();
  });

  it("judges a cell-map band by its place in the band list", () => {
    const result = assessRisk(
      {
        ...risk,
        category: undefined,
        inherent: undefined,
        target: undefined,
        current: { likelihood: 1, impact: 3 },
        appetite: { band: "Amber" },
      },
      threeByThreeCells,
      undefined,
    );
    expect(result.appetite?.reason).toBe(
      "Outside appetite: current score 3 (Red) is above its own appetite of Amber or lower.",
    );
  });
});

describe("findRiskMatrixProblems", () => {
  it("accepts the example 4 × 4 matrix and the 3 × 3 heat map", () => {
    expect(findRiskMatrixProblems(fourByFour)).toEqual([]);
    expect(findRiskMatrixProblems(threeByThreeCells)).toEqual([]);
  });

  it.each([
    {
      name: "a gap between bands",
      matrix: { ...fourByFour, bands: fourByFour.bands.filter((band) => band.name !== "Medium") },
      problem: { path: ["bands"], message: "no band covers the scores 6, 8" },
    },
    {
      name: "a band without an end",
      matrix: { ...fourByFour, bands: [{ name: "All", from: 1 }] },
      problem: { path: ["bands", 0, "to"], message: 'band "All" needs both from and to' },
    },
    {
      name: "a heat map row that is too short",
      matrix: { ...threeByThreeCells, cells: { ...threeByThreeCells.cells, "2": ["Green", "Amber"] } },
      problem: {
        path: ["cells", "2"],
        message: "the row for likelihood 2 gives 2 bands for 3 impact values",
      },
    },
    {
      name: "a heat map naming an unknown band",
      matrix: { ...threeByThreeCells, cells: { ...threeByThreeCells.cells, "1": ["Green", "Blue", "Red"] } },
      problem: { path: ["cells", "1", 1], message: 'unknown band "Blue"' },
    },
    {
      name: "a heat map missing a row",
      matrix: {
        ...threeByThreeCells,
        cells: { "3": ["Amber", "Red", "Red"], "2": ["Green", "Amber", "Red"] },
      },
      problem: { path: ["cells"], message: "the heat map has no row for likelihood 1 (Low)" },
    },
    {
      name: "a heat map row for a likelihood not on the scale",
      matrix: { ...threeByThreeCells, cells: { ...threeByThreeCells.cells, "4": ["Red", "Red", "Red"] } },
      problem: { path: ["cells", "4"], message: "the row 4 is not a likelihood value" },
    },
    {
      name: "bands listed most severe first, which would turn appetite upside down (review finding)",
      matrix: { ...threeByThreeCells, bands: [{ name: "Red" }, { name: "Amber" }, { name: "Green" }] },
      problem: {
        path: ["cells", "1", 2],
        message: '"Red" at likelihood 1, impact 3 is listed as less severe than "Green" at a lower impact',
      },
    },
    {
      name: "score ranges beside a heat map",
      matrix: {
        ...threeByThreeCells,
        bands: [{ name: "Green", from: 1, to: 2 }, { name: "Amber" }, { name: "Red" }],
      },
      problem: {
        path: ["bands", 0, "from"],
        message: 'band "Green" gives a score range, but the matrix maps its cells',
      },
    },
  ] as { name: string; matrix: RiskMatrix; problem: object }[])("reports $name", ({ matrix, problem }) => {
    expect(findRiskMatrixProblems(matrix)).toEqual([expect.objectContaining(problem)]);
  });
});

const scale = (size: number, prefix: string) =>
  Array.from({ length: size }, (_, index) => ({ value: index + 1, label: `${prefix} ${index + 1}` }));

describe("bands cover every cell exactly once (property)", () => {
  it("for any valid score-range matrix", () => {
    const config = fc
      .record({ rows: fc.integer({ min: 2, max: 6 }), columns: fc.integer({ min: 2, max: 6 }) })
      .chain(({ rows, columns }) =>
        fc.record({
          rows: fc.constant(rows),
          columns: fc.constant(columns),
          cuts: fc.uniqueArray(fc.integer({ min: 1, max: rows * columns - 1 }), { maxLength: 6 }),
        }),
      );
    fc.assert(
      fc.property(config, ({ rows, columns, cuts }) => {
        const max = rows * columns;
        const ends = [...cuts.sort((a, b) => a - b), max];
        const bands = ends.map((to, index) => ({
          name: `Band ${index + 1}`,
          from: (ends[index - 1] ?? 0) + 1,
          to,
        }));
        const matrix: RiskMatrix = {
          likelihood: scale(rows, "L"),
          impact: scale(columns, "I"),
          impactDimensions: [],
          bands,
        };
        expect(findRiskMatrixProblems(matrix)).toEqual([]);
        for (let score = 1; score <= max; score++) {
          expect(bands.filter((band) => score >= band.from && score <= band.to)).toHaveLength(1);
        }
        for (const l of matrix.likelihood) {
          for (const i of matrix.impact) {
            expect(scoreRisk({ likelihood: l.value, impact: i.value }, matrix).band).toMatch(/^Band \d+$/);
          }
        }
      }),
    );
  });

  it("for any valid heat map, and a heat map with a cell missing is reported", () => {
    const config = fc
      .record({
        rows: fc.integer({ min: 2, max: 6 }),
        columns: fc.integer({ min: 2, max: 6 }),
        bandCount: fc.integer({ min: 1, max: 5 }),
      })
      .chain(({ rows, columns, bandCount }) =>
        fc.record({
          rows: fc.constant(rows),
          columns: fc.constant(columns),
          bandCount: fc.constant(bandCount),
          grid: fc.array(
            fc.array(fc.integer({ min: 0, max: bandCount - 1 }), { minLength: columns, maxLength: columns }),
            {
              minLength: rows,
              maxLength: rows,
            },
          ),
          dropRow: fc.integer({ min: 0, max: rows - 1 }),
        }),
      );
    fc.assert(
      fc.property(config, ({ rows, columns, bandCount, grid, dropRow }) => {
        const bands = Array.from({ length: bandCount }, (_, index) => ({ name: `Band ${index + 1}` }));
        // A valid heat map never gets less severe as likelihood or impact rises: keep the running
        // maximum of the random grid along both directions.
        const severities: number[][] = [];
        grid.forEach((row, r) => {
          severities.push(
            row.reduce<number[]>((done, band, c) => {
              done.push(Math.max(band, done[c - 1] ?? 0, severities[r - 1]?.[c] ?? 0));
              return done;
            }, []),
          );
        });
        const cells = Object.fromEntries(
          severities.map((row, index) => [String(index + 1), row.map((band) => `Band ${band + 1}`)]),
        );
        const matrix: RiskMatrix = {
          likelihood: scale(rows, "L"),
          impact: scale(columns, "I"),
          impactDimensions: [],
          bands,
          cells,
        };
        expect(findRiskMatrixProblems(matrix)).toEqual([]);
        for (const [rowIndex, row] of severities.entries()) {
          for (const [columnIndex, band] of row.entries()) {
            expect(bandForCell(rowIndex + 1, columnIndex + 1, matrix)).toBe(`Band ${band + 1}`);
          }
        }
        const short = { ...cells, [String(dropRow + 1)]: (cells[String(dropRow + 1)] ?? []).slice(1) };
        expect(findRiskMatrixProblems({ ...matrix, cells: short })).toHaveLength(1);
      }),
    );
  });
});
