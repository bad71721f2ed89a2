// A pack file shares settings between reports; each value is checked where it is written.
import { rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import { findPackFile, loadPack, planPack } from "../../src/load/load-pack.ts";
import { makeExamplePack } from "../helpers/report-folder.ts";

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

async function makePack(packYaml: string, folders = ["q2"], dropFromReport: RegExp[] = []): Promise<string> {
  const pack = await makeExamplePack(packYaml, folders, dropFromReport);
  root = pack.root;
  return pack.packFile;
}

const sharedHeader = [/^organisation: .*\n/m, /^committee: .*\n/m, /^financialYearStartMonth: .*\n/m];

describe("loadPack", () => {
  it("fills a report's missing fields from the pack's defaults, and the report's own fields win", async () => {
    const file = await makePack(
      [
        "name: Scrutiny Committee, 28 November 2023",
        "defaults:",
        "  organisation: Castlebridge Borough Council",
        "  committee: Overview and Scrutiny Board",
        "  financialYearStartMonth: 4",
        "  classification: exempt",
        "reports:",
        "  - folder: q2",
        "",
      ].join("\n"),
      ["q2"],
      sharedHeader.slice(0, 2).concat(sharedHeader[2] as RegExp),
    );
    const pack = await loadPack(file);
    const [report] = pack.reports;
    expect(report?.ok).toBe(true);
    if (!report?.ok) return;
    expect(report.input.report.organisation).toBe("Castlebridge Borough Council");
    expect(report.input.report.committee).toBe("Overview and Scrutiny Board");
    // report.yaml says `classification: public`, which replaces the pack's "exempt".
    expect(report.input.report.classification).toBe("public");
  });

  it("places a problem in the pack's defaults at its line in pack.yaml", async () => {
    const file = await makePack(
      ["name: Q2 pack", "defaults:", "  financialYearStartMonth: 13", "reports:", "  - folder: q2", ""].join(
        "\n",
      ),
    );
    const error = await loadPack(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScrutinyError);
    expect((error as ScrutinyError).problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/pack\.yaml$/),
        line: 3,
        column: 28,
        field: "defaults.financialYearStartMonth",
      }),
    ]);
  });

  it("still asks report.yaml for a required field that the pack does not give", async () => {
    const file = await makePack(
      ["name: Q2 pack", "defaults:", "  language: en-GB", "reports:", "  - folder: q2", ""].join("\n"),
      ["q2"],
      [/^committee: .*\n/m],
    );
    const [report] = (await loadPack(file)).reports;
    expect(report?.ok).toBe(false);
    if (report?.ok !== false) return;
    expect(report.error.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/q2[/\\]report\.yaml$/),
        message: 'the required field "committee" is missing',
      }),
    ]);
  });

  it("refuses a report folder outside the pack's folder", async () => {
    const file = await makePack(
      ["name: Q2 pack", "reports:", "  - folder: q2", "  - folder: ../../etc", ""].join("\n"),
    );
    const error = (await loadPack(file).catch((caught: unknown) => caught)) as ScrutinyError;
    expect(error.problems).toEqual([
      expect.objectContaining({
        line: 4,
        field: "reports[1].folder",
        message: expect.stringContaining("must be inside the folder that holds pack.yaml"),
      }),
    ]);
  });

  it("refuses a report folder that leads outside the pack through a link, and a folder listed twice (review finding)", async () => {
    const outside = await makeExamplePack(["name: elsewhere", "reports:", "  - folder: q2", ""].join("\n"));
    const file = await makePack(
      ["name: Q2 pack", "reports:", "  - folder: q2", "  - folder: ./q2/", "  - folder: escape", ""].join(
        "\n",
      ),
    );
    await symlink(join(outside.root, "q2"), join(root as string, "escape"));
    const error = (await loadPack(file).catch((caught: unknown) => caught)) as ScrutinyError;
    await outside.remove();
    expect(error).toBeInstanceOf(ScrutinyError);
    expect(error.problems).toEqual([
      expect.objectContaining({
        line: 4,
        field: "reports[1].folder",
        message: '"./q2/" is the same folder as reports[0]',
      }),
      expect.objectContaining({
        line: 5,
        field: "reports[2].folder",
        message: '"escape" leads outside the pack\'s folder (through a link)',
      }),
    ]);
  });

  it("loads every report even when one of them is invalid", async () => {
    const file = await makePack(
      ["name: Q2 pack", "reports:", "  - folder: good", "  - folder: bad", ""].join("\n"),
      ["good", "bad"],
    );
    await writeFile(join(root as string, "bad", "kpis.yaml"), "kpis: [\n");
    const reports = (await loadPack(file)).reports;
    expect(reports.map((report) => report.ok)).toEqual([true, false]);
    const bad = reports[1];
    if (bad?.ok !== false) return;
    expect(bad.error.problems[0]).toEqual(
      expect.objectContaining({ file: expect.stringMatching(/kpis\.yaml$/) }),
    );
  });

  it("builds one folder for several periods: an entry's own fields win over report.yaml and the defaults", async () => {
    const file = await makePack(
      [
        "name: 2023/24 pack",
        "defaults:",
        "  meetingDate: 2023-01-01",
        "reports:",
        "  - folder: q2",
        "  - folder: q2",
        "    period: 2023/24 Q3",
        "    meetingDate: 2024-02-27",
        "",
      ].join("\n"),
    );
    const plan = await planPack(file);
    expect(plan.reports.map((report) => report.key)).toEqual(["q2", "q2/2023-24-q3"]);
    const reports = (await loadPack(file)).reports;
    const periods = reports.map((report) => (report.ok ? report.input.report.period : report.error.message));
    const dates = reports.map((report) => (report.ok ? report.input.report.meetingDate : undefined));
    expect(periods).toEqual(["2023/24 Q2", "2023/24 Q3"]);
    // report.yaml's own date wins over the defaults; the entry's wins over report.yaml.
    expect(dates).toEqual(["2023-11-28", "2024-02-27"]);
  });

  it("places a problem with an entry's own field at its line in pack.yaml", async () => {
    const file = await makePack(
      ["name: Q pack", "reports:", "  - folder: q2", "    period: 2023/24 Q5", ""].join("\n"),
    );
    const error = (await loadPack(file).catch((caught: unknown) => caught)) as ScrutinyError;
    expect(error).toBeInstanceOf(ScrutinyError);
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/pack\.yaml$/),
        line: 4,
        field: "reports[0].period",
      }),
    ]);
  });

  it("refuses two reports with one key, naming the line of the second", async () => {
    const file = await makePack(
      [
        "name: Q pack",
        "reports:",
        "  - folder: q2",
        "    key: scrutiny",
        "  - folder: q2",
        "    period: 2023/24 Q3",
        "    key: scrutiny",
        "",
      ].join("\n"),
    );
    const error = (await loadPack(file).catch((caught: unknown) => caught)) as ScrutinyError;
    expect(error.problems).toEqual([
      expect.objectContaining({
        line: 7,
        field: "reports[1].key",
        message: 'reports[1] has the same key as reports[0]: "scrutiny"',
      }),
    ]);
  });

  it("finds pack.yaml in a folder, and takes a report folder for a single report", async () => {
    const file = await makePack(["name: Q2 pack", "reports:", "  - folder: q2", ""].join("\n"));
    expect(await findPackFile(join(root as string))).toBe(file);
    expect(await findPackFile(file)).toBe(file);
    expect(await findPackFile(join(root as string, "q2"))).toBeUndefined();
  });
});
