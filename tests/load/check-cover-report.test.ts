// The cover report's Risk Management section follows an implication it names; a name that matches
// none is refused at its line, with the headings it could be.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { copyExampleData } from "../helpers/report-folder.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe("the cover report's riskManagement.after", () => {
  it("must be the heading of one of the implications", async () => {
    const data = await copyExampleData();
    cleanup = data.remove;
    await data.edit("report.yaml", (text) =>
      text.replace("after: Financial Implications", "after: Legal Implications"),
    );
    const error = await loadReportData(data.folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScrutinyError);
    const text = await readFile(join(data.folder, "report.yaml"), "utf8");
    const line = text.split("\n").findIndex((row) => row.includes("after: Legal Implications")) + 1;
    expect((error as ScrutinyError).problems).toEqual([
      expect.objectContaining({
        line,
        field: "coverReport.riskManagement.after",
        message: 'no implication has the heading "Legal Implications"',
        hint: 'Use one of the implications\' headings: "Financial Implications", "Equality and Diversity", "Climate Change and Carbon Impact", "Crime and Disorder".',
      }),
    ]);
  });
});
