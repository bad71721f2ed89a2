// Hostile and messy YAML, class by class: each is refused at its file, line, column and field with
// a message an officer can act on, or read safely as documented. Nothing crashes or hangs.
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Problem, ScrutinyError } from "../../src/errors.ts";
import { MAX_ALIAS_ADDED_VALUES, MAX_ALIASES } from "../../src/load/check-yaml-aliases.ts";
import { MAX_PROBLEMS_PER_FILE } from "../../src/load/limit-problems.ts";
import { MAX_YAML_BYTES, readYamlFile } from "../../src/load/read-yaml-file.ts";
import { MAX_YAML_NESTING } from "../../src/load/scan-yaml-text.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

/**
 * Not a speed target (those are in `npm run bench`): a bound far above the milliseconds this
 * takes, far below the minute the quadratic or unbounded versions took, so a busy CI machine
 * never fails it but a hang or a blow-up does.
 */
const HANG_BOUND_MS = 20_000;

let folder: string;
beforeAll(async () => {
  folder = await makeTempDir();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

let fileCount = 0;
async function writeYaml(content: string | Buffer): Promise<string> {
  const path = join(folder, `file-${++fileCount}.yaml`);
  await writeFile(path, content);
  return path;
}

/** Reads `content` as kpis.yaml and returns its problems; fails the test if it was accepted. */
async function problemsIn(content: string | Buffer): Promise<Problem[]> {
  const outcome = await readYamlFile(await writeYaml(content), "kpis.yaml").then(
    (source) => source,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ScrutinyError);
  expect((outcome as ScrutinyError).code).toBe("invalid-data");
  return [...(outcome as ScrutinyError).problems];
}

async function dataOf(content: string): Promise<unknown> {
  return (await readYamlFile(await writeYaml(content), "kpis.yaml")).data;
}

/** What an officer sees of a problem: place, field, message (hints are checked where they matter). */
const placed = ({ file, line, column, field, recordId, message }: Problem) => ({
  file,
  line,
  column,
  ...(field === undefined ? {} : { field }),
  ...(recordId === undefined ? {} : { recordId }),
  message,
});

describe("YAML syntax errors", () => {
  it.each([
    {
      name: "a tab used for indentation",
      text: "kpis:\n  - id: CE01\n\ttitle: Waste\n",
      line: 3,
      column: 1,
      message: "a tab is used to indent this line",
    },
    {
      name: "a field indented less than its neighbours",
      text: "kpis:\n  - id: CE01\n    title: Waste\n   theme: environment\n",
      line: 4,
      column: 4,
      message: "this line is not indented in line with the lines around it",
    },
    {
      name: "a double quote never closed (placed at the quote, not the end of the file)",
      text: 'kpis:\n  - id: CE01\n    title: "Waste\n    theme: environment\n',
      line: 3,
      column: 12,
      message: "this quotation mark is never closed",
    },
    {
      name: "a single quote never closed",
      text: "kpis:\n  - id: CE01\n    title: 'Waste\n",
      line: 3,
      column: 12,
      message: "this quotation mark is never closed",
    },
    {
      name: "a [ never closed (placed at the bracket)",
      text: "kpis:\n  - id: CE01\n    owners: [Head of Waste, Head of Parks\n    theme: environment\n",
      line: 3,
      column: 13,
      message: "this [ is never closed with ]",
    },
    {
      name: 'a value holding ": "',
      text: "kpis:\n  - id: CE01\n    title: Waste: recycling rate\n",
      line: 3,
      column: 12,
      message: 'this value contains ": " and is read as another field',
    },
    {
      name: "text after a closing quote",
      text: 'kpis:\n  - id: CE01\n    title: "Waste" rate\n',
      line: 3,
      column: 20,
      message: "there is text after the closing quotation mark",
    },
    {
      name: "a line that is not a field",
      text: "kpis:\n  - id: CE01\n    title\n",
      line: 3,
      column: 5,
      message: 'this line is not a field: expected "name: value"',
    },
    {
      name: "a second document",
      text: "kpis: []\n---\nkpis: []\n",
      line: 2,
      column: 1,
      message: 'a second YAML document starts here ("---")',
    },
    {
      name: "a value starting with a reserved character",
      text: "kpis:\n  - id: CE01\n    owner: @waste\n",
      line: 3,
      column: 12,
      message: "a value cannot start with @ in YAML",
    },
  ])("places $name", async ({ text, line, column, message }) => {
    const problems = await problemsIn(text);
    expect(placed(problems[0] as Problem)).toEqual({ file: "kpis.yaml", line, column, message });
    expect(problems[0]?.hint).toBeTruthy();
  });

  it("names a field given twice, with its path and record", async () => {
    const problems = await problemsIn("kpis:\n  - id: CE01\n    title: Waste\n    title: Recycling\n");
    expect(problems.map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 4,
        column: 5,
        field: "kpis[0].title",
        recordId: "CE01",
        message: 'the field "title" appears twice in the same block',
      },
    ]);
  });

  it("treats 1 and '1' as the same key, as they are once read", async () => {
    const problems = await problemsIn("actuals:\n  1: 10\n  '1': 20\n");
    expect(problems.map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 3,
        column: 3,
        field: "actuals.1",
        message: 'the field "1" appears twice in the same block',
      },
    ]);
  });

  it.each([
    { name: "empty", text: "" },
    { name: "only white space", text: "  \n\n" },
    { name: "only comments", text: "# kpis:\n#   - id: CE01\n" },
  ])("says a file that is $name is empty", async ({ text }) => {
    expect((await problemsIn(text)).map(placed)).toEqual([
      { file: "kpis.yaml", line: 1, column: 1, message: "the file is empty" },
    ]);
  });

  it("lists every syntax problem of a file at once, in order", async () => {
    const problems = await problemsIn("a: 1\n\tb: 2\nc: 0777\nc: 3\n");
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      "2:1 a tab is used to indent this line",
      '3:4 "0777" starts with a zero: YAML would read it as 777 and drop the zero',
      '4:1 the field "c" appears twice in the same block',
    ]);
  });
});

