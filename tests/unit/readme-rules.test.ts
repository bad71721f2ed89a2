// The README's table of data-quality rules lists exactly the rules `scrutiny check` applies.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DATA_QUALITY_RULES } from "../../src/check/check-data-quality.ts";

describe("README data-quality rules", () => {
  it("match the rules in the code, with their severities", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const documented = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map(
      ([, id, severity]) => `${id} ${severity}`,
    );
    const applied = Object.values(DATA_QUALITY_RULES).map((rule) => `${rule.id} ${rule.severity}`);
    expect(documented.sort()).toEqual(applied.sort());
  });
});
