// `scrutiny schema --out <dir>`: the JSON Schemas editors use to check the YAML as it is typed.
import { resolve } from "node:path";
import type { Command } from "commander";
import { writeFileAtomic } from "../pdf/write-file-atomic.ts";
import { toJsonSchemas } from "../schema/to-json-schemas.ts";
import type { CliContext } from "./cli-context.ts";

export function registerSchemaCommand(program: Command, { io }: CliContext): void {
  program
    .command("schema")
    .description("write the JSON Schemas of the data files, for editor autocompletion")
    .option("-o, --out <dir>", "folder to write the schemas into", "schemas")
    .action(async (options: { out: string }) => {
      const folder = resolve(io.cwd, options.out);
      const files = toJsonSchemas();
      for (const file of files) await writeFileAtomic(resolve(folder, file.name), Buffer.from(file.text));
      io.stdout(`Wrote ${files.length} schemas to ${folder}\n`);
    });
}
