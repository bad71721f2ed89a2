#!/usr/bin/env node
// Entry point of the `scrutiny` command: runs the CLI, sets the exit code, and stops cleanly on
// Ctrl-C or SIGTERM. The only place that ends the process.
import module from "node:module";
// errors.ts imports nothing, so the handlers below are in place before anything heavy loads.
import { stopExitCodes } from "../errors.ts";

const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // Installed before anything else is loaded, so even a signal during start-up exits this way.
  // `on`, not `once`: with a one-off listener the process was seen to die by the signal's default
  // action instead of running the handler.
  process.on(signal, () => {
    if (stop.signal.aborted) return;
    process.stderr.write(
      `\nStopped (${signal}): Chromium closed, unfinished files removed; earlier PDFs are unchanged.\n`,
    );
    // Aborting kills every browser synchronously; exiting runs the "exit" hook that removes
    // temporary files still being written. Nothing waits on the build, so this is immediate.
    stop.abort(signal);
    process.exit(stopExitCodes[signal]);
  });
}

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
  signal: stop.signal,
});
