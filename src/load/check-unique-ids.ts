// Every record in a list must have its own id.
import type { Problem } from "../errors.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

export function checkUniqueIds(
  source: YamlSource,
  list: string,
  records: readonly { id: string }[],
  problems: Problem[],
): void {
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, index);
    else
      problems.push(
        problemAt(
          source,
          [list, index, "id"],
          `the id "${record.id}" is already used by ${list}[${first}]`,
          "Every id must be unique.",
        ),
      );
  });
}
