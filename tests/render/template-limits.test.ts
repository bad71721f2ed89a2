// Issue 8, points 2 and 3: templates cannot execute anything or reach outside their folder, and a
// template that loops or multiplies its output stops with an error naming it.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import { DEFAULT_TEMPLATE_LIMITS } from "../../src/render/limit-template-work.ts";
import { createTemplateEngine, type TemplateEngine } from "../../src/render/template-engine.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

async function engineWith(
  templates: Record<string, string>,
  partials: Record<string, string> = {},
): Promise<{ engine: TemplateEngine; folder: string }> {
  const folder = await makeTempDir();
  await mkdir(join(folder, "partials"));
  for (const [name, source] of Object.entries(templates))
    await writeFile(join(folder, `${name}.hbs`), source);
  for (const [name, source] of Object.entries(partials)) {
    await writeFile(join(folder, "partials", `${name}.hbs`), source);
  }
  return { engine: await createTemplateEngine(folder), folder };
}

function renderError(engine: TemplateEngine, name: string, context: object): ScrutinyError {
  try {
    engine.render(name, context);
  } catch (error) {
    if (error instanceof ScrutinyError) return error;
    throw error;
  }
  throw new Error(`template "${name}" rendered without error`);
}

describe("a template that never ends", () => {
  it("a partial that includes itself stops with the template and the partial named", async () => {
    const { engine } = await engineWith(
      { page: "<main>{{> loop}}</main>" },
      { loop: "<div>{{> loop}}</div>" },
    );
    const error = renderError(engine, "page", {});
    expect(error.code).toBe("template");
    expect(error.message).toMatch(
      /^template "page" failed: the partial "loop" is included more than 32 partials deep/,
    );
    expect(error.message).toContain("loop → loop");
  });

  it("two partials that include each other stop the same way", async () => {
    const { engine } = await engineWith(
      { page: "{{> ping}}" },
      { ping: "ping {{> pong}}", pong: "pong {{> ping}}" },
    );
    expect(renderError(engine, "page", {}).message).toMatch(/ping → pong|pong → ping/);
  });

  it("a partial that renders a tree from the data, a few levels deep, is fine", async () => {
    const { engine } = await engineWith(
      { page: "{{> node tree}}" },
      { node: "<li>{{name}}{{#if children}}<ul>{{#each children}}{{> node}}{{/each}}</ul>{{/if}}</li>" },
    );
    const tree = {
      name: "plan",
      children: [{ name: "objective", children: [{ name: "action", children: [] }] }],
    };
    expect(engine.render("page", { tree })).toBe(
      "<li>plan<ul><li>objective<ul><li>action</li></ul></li></ul></li>",
    );
  });
});

describe("a template that multiplies its output", () => {
  const themes = Array.from({ length: 40 }, (_, index) => ({ id: `theme-${index}` }));

  it("nested {{#each}} over the same list stops at the step limit, naming the template", async () => {
    const { engine } = await engineWith({
      page: "{{#each themes}}{{#each @root.themes}}{{#each @root.themes}}{{#each @root.themes}}<p>{{id}}</p>{{/each}}{{/each}}{{/each}}{{/each}}",
    });
    // 40⁴ = 2,560,000 items would be rendered; the limit stops it long before.
    expect(40 ** 4).toBeGreaterThan(DEFAULT_TEMPLATE_LIMITS.maxSteps);
    const error = renderError(engine, "page", { themes });
    expect(error.message).toMatch(/^template "page" failed: it repeats itself too often: more than 200,000/);
  });

  it("partials that each include the next twice stop too", async () => {
    const partials: Record<string, string> = { p30: "<b>{{title}}</b>" };
    for (let level = 0; level < 30; level++) partials[`p${level}`] = `{{> p${level + 1}}}{{> p${level + 1}}}`;
    const { engine } = await engineWith({ page: "{{> p0}}" }, partials);
    expect(renderError(engine, "page", { title: "x" }).message).toMatch(
      /^template "page" failed: it repeats itself too often/,
    );
  });

  it("partials defined inside a template ({{#*inline}}), which the limits cannot count, are refused before rendering", async () => {
    // Thirty inline partials, each using the next twice, would render 2^30 times without a pause.
    let source = "<b>{{title}}</b>";
    for (let level = 29; level >= 0; level--) {
      source = `{{#*inline "p${level}"}}{{> p${level + 1}}}{{> p${level + 1}}}{{/inline}}\n${source}`;
    }
    const folder = await makeTempDir();
    await mkdir(join(folder, "partials"));
    await writeFile(join(folder, "page.hbs"), `<p>Intro</p>\n${source}{{> p0}}`);
    const error = await createTemplateEngine(folder).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ScrutinyError);
    expect((error as ScrutinyError).message).toBe(
      `${join(folder, "page.hbs")}:2:1: decorators such as {{#*inline}} are not allowed; put the partial in a file of the partials folder instead`,
    );
  });

  it("a few items each repeating a long text stop at the output limit", async () => {
    const { engine } = await engineWith({
      page: "{{#each items}}{{#each @root.items}}{{@root.text}}{{/each}}{{/each}}",
    });
    const items = Array.from({ length: 100 }, (_, index) => index);
    const text = "x".repeat(10_000); // 100 × 100 × 10 kB = 100 MB
    expect(renderError(engine, "page", { items, text }).message).toMatch(
      /it produces too much HTML: more than 64 MB/,
    );
  });

  it("each render gets a fresh budget", async () => {
    const { engine } = await engineWith({ page: "{{#each items}}<i>{{this}}</i>{{/each}}" });
    const items = Array.from({ length: 150_000 }, (_, index) => index);
    // 150,000 items is within the limit once; rendering it twice must not add up.
    expect(engine.render("page", { items })).toHaveLength(engine.render("page", { items }).length);
  });
});

