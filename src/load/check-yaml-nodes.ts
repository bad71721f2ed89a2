// Values YAML would read as something other than what an officer meant, and keys that could reach
// an object's prototype. Each is refused at its place with a way to write it instead; nothing here
// is converted quietly.
import { type Document, isMap, isPair, isScalar, isSeq, type Node, visit } from "yaml";
import { quoteForMessage } from "../text/quote-for-message.ts";

export interface NodeProblem {
  offset: number;
  /** Where the value sits in the data: ["kpis", 0, "target"]. */
  path: (string | number)[];
  message: string;
  hint: string;
}

type Ancestors = readonly unknown[];

const TEXT_HINT = 'Put the value in quotes if it is text or a code, such as "0777".';
const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function checkYamlNodes(document: Document.Parsed): NodeProblem[] {
  const problems: NodeProblem[] = [];
  const pathOf = createPathFinder();
  const at = (ancestors: Ancestors, node: Node, message: string, hint: string) =>
    problems.push({ offset: node.range?.[0] ?? 0, path: pathOf(ancestors, node), message, hint });

  // One visitor for every node: yaml calls only the most specific one (Map over Node).
  visit(document, {
    Node(_key, node, ancestors) {
      // Tags such as !!timestamp, !!binary or !custom turn text into dates, bytes or objects.
      if (node.tag !== undefined) {
        at(
          ancestors,
          node,
          `the YAML tag ${shortTag(node.tag)} is not accepted`,
          "Write the value without the tag; put it in quotes if it should stay text exactly as written.",
        );
      }
      // yaml's own uniqueKeys check compares every key with every other (minutes for a long map);
      // a set per map does the same in one pass.
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const name = String(pair.key.value);
          if (!seen.has(name)) {
            seen.add(name);
            continue;
          }
          at(
            [...ancestors, node, pair],
            pair.key,
            `the field ${quoteForMessage(name)} appears twice in the same block`,
            "Keep one of them: a later one would otherwise silently replace the earlier.",
          );
        }
      }
      if (isScalar(node) && typeof node.value === "number" && node.tag === undefined) {
        const refusal = refuseNumber(String(node.source ?? ""), node.value);
        if (refusal) at(ancestors, node, refusal.message, refusal.hint);
      }
    },
    Pair(_key, pair, ancestors) {
      if (!isScalar(pair.key) || typeof pair.key.value !== "string") return;
      const name = pair.key.value;
      const keyAncestors = [...ancestors, pair];
      if (RESERVED_KEYS.has(name)) {
        at(
          keyAncestors,
          pair.key,
          `the field name "${name}" is not allowed`,
          "It has a special meaning to the software that reads the data: remove or rename it.",
        );
      } else if (name === "<<") {
        at(keyAncestors, pair.key, "YAML merge keys (<<) are not supported", "Write the fields out in full.");
      }
    },
  });
  return problems;
}

/**
 * Finds the data path of a node from the chain of its ancestors as `visit` gives it: the index
 * within a list, the key within a map; a key's own path ends with the key's name. Each list's
 * positions are indexed once, so paths for many nodes of a long list cost no more than one pass.
 */
export function createPathFinder(): (ancestors: Ancestors, node: unknown) => (string | number)[] {
  const positions = new WeakMap<object, Map<unknown, number>>();
  const indexIn = (seq: { items: unknown[] }, item: unknown): number => {
    let index = positions.get(seq);
    if (!index) {
      index = new Map(seq.items.map((entry, position) => [entry, position]));
      positions.set(seq, index);
    }
    return index.get(item) ?? -1;
  };
  return (ancestors, node) => {
    const chain = [...ancestors, node];
    const path: (string | number)[] = [];
    for (let index = 1; index < chain.length; index++) {
      const parent = chain[index - 1];
      const child = chain[index];
      if (isSeq(parent)) path.push(indexIn(parent, child));
      if (isPair(parent) && isScalar(parent.key) && (child === parent.value || child === parent.key)) {
        path.push(String(parent.key.value));
      }
    }
    return path;
  };
}

/** A number written in a way that YAML reads differently from how it looks, or that cannot be a figure. */
function refuseNumber(written: string, value: number): { message: string; hint: string } | undefined {
  if (Number.isNaN(value)) {
    return {
      message: `"${written}" is YAML for "not a number", which cannot be shown as a figure`,
      hint: "Leave the figure out; if it is not available, say so with dataStatus (notAvailable).",
    };
  }
  if (!Number.isFinite(value)) {
    return {
      message: /inf/i.test(written)
        ? `"${written}" is YAML for infinity, which cannot be shown as a figure`
        : `"${written}" is too large to be a figure`,
      hint: "Give the figure as an ordinary number.",
    };
  }
  if (/^[-+]?0x/i.test(written)) {
    return {
      message: `"${written}" is a hexadecimal number in YAML (${value}), not what it looks like`,
      hint: `Write ${value} if that is the number meant. ${TEXT_HINT}`,
    };
  }
  if (/^[-+]?0o/i.test(written)) {
    return {
      message: `"${written}" is an octal number in YAML (${value}), not what it looks like`,
      hint: `Write ${value} if that is the number meant. ${TEXT_HINT}`,
    };
  }
  if (/^[-+]?0\d/.test(written)) {
    return {
      message: `"${written}" starts with a zero: YAML would read it as ${value} and drop the zero`,
      hint: `Write ${value} if it is a number. ${TEXT_HINT}`,
    };
  }
  if (/^[-+]?\d+$/.test(written) && !Number.isSafeInteger(value)) {
    return {
      message: `"${written}" has more digits than a number can hold exactly`,
      hint: "Round it, or put it in quotes if it is a reference rather than a figure.",
    };
  }
  return undefined;
}

/** "tag:yaml.org,2002:timestamp" → "!!timestamp", as it was most likely written. */
function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}
