#!/usr/bin/env node
// Entry point of the `scrutiny` command: runs the CLI and sets the exit code, nothing else.
import module from "node:module";

// Node keeps the compiled (and type-stripped) modules on disk between runs, which makes starting
// several times faster; an unchanged pack's rebuild is mostly start-up (docs/performance.md).
module.enableCompileCache?.();
const { runCli } = await import("./run-cli.ts");

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
});
