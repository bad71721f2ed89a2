// Turns errors into messages a performance officer can act on: problems grouped by file, each
// with line:column, field and record id. Stacks only for bugs, or with --debug.
import { isScrutinyError, type Problem } from "../errors.ts";

export function formatError(error: unknown, debug: boolean): string {
  if (!isScrutinyError(error)) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return `Scrutiny stopped because of an internal error (a bug; please report it):\n${stack}\n`;
  }
  let text = `Error: ${error.message}\n`;
  if (error.problems.length > 0) text += formatProblems(error.problems);
  if (debug) text += `\n${causeChain(error)}`;
  return text;
}

export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  let text = "";
  for (const [file, list] of byFile) {
    text += `\n${file}\n`;
    for (const problem of list) {
      const place = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
      const field = problem.field ? `  ${problem.field}` : "";
      const record = problem.recordId ? ` (${problem.recordId})` : "";
      const severity = problem.severity === "warning" ? "Warning: " : "";
      const rule = problem.rule ? ` [${problem.rule}]` : "";
      text += `  ${place}${field}${record}\n    ${severity}${problem.message}${rule}\n`;
      if (problem.hint) text += `    Hint: ${problem.hint}\n`;
    }
  }
  return text;
}

function causeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.stack ?? current.message);
    current = current.cause;
  }
  return `${parts.join("\nbecause\n")}\n`;
}
