// The command line. The only place that reads arguments, prints and chooses exit codes;
// everything else is the library. Driven in-process by the tests.
import { Command, CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { exitCodes, isScrutinyError } from "../errors.ts";
import { registerBuildCommand } from "./build-command.ts";
import { registerCheckCommand } from "./check-command.ts";
import type { CliContext, CliIo } from "./cli-context.ts";
import { formatError } from "./format-error.ts";
import { registerManifestCommand } from "./manifest-command.ts";
import { registerSchemaCommand } from "./schema-command.ts";

export type { CliIo } from "./cli-context.ts";

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command()
    .name("scrutiny")
    .description("Turn a council's quarterly performance data (YAML) into committee-ready PDF reports.")
    .version(packageJson.version, "-v, --version", "print the version")
    .option("--debug", "show the full cause of errors, with stack traces")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run 'scrutiny --help' to see the commands)");
  const context: CliContext = {
    io,
    debug: () => program.opts<{ debug?: boolean }>().debug === true,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  registerBuildCommand(program, context);
  registerCheckCommand(program, context);
  registerSchemaCommand(program, context);
  registerManifestCommand(program, context);

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Asked-for help and version succeed; help shown because no command was given is a usage error.
      const quietExits = ["commander.helpDisplayed", "commander.version"];
      exitCode = quietExits.includes(error.code) ? exitCodes.ok : exitCodes.usage;
    } else {
      io.stderr(formatError(error, context.debug()));
      exitCode = isScrutinyError(error) ? exitCodes[error.code] : exitCodes.internal;
    }
  }
  return exitCode;
}