describe("templates and data cannot execute", () => {
  it("shows Handlebars syntax and markup inside data literally", async () => {
    const { engine } = await engineWith({ page: "<p>{{title}}</p>" });
    expect(
      engine.render("page", { title: "{{constructor.constructor 'return 1'}} <b>{{> partial}}</b>" }),
    ).toBe("<p>{{constructor.constructor &#x27;return 1&#x27;}} &lt;b&gt;{{&gt; partial}}&lt;/b&gt;</p>");
  });

  it("gives a template no way to reach a prototype or its constructor", async () => {
    for (const source of [
      "{{constructor}}",
      "{{title.constructor}}",
      "{{lookup title 'constructor'}}",
      "{{#with title}}{{constructor.name}}{{/with}}",
      "{{__proto__}}",
      "{{title.__proto__.toString}}",
    ]) {
      const { engine } = await engineWith({ page: source });
      let output: string;
      try {
        output = engine.render("page", { title: "text" });
      } catch (error) {
        // Strict mode refuses the missing field outright; that is just as safe.
        expect(error).toBeInstanceOf(ScrutinyError);
        continue;
      }
      expect(output, source).not.toMatch(/function|String|Object|\[native code\]/);
    }
  });

  it("refuses, before rendering, a helper it does not register", async () => {
    for (const helper of ["madeUp", "eval", "require", "constructor", "__defineGetter__"]) {
      const failure = await engineWith({ page: `{{${helper} title}}` }).then(
        () => undefined,
        (error: unknown) => error as ScrutinyError,
      );
      expect(failure?.code, helper).toBe("template");
    }
  });

  it("finds partials only among the template folder's own partials: no path leads outside", async () => {
    const outside = await makeTempDir();
    await writeFile(join(outside, "secret.hbs"), "SECRET PARTIAL");
    for (const reference of [
      "../../secret",
      `${outside}/secret`,
      "../partials/../../secret",
      "[../secret]",
      "(lookup title 'x')",
    ]) {
      // Refused when the template is read (not a partial name at all) or when it renders.
      const failure = await engineWith({ page: `{{> ${reference}}}` }).then(
        ({ engine }) => renderError(engine, "page", { title: { x: "../secret" } }),
        (error: unknown) => error as ScrutinyError,
      );
      expect(failure.code, reference).toBe("template");
      expect(failure.message, reference).toMatch(/could not be found|Parse error|Invalid path/);
      expect(failure.message).not.toContain("SECRET PARTIAL");
    }
  });

  it("refuses a template file larger than 1 MB", async () => {
    const failure = await engineWith({
      page: `<p>${"x".repeat(DEFAULT_TEMPLATE_LIMITS.maxTemplateBytes)}</p>`,
    }).then(
      () => undefined,
      (error: unknown) => error as ScrutinyError,
    );
    expect(failure?.code).toBe("template");
    expect(failure?.message).toMatch(
      /page\.hbs: the template is 1,048,583 bytes; a template may have at most 1,048,576/,
    );
  });
});
