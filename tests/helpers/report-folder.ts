// Temporary copies of the example data, edited per test, so each test states only what differs.
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const exampleData = fileURLToPath(new URL("../../data", import.meta.url));
export const builtInTemplates = fileURLToPath(new URL("../../templates", import.meta.url));

/** The report folders the example pack lists, as pack.yaml writes them ("." is data/ itself). */
export function examplePackFolders(): string[] {
  const pack = parse(readFileSync(join(exampleData, "pack.yaml"), "utf8")) as {
    reports: { folder: string }[];
  };
  return pack.reports.map((report) => report.folder);
}

export async function makeTempDir(prefix = "scrutiny-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A copy of the example data in a fresh folder; `edit` rewrites one file's text. */
export async function copyExampleData(): Promise<{
  folder: string;
  edit(file: string, change: (text: string) => string): Promise<void>;
  write(file: string, content: string | Buffer): Promise<void>;
  remove(): Promise<void>;
}> {
  const root = await makeTempDir();
  const folder = join(root, "data");
  // The example pack's first report: the YAML files in data/ itself, not pack.yaml or other reports.
  await cp(exampleData, folder, {
    recursive: true,
    filter: (source) =>
      source === exampleData ||
      (source.endsWith(".yaml") && !source.endsWith("pack.yaml") && dirname(source) === exampleData),
  });
  return {
    folder,
    async edit(file, change) {
      const path = join(folder, file);
      const before = await readFile(path, "utf8");
      const after = change(before);
      if (after === before) throw new Error(`the edit to ${file} changed nothing`);
      await writeFile(path, after);
    },
    write: (file, content) => writeFile(join(folder, file), content),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * A pack folder holding pack.yaml and a copy of the example report in each of `folders`, with
 * the lines matching `dropFromReport` removed from each report.yaml (the pack gives them).
 */
export async function makeExamplePack(
  packYaml: string,
  folders = ["q2"],
  dropFromReport: RegExp[] = [],
): Promise<{ root: string; packFile: string; remove(): Promise<void> }> {
  const root = await makeTempDir();
  for (const folder of folders) {
    await mkdir(join(root, folder), { recursive: true });
    await copyExampleReport(join(root, folder));
    const reportPath = join(root, folder, "report.yaml");
    let text = await readFile(reportPath, "utf8");
    for (const pattern of dropFromReport) text = text.replace(pattern, "");
    await writeFile(reportPath, text);
  }
  await writeFile(join(root, "pack.yaml"), packYaml);
  return {
    root,
    packFile: join(root, "pack.yaml"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The example pack's first report: the YAML files in data/ itself, not pack.yaml or other reports. */
async function copyExampleReport(destination: string): Promise<void> {
  await cp(exampleData, destination, {
    recursive: true,
    filter: (source) =>
      source === exampleData ||
      (dirname(source) === exampleData && source.endsWith(".yaml") && !source.endsWith("pack.yaml")),
  });
}

/** The least report.yaml that loads: one theme ("council"), 2023/24 Q2, for tests that write their own KPIs. */
export const MINIMAL_REPORT_YAML = `organisation: Castlebridge Borough Council
committee: Finance & Performance Scrutiny Committee
meetingDate: 2023-11-28
title: Performance Monitoring (Quarter 2) Report
reportOf: Head of Transformation, Strategy and Performance
period: 2023/24 Q2
themes:
  - id: council
    title: Your Council
`;
