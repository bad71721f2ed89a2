// The JSON Schemas editors use stay in step with the zod schemas the loader uses.
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { toJsonSchemas } from "../../src/schema/to-json-schemas.ts";
import { makeTempDir } from "../helpers/report-folder.ts";
import { runScrutiny } from "../helpers/run-scrutiny.ts";

const committed = new URL("../../docs/schemas/", import.meta.url);

describe("JSON Schemas", () => {
  it("docs/schemas holds exactly what `scrutiny schema` writes (run `npm run scrutiny -- schema --out docs/schemas` after changing a schema)", async () => {
    const generated = toJsonSchemas();
    expect((await readdir(committed)).sort()).toEqual(generated.map((file) => file.name).sort());
    for (const file of generated) {
      expect(await readFile(new URL(file.name, committed), "utf8"), file.name).toBe(file.text);
    }
  });

  it("describe each file and reject unknown fields, as the loader does", () => {
    for (const file of toJsonSchemas()) {
      const schema = JSON.parse(file.text) as { title?: string; additionalProperties?: boolean };
      expect(schema.title, file.name).toMatch(/^Scrutiny /);
      expect(schema.additionalProperties, file.name).toBe(false);
    }
  });

  it("the schema command writes them into the folder given", async () => {
    const out = await makeTempDir();
    const run = await runScrutiny(["schema", "--out", out]);
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(
      toJsonSchemas()
        .map((file) => file.name)
        .sort(),
    );
  });
});
