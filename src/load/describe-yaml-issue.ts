// yaml's parse errors, written for programmers, reworded for the person editing the file and
// placed where the mistake is: an unclosed quote or bracket at its opening, not at the file's end.
import type { YAMLError } from "yaml";
import { escapeForMessage } from "../text/quote-for-message.ts";
import type { YamlTextScan } from "./scan-yaml-text.ts";

/** yaml's messages are written for programmers; these are for the person editing the file. */
export function describeYamlIssue(
  issue: YAMLError,
  text: string,
  scan: YamlTextScan,
): { offset: number; message: string; hint?: string } {
  const offset = issue.pos[0];
  const original = issue.message.split("\n")[0] ?? issue.message;
  const openedBefore = (offsets: number[]) => offsets.filter((opening) => opening <= offset).at(-1);
  switch (issue.code) {
    case "TAB_AS_INDENT":
      return {
        offset,
        message: "a tab is used to indent this line",
        hint: "Indent with spaces: YAML does not accept tabs.",
      };
    case "MISSING_CHAR": {
      const quote = /quote/.test(original) ? openedBefore(scan.unclosedQuotes) : undefined;
      if (/quote/.test(original)) {
        return {
          offset: quote ?? offset,
          message: "this quotation mark is never closed",
          hint: `Close the quote at the end of the value with the same mark (${text[quote ?? -1] ?? '"'}), or remove it.`,
        };
      }
      if (/without - indicator/.test(original)) return misindented(text, offset);
      if (/followed by map values/.test(original)) {
        return {
          offset,
          message: 'this line is not a field: expected "name: value"',
          hint: "Add the colon and a space after the field name, or join the line to the value above.",
        };
      }
      return { offset, message: escapeForMessage(original) };
    }
    case "BAD_INDENT": {
      const bracket = /end with a [\]}]/.test(original) ? openedBefore(scan.unclosedBrackets) : undefined;
      if (bracket !== undefined) {
        const closing = text[bracket] === "[" ? "]" : "}";
        return {
          offset: bracket,
          message: `this ${text[bracket]} is never closed with ${closing}`,
          hint: `Add the ${closing}, or write the list one entry per line.`,
        };
      }
      return misindented(text, offset);
    }
    case "BLOCK_AS_IMPLICIT_KEY":
      return {
        offset,
        message: 'this value contains ": " and is read as another field',
        hint: "Put the whole value in quotes.",
      };
    case "MULTILINE_IMPLICIT_KEY":
      return {
        offset,
        message: "a field name must be followed by a colon and a space on the same line",
        hint: 'Write "name: value"; put a value that contains ": " in quotes.',
      };
    case "BAD_SCALAR_START":
      return {
        offset,
        message: `a value cannot start with ${text[offset] ?? "this character"} in YAML`,
        hint: "Put the whole value in quotes.",
      };
    case "UNEXPECTED_TOKEN":
      if (/scalar at node end/.test(original)) {
        return {
          offset,
          message: "there is text after the closing quotation mark",
          hint: "Put the whole value inside the quotes.",
        };
      }
      return { offset, message: escapeForMessage(original) };
    case "MULTIPLE_DOCS":
      return {
        offset,
        message: 'a second YAML document starts here ("---")',
        hint: "A file holds one document: remove the --- line, or move what follows to its own file.",
      };
    case "NON_STRING_KEY":
      return {
        offset,
        message: "a field name must be plain text, not a list or a group",
        hint: "Write the field name as text before the colon.",
      };
    default:
      return { offset, message: escapeForMessage(original) };
  }
}

/** yaml points at the start of a misindented line; the first character there is more useful. */
function misindented(text: string, lineOffset: number): { offset: number; message: string; hint: string } {
  let offset = lineOffset;
  while (text[offset] === " ") offset++;
  return {
    offset,
    message: "this line is not indented in line with the lines around it",
    hint: "Fields of the same record start at the same column; indent with spaces.",
  };
}
