// `scrutiny manifest merge <files…> --out <file>`: joins the manifests the shards of a CI matrix
// wrote into the manifest of the whole pack, refusing a missing or repeated shard or report.
import { resolve } from "node:path";
import type { Command } from "commander";
import { exitCodes, type ScrutinyErrorCode } from "../errors.ts";
import { displayPath } from "../load/load-report-data.ts";
import { mergeManifests, readManifestFile, writeManifest } from "../pack/pack-manifest.ts";
import type { CliContext } from "./cli-context.ts";

export function registerManifestCommand(program: Command, context: CliContext): void {
  const manifest = program.command("manifest").description("work with the manifest.json that build writes");
  manifest
    .command("merge")
    .description("join the manifests of a pack's shards (build --shard i/n) into one")
    .argument("<files...>", "the shards' manifests, such as output/manifest-shard-*.json")
    .requiredOption("-o, --out <file>", "where to write the joined manifest, such as output/manifest.json")
    .option("--json", "print the joined manifest on stdout")
    .action(async (files: string[], options: { out: string; json?: boolean }) => {
      const { io } = context;
      const manifests = [];
      for (const file of files) {
        const path = resolve(io.cwd, file);
        manifests.push({
          file: displayPath(path),
          manifest: await readManifestFile(path, displayPath(path)),
        });
      }
      const merged = mergeManifests(manifests);
      const out = resolve(io.cwd, options.out);
      await writeManifest(out, merged);
      const { totals } = merged;
      if (options.json) io.stdout(`${JSON.stringify(merged, null, 2)}\n`);
      else {
        io.stdout(
          `Merged ${files.length} manifest${files.length === 1 ? "" : "s"} into ${displayPath(out)}: ` +
            `${totals.reports} reports (${totals.ok} built, ${totals.cached} unchanged, ${totals.failed} failed, ` +
            `${totals.skipped} not started), ${totals.files} files, ${totals.pages} pages.\n`,
        );
        for (const report of merged.reports) {
          if (report.error) io.stdout(`  Not built: ${report.key}: ${report.error.message}\n`);
        }
      }
      // The joined pack failed if any of its reports did, with that report's exit code.
      const failed = merged.reports.find((report) => report.error);
      if (failed?.error)
        context.setExitCode(exitCodes[failed.error.code as ScrutinyErrorCode] ?? exitCodes.internal);
    });
}