describe("YAML 1.1 surprises", () => {
  it("reads yes, no, on, off, y and n as the text they are (YAML 1.2)", async () => {
    expect(await dataOf("a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: true\n")).toEqual({
      a: "yes",
      b: "no",
      c: "on",
      d: "off",
      e: "y",
      f: "n",
      g: true,
    });
  });

  it("reads ~, null and nothing as an empty value, and keeps dates as text", async () => {
    expect(await dataOf("a: ~\nb: null\nc:\nd: 2023-02-30\ne: 12:30:00\n")).toEqual({
      a: null,
      b: null,
      c: null,
      d: "2023-02-30",
      e: "12:30:00",
    });
  });

  it("reads ordinary numbers as numbers", async () => {
    expect(await dataOf("a: 0\nb: 0.5\nc: -3\nd: +4\ne: 1e3\nf: .5\ng: 43.10\n")).toEqual({
      a: 0,
      b: 0.5,
      c: -3,
      d: 4,
      e: 1000,
      f: 0.5,
      g: 43.1,
    });
  });

  it.each([
    {
      written: "0777",
      message: '"0777" starts with a zero: YAML would read it as 777 and drop the zero',
      hint: 'Write 777 if it is a number. Put the value in quotes if it is text or a code, such as "0777".',
    },
    {
      written: "0x1F",
      message: '"0x1F" is a hexadecimal number in YAML (31), not what it looks like',
      hint: 'Write 31 if that is the number meant. Put the value in quotes if it is text or a code, such as "0777".',
    },
    {
      written: "0o17",
      message: '"0o17" is an octal number in YAML (15), not what it looks like',
      hint: 'Write 15 if that is the number meant. Put the value in quotes if it is text or a code, such as "0777".',
    },
    {
      written: ".nan",
      message: '".nan" is YAML for "not a number", which cannot be shown as a figure',
      hint: "Leave the figure out; if it is not available, say so with dataStatus (notAvailable).",
    },
    {
      written: ".NaN",
      message: '".NaN" is YAML for "not a number", which cannot be shown as a figure',
      hint: "Leave the figure out; if it is not available, say so with dataStatus (notAvailable).",
    },
    {
      written: ".inf",
      message: '".inf" is YAML for infinity, which cannot be shown as a figure',
      hint: "Give the figure as an ordinary number.",
    },
    {
      written: "-.Inf",
      message: '"-.Inf" is YAML for infinity, which cannot be shown as a figure',
      hint: "Give the figure as an ordinary number.",
    },
    {
      written: "1e400",
      message: '"1e400" is too large to be a figure',
      hint: "Give the figure as an ordinary number.",
    },
    {
      written: "123456789012345678901",
      message: '"123456789012345678901" has more digits than a number can hold exactly',
      hint: "Round it, or put it in quotes if it is a reference rather than a figure.",
    },
  ])("refuses $written in a figure, at its place, with a hint", async ({ written, message, hint }) => {
    const problems = await problemsIn(`kpis:\n  - id: CE01\n    target: ${written}\n`);
    expect(problems).toEqual([
      { file: "kpis.yaml", line: 3, column: 13, field: "kpis[0].target", recordId: "CE01", message, hint },
    ]);
  });

  it("keeps a number in quotes as the text it is", async () => {
    expect(await dataOf('code: "0777"\nhex: "0x1F"\n')).toEqual({ code: "0777", hex: "0x1F" });
  });

  it.each([
    { tag: "!!timestamp", text: "due: !!timestamp 2023-11-28\n", column: 18 },
    { tag: "!!binary", text: "logo: !!binary aGVsbG8=\n", column: 16 },
    { tag: "!!js/function", text: "title: !!js/function 'function () { return 1 }'\n", column: 22 },
    { tag: "!!js/undefined", text: "title: !!js/undefined ''\n", column: 23 },
    { tag: "!!python/object:os.system", text: "title: !!python/object:os.system ls\n", column: 34 },
    { tag: "!custom", text: "title: !custom x\n", column: 16 },
    { tag: "!!str", text: "title: !!str 12\n", column: 14 },
    { tag: "!!set", text: "themes: !!set { a, b }\n", column: 15 },
    { tag: "!!omap", text: "themes: !!omap [ a: 1 ]\n", column: 16 },
    {
      tag: "tag:example.com,2000:app/x",
      text: "%TAG !e! tag:example.com,2000:app/\n---\ntitle: !e!x 1\n",
      column: 13,
    },
  ])("refuses the tag $tag by name", async ({ tag, text, column }) => {
    const problems = await problemsIn(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column, message: `the YAML tag ${tag} is not accepted` });
    expect(problems[0]?.hint).toBe(
      "Write the value without the tag; put it in quotes if it should stay text exactly as written.",
    );
  });

  it("refuses merge keys rather than copying fields in unseen", async () => {
    const problems = await problemsIn(
      "base: &base { owner: Head of Waste }\nkpis:\n  - <<: *base\n    id: CE01\n",
    );
    expect(problems.map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 3,
        column: 5,
        field: "kpis[0].<<",
        recordId: "CE01",
        message: "YAML merge keys (<<) are not supported",
      },
    ]);
  });

  it("ignores a %YAML 1.1 directive: yes stays text, 0777 is still refused", async () => {
    expect(await dataOf("%YAML 1.1\n---\na: yes\n")).toEqual({ a: "yes" });
    expect((await problemsIn("%YAML 1.1\n---\na: 0777\n"))[0]?.message).toContain(
      '"0777" starts with a zero',
    );
  });
});

