// One error type for the whole library: a stable code, and every problem found with its place.
// Only the CLI turns these into messages and exit codes.

export type ScrutinyErrorCode =
  | "usage"
  | "environment"
  | "invalid-data"
  | "template"
  | "render"
  | "output"
  | "interrupted"
  | "internal";

/** Exit codes, documented in the README. */
export const exitCodes: Readonly<Record<ScrutinyErrorCode | "ok", number>> = Object.freeze({
  ok: 0,
  internal: 1,
  usage: 2,
  environment: 3,
  "invalid-data": 4,
  template: 5,
  render: 6,
  output: 7,
  // 128 + SIGINT, as shells report a command stopped by Ctrl-C (see stopExitCodes).
  interrupted: 130,
});

/** Exit codes when a signal stops the command (src/cli/bin.ts): 128 + the signal's number. */
export const stopExitCodes = Object.freeze({ SIGINT: 130, SIGTERM: 143 } as const);

/** One thing wrong with the input, placed as precisely as we can. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Field path as a person would write it: `kpis[3].target`. */
  field?: string;
  /** The id of the record the field belongs to, when there is one (a KPI id, a risk id). */
  recordId?: string;
  message: string;
  hint?: string;
  /** Problems stop a build; `check` also reports warnings, which do not. */
  severity?: "error" | "warning";
  /** The data-quality rule that found it (`check`), e.g. "commentary-missing". */
  rule?: string;
}

export interface ScrutinyErrorOptions {
  problems?: readonly Problem[];
  cause?: unknown;
}

export class ScrutinyError extends Error {
  readonly code: ScrutinyErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ScrutinyErrorCode, message: string, options: ScrutinyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ScrutinyError";
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

export function isScrutinyError(value: unknown): value is ScrutinyError {
  return value instanceof ScrutinyError;
}

/** `kpis[3].target` from `["kpis", 3, "target"]`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}
