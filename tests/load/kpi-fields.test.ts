// The KPI fields and rating rules read through the real loader from a copy of the example data:
// every problem placed at its file, line and field, with a hint where there is something to do.
import { afterEach, describe, expect, it } from "vitest";
import { type Problem, ScrutinyError } from "../../src/errors.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { copyExampleData } from "../helpers/report-folder.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

type ExampleData = Awaited<ReturnType<typeof copyExampleData>>;

async function problemsFor(change: (data: ExampleData) => Promise<void>): Promise<Problem[]> {
  const data = await copyExampleData();
  cleanup = data.remove;
  await change(data);
  const error = await loadReportData(data.folder).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScrutinyError);
  return (error as ScrutinyError).problems.map((problem) => ({
    ...problem,
    file: problem.file.replace(/^.*[/\\]/, ""),
  }));
}

/** The line a piece of text starts on in a file of the example data, so tests do not hard-code it. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`not in the file: ${needle}`);
  return text.slice(0, at).split("\n").length;
}

describe("kpis.yaml: the KPI fields", () => {
  it("loads every new field of the example data", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    const { kpis, report } = await loadReportData(data.folder);
    const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
    expect(byId.get("TE05")).toMatchObject({ aggregation: "cumulative", target: 240 });
    expect(byId.get("YC01")?.targets).toMatchObject({ "2023/24 Q1": 29, "2023/24 Q2": 57 });
    expect(byId.get("YC03")).toMatchObject({ frequency: "monthly", aggregation: "average" });
    expect(byId.get("TE02")?.minimum).toBe(60);
    expect(byId.get("CE04")?.rag).toEqual({ amberIfImprovedOnLastYear: true });
    expect(byId.get("CE01")?.benchmarks[0]).toMatchObject({
      group: "CIPFA nearest neighbours",
      median: 44.2,
    });
    expect(byId.get("HC05")?.remedialAction["2023/24 Q2"]).toContain("Twenty units");
    expect(byId.get("PX01")).toMatchObject({ kind: "contextual", frequency: "sixMonthly" });
    expect(byId.get("CE02")).toMatchObject({
      kind: "kpi",
      aggregation: "latest",
      targets: {},
      benchmarks: [],
    });
    expect(report.ragRules.shortfall.bands.map((band) => band.rating)).toEqual(["green", "amber", "red"]);
  });

  it("reports a target without a polarity at the target, with a hint", async () => {
    let line = 0;
    const problems = await problemsFor((data) =>
      data.edit("kpis.yaml", (text) => {
        const edited = text.replace(
          "    unit: number\n    decimals: 1\n    polarity: lowerIsBetter\n    target: 105\n",
          "    unit: number\n    decimals: 1\n    target: 105\n",
        );
        line = lineOf(edited, "    target: 105\n");
        return edited;
      }),
    );
    expect(problems).toEqual([
      {
        file: "kpis.yaml",
        line,
        column: 13,
        field: "kpis[1].target",
        recordId: "CE02",
        message: "a target is set, but no polarity says whether a higher or a lower figure is better",
        hint: "Add polarity: higherIsBetter or lowerIsBetter, or remove the target to report the indicator as data only.",
      },
    ]);
  });

  it("reports a figure keyed by a period of another length", async () => {
    let line = 0;
    const problems = await problemsFor((data) =>
      data.edit("kpis.yaml", (text) => {
        const edited = text.replace("      2023/24 Q1: 103.2\n", "      2023-06: 103.2\n");
        line = lineOf(edited, "      2023-06: 103.2\n");
        return edited;
      }),
    );
    expect(problems).toEqual([
      {
        file: "kpis.yaml",
        line,
        column: 16,
        field: "kpis[1].actuals.2023-06",
        recordId: "CE02",
        message:
          '"2023-06" is a month, but this indicator is quarterly: its periods are written like "2023/24 Q2"',
        hint: "Key it by the indicator's own period, or change its frequency.",
      },
    ]);
  });

  it("accepts a target for a whole financial year on a quarterly indicator", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.edit("kpis.yaml", (text) =>
      text.replace("    target: 105\n", "    target: 105\n    targets:\n      2023/24: 104\n"),
    );
    const { kpis } = await loadReportData(data.folder);
    expect(kpis[1]?.targets).toEqual({ "2023/24": 104 });
  });

  it.each([
    {
      name: "a contextual indicator with a target",
      edit: (text: string) =>
        text.replace(
          "    kind: contextual\n    unit: percent\n",
          "    kind: contextual\n    target: 3\n    unit: percent\n",
        ),
      expected: {
        field: "kpis[30].target",
        recordId: "PX01",
        message: "a contextual indicator is not rated, so it has no target or minimum expectation",
        hint: "Remove the target, or make it a rated indicator with kind: kpi.",
      },
    },
    {
      name: "a minimum expectation above a higher-is-better target",
      edit: (text: string) => text.replace("    minimum: 60\n", "    minimum: 75\n"),
      expected: {
        field: "kpis[15].minimum",
        recordId: "TE02",
        message: "the minimum expectation 75 is above the target 70",
        hint: "For a higher-is-better indicator the minimum is at or below the target: it is the least that is acceptable.",
      },
    },
    {
      name: "a benchmark without a figure",
      edit: (text: string) => text.replace("        value: 136\n", ""),
      expected: {
        field: "kpis[9].benchmarks[0]",
        recordId: "HC03",
        message: "give at least one of value, lowerQuartile, median or upperQuartile",
      },
    },
    {
      name: "a benchmark for a period that does not exist",
      edit: (text: string) => text.replace("        period: 2023/24 H1\n", "        period: 2023/24 H3\n"),
      expected: {
        field: "kpis[30].benchmarks[0].period",
        recordId: "PX01",
        message: 'there is no half 3: halves are H1 and H2; found "2023/24 H3"',
      },
    },
    {
      name: "an aggregation that is not one of the three",
      edit: (text: string) => text.replace("    aggregation: cumulative\n", "    aggregation: total\n"),
      expected: {
        field: "kpis[18].aggregation",
        recordId: "TE05",
        message: expect.stringContaining("expected one of: cumulative, average, latest"),
      },
    },
    {
      name: "a misspelt rule in an indicator's own rules",
      edit: (text: string) =>
        text.replace("      amberIfImprovedOnLastYear: true\n", "      amberIfImprovedOnLastyear: true\n"),
      expected: {
        field: "kpis[3].rag.amberIfImprovedOnLastyear",
        recordId: "CE04",
        message: 'unknown field "amberIfImprovedOnLastyear"',
      },
    },
    {
      name: "an indicator's bands out of order",
      edit: (text: string) =>
        text.replace(
          "          - { rating: amber, upTo: 0.1 }\n",
          "          - { rating: amber, upTo: -0.1 }\n",
        ),
      expected: {
        field: "kpis[24].rag.shortfall.bands[1].upTo",
        recordId: "YC04",
        message:
          "upTo must be larger than the band before's (0): list bands from the smallest shortfall to the largest; found -0.1",
      },
    },
  ])("reports $name at its field", async ({ edit, expected }) => {
    const problems = await problemsFor((data) => data.edit("kpis.yaml", edit));
    expect(problems).toEqual([
      expect.objectContaining({ file: "kpis.yaml", line: expect.any(Number), ...expected }),
    ]);
  });
});

describe("report.yaml: the rating rules", () => {
  it("reports a last band with a limit at its line", async () => {
    let line = 0;
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => {
        const edited = text.replace("      - { rating: red }", "      - { rating: red, upTo: 20 }");
        line = lineOf(edited, "      - { rating: red, upTo: 20 }");
        return edited;
      }),
    );
    expect(problems).toEqual([
      {
        file: "report.yaml",
        line,
        column: 30,
        field: "ragRules.shortfall.bands[2].upTo",
        message:
          "the last band takes every larger shortfall, so it has no upTo; add a band after it; found 20",
      },
    ]);
  });

  it("rejects the old ragRule field by name", async () => {
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => text.replace("ragRules:", "ragRule:")),
    );
    expect(problems.map((problem) => problem.message)).toEqual(['unknown field "ragRule"']);
  });

  it("rejects a measure that is neither relative nor absolute", async () => {
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => text.replace("    measure: relative", "    measure: percent")),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: "ragRules.shortfall.measure",
        message: expect.stringContaining("expected one of: relative, absolute"),
      }),
    ]);
  });
});
