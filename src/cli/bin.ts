#!/usr/bin/env node
// Entry point of the `scrutiny` command: runs the CLI and sets the exit code, nothing else.
import { runCli } from "./run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
