// JSON Schemas of the data files, for editors (the yaml-language-server modeline) and other tools.
import { z } from "zod";
import { FILE_SCHEMAS, schemaFileName } from "./file-schemas.ts";

export interface JsonSchemaFile {
  /** "kpis.schema.json" */
  name: string;
  /** Pretty-printed JSON with a final newline, stable for the same schemas. */
  text: string;
}

export function toJsonSchemas(): JsonSchemaFile[] {
  return FILE_SCHEMAS.map(({ file, title, schema }) => {
    // The input side: what an officer writes, with defaults optional.
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
    const document = { ...json, title, description: `Schema of ${file}, written by \`scrutiny schema\`.` };
    return { name: schemaFileName(file), text: `${JSON.stringify(document, null, 2)}\n` };
  });
}
