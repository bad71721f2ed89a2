// The example pack shows every field Scrutiny reads, and every file tells editors its schema.
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FILE_SCHEMAS, schemaFileName } from "../../src/schema/file-schemas.ts";
import { toJsonSchemas } from "../../src/schema/to-json-schemas.ts";
import { exampleData } from "../helpers/report-folder.ts";

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $defs?: Record<string, JsonSchema>;
};

/** Every field path a schema allows: ".kpis[].actuals{}", "{}" standing for any key of a map. */
function schemaPaths(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  prefix = "",
  out = new Set<string>(),
) {
  if (schema.$ref) return schemaPaths(defs[schema.$ref.split("/").pop() ?? ""] ?? {}, defs, prefix, out);
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    schemaPaths(part, defs, prefix, out);
  }
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    out.add(`${prefix}.${key}`);
    schemaPaths(value, defs, `${prefix}.${key}`, out);
  }
  if (schema.items) schemaPaths(schema.items, defs, `${prefix}[]`, out);
  if (typeof schema.additionalProperties === "object")
    schemaPaths(schema.additionalProperties, defs, `${prefix}{}`, out);
  return out;
}

/** Every field path a YAML value uses, a map's keys counting both as themselves and as "{}". */
function usedPaths(value: unknown, prefix = "", out = new Set<string>()) {
  if (Array.isArray(value)) for (const item of value) usedPaths(item, `${prefix}[]`, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.add(`${prefix}.${key}`);
      usedPaths(item, `${prefix}.${key}`, out);
      usedPaths(item, `${prefix}{}`, out);
    }
  }
  return out;
}

async function yamlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((entry) => entry.endsWith(".yaml")).map((entry) => join(folder, entry));
}

describe("the example data", () => {
  it("uses every field of every data file's schema somewhere", async () => {
    const files = await yamlFiles(exampleData);
    for (const { name, text } of toJsonSchemas()) {
      const schema = JSON.parse(text) as JsonSchema;
      const fileName = name.replace(".schema.json", ".yaml");
      const used = new Set<string>();
      for (const file of files.filter((path) => basename(path) === fileName)) {
        usedPaths(parse(await readFile(file, "utf8")), "", used);
      }
      // A pack's defaults and a pack entry's own fields are report.yaml fields, shown in full by
      // the reports themselves; only the entry's folder and key are the pack's own.
      const reportField = /^\.reports\[\]\.(?!folder$|key$)/;
      const unused = [...schemaPaths(schema, schema.$defs ?? {})].filter(
        (path) =>
          !used.has(path) &&
          !path.includes("{}.") &&
          !path.startsWith(".defaults.") &&
          !reportField.test(path),
      );
      expect(unused, `${fileName}: fields no example uses`).toEqual([]);
    }
  });

  it("starts every file with a modeline pointing at its committed JSON Schema", async () => {
    const known = new Set(FILE_SCHEMAS.map((entry) => entry.file));
    for (const file of await yamlFiles(exampleData)) {
      expect(known, relative(exampleData, file)).toContain(basename(file));
      const firstLine = (await readFile(file, "utf8")).split("\n")[0];
      const schemaPath = join(
        dirname(file),
        ...new Array(relative(exampleData, dirname(file)).split("/").filter(Boolean).length).fill(".."),
        "..",
        "docs",
        "schemas",
        schemaFileName(basename(file)),
      );
      expect(firstLine, relative(exampleData, file)).toBe(
        `# yaml-language-server: $schema=${relative(dirname(file), schemaPath)}`,
      );
      await expect(readFile(schemaPath, "utf8")).resolves.toContain('"$schema"');
    }
  });
});
