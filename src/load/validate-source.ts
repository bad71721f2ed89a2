// Checks one YAML file's data against its schema and places every problem at a line and column.
import type { z } from "zod";
import { formatFieldPath, type Problem } from "../errors.ts";
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
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const problem = problemAt(source, [...issue.path, key], `unknown field "${key}"`, UNKNOWN_FIELD_HINT);
        problems.push({ ...problem, ...locateKeyInYaml(source, issue.path, key) });
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      // A bad key in a map such as `actuals`: point at the key and give the key's own problem.
      const key = String(issue.path.at(-1));
      const reason = issue.issues[0]?.message ?? issue.message;
      const problem = problemAt(source, issue.path, `the key ${JSON.stringify(key)} is not valid: ${reason}`);
      problems.push({ ...problem, ...locateKeyInYaml(source, issue.path.slice(0, -1), key) });
      continue;
    }
    const value = valueAt(source.data, issue.path);
    const key = issue.path.at(-1);
    if (value === undefined && issue.code === "invalid_type" && key !== undefined) {
      problems.push(problemAt(source, issue.path, `the required field "${String(key)}" is missing`));
      continue;
    }
    const found = describeFound(value);
    problems.push(problemAt(source, issue.path, found ? `${issue.message}; found ${found}` : issue.message));
  }
  return { ok: false, problems };
}

/** A problem at `path` in `source`, with the id of the record it sits in (kpis[3] → its id). */
export function problemAt(
  source: YamlSource,
  path: readonly PropertyKey[],
  message: string,
  hint?: string,
): Problem {
  const position = locateInYaml(source, path);
  const recordId = path.length >= 2 ? valueAt(source.data, [...path.slice(0, 2), "id"]) : undefined;
  return {
    file: source.file,
    ...position,
    field: formatFieldPath(path),
    ...(typeof recordId === "string" ? { recordId } : {}),
    message,
    ...(hint ? { hint } : {}),
  };
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
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "an empty value";
  return undefined;
}
