// Cross-record checks on the delivery plan and the risk register, each problem placed at its field.
import { afterEach, describe, expect, it } from "vitest";
import { checkDataQuality } from "../../src/check/check-data-quality.ts";
import { type Problem, ScrutinyError } from "../../src/errors.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { copyExampleData } from "../helpers/report-folder.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function problemsAfter(file: string, change: (text: string) => string): Promise<Problem[]> {
  const data = await copyExampleData();
  cleanup = data.remove;
  await data.edit(file, change);
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

describe("delivery-plan.yaml checks", () => {
  it("names an unknown theme with the themes that exist", async () => {
    const problems = await problemsAfter("delivery-plan.yaml", (text) =>
      text.replace("  - theme: council\n", "  - theme: counsil\n"),
    );
    expect(problems).toEqual([
      {
        file: "delivery-plan.yaml",
        line: 143,
        column: 12,
        field: "themes[3].theme",
        message: 'unknown theme "counsil"',
        hint: "Use one of the themes in report.yaml: environment, communities, economy, council.",
      },
    ]);
  });

  it("finds an action id used twice, even under another theme", async () => {
    const problems = await problemsAfter("delivery-plan.yaml", (text) =>
      text.replace("id: DP09", "id: DP01"),
    );
    expect(problems).toMatchObject([
      {
        line: 148,
        recordId: "DP01",
        field: "themes[3].objectives[0].actions[0].id",
        message: 'the id "DP01" is already used by themes[0].objectives[0].actions[0]',
      },
    ]);
  });

  it("asks for a year, or the plan's run, for a month written alone", async () => {
    const problems = await problemsAfter("delivery-plan.yaml", (text) =>
      text.replace("runs: { from: 2023-04-01, to: 2024-03-31 }\n", ""),
    );
    expect(problems[0]).toEqual({
      file: "delivery-plan.yaml",
      line: 31,
      column: 59,
      field: "themes[0].objectives[0].actions[0].milestones[0].due",
      recordId: "DP01",
      message: `"Jul" names no year; give the delivery plan's runs dates or write the year.`,
      hint: `Write the year ("Jul 2024"), or give the plan's run: runs: { from: 2023-04-01, to: 2024-03-31 }.`,
    });
    expect(problems.map((problem) => problem.field)).toContain(
      "themes[1].objectives[1].actions[1].milestones[1].due",
    );
  });

  it("refuses a start after the due date and a milestone after its action", async () => {
    const problems = await problemsAfter("delivery-plan.yaml", (text) =>
      text
        .replace("start: 2023-06-01", "start: 2024-06-01")
        .replace(
          "{ title: Public consultation, due: Jan–Feb }",
          "{ title: Public consultation, due: Mar 24 }",
        ),
    );
    expect(problems).toMatchObject([
      {
        line: 92,
        field: "themes[1].objectives[1].actions[1].start",
        recordId: "DP05",
        message: "the action starts (1 June 2024) after it is due (29 February 2024)",
      },
      {
        line: 98,
        field: "themes[1].objectives[1].actions[1].milestones[1].due",
        recordId: "DP05",
        message: "the milestone is due (31 March 2024) after its action (29 February 2024)",
      },
    ]);
  });

  it("reports an actions.yaml left over from earlier versions", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.write("actions.yaml", "actions: []\n");
    const error = (await loadReportData(data.folder).catch((caught: unknown) => caught)) as ScrutinyError;
    expect(error.problems).toMatchObject([
      {
        message: "actions.yaml is no longer read",
        hint: "Move its actions into delivery-plan.yaml, under themes → objectives → actions (docs/rules.md).",
      },
    ]);
  });
});

describe("scrutiny check on the delivery plan", () => {
  it("warns of an overdue action with no update for the period, at its commentary", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.edit("delivery-plan.yaml", (text) =>
      text.replace(
        "2023/24 Q2: Staff consultation extended to October at the unions' request.",
        "2023/24 Q1: Consultation started.",
      ),
    );
    const input = await loadReportData(data.folder);
    const findings = checkDataQuality(input, buildReportView(input)).filter(
      (finding) => finding.rule === "overdue-action-without-update",
    );
    expect(findings.map((finding) => ({ ...finding, file: finding.file.replace(/^.*[/\\]/, "") }))).toEqual([
      {
        file: "delivery-plan.yaml",
        line: 163,
        column: 15,
        field: "themes[3].objectives[0].actions[1].commentary",
        recordId: "DP10",
        message: "DP10 is overdue and has no update for 2023/24 Q2",
        hint: "Add commentary for 2023/24 Q2 saying where the action stands and when it will be done.",
        severity: "warning",
        rule: "overdue-action-without-update",
      },
    ]);
  });
});

