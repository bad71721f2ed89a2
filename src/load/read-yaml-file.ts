// Reads one YAML file into plain data, keeping the parsed document so any later problem can be
// placed at a line and column. Strict by design: YAML 1.2 core schema, unique keys, no unknown tags.
import { readFile, stat } from "node:fs/promises";
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { type Problem, ScrutinyError } from "../errors.ts";

export const MAX_YAML_BYTES = 5 * 1024 * 1024;
const MAX_ALIAS_EXPANSIONS = 100;

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
  const fail = (message: string, position?: SourcePosition, hint?: string): never => {
    const problem: Problem = { file: displayName, message, ...position, ...(hint ? { hint } : {}) };
    throw new ScrutinyError("invalid-data", `${displayName}: ${message}`, { problems: [problem] });
  };

  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "the file does not exist" : String(error);
    return fail(`cannot read the file: ${reason}`);
  }
  if (size > MAX_YAML_BYTES) {
    fail(
      `the file is ${size} bytes; the limit is ${MAX_YAML_BYTES} bytes`,
      undefined,
      "Split it into smaller files.",
    );
  }
  const text = decodeUtf8(await readFile(path), displayName);

  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: "core",
    strict: true,
    uniqueKeys: true,
    version: "1.2",
  });
  const problems: Problem[] = [...document.errors, ...document.warnings].map((issue) => ({
    file: displayName,
    ...positionAt(lineCounter, issue.pos[0]),
    message: describeYamlIssue(issue.code, issue.message),
  }));
  if (problems.length > 0) {
    throw new ScrutinyError("invalid-data", `${displayName}: the YAML could not be read`, { problems });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    fail(
      `the YAML could not be expanded: ${(error as Error).message}`,
      undefined,
      "Remove repeated aliases (*name).",
    );
  }
  if (data === null || data === undefined) fail("the file is empty", { line: 1, column: 1 });
  return { file: displayName, data, document, lineCounter };
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

function positionAt(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function decodeUtf8(bytes: Buffer, displayName: string): string {
  try {
    // A UTF-8 byte order mark (Excel and Notepad add one) is dropped by the decoder.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new ScrutinyError("invalid-data", `${displayName}: not UTF-8 text`, {
      problems: [
        {
          file: displayName,
          line,
          column: 1,
          message: "this line is not valid UTF-8 text",
          hint: "Save the file as UTF-8 (in Excel: 'CSV UTF-8'; in Notepad: Encoding → UTF-8).",
        },
      ],
    });
  }
}

function firstInvalidUtf8Line(bytes: Buffer): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line++;
      start = index + 1;
    }
  }
  return line;
}

function describeYamlIssue(code: string, message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  if (code === "DUPLICATE_KEY") return "this key appears twice in the same block";
  if (code === "TAG_RESOLVE_FAILED") return `unsupported YAML tag (${firstLine}); write the value plainly`;
  return firstLine;
}