describe("keys that could reach an object's prototype", () => {
  it.each([
    { where: "at the top", text: "__proto__:\n  polluted: true\n", line: 1, column: 1, field: "__proto__" },
    {
      where: "in a record of a list",
      text: "kpis:\n  - id: CE01\n    __proto__: { polluted: true }\n",
      line: 3,
      column: 5,
      field: "kpis[0].__proto__",
    },
    {
      where: "in a map of periods",
      text: "kpis:\n  - id: CE01\n    actuals:\n      __proto__: { polluted: true }\n",
      line: 4,
      column: 7,
      field: "kpis[0].actuals.__proto__",
    },
    {
      where: "in a flow map, quoted",
      text: 'kpis: [{ id: CE01, "__proto__": { polluted: true } }]\n',
      line: 1,
      column: 20,
      field: "kpis[0].__proto__",
    },
    {
      where: "as constructor.prototype",
      text: "constructor:\n  prototype:\n    polluted: true\n",
      line: 1,
      column: 1,
      field: "constructor",
    },
  ])("are refused $where and pollute nothing", async ({ text, line, column, field }) => {
    const problems = await problemsIn(text);
    expect(problems[0]).toMatchObject({ line, column, field });
    expect(problems[0]?.message).toMatch(/^the field name "(__proto__|constructor)" is not allowed$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("refuses a key that is a list or a map", async () => {
    expect((await problemsIn("? [a, b]\n: 1\n")).map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 1,
        column: 3,
        message: "a field name must be plain text, not a list or a group",
      },
    ]);
  });
});

describe("limits", () => {
  it("measures 100 000 nested [ before parsing and places the message quickly", async () => {
    const started = performance.now();
    const problems = await problemsIn(`kpis:\n  - id: CE01\n    target: ${"[".repeat(100_000)}\n`);
    const elapsed = performance.now() - started;
    expect(problems.map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 3,
        column: 13 + MAX_YAML_NESTING - 3,
        message: `the data here is nested more than ${MAX_YAML_NESTING} levels deep`,
      },
    ]);
    expect(elapsed).toBeLessThan(HANG_BOUND_MS);
  });

  it.each([
    { name: "{ brackets", text: `a: ${"{b: ".repeat(100_000)}` },
    {
      name: "block indentation",
      text: Array.from({ length: 200 }, (_, level) => `${" ".repeat(level)}k:`).join("\n"),
    },
    { name: "compact lists (- - - …)", text: `${"- ".repeat(100_000)}x\n` },
    { name: "a mix of lists and brackets", text: `${"- [".repeat(50_000)}x\n` },
  ])("stops deep nesting by $name with a placed message", async ({ text }) => {
    const problems = await problemsIn(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(`the data here is nested more than ${MAX_YAML_NESTING} levels deep`);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(1);
    expect(problems[0]?.column).toBeGreaterThanOrEqual(1);
  });

  it(`reads data nested ${MAX_YAML_NESTING} levels deep`, async () => {
    const text = `a: ${"[".repeat(MAX_YAML_NESTING - 1)}1${"]".repeat(MAX_YAML_NESTING - 1)}\n`;
    let expected: unknown = 1;
    for (let level = 1; level < MAX_YAML_NESTING; level++) expected = [expected];
    expect(await dataOf(text)).toEqual({ a: expected });
  });

  it("stops an alias bomb where it passes the limit, without expanding it", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level <= 8; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const started = performance.now();
    const problems = await problemsIn(`${lines.join("\n")}\n`);
    expect(performance.now() - started).toBeLessThan(HANG_BOUND_MS);
    expect(problems).toEqual([
      {
        file: "kpis.yaml",
        line: 5,
        column: 36,
        field: "e[7]",
        message: `the aliases (*name) in this file would repeat more than ${MAX_ALIAS_ADDED_VALUES.toLocaleString("en-GB")} values`,
        hint: "Write the repeated values out instead of using anchors (&name) and aliases (*name).",
      },
    ]);
  });

  it("reads ordinary reuse: a name and a block repeated hundreds of times", async () => {
    const kpis = Array.from({ length: 500 }, (_, index) => `  - { id: K${index}, owner: *owner, rag: *rag }`);
    const data = (await dataOf(
      `owner: &owner Head of Waste\nrag: &rag { tolerance: { type: relative, value: 5 } }\nkpis:\n${kpis.join("\n")}\n`,
    )) as { kpis: { owner: string; rag: unknown }[] };
    expect(data.kpis).toHaveLength(500);
    expect(data.kpis[499]).toEqual({
      id: "K499",
      owner: "Head of Waste",
      rag: { tolerance: { type: "relative", value: 5 } },
    });
  });

  it("refuses an alias inside its own anchor, whose value would never end", async () => {
    expect((await problemsIn("themes: &themes [environment, *themes]\n")).map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 1,
        column: 31,
        field: "themes[1]",
        message: "the alias *themes is inside its own anchor &themes, so its value never ends",
      },
    ]);
  });

  it("names an alias that refers to no anchor", async () => {
    expect((await problemsIn("a: 1\nb: *missing\n")).map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 2,
        column: 4,
        field: "b",
        message: "the alias *missing refers to no anchor &missing above it",
      },
    ]);
  });

  it(`refuses more than ${MAX_ALIASES.toLocaleString("en-GB")} aliases, which yaml would look up one by one`, async () => {
    const items = Array.from({ length: MAX_ALIASES + 1 }, () => "  - *owner").join("\n");
    const problems = await problemsIn(`owner: &owner Head of Waste\nowners:\n${items}\n`);
    expect(problems.map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: MAX_ALIASES + 3,
        column: 5,
        field: `owners[${MAX_ALIASES}]`,
        message: `the file uses more than ${MAX_ALIASES.toLocaleString("en-GB")} aliases (*name)`,
      },
    ]);
  });

  it("finds a field given twice in a block of 50 000 fields quickly", async () => {
    const fields = Array.from({ length: 50_000 }, (_, index) => `  field${index}: ${index}`);
    const started = performance.now();
    const problems = await problemsIn(`kpis:\n${fields.join("\n")}\n  field7: again\n`);
    expect(performance.now() - started).toBeLessThan(HANG_BOUND_MS);
    expect(problems.map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 50_002,
        column: 3,
        field: "kpis.field7",
        message: 'the field "field7" appears twice in the same block',
      },
    ]);
  });

  it(`lists the first ${MAX_PROBLEMS_PER_FILE} problems of a file and counts the rest`, async () => {
    const problems = await problemsIn(`${Array.from({ length: 5000 }, () => "- 0777").join("\n")}\n`);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems[MAX_PROBLEMS_PER_FILE - 1]).toMatchObject({ line: MAX_PROBLEMS_PER_FILE, field: "[99]" });
    expect(problems.at(-1)).toEqual({
      file: "kpis.yaml",
      message: "and 4,900 more problems in this file",
      hint: "Correct these, or check that this is the right file, and run again to see the rest.",
    });
  });

  it("refuses a file over the size limit without reading it", async () => {
    const problems = await problemsIn(Buffer.alloc(MAX_YAML_BYTES + 1024 * 1024, "a"));
    expect(problems).toEqual([
      {
        file: "kpis.yaml",
        message: "the file is 6 MB (6,291,456 bytes); the limit is 5 MB",
        hint: "Split the data into smaller files, or check that the file is the one meant.",
      },
    ]);
  });

  it("refuses a folder, and a device that would never end, by what they are", async () => {
    const folderPath = join(folder, "a-folder.yaml");
    await mkdir(folderPath);
    const devicePath = join(folder, "zero.yaml");
    await symlink("/dev/zero", devicePath);
    const messages = [];
    for (const path of [folderPath, devicePath, join(folder, "missing.yaml")]) {
      const error = await readYamlFile(path, "kpis.yaml").then(
        () => undefined,
        (caught: unknown) => caught as ScrutinyError,
      );
      messages.push(error?.problems[0]?.message);
    }
    expect(messages).toEqual([
      "this is a folder, not a YAML file",
      "this is not an ordinary file",
      "cannot read the file: it does not exist",
    ]);
  });
});

