// Reads one YAML file into plain data, keeping the parsed document so any later problem can be
// placed at a line and column. Strict by design, and in this order so no step can be overwhelmed:
// a size limit, UTF-8 only, nesting measured on the raw text, then YAML 1.2 core schema with unique
// string keys, no tags, no look-alike numbers, no reserved keys, and a limit on alias expansion.
import { readFile, stat } from "node:fs/promises";
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { formatFieldPath, type Problem, ScrutinyError } from "../errors.ts";
import { escapeForMessage } from "../text/quote-for-message.ts";
import { checkYamlAliases } from "./check-yaml-aliases.ts";
import { checkYamlNodes } from "./check-yaml-nodes.ts";
import { describeYamlIssue } from "./describe-yaml-issue.ts";
import { limitProblems } from "./limit-problems.ts";
import { MAX_YAML_NESTING, scanYamlText } from "./scan-yaml-text.ts";

export const MAX_YAML_BYTES = 5 * 1024 * 1024;

export interface YamlSource {
  /** Path as shown to people (relative to the folder being built). */
  file: string;
  data: unknown;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface SourcePosition {
  line: number;
  column: number;
}

export async function readYamlFile(path: string, displayName: string): Promise<YamlSource> {
  const fail = (message: string, hint?: string): never => {
    throw invalid(displayName, [{ file: displayName, message, ...(hint ? { hint } : {}) }]);
  };
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => fail(cannotRead(error)));
  // A folder, a pipe or a device such as /dev/zero would fail or never end: only plain files are read.
  if (stats.isDirectory()) fail("this is a folder, not a YAML file");
  if (!stats.isFile()) fail("this is not an ordinary file");
  if (stats.size > MAX_YAML_BYTES) {
    fail(
      `the file is ${formatMegabytes(stats.size)} (${stats.size.toLocaleString("en-GB")} bytes); the limit is ${formatMegabytes(MAX_YAML_BYTES)}`,
      "Split the data into smaller files, or check that the file is the one meant.",
    );
  }
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => fail(cannotRead(error)));
  return parseYamlText(decodeUtf8(bytes, displayName), displayName);
}

function cannotRead(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return "cannot read the file: it does not exist";
  if (error.code === "EACCES" || error.code === "EPERM") return "cannot read the file: permission denied";
  return `cannot read the file: ${error.message}`;
}

/** Parses YAML text already decoded; every problem is placed at a line and column of `file`. */
export function parseYamlText(text: string, file: string): YamlSource {
  const scan = scanYamlText(text);
  if (scan.tooDeepAt !== undefined) {
    throw invalid(file, [
      {
        file,
        ...positionInText(text, scan.tooDeepAt),
        message: `the data here is nested more than ${MAX_YAML_NESTING} levels deep`,
        hint: "Report data needs only a few levels: look for brackets [ or { that are never closed, or indentation that keeps growing.",
      },
    ]);
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: "core",
    strict: true,
    // Duplicate keys are found by checkYamlNodes in one pass; yaml's check is quadratic.
    uniqueKeys: false,
    stringKeys: true,
    // Tags that are not part of the core schema (!!timestamp, !!binary) stay unresolved; every
    // tag is then refused by checkYamlNodes with one message.
    resolveKnownTags: false,
    version: "1.2",
  });
  const placed: { offset: number; problem: Problem }[] = [];
  for (const issue of [...document.errors, ...document.warnings]) {
    if (issue.code === "TAG_RESOLVE_FAILED" || issue.code === "BAD_COLLECTION_TYPE") continue;
    const { offset, message, hint } = describeYamlIssue(issue, text, scan);
    placed.push({
      offset,
      problem: { file, ...positionAt(lineCounter, offset), message, ...(hint ? { hint } : {}) },
    });
  }
  for (const { offset, path, message, hint } of [
    ...checkYamlNodes(document),
    ...checkYamlAliases(document),
  ]) {
    placed.push({
      offset,
      problem: { file, ...positionAt(lineCounter, offset), ...fieldOf(document, path), message, hint },
    });
  }
  if (placed.length > 0) {
    placed.sort((a, b) => a.offset - b.offset);
    // yaml often reports one mistake several times at the same place: the first says it best.
    const firstAtEachPlace = placed.filter((entry, index) => entry.offset !== placed[index - 1]?.offset);
    throw invalid(
      file,
      limitProblems(
        firstAtEachPlace.map(({ problem }) => problem),
        file,
      ),
    );
  }

  // checkYamlAliases has measured every alias, so yaml's own cruder count (which refuses the
  // 101st repeat of even a one-word anchor) is not needed.
  const data: unknown = document.toJS({ maxAliasCount: -1 });
  if (data === null || data === undefined) {
    throw invalid(file, [
      {
        file,
        line: 1,
        column: 1,
        message: "the file is empty",
        hint: "A file with only comments counts as empty: give its fields.",
      },
    ]);
  }
  return { file, data, document, lineCounter };
}

/** The position of the value at `path`, or of its nearest existing parent. */
export function locateInYaml(source: YamlSource, path: readonly PropertyKey[]): SourcePosition | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return positionAt(source.lineCounter, node.range[0]);
  }
  return undefined;
}

/** The position of a key itself (for unknown fields), falling back to its map. */
export function locateKeyInYaml(
  source: YamlSource,
  mapPath: readonly PropertyKey[],
  key: string,
): SourcePosition | undefined {
  const map = source.document.getIn(mapPath as unknown[], true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isNode(pair.key) && pair.key.range) return positionAt(source.lineCounter, pair.key.range[0]);
  }
  return locateInYaml(source, mapPath);
}

/** The field path, and the id of the record it belongs to (kpis[3] → that KPI's id). */
function fieldOf(document: Document.Parsed, path: (string | number)[]): Pick<Problem, "field" | "recordId"> {
  if (path.length === 0) return {};
  const recordId = path.length >= 2 ? document.getIn([...path.slice(0, 2), "id"]) : undefined;
  return {
    field: escapeForMessage(formatFieldPath(path)),
    ...(typeof recordId === "string" ? { recordId: escapeForMessage(recordId) } : {}),
  };
}

function invalid(file: string, problems: Problem[]): ScrutinyError {
  const summary = problems.length === 1 ? problems[0]?.message : `${problems.length} problems`;
  return new ScrutinyError("invalid-data", `${file}: ${summary}`, { problems });
}

function positionAt(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function positionInText(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    // A UTF-8 byte order mark (Excel and Notepad add one) is dropped by the decoder.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw invalid(file, [
      {
        file,
        ...(utf16 ? { line: 1, column: 1 } : firstInvalidUtf8(bytes)),
        message: utf16
          ? "this file is saved as UTF-16 (Windows 'Unicode'), not UTF-8"
          : "this line is not valid UTF-8 text",
        hint: "Save the file as UTF-8 (in Excel: 'CSV UTF-8'; in Notepad: Encoding → UTF-8).",
      },
    ]);
  }
}

/**
 * The line and column of the first byte that is not UTF-8. Feeding the decoder one byte at a time
 * in streaming mode lets an unfinished character wait for its next byte, so the byte that throws
 * is the bad one.
 */
function firstInvalidUtf8(bytes: Buffer): SourcePosition {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let line = 1;
  let column = 1;
  for (let index = 0; index < bytes.length; index++) {
    let decoded: string;
    try {
      decoded = decoder.decode(bytes.subarray(index, index + 1), { stream: true });
    } catch {
      return { line, column };
    }
    for (const character of decoded) {
      if (character === "\n") {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }
  return { line, column };
}
