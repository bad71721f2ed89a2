// Aliases (*name) repeat the value of an anchor (&name). Whatever reads the data later walks every
// repeat, so a few lines can stand for billions of values (an "alias bomb"), and an alias inside
// its own anchor makes data that never ends. Both are found here by counting, before anything is
// read; ordinary reuse of a name or a block, even hundreds of times, is fine.
import { type Document, isAlias, isMap, isSeq, type Node, visit } from "yaml";
import { escapeForMessage } from "../text/quote-for-message.ts";
import { createPathFinder, type NodeProblem } from "./check-yaml-nodes.ts";

/** How many values, beyond those written in the file, its aliases may add. */
export const MAX_ALIAS_ADDED_VALUES = 100_000;
/** yaml looks up each alias's anchor among all earlier ones, so time grows with the square of this. */
export const MAX_ALIASES = 10_000;

const REWRITE_HINT = "Write the repeated values out instead of using anchors (&name) and aliases (*name).";

export function checkYamlAliases(document: Document.Parsed): NodeProblem[] {
  // Each alias refers to the last anchor of its name before it, in document order (as visit goes).
  const targets = new Map<Node, Node | undefined>();
  const anchors = new Map<string, Node>();
  const pathOf = createPathFinder();
  const found: NodeProblem[] = [];
  visit(document, {
    Node(_key, node, ancestors) {
      if (isAlias(node)) {
        targets.set(node, anchors.get(node.source));
        if (targets.size === MAX_ALIASES + 1) {
          found.push({
            offset: node.range?.[0] ?? 0,
            path: pathOf(ancestors, node),
            message: `the file uses more than ${MAX_ALIASES.toLocaleString("en-GB")} aliases (*name)`,
            hint: REWRITE_HINT,
          });
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
      return undefined;
    },
  });
  if (found.length > 0) return found;

  // Anchors come before their aliases, so an alias's target has been measured by the time the
  // alias is met, unless the alias sits inside it.
  const refused = new Map<Node, { message: string; hint: string }>();
  const sizes = new Map<Node, number>();
  const measuring = new Set<Node>();
  let added = 0;
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) {
      const name = escapeForMessage(node.source);
      const target = targets.get(node);
      if (!target) {
        refused.set(node, {
          message: `the alias *${name} refers to no anchor &${name} above it`,
          hint: "Define the anchor (&name) before using it, or write the value out.",
        });
        return 1;
      }
      if (measuring.has(target)) {
        refused.set(node, {
          message: `the alias *${name} is inside its own anchor &${name}, so its value never ends`,
          hint: REWRITE_HINT,
        });
        return 1;
      }
      const size = sizes.get(target) ?? sizeOf(target);
      const before = added;
      added += size;
      if (before <= MAX_ALIAS_ADDED_VALUES && added > MAX_ALIAS_ADDED_VALUES) {
        refused.set(node, {
          message: `the aliases (*name) in this file would repeat more than ${MAX_ALIAS_ADDED_VALUES.toLocaleString("en-GB")} values`,
          hint: REWRITE_HINT,
        });
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
  if (refused.size === 0) return [];

  // Only now, for the few aliases refused, is it worth finding where they sit.
  visit(document, {
    Alias(_key, alias, ancestors) {
      const problem = refused.get(alias);
      if (problem) found.push({ offset: alias.range?.[0] ?? 0, path: pathOf(ancestors, alias), ...problem });
    },
  });
  return found;
}