describe("encodings and line endings", () => {
  it("accepts a byte order mark and Windows line endings, keeping lines and columns right", async () => {
    const text = "\uFEFFkpis:\r\n  - id: CE01\r\n    title: Waste\r\n";
    expect(await dataOf(text)).toEqual({ kpis: [{ id: "CE01", title: "Waste" }] });
    const problems = await problemsIn("\uFEFFkpis:\r\n  - id: CE01\r\n    target: 0x1F\r\n");
    expect(problems[0]).toMatchObject({ line: 3, column: 13, field: "kpis[0].target" });
  });

  it("names the line and column of a byte that is not UTF-8", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("kpis:\n  - id: CE01\n    owner: Cllr Prŷs, Caf", "utf8"),
      Buffer.from([0xe9]),
      Buffer.from(" Lead\n", "utf8"),
    ]);
    expect(await problemsIn(latin1)).toEqual([
      {
        file: "kpis.yaml",
        line: 3,
        column: 26,
        message: "this line is not valid UTF-8 text",
        hint: "Save the file as UTF-8 (in Excel: 'CSV UTF-8'; in Notepad: Encoding → UTF-8).",
      },
    ]);
  });

  it("recognises a file saved as UTF-16", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("kpis: []\n", "utf16le")]);
    expect((await problemsIn(utf16)).map(placed)).toEqual([
      {
        file: "kpis.yaml",
        line: 1,
        column: 1,
        message: "this file is saved as UTF-16 (Windows 'Unicode'), not UTF-8",
      },
    ]);
  });
});
