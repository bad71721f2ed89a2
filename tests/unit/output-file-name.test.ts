// Output names are built from our own words, a validated period and validated ids; whatever those
// hold, a name is plain lower-case letters, digits and hyphens, and stays in the output folder.
import { join, resolve, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outputFileName } from "../../src/pack/output-file-name.ts";

describe("outputFileName", () => {
  it.each([
    ["2023/24 Q2", "performance-report", "performance-report-2023-24-q2.pdf"],
    ["2023/24 Q2", "recommendations-../../etc/passwd", "recommendations-etc-passwd-2023-24-q2.pdf"],
    ["../..", "/", "report.pdf"],
    ["2023/24", "C:\\Windows\\system32", "c-windows-system32-2023-24.pdf"],
    ["2023/24 Q2", ".hidden", "hidden-2023-24-q2.pdf"],
    ["2023/24 Q2", "Ysgol Gymraeg Prŷs", "ysgol-gymraeg-pr-s-2023-24-q2.pdf"],
  ])("turns %j and %j into %j", (period, stem, expected) => {
    expect(outputFileName(period, stem, "pdf")).toBe(expected);
  });

  it("never makes a name that is hidden, has a separator or leaves the folder, whatever it is given", () => {
    const out = resolve("/output");
    fc.assert(
      fc.property(fc.string(), fc.string(), (period, stem) => {
        const name = outputFileName(period, stem, "pdf");
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.pdf$/);
        expect(resolve(out, name).startsWith(`${out}${sep}`)).toBe(true);
        expect(join(out, name)).toBe(resolve(out, name));
      }),
    );
  });
});
