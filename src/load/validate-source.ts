// Checks one YAML file's data against its schema and places every problem at a line and column.
import type { z } from "zod";
import { formatFieldPath, type Problem } from "../errors.ts";
import { escapeForMessage, quoteForMessage } from "../text/quote-for-message.ts";
import { limitProblems, MAX_PROBLEMS_PER_FILE } from "./limit-problems.ts";
import { locateInYaml, locateKeyInYaml, type YamlSource } from "./read-yaml-file.ts";

const UNKNOWN_FIELD_HINT =
  "Check the spelling against the README's data format; field names are case-sensitive.";

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

export function validateSource<Schema extends z.ZodType>(
  source: YamlSource,
  schema: Schema,
): ValidationResult<z.output<Schema>> {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, data: result.data };
  const problems: Problem[] = [];
  // Placing a problem looks its path up in the document; past the limit they are only counted.
  let total = 0;
  for (const issue of result.error.issues) {
    total += issue.code === "unrecognized_keys" ? issue.keys.length : 1;
    if (problems.length >= MAX_PROBLEMS_PER_FILE) continue;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys.slice(0, MAX_PROBLEMS_PER_FILE - problems.length)) {
        const problem = problemAt(
          source,
          [...issue.path, key],
          `unknown field ${quoteForMessage(key)}`,
          UNKNOWN_FIELD_HINT,
        );
        problems.push({ ...problem, ...locateKeyInYaml(source, issue.path, key) });
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      // A bad key in a map such as `actuals`: point at the key and give the key's own problem.
      const key = String(issue.path.at(-1));
      const reason = issue.issues[0]?.message ?? issue.message;
      const problem = problemAt(
        source,
        issue.path,
        `the key ${quoteForMessage(key)} is not valid: ${reason}`,
      );
      problems.push({ ...problem, ...locateKeyInYaml(source, issue.path.slice(0, -1), key) });
      continue;
    }
    const value = valueAt(source.data, issue.path);
    const key = issue.path.at(-1);
    if (value === undefined && issue.code === "invalid_type" && key !== undefined) {
      problems.push(problemAt(source, issue.path, `the required field "${String(key)}" is missing`));
      continue;
    }
    // A list or a group of fields is only worth naming when the wrong kind was given.
    const found =
      typeof value === "object" &&
      value !== null &&
      issue.code !== "invalid_type" &&
      issue.code !== "invalid_union"
        ? undefined
        : describeFound(value);
    const message = describeIssue(issue);
    const hint =
      issue.code === "custom" && typeof issue.params?.hint === "string" ? issue.params.hint : undefined;
    problems.push(problemAt(source, issue.path, found ? `${message}; found ${found}` : message, hint));
  }
  return { ok: false, problems: limitProblems(problems, source.file, total) };
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "fields (name: value)",
  record: "fields (name: value)",
};

/** zod's own messages say "received string"; a schema's own message is kept as written. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const isZodDefault = /^(Invalid input|Invalid option|Too small|Too big)\b/.test(issue.message);
  if (!isZodDefault) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `expected ${EXPECTED_WORDS[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `expected one of: ${issue.values.map(String).join(", ")}`;
    case "too_small":
    case "too_big": {
      const limit = issue.code === "too_small" ? issue.minimum : issue.maximum;
      if (issue.origin === "array") {
        const entries = Number(limit) === 1 ? "entry" : "entries";
        return issue.code === "too_small"
          ? `needs at least ${limit} ${entries}`
          : `allows at most ${limit} ${entries}`;
      }
      if (issue.origin === "number" || issue.origin === "int") {
        if (issue.code === "too_small")
          return `must be ${issue.inclusive ? "at least" : "more than"} ${limit}`;
        return `must be ${issue.inclusive ? "at most" : "less than"} ${limit}`;
      }
      return issue.message;
    }
    default:
      return issue.message;
  }
}

/** A problem at `path` in `source`, with the id of the record it sits in (kpis[3] → its id). */
export function problemAt(
  source: YamlSource,
  path: readonly PropertyKey[],
  message: string,
  hint?: string,
): Problem {
  const position = locateInYaml(source, path);
  const recordId = enclosingRecordId(source.data, path);
  return {
    file: source.file,
    ...position,
    field: escapeForMessage(formatFieldPath(path)),
    ...(typeof recordId === "string" ? { recordId: escapeForMessage(recordId) } : {}),
    message,
    ...(hint ? { hint } : {}),
  };
}

/**
 * The id (or recommendation code) of the innermost record the path sits in: a milestone's action,
 * an action's objective, a KPI. Records are items of lists, so only list items are looked at.
 */
function enclosingRecordId(data: unknown, path: readonly PropertyKey[]): string | undefined {
  for (let depth = path.length; depth >= 2; depth--) {
    if (typeof path[depth - 1] !== "number") continue;
    const record = valueAt(data, path.slice(0, depth));
    if (record === null || typeof record !== "object") continue;
    for (const key of ["id", "code"]) {
      const value = (record as Record<string, unknown>)[key];
      if (Object.hasOwn(record, key) && typeof value === "string") return value;
    }
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describeFound(value: unknown): string | undefined {
  if (typeof value === "string") return quoteForMessage(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "fields (name: value)";
  return undefined;
}
