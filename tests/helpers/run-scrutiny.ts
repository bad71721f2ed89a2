// Runs the CLI in-process and collects what it prints, as a person would see it.
import { type CliIo, runCli } from "../../src/cli/run-cli.ts";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runScrutiny(
  args: string[],
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  /** Aborting it is what bin.ts does on Ctrl-C or SIGTERM. */
  signal?: AbortSignal,
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    cwd,
    ...(signal ? { signal } : {}),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
