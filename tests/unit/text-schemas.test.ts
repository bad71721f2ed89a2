// textSchema and markdownSchema: what Word, Excel and other systems paste is made plain or refused
// by name; the schemas still export to JSON Schema for editors.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { markdownSchema, textSchema } from "../../src/schema/common.ts";
import { figureSchema } from "../../src/schema/figure-schema.ts";
import { FILE_SCHEMAS } from "../../src/schema/file-schemas.ts";
import { convertPastedHtml, MAX_HTML_NESTING } from "../../src/text/convert-pasted-html.ts";

/**
 * Not a speed target (those are in `npm run bench`): a bound far above the milliseconds this
 * takes, far below the minute the quadratic or unbounded versions took, so a busy CI machine
 * never fails it but a hang or a blow-up does.
 */
const HANG_BOUND_MS = 20_000;

const seedPath = new URL("../fixtures/seeds/peer-challenge-action-plan/source.txt", import.meta.url);

describe("textSchema", () => {
  it.each([
    ["\u00a0Head of\u00a0Waste\u202f", "Head of Waste"],
    [
      "Residents\u2019 \u201cfeeling safe\u201d \u2013 survey",
      "Residents\u2019 \u201cfeeling safe\u201d \u2013 survey",
    ],
    ["Cllr Rhodri Prŷs", "Cllr Rhodri Prŷs"],
    ["Line one\r\nLine two", "Line one\nLine two"],
  ])("reads %j as %j", (written, read) => {
    expect(textSchema.parse(written)).toBe(read);
  });

  it.each([
    ["", "expected some text"],
    ["\u00a0 \u00a0", "expected some text"],
    ["Bell\u0007", 'the text holds a control character (U+0007) after "Bell"'],
    ["\u0000start", "the text holds a control character (U+0000) at its start"],
    ["Don\u0092t", 'the text holds a control character (U+0092) after "Don"'],
  ])("refuses %j: %s", (written, message) => {
    expect(textSchema.safeParse(written).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("markdownSchema", () => {
  it("keeps Markdown and plain text as written", () => {
    const text = "Tonnage *fell* by 11%.\n\n- Caddy liners\n- Leaflets < 5 days, a<b";
    expect(markdownSchema.parse(`\u00a0${text}\u00a0`)).toBe(text);
  });

  it("converts the HTML in the peer-challenge seed's cells to Markdown", async () => {
    const seed = await readFile(seedPath, "utf8");
    const cells = seed.split(/[\t\n]/).filter((cell) => /<p>|<ul/.test(cell));
    expect(cells.length).toBeGreaterThanOrEqual(8);
    for (const cell of cells) {
      const markdown = markdownSchema.parse(cell);
      expect(markdown).not.toMatch(/<\/?(p|ul|li)\b/);
    }
    expect(markdownSchema.parse(cells.find((cell) => cell.startsWith("<p>KR5.</p>")))).toBe(
      "KR5.\n\n(page 2, recommendation 5)\n\n(page 8, para 3)",
    );
    const withList = cells.find((cell) => cell.includes("the timings of key meetings")) ?? "";
    expect(markdownSchema.parse(withList)).toBe(
      "Building upon your existing sound governance arrangements review both: -\n\n" +
        "\\- the timings of key meetings so that all members can contribute effectively - the length/ style of member reports so they more effectively inform and enable better decision making.\n\n" +
        "(incl. greater use of technology to promote virtual engagement.)",
    );
  });

  it("converts paragraphs, lists, emphasis, headings and links into the printed subset", () => {
    expect(
      markdownSchema.parse(
        '<h3>Progress</h3><p>Caddy <i>liners</i> &amp; <strong>leaflets</strong><br>from <a href="https://example.gov.uk/waste">the waste page</a>.</p><ol><li>October</li><li>November</li></ol><!-- Word --><blockquote>Quoted</blockquote><p><span style="color:red">1. Not a list</span><o:p></o:p></p>',
      ),
    ).toBe(
      "**Progress**\n\nCaddy *liners* & **leaflets**  \nfrom the waste page (https://example.gov.uk/waste).\n\n1.  October\n2.  November\n\nQuoted\n\n1\\. Not a list",
    );
  });

  it.each([
    ["<script>alert(1)</script>", "<script>"],
    ["<style>p { color: red }</style>Text", "<style>"],
    ['<iframe src="https://example.org"></iframe>', "<iframe>"],
    ['<img src="https://example.org/x.png">', "<img>"],
    ["<table><tr><td>1</td></tr></table>", "<table>, <tbody>, <tr>, <td>"],
    ['<p onclick="steal()">Hi</p>', "an onclick attribute on <p>"],
    ["<div><span onmouseover=x></span></div>", "an onmouseover attribute on <span>"],
    ['<a href="javascript:alert(1)">x</a>', "a link to javascript:"],
    ['<a href=" JAVASCRIPT:alert(1)">x</a>', "a link to javascript:"],
    ['<a href="data:text/html,x">x</a>', "a link to data:"],
    ["<object></object>", "<object>"],
    ["<svg><circle/></svg>", "<svg>, <circle>"],
    [`${"<div>".repeat(MAX_HTML_NESTING + 1)}x`, `HTML nested more than ${MAX_HTML_NESTING} levels deep`],
  ])("refuses %j, naming %s", (html, named) => {
    expect(markdownSchema.safeParse(html).error?.issues.map((issue) => issue.message)).toEqual([
      `the text holds HTML that cannot be printed safely: ${named}`,
    ]);
  });

  it("refuses 100 000 nested tags quickly, without exhausting the stack", () => {
    const started = performance.now();
    expect(convertPastedHtml(`${"<b>".repeat(100_000)}x`)).toEqual({
      ok: false,
      refused: [`HTML nested more than ${MAX_HTML_NESTING} levels deep`],
    });
    expect(performance.now() - started).toBeLessThan(HANG_BOUND_MS);
  });

  it("reads repeated paragraphs and list items, which close themselves, as siblings", () => {
    expect(convertPastedHtml(`${"<p>x".repeat(500)}`)).toMatchObject({ ok: true });
  });

  it("refuses HTML with no text", () => {
    expect(markdownSchema.safeParse("<p> </p>").error?.issues[0]?.message).toBe(
      "expected some text: the HTML holds none",
    );
  });
});

describe("JSON Schema export", () => {
  it.each(FILE_SCHEMAS.map(({ file, schema }) => [file, schema] as const))(
    "exports the schema of %s for editors, with nothing left unrepresentable",
    (_file, schema) => {
      expect(() => z.toJSONSchema(schema, { io: "input" })).not.toThrow();
    },
  );

  it("exports figures, text and Markdown as what an officer may type", () => {
    const schema = z.toJSONSchema(
      z.strictObject({ figure: figureSchema, text: textSchema, markdown: markdownSchema }),
      { io: "input" },
    );
    expect(schema.properties).toEqual({
      figure: {
        type: ["number", "string"],
        description:
          'A number, such as 43.1; text as a spreadsheet shows it is read too: "1,234", "£1,234", "85%".',
      },
      text: { type: "string", minLength: 1 },
      markdown: { type: "string", minLength: 1 },
    });
  });
});
