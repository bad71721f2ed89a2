// Bad input is reported with file, line, column and field, all problems at once, never a crash.
import { afterEach, describe, expect, it } from "vitest";
import { type Problem, ScrutinyError } from "../../src/errors.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { copyExampleData } from "../helpers/report-folder.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function problemsFor(
  change: (data: Awaited<ReturnType<typeof copyExampleData>>) => Promise<void>,
): Promise<Problem[]> {
  const data = await copyExampleData();
  cleanup = data.remove;
  await change(data);
  const error = await loadReportData(data.folder).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScrutinyError);
  expect((error as ScrutinyError).code).toBe("invalid-data");
  return [...(error as ScrutinyError).problems];
}

const withoutFolder = (problem: Problem) => ({ ...problem, file: problem.file.replace(/^.*[/\\]/, "") });

describe("loadReportData", () => {
  it("loads the example data", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    const input = await loadReportData(data.folder);
    expect(input.kpis.length).toBeGreaterThanOrEqual(24);
    expect(input.risks).toHaveLength(8);
    expect(input.deliveryPlan?.themes).toHaveLength(4);
    expect(input.trackers.map((tracker) => tracker.recommendations.length)).toEqual([5, 4]);
    expect(input.report.ragRules.shortfall.measure).toBe("relative");
  });

  it("names file, line, column, field and KPI for a wrong type", async () => {
    const problems = await problemsFor((data) =>
      data.edit("kpis.yaml", (text) => text.replace("    target: 45\n", '    target: "forty-five"\n')),
    );
    expect(problems.map(withoutFolder)).toEqual([
      {
        file: "kpis.yaml",
        line: 20,
        column: 13,
        field: "kpis[0].target",
        recordId: "CE01",
        message: 'the figure has words in it; found "forty-five"',
        hint: "Give the figure alone: the indicator's unit says what it counts (days, %, £).",
      },
    ]);
  });

  it("collects every problem in every file in one run", async () => {
    const problems = await problemsFor(async (data) => {
      await data.edit("kpis.yaml", (text) =>
        text.replace("    polarity: higherIsBetter\n", "    polarity: higher\n"),
      );
      await data.edit("risks.yaml", (text) =>
        text.replace("current: { likelihood: 2, impact: 2 }", "current: { likelihood: 7, impact: 2 }"),
      );
      await data.edit("delivery-plan.yaml", (text) => text.replace("due: 2023-09-30", "due: 2023-02-30"));
      await data.edit("report.yaml", (text) => text.replace("committee:", "comittee:"));
    });
    expect(problems[0]?.message).toBe('the required field "committee" is missing');
    const summary = problems.map(
      (problem) => `${withoutFolder(problem).file}:${problem.line} ${problem.field}`,
    );
    expect(summary).toEqual([
      "report.yaml:3 committee",
      "report.yaml:4 comittee",
      "kpis.yaml:19 kpis[0].polarity",
      "delivery-plan.yaml:28 themes[0].objectives[0].actions[0].due",
      "risks.yaml:44 risks[0].current.likelihood",
    ]);
  });

  it.each([
    { name: "a tab used for indentation", text: "organisation:\n\tname: x\n", line: 2, message: /tab/i },
    { name: "a key given twice", text: "title: a\ntitle: b\n", line: 2, message: /appears twice/ },
    {
      name: "an unclosed quote (at the quote)",
      text: 'title: "open\n',
      line: 1,
      message: /quotation mark is never closed/,
    },
    {
      name: "a YAML 1.1 tag that could run code",
      text: "title: !!js/function 'function(){}'\n",
      line: 1,
      message: /the YAML tag !!js\/function is not accepted/,
    },
    { name: "an empty file", text: "", line: 1, message: /empty/ },
  ])("reports $name at its line", async ({ text, line, message }) => {
    const problems = await problemsFor((data) => data.write("report.yaml", text));
    const problem = problems.find((candidate) => candidate.file.endsWith("report.yaml"));
    expect(problem?.line).toBe(line);
    expect(problem?.message).toMatch(message);
  });

  it("rejects text that is not UTF-8, naming the line", async () => {
    const problems = await problemsFor(async (data) => {
      const latin1 = Buffer.from("title: ok\nreportOf: Caf\xe9 owner\n", "latin1");
      await data.write("report.yaml", latin1);
    });
    expect(problems[0]).toMatchObject({ line: 2, message: "this line is not valid UTF-8 text" });
  });

  it("accepts a byte order mark and Windows line endings", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.edit("report.yaml", (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    const input = await loadReportData(data.folder);
    expect(input.report.organisation).toBe("Castlebridge Borough Council");
  });

  it("keeps yes/no as text (YAML 1.2), then rejects the wrong type; refuses 0777 with a hint", async () => {
    const problems = await problemsFor(async (data) => {
      await data.edit("kpis.yaml", (text) => text.replace("    target: 45\n", "    target: yes\n"));
      await data.edit("report.yaml", (text) =>
        text.replace("financialYearStartMonth: 4", "financialYearStartMonth: 04"),
      );
    });
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ["financialYearStartMonth", '"04" starts with a zero: YAML would read it as 4 and drop the zero'],
      ["kpis[0].target", 'the figure has words in it; found "yes"'],
    ]);
  });

  it("stops an alias bomb without expanding it", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 0; level < 8; level++) {
      const name = String.fromCharCode(98 + level);
      const previous = String.fromCharCode(97 + level);
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const problems = await problemsFor((data) => data.write("report.yaml", `${bomb.join("\n")}\n`));
    expect(problems[0]?.message).toMatch(/would repeat more than 100,000 values/);
  });

  it("reports duplicate ids and unknown themes with the record", async () => {
    const problems = await problemsFor((data) =>
      data.edit("kpis.yaml", (text) =>
        text.replace("id: CE02", "id: CE01").replace("theme: council\n", "theme: counsil\n"),
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'the id "CE01" is already used by kpis[0]',
      'unknown theme "counsil"',
    ]);
    expect(problems[1]?.hint).toContain("environment, communities, economy, council");
  });

  it("cannot be polluted through __proto__ keys", async () => {
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => text.replace("title:", "__proto__: { polluted: true }\ntitle:")),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems[0]?.message).toBe('the field name "__proto__" is not allowed');
  });

  it.each([
    {
      name: "overlapping bands",
      edit: (text: string) =>
        text.replace("{ name: Medium, from: 5, to: 8 }", "{ name: Medium, from: 3, to: 8 }"),
      field: "matrix.bands[1].from",
      message: 'band "Medium" (3–8) overlaps or comes before band "Low" (1–4)',
    },
    {
      name: "a band written backwards",
      edit: (text: string) =>
        text.replace("{ name: Very high, from: 13, to: 16 }", "{ name: Very high, from: 16, to: 13 }"),
      field: "matrix.bands[3].from",
      message: 'band "Very high" starts at 16, after its end 13',
    },
    {
      name: "a scale value given twice",
      edit: (text: string) => text.replace("{ value: 3, label: Likely,", "{ value: 2, label: Likely,"),
      field: "matrix.likelihood[2].value",
      message: "the likelihood value 2 is given twice",
    },
  ])("rejects a risk matrix with $name", async ({ edit, field, message }) => {
    const problems = await problemsFor((data) => data.edit("risks.yaml", edit));
    expect(problems.find((problem) => problem.field === field)?.message).toBe(message);
  });

  it("rejects a theme id used twice", async () => {
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => text.replace("  - id: council\n", "  - id: environment\n")),
    );
    expect(problems[0]).toMatchObject({
      field: "themes[3].id",
      message: 'the id "environment" is already used by themes[0]',
    });
  });

  it("points at a bad period key itself and says what is wrong with it", async () => {
    const problems = await problemsFor((data) =>
      data.edit("kpis.yaml", (text) => text.replace("      2022/23 Q1: 47.0\n", "      2022/24 Q1: 47.0\n")),
    );
    expect(problems.map(withoutFolder)).toEqual([
      {
        file: "kpis.yaml",
        line: 22,
        column: 7,
        field: "kpis[0].actuals.2022/24 Q1",
        recordId: "CE01",
        message:
          'the key "2022/24 Q1" is not valid: the two years do not follow each other (write "2023/24", not "2023/25")',
      },
    ]);
  });

  it("gives one message for a quarter that does not exist", async () => {
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => text.replace("period: 2023/24 Q2", "period: 2023/24 Q5")),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'there is no quarter 5: quarters are Q1 to Q4; found "2023/24 Q5"',
    ]);
  });

  it("rejects a language that is not a language tag", async () => {
    const problems = await problemsFor((data) =>
      data.edit("report.yaml", (text) => text.replace("language: en-GB", "language: English!")),
    );
    expect(problems).toMatchObject([
      { field: "language", message: expect.stringContaining('expected a language tag such as "en-GB"') },
    ]);
  });

  it("says once that a folder does not exist", async () => {
    const error = await loadReportData("/nonexistent/scrutiny-data").then(
      () => undefined,
      (caught: unknown) => caught as ScrutinyError,
    );
    expect(error?.problems).toEqual([
      expect.objectContaining({ file: "/nonexistent/scrutiny-data", message: "this folder does not exist" }),
    ]);
  });

  it("refuses a figure that is also marked awaited", async () => {
    const problems = await problemsFor((data) =>
      data.edit("kpis.yaml", (text) =>
        text.replace(
          "    actuals:\n      2022/23 Q1: 47.0\n",
          "    dataStatus:\n      2023/24 Q2: awaited\n    actuals:\n      2022/23 Q1: 47.0\n",
        ),
      ),
    );
    expect(problems).toMatchObject([
      {
        field: "kpis[0].dataStatus.2023/24 Q2",
        recordId: "CE01",
        message: "2023/24 Q2 is marked awaited, but actuals gives a figure for it",
      },
    ]);
  });
});