describe("recommendations.yaml checks", () => {
  it("finds a recommendation code used twice in a tracker, naming it", async () => {
    const problems = await problemsAfter("recommendations.yaml", (text) =>
      text.replace("- code: FPSC22-23 3.2", "- code: FPSC22-23 3.1"),
    );
    expect(problems).toEqual([
      {
        file: "recommendations.yaml",
        line: 33,
        column: 15,
        field: "trackers[0].recommendations[1].code",
        recordId: "FPSC22-23 3.1",
        message: 'the code "FPSC22-23 3.1" is already used by recommendations[0] of this tracker',
        hint: "Every recommendation in a tracker needs its own code.",
      },
    ]);
  });

  it("names an unknown theme and an unknown executive decision", async () => {
    const problems = await problemsAfter("recommendations.yaml", (text) =>
      text
        .replace("theme: economy", "theme: economic")
        .replace("decision: partlyApproved", "decision: partly"),
    );
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      [
        "trackers[0].recommendations[3].executiveResponse.decision",
        'expected one of: approved, rejected, partlyApproved; found "partly"',
      ],
    ]);
    const themeProblems = await problemsAfter("recommendations.yaml", (text) =>
      text.replace("theme: economy", "theme: economic"),
    );
    expect(themeProblems).toMatchObject([
      { field: "trackers[0].theme", message: 'unknown theme "economic"' },
    ]);
  });
});

describe("risks.yaml checks", () => {
  it.each([
    {
      name: "an impact dimension the matrix does not list",
      edit: (text: string) =>
        text.replace(
          "current: { likelihood: 3, impact: { financial: 4, service: 3, reputation: 3 } }",
          "current: { likelihood: 3, impact: { finance: 4, service: 3, reputation: 3 } }",
        ),
      problem: {
        field: "risks[1].current.impact.finance",
        recordId: "CR02",
        message: 'unknown impact dimension "finance"',
        hint: "Use one of the matrix's impact dimensions: financial, reputation, service, people.",
      },
    },
    {
      name: "an impact off the scale on one dimension",
      edit: (text: string) =>
        text.replace(
          "current: { likelihood: 3, impact: { financial: 4, service: 3, reputation: 3 } }",
          "current: { likelihood: 3, impact: { financial: 5, service: 3, reputation: 3 } }",
        ),
      problem: {
        field: "risks[1].current.impact.financial",
        message: "impact 5 is not on the matrix",
        hint: "Use one of: 1, 2, 3, 4.",
      },
    },
    {
      name: "an appetite band the matrix does not have",
      edit: (text: string) => text.replace("default: { band: Medium }", "default: { band: Moderate }"),
      problem: {
        field: "appetite.default.band",
        message: 'unknown band "Moderate"',
        hint: "Use one of the matrix's bands: Low, Medium, High, Very high.",
      },
    },
    {
      name: "a category appetite no risk uses",
      edit: (text: string) => text.replace("    Financial: { maxScore: 8 }", "    Finance: { maxScore: 8 }"),
      problem: {
        field: "appetite.byCategory.Finance",
        message: 'no risk has the category "Finance", so this appetite applies to none',
      },
    },
    {
      name: "an appetite with both a score and a band",
      edit: (text: string) =>
        text.replace("appetite: { maxScore: 9 }", "appetite: { maxScore: 9, band: High }"),
      problem: {
        field: "risks[6].appetite",
        message: "give either maxScore (the highest acceptable score) or band (the highest acceptable band)",
      },
    },
    {
      name: "a heat map missing a row",
      edit: (text: string) =>
        text.replace(
          / {2}bands:\n(?: {4}- .*\n){4}/,
          "  bands: [{ name: Low }, { name: Medium }, { name: High }, { name: Very high }]\n  cells:\n    4: [Medium, High, Very high, Very high]\n    3: [Low, Medium, High, Very high]\n    2: [Low, Medium, Medium, High]\n",
        ),
      problem: {
        field: "matrix.cells",
        message: "the heat map has no row for likelihood 1 (Rare)",
        hint: 'Add a row "1: [...]" listing one band for each of the 4 impact values.',
      },
    },
  ])("places $name", async ({ edit, problem }) => {
    const problems = await problemsAfter("risks.yaml", edit);
    expect(problems).toEqual([
      expect.objectContaining({ file: "risks.yaml", line: expect.any(Number), ...problem }),
    ]);
  });

  it("loads a register banded by a heat map instead of score ranges", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.edit("risks.yaml", (text) =>
      text.replace(
        / {2}bands:\n(?: {4}- .*\n){4}/,
        "  bands: [{ name: Low }, { name: Medium }, { name: High }, { name: Very high }]\n  cells:\n    4: [Medium, High, Very high, Very high]\n    3: [Low, Medium, High, Very high]\n    2: [Low, Low, Medium, High]\n    1: [Low, Low, Low, Medium]\n",
      ),
    );
    const input = await loadReportData(data.folder);
    expect(input.matrix?.cells?.["2"]).toEqual(["Low", "Low", "Medium", "High"]);
  });
});
