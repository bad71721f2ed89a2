// `scrutiny check` looks at each indicator's own period: a monthly one's month, a six-monthly
// one's half year, and nothing for an indicator that is not due.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MINIMAL_REPORT_YAML, makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

const REPORT_YAML = MINIMAL_REPORT_YAML;

async function reportFolder(kpis: string): Promise<string> {
  const root = await makeTempDir();
  roots.push(root);
  const folder = join(root, "q2");
  await mkdir(folder);
  await writeFile(join(folder, "report.yaml"), REPORT_YAML);
  await writeFile(join(folder, "kpis.yaml"), `kpis:\n${kpis}`);
  return folder;
}

const MONTHLY = `  - id: CC01
    title: Calls answered within 60 seconds
    theme: council
    unit: percent
    polarity: higherIsBetter
    frequency: monthly
    target: 80
    actuals: { "2023-08": 70, "2023-09": 71 }
`;
const ANNUAL = `  - id: PK01
    title: Residents satisfied with parks
    theme: council
    unit: percent
    polarity: higherIsBetter
    frequency: annual
    target: 75
    actuals: { "2022/23": 71 }
`;

describe("scrutiny check and the indicators' own periods", () => {
  it("asks a red monthly indicator for commentary on its month", async () => {
    const run = await runScrutiny(["check", await reportFolder(MONTHLY), "--json"]);
    const result = JSON.parse(run.stdout) as { reports: { problems: { message: string; hint: string }[] }[] };
    expect(result.reports[0]?.problems).toEqual([
      expect.objectContaining({
        message: "CC01 is red for 2023-09 but has no commentary for it",
        hint: 'Add commentary: "2023-09": explaining the result and what is being done.',
      }),
    ]);
  });

  it("is satisfied by commentary keyed by the month, and says nothing of an indicator not due", async () => {
    const folder = await reportFolder(
      `${MONTHLY}    commentary: { "2023-09": Calls rose after the renewal letters. }\n${ANNUAL}`,
    );
    const run = await runScrutiny(["check", folder]);
    expect(run.stdout).toBe("\nNo problems found in 1 report.\n");
    expect(run.code).toBe(0);
  });
});
