// Values that parse as YAML but are wrong: the wrong type, impossible values, and text pasted from
// Word or Excel. Each problem names its file, line, column, field and what was found.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type Problem, ScrutinyError } from "../../src/errors.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { readYamlFile } from "../../src/load/read-yaml-file.ts";
import { validateSource } from "../../src/load/validate-source.ts";
import { markdownSchema, textSchema } from "../../src/schema/common.ts";
import { figureSchema } from "../../src/schema/figure-schema.ts";
import { copyExampleData, exampleData, makeTempDir } from "../helpers/report-folder.ts";

/**
 * Not a speed target (those are in `npm run bench`): a bound far above the milliseconds this
 * takes, far below the minute the quadratic or unbounded versions took, so a busy CI machine
 * never fails it but a hang or a blow-up does.
 */
const HANG_BOUND_MS = 20_000;

let folder: string;
beforeAll(async () => {
  folder = await makeTempDir();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A record shaped like the data's own: figures by period, text and Markdown. */
const pastedSchema = z.strictObject({
  kpis: z.array(
    z.strictObject({
      id: z.string(),
      title: textSchema.optional(),
      target: figureSchema.optional(),
      actuals: z.record(z.string(), figureSchema).optional(),
      commentary: markdownSchema.optional(),
    }),
  ),
});

async function validate(text: string) {
  const path = join(folder, "kpis.yaml");
  await writeFile(path, text);
  return validateSource(await readYamlFile(path, "kpis.yaml"), pastedSchema);
}

async function problemsOf(text: string): Promise<Problem[]> {
  const result = await validate(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe("figures pasted from a spreadsheet", () => {
  it("reads what a spreadsheet shows by the documented rule", async () => {
    const result = await validate(
      [
        "kpis:",
        "  - id: CE01",
        '    target: "85%"',
        "    actuals:",
        '      2023/24 Q1: "1,234"',
        '      2023/24 Q2: "\u00a0£1,234.50 "',
        '      2023/24 Q3: "\u22123"',
        "      2023/24 Q4: 43.1",
        "",
      ].join("\n"),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        kpis: [
          {
            id: "CE01",
            target: 85,
            actuals: { "2023/24 Q1": 1234, "2023/24 Q2": 1234.5, "2023/24 Q3": -3, "2023/24 Q4": 43.1 },
          },
        ],
      },
    });
  });

  it("refuses every other way of writing a figure, each at its place, saying what was found", async () => {
    const refused = ["=SUM(B2:B5)", "#N/A", "#DIV/0!", "n/a", "", "12 days", "1.234,5", "1,23"];
    const lines = ["kpis:", "  - id: CE01", "    actuals:"];
    refused.forEach((written, index) => {
      lines.push(`      2022/23 Q${index + 1}: ${JSON.stringify(written)}`);
    });
    const problems = await problemsOf(`${lines.join("\n")}\n`);
    expect(
      problems.map(({ line, column, field, recordId, message }) => ({
        line,
        column,
        field,
        recordId,
        message,
      })),
    ).toEqual(
      [
        "this is a spreadsheet formula, not its value",
        "this is a spreadsheet error, not a figure",
        "this is a spreadsheet error, not a figure",
        "this says there is no figure",
        "no figure is given",
        "the figure has words in it",
        "this looks like a decimal comma with full stops between thousands",
        "commas may only separate groups of three digits",
      ].map((reason, index) => ({
        line: 4 + index,
        column: 19,
        field: `kpis[0].actuals.2022/23 Q${index + 1}`,
        recordId: "CE01",
        message: `${reason}; found ${JSON.stringify(refused[index])}`,
      })),
    );
    expect(problems[0]?.hint).toBe(
      "Copy the value the spreadsheet shows (in Excel: Paste Special → Values), not the formula.",
    );
    expect(problems[1]?.hint).toContain("set dataStatus to awaited or notAvailable");
  });

  it("refuses a figure of the wrong type in plain words", async () => {
    const problems = await problemsOf(
      "kpis:\n  - id: CE01\n    target: [45, 50]\n    actuals:\n      2023/24 Q1: true\n",
    );
    expect(problems.map(({ line, column, field, message }) => ({ line, column, field, message }))).toEqual([
      {
        line: 3,
        column: 13,
        field: "kpis[0].target",
        message:
          'expected a figure: a number such as 43.1, or as a spreadsheet shows it, such as "1,234" or "85%"; found a list',
      },
      {
        line: 5,
        column: 19,
        field: "kpis[0].actuals.2023/24 Q1",
        message:
          'expected a figure: a number such as 43.1, or as a spreadsheet shows it, such as "1,234" or "85%"; found true',
      },
    ]);
  });
});

describe("a file full of mistakes", () => {
  it("places the first 100 of 50 000 unknown fields quickly and counts the rest", async () => {
    const fields = Array.from({ length: 50_000 }, (_, index) => `    field${index}: x`);
    const started = performance.now();
    const problems = await problemsOf(`kpis:\n  - id: CE01\n${fields.join("\n")}\n`);
    expect(performance.now() - started).toBeLessThan(HANG_BOUND_MS);
    expect(problems).toHaveLength(101);
    expect(problems[99]).toMatchObject({
      line: 102,
      column: 5,
      field: "kpis[0].field99",
      message: 'unknown field "field99"',
    });
    expect(problems[100]).toEqual({
      file: "kpis.yaml",
      message: "and 49,900 more problems in this file",
      hint: "Correct these, or check that this is the right file, and run again to see the rest.",
    });
  });
});

describe("text pasted from Word", () => {
  it("turns no-break spaces into spaces, trims, and keeps smart quotes and Welsh letters as typed", async () => {
    const result = await validate(
      'kpis:\n  - id: CE01\n    title: "\u00a0Residents\u2019 \u201cfeeling safe\u201d\u00a0in Prŷs ward\u2009–\u00a0survey "\n',
    );
    expect(result.ok && result.data.kpis[0]?.title).toBe(
      "Residents\u2019 \u201cfeeling safe\u201d in Prŷs ward\u2009– survey",
    );
  });

  it("refuses control characters, naming the character and where it is", async () => {
    const problems = await problemsOf(
      'kpis:\n  - id: CE01\n    title: "Waste\\u0007 collected"\n    commentary: "Residents\\u0092 survey"\n',
    );
    expect(problems).toEqual([
      {
        file: "kpis.yaml",
        line: 3,
        column: 12,
        field: "kpis[0].title",
        recordId: "CE01",
        message: 'the text holds a control character (U+0007) after "Waste"; found "Waste\\u0007 collected"',
        hint: "Delete the character (it is invisible in most editors) or type the text again.",
      },
      {
        file: "kpis.yaml",
        line: 4,
        column: 17,
        field: "kpis[0].commentary",
        recordId: "CE01",
        message:
          'the text holds a control character (U+0092) after "Residents"; found "Residents\\u0092 survey"',
        hint: "This is usually a curly quote or dash saved with the wrong encoding: type the character again.",
      },
    ]);
  });

  it("never puts a raw control character from the data into a message", async () => {
    const problems = await problemsOf(
      'kpis:\n  - id: "CE\\e[2J"\n    "title\\e]0;owned\\a": x\n    commentary: "\\u009b31m\\u202eevil"\n',
    );
    expect(problems.map(({ field, recordId, message }) => ({ field, recordId, message }))).toEqual([
      {
        field: "kpis[0].commentary",
        recordId: "CE\\u001B[2J",
        message: 'the text holds a control character (U+009B) at its start; found "\\u009B31m\\u202Eevil"',
      },
      {
        field: "kpis[0].title\\u001B]0;owned\\u0007",
        recordId: "CE\\u001B[2J",
        message: 'unknown field "title\\u001B]0;owned\\u0007"',
      },
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: proving there are none.
    const rawControl = /[\u0000-\u001f\u007f-\u009f\u202e]/;
    for (const problem of problems) expect(Object.values(problem).join(" ")).not.toMatch(rawControl);
  });

  it("converts pasted HTML in commentary and refuses what cannot be printed, by name", async () => {
    const result = await validate(
      'kpis:\n  - id: CE01\n    commentary: "<p>Caddy liners <b>from October</b>.</p><ul><li>Promote</li></ul>"\n  - id: CE02\n    commentary: "<p onclick=\\"steal()\\">Hi</p><script>steal()</script>"\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: "kpis.yaml",
        line: 5,
        column: 17,
        field: "kpis[1].commentary",
        recordId: "CE02",
        message:
          'the text holds HTML that cannot be printed safely: an onclick attribute on <p>, <script>; found "<p onclick=\\"steal()\\">Hi</p><script>steal()</script>"',
        hint: "Remove it, or write the text as Markdown: paragraphs, lists (- item), *emphasis*, **bold**.",
      },
    ]);
    const converted = pastedSchema.parse({
      kpis: [{ id: "CE01", commentary: "<p>Caddy liners <b>from October</b>.</p><ul><li>Promote</li></ul>" }],
    });
    expect(converted.kpis[0]?.commentary).toBe("Caddy liners **from October**.\n\n-   Promote");
  });
});

describe("the real data files", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  async function loaderProblems(file: string, change: (text: string) => string): Promise<Problem[]> {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.edit(file, change);
    const error = await loadReportData(data.folder).then(
      () => undefined,
      (caught: unknown) => caught as ScrutinyError,
    );
    expect(error).toBeInstanceOf(ScrutinyError);
    return (error?.problems ?? []).map((problem) => ({
      ...problem,
      file: problem.file.replace(/^.*[/\\]/, ""),
    }));
  }

  it.each([
    {
      name: "a list where text is expected",
      change: (text: string) =>
        text.replace("title: Performance Monitoring (Quarter 2) Report", "title: [a, b]"),
      expected: { column: 8, field: "title", message: "expected text; found a list" },
    },
    {
      name: "text where a list is expected",
      change: (text: string) => text.replace(/themes:\n( {2}.*\n)+/, "themes: environment\n"),
      expected: { column: 9, field: "themes", message: 'expected a list; found "environment"' },
    },
    {
      name: "an empty value (~) for required text",
      change: (text: string) =>
        text.replace("reportOf: Head of Transformation, Strategy and Performance", "reportOf: ~"),
      expected: { column: 11, field: "reportOf", message: "expected text; found an empty value" },
    },
    {
      name: "quarter 5",
      change: (text: string) => text.replace("period: 2023/24 Q2", "period: 2023/24 Q5"),
      expected: {
        column: 9,
        field: "period",
        message: 'there is no quarter 5: quarters are Q1 to Q4; found "2023/24 Q5"',
      },
    },
    {
      name: "30 February",
      change: (text: string) => text.replace("meetingDate: 2023-11-28", "meetingDate: 2023-02-30"),
      expected: {
        column: 14,
        field: "meetingDate",
        message: 'expected a date written as YYYY-MM-DD, such as "2023-11-28"; found "2023-02-30"',
      },
    },
    {
      name: "a thirteenth month",
      change: (text: string) => text.replace("financialYearStartMonth: 4", "financialYearStartMonth: 13"),
      expected: {
        column: 26,
        field: "financialYearStartMonth",
        message: "must be at most 12; found 13",
      },
    },
    {
      name: "a month that is not a whole number",
      change: (text: string) => text.replace("financialYearStartMonth: 4", "financialYearStartMonth: 4.5"),
      expected: {
        column: 26,
        field: "financialYearStartMonth",
        message: "expected a whole number; found 4.5",
      },
    },
    {
      name: "a value not among the choices",
      change: (text: string) => text.replace("classification: public", "classification: secret"),
      expected: {
        column: 17,
        field: "classification",
        message: 'expected one of: public, exempt; found "secret"',
      },
    },
  ])("report.yaml: places $name", async ({ change, expected }) => {
    const problems = await loaderProblems("report.yaml", change);
    // The field's own line in the example file, found rather than counted, so comments can move.
    const lines = (await readFile(join(exampleData, "report.yaml"), "utf8")).split("\n");
    const line = lines.findIndex((text) => text.startsWith(`${expected.field}:`)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(problems).toMatchObject([{ file: "report.yaml", line, ...expected }]);
  });

  it("kpis.yaml: refuses a negative count of decimals, naming the KPI", async () => {
    let line = 0;
    const problems = await loaderProblems("kpis.yaml", (text) => {
      const edited = text.replace("    decimals: 1\n", "    decimals: -1\n");
      line = edited.slice(0, edited.indexOf("    decimals: -1")).split("\n").length;
      return edited;
    });
    expect(problems).toMatchObject([
      {
        file: "kpis.yaml",
        line,
        column: 15,
        field: "kpis[0].decimals",
        recordId: "CE01",
        message: "must be at least 0; found -1",
      },
    ]);
  });
});
