// Markdown from the data prints as the safe subset: no markup, link or image from the data reaches
// the HTML as markup, whatever is written.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/render-markdown.ts";
import { createTemplateEngine } from "../../src/render/template-engine.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

describe("renderMarkdown", () => {
  it("prints paragraphs, lists, emphasis and line breaks", () => {
    expect(
      renderMarkdown(
        "Tonnage *fell* by **11%**.\n\n- Caddy liners\n- Leaflets\n\n1. October\n2. November\n\nOne  \nTwo",
      ),
    ).toBe(
      "<p>Tonnage <em>fell</em> by <strong>11%</strong>.</p>\n<ul>\n<li>Caddy liners</li>\n<li>Leaflets</li>\n</ul>\n<ol>\n<li>October</li>\n<li>November</li>\n</ol>\n<p>One<br>\nTwo</p>\n",
    );
  });

  it("prints a link as its label and address, as text", () => {
    expect(renderMarkdown('See [the plan](https://example.gov.uk/plan?a=1&b="2" "Title").')).toBe(
      "<p>See the plan (https://example.gov.uk/plan?a=1&amp;b=&quot;2&quot;).</p>\n",
    );
    expect(renderMarkdown("[https://example.gov.uk](https://example.gov.uk)")).toBe(
      "<p>https://example.gov.uk</p>\n",
    );
  });

  it.each([
    ["<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"],
    [
      '<img src="http://127.0.0.1/x.png" onerror="alert(1)">',
      "<p>&lt;img src=&quot;http://127.0.0.1/x.png&quot; onerror=&quot;alert(1)&quot;&gt;</p>\n",
    ],
    ["[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>\n"],
    ["[click](JaVaScRiPt:alert(1))", "<p>[click](JaVaScRiPt:alert(1))</p>\n"],
    ["[data](data:text/html;base64,PHNjcmlwdD4=)", "<p>[data](data:text/html;base64,PHNjcmlwdD4=)</p>\n"],
    ["![tracker](http://127.0.0.1/pixel.png)", "<p>!tracker (http://127.0.0.1/pixel.png)</p>\n"],
    ["<http://127.0.0.1/auto>", "<p>&lt;http://127.0.0.1/auto&gt;</p>\n"],
    ["&lt;iframe src=x&gt;", "<p>&lt;iframe src=x&gt;</p>\n"],
    [
      "# Heading\n> quote\n`code`\n\n| a | b |\n|---|---|",
      "<p># Heading\n&gt; quote\n`code`</p>\n<p>| a | b |\n|---|---|</p>\n",
    ],
    ["{{constructor.constructor}}", "<p>{{constructor.constructor}}</p>\n"],
  ])("prints %j as text", (markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });

  it("never makes an element with an attribute, a script, a link or an image from data", () => {
    const hostile = [
      "<a href='javascript:alert(1)'>x</a>",
      "[x](javascript:alert(1))",
      '[x](https://example.org/" onmouseover="alert(1))',
      "![x](https://example.org/x.png)",
      "<svg onload=alert(1)>",
      "- <b onclick=x>list</b>\n  - [nested](vbscript:msgbox)",
      `${"> ".repeat(200)}deep`,
      `${"- ".repeat(200)}deep`,
    ].join("\n\n");
    const html = renderMarkdown(hostile);
    expect(html).not.toMatch(/<(?!\/?(p|ul|ol|li|em|strong|br)>)/);
  });
});

describe("the markdown helper", () => {
  it("renders commentary from the data through renderMarkdown, and nothing for no text", async () => {
    const folder = await makeTempDir();
    await mkdir(join(folder, "partials"));
    await writeFile(join(folder, "page.hbs"), "<div>{{markdown commentary}}</div>|{{markdown missing}}|");
    const engine = await createTemplateEngine(folder);
    expect(engine.render("page", { commentary: "**Red** <script>x</script>", missing: "  " })).toBe(
      "<div><p><strong>Red</strong> &lt;script&gt;x&lt;/script&gt;</p>\n</div>||",
    );
  });
});
