// One pass of yaml's own lexer over the raw text, before anything is parsed. The lexer keeps no
// call stack per level of nesting, so it can measure how deep the data goes (brackets and block
// indentation alike) and stop at the limit: deeper data would exhaust the stack of the parser,
// the composer and every later recursive step. It also remembers where quotes and brackets were
// opened and never closed, so the parse error can point at the opening rather than the file's end.
import { CST, Lexer } from "yaml";

/** Real data needs a handful of levels (kpis → a KPI → actuals → a period); 50 is plenty. */
export const MAX_YAML_NESTING = 50;

export interface YamlTextScan {
  /** Where the data first goes deeper than the limit; nothing after it was scanned. */
  tooDeepAt: number | undefined;
  /** Offsets of quotation marks that open a value and are never closed. */
  unclosedQuotes: number[];
  /** Offsets of [ or { that the lexer had to close for the file (a missing ] or }). */
  unclosedBrackets: number[];
}

const SYNTHETIC_TOKENS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
// After these, on the same line, another block node may start ("- - x", "? - x", ": - x").
const NODE_INDICATORS: ReadonlySet<string> = new Set(["seq-item-ind", "explicit-key-ind", "map-value-ind"]);

export function scanYamlText(text: string, maxNesting = MAX_YAML_NESTING): YamlTextScan {
  const scan: YamlTextScan = { tooDeepAt: undefined, unclosedQuotes: [], unclosedBrackets: [] };
  // Columns of the block nodes still open: a node starting at column c closes those at c or right of it.
  const blockColumns: number[] = [];
  const openBrackets: number[] = [];
  let offset = 0;
  let lineStart = 0;
  // True where a new block node may start: at a line's first token, or after "- " or "? ".
  let nodeMayStart = true;
  let scalarContentNext = false;

  for (const token of new Lexer().lex(text)) {
    if (SYNTHETIC_TOKENS.has(token)) {
      if (token === CST.SCALAR) scalarContentNext = true;
      if (token === CST.FLOW_END) {
        const opening = openBrackets.at(-1);
        if (opening !== undefined) scan.unclosedBrackets.push(opening);
        openBrackets.length = 0;
      }
      continue;
    }
    const type = scalarContentNext ? "scalar" : CST.tokenType(token);
    scalarContentNext = false;
    const startsNode =
      type === "scalar" ||
      type === "single-quoted-scalar" ||
      type === "double-quoted-scalar" ||
      type === "block-scalar-header" ||
      type === "flow-seq-start" ||
      type === "flow-map-start" ||
      type === "alias" ||
      type === "anchor" ||
      type === "tag" ||
      (type !== null && NODE_INDICATORS.has(type));
    // Block scalar content comes as one token beginning with its indentation: it is text, not a node.
    const isBlockScalarContent = type === "scalar" && /^[ \t\n\r]/.test(token);

    if (openBrackets.length === 0 && startsNode && nodeMayStart && !isBlockScalarContent) {
      const column = offset - lineStart;
      while ((blockColumns.at(-1) ?? -1) >= column) blockColumns.pop();
      blockColumns.push(column);
      nodeMayStart = type !== null && NODE_INDICATORS.has(type);
    } else if (startsNode) {
      nodeMayStart = false;
    }
    if (type === "flow-seq-start" || type === "flow-map-start") openBrackets.push(offset);
    if ((type === "flow-seq-end" || type === "flow-map-end") && openBrackets.length > 0) openBrackets.pop();
    if (type === "doc-start" || type === "doc-end") blockColumns.length = 0;
    if ((type === "single-quoted-scalar" || type === "double-quoted-scalar") && !isClosedQuote(token)) {
      scan.unclosedQuotes.push(offset);
    }

    if (blockColumns.length + openBrackets.length > maxNesting) {
      scan.tooDeepAt = offset;
      return scan;
    }
    const lastNewline = token.lastIndexOf("\n");
    if (lastNewline !== -1) lineStart = offset + lastNewline + 1;
    if (type === "newline" || isBlockScalarContent) nodeMayStart = true;
    offset += token.length;
  }
  return scan;
}

function isClosedQuote(token: string): boolean {
  const quote = token[0] as string;
  if (token.length < 2 || !token.endsWith(quote)) return false;
  if (quote === "'") return true;
  const backslashes = /\\*(?="$)/.exec(token)?.[0].length ?? 0;
  return backslashes % 2 === 0;
}
