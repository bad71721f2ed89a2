// A file with thousands of mistakes (a wrong file, or a hostile one) gets the first hundred and a
// count of the rest: the list stays readable, and placing each problem costs nothing unbounded.
import type { Problem } from "../errors.ts";

export const MAX_PROBLEMS_PER_FILE = 100;

/** The first MAX_PROBLEMS_PER_FILE problems, then one saying how many more there are. */
export function limitProblems(
  problems: readonly Problem[],
  file: string,
  total = problems.length,
): Problem[] {
  if (total <= MAX_PROBLEMS_PER_FILE) return [...problems];
  const more = total - MAX_PROBLEMS_PER_FILE;
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_FILE),
    {
      file,
      message: `and ${more.toLocaleString("en-GB")} more ${more === 1 ? "problem" : "problems"} in this file`,
      hint: "Correct these, or check that this is the right file, and run again to see the rest.",
    },
  ];
}
