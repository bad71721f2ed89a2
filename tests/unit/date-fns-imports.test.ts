// Every date function comes through src/calc/date-fns.ts: importing date-fns' ES modules directly
// costs every `scrutiny` command over a second of start-up under Node 24 (docs/performance.md).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const source = new URL("../../src", import.meta.url).pathname;

describe("date-fns imports", () => {
  it("go through src/calc/date-fns.ts only", async () => {
    const files = (await readdir(source, { recursive: true })).filter((file) => file.endsWith(".ts"));
    const direct: string[] = [];
    for (const file of files) {
      if (file === join("calc", "date-fns.ts")) continue;
      const text = await readFile(join(source, file), "utf8");
      if (/from\s+["']date-fns(\/[^"']*)?["']/.test(text)) direct.push(file);
    }
    expect(direct).toEqual([]);
  });
});
