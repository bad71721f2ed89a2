// What every command needs from the CLI shell: where to print, the environment, and how to fail.
import type { Problem, ScrutinyError } from "../errors.ts";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stdout is a terminal: progress can be drawn in place. */
  isTTY?: boolean;
  /** The terminal's width in characters. */
  columns?: number;
  /** Aborted when the user stops the run (Ctrl-C, SIGTERM): browsers are killed at once. */
  signal?: AbortSignal;
}

export interface CliContext {
  io: CliIo;
  /** --debug was given. */
  debug(): boolean;
  setExitCode(code: number): void;
}

/** An error as machine-readable JSON (`--json`): its stable code, message and placed problems. */
export function errorToJson(error: ScrutinyError): { code: string; message: string; problems: Problem[] } {
  return { code: error.code, message: error.message, problems: [...error.problems] };
}
