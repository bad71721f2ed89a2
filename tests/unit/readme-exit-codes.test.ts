// The README's table of exit codes lists exactly the codes the command can end with.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { exitCodes, stopExitCodes } from "../../src/errors.ts";

describe("README exit codes", () => {
  it("match the codes in the code, signals included", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("### Exit codes"), readme.indexOf("### Error messages"));
    const documented = [...section.matchAll(/^\| (\d+) \|/gm)].map(([, code]) => Number(code));
    const used = new Set([...Object.values(exitCodes), ...Object.values(stopExitCodes)]);
    expect(documented.sort((a, b) => a - b)).toEqual([...used].sort((a, b) => a - b));
  });
});
