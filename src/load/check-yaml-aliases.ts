// Aliases (*name) repeat the value of an anchor (&name). Whatever reads the data later walks every
// repeat, so a few lines can stand for billions of values (an "alias bomb"), and an alias inside
// its own anchor makes data that never ends. Both are found here by counting, before anything is
// read; ordinary reuse of a name or a block, even hundreds of times, is fine.
import { type Document, isAlias, isMap, isSeq, type Node, visit } from "yaml";
import { escapeForMessage } from "../text/quote-for-message.ts";
import { type NodeProblem, pathOfNode } from "./check-yaml-nodes.ts";

/** How many values, beyond those written in the file, its aliases may add. */
export const MAX_ALIAS_ADDED_VALUES = 100_000;

const REWRITE_HINT = "Write the repeated values out instead of using anchors (&name) and aliases (*name).";

export function checkYamlAliases(document: Document.Parsed): NodeProblem[] {
  const problems: NodeProblem[] = [];
  // Anchors come before their aliases, so an alias's target has been measured by the time the
  // alias is met, unless the alias sits inside it.
  const sizes = new Map<Node, number>();
  const measuring = new Set<Node>();
  const paths = new Map<Node, (string | number)[]>();
  let added = 0;
  let bombReported = false;

  visit(document, {
    Alias(_key, alias, ancestors) {
      paths.set(alias, pathOfNode(ancestors, alias));
    },
  });
  const problemAt = (alias: Node, message: string, hint: string) =>
    problems.push({ offset: alias.range?.[0] ?? 0, path: paths.get(alias) ?? [], message, hint });

  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) {
      const name = escapeForMessage(node.source);
      const target = node.resolve(document);
      if (!target) {
        problemAt(
          node,
          `the alias *${name} refers to no anchor &${name} above it`,
          "Define the anchor (&name) before using it, or write the value out.",
        );
        return 1;
      }
      if (measuring.has(target)) {
        problemAt(
          node,
          `the alias *${name} is inside its own anchor &${name}, so its value never ends`,
          REWRITE_HINT,
        );
        return 1;
      }
      const size = sizes.get(target) ?? sizeOf(target);
      added += size;
      if (added > MAX_ALIAS_ADDED_VALUES && !bombReported) {
        bombReported = true;
        problemAt(
          node,
          `the aliases (*name) in this file would repeat more than ${MAX_ALIAS_ADDED_VALUES.toLocaleString("en-GB")} values`,
          REWRITE_HINT,
        );
      }
      return size;
    }
    if (!isMap(node) && !isSeq(node)) return 1;
    measuring.add(node);
    let size = 1;
    for (const item of node.items) {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        size += sizeOf(pair.key) + (pair.value == null ? 0 : sizeOf(pair.value));
      } else {
        size += sizeOf(item);
      }
    }
    measuring.delete(node);
    sizes.set(node, size);
    return size;
  };
  sizeOf(document.contents);
  return problems;
}
