// Templates see data as text and cannot reach JavaScript through it.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import { createTemplateEngine } from "../../src/render/template-engine.ts";
import { makeTempDir } from "../helpers/report-folder.ts";

async function engineWith(templates: Record<string, string>) {
  const folder = await makeTempDir();
  await mkdir(join(folder, "partials"));
  for (const [name, source] of Object.entries(templates))
    await writeFile(join(folder, `${name}.hbs`), source);
  return createTemplateEngine(folder);
}

describe("the template engine", () => {
  it("escapes data", async () => {
    const engine = await engineWith({ page: "<p>{{title}}</p>" });
    expect(engine.render("page", { title: `<script>alert("x")</script> & {{constructor}}` })).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{constructor}}</p>",
    );
  });

  it("does not let a template reach an object's prototype", async () => {
    const engine = await engineWith({ page: "{{title.constructor.name}}" });
    const outcome = (() => {
      try {
        return engine.render("page", { title: "x" });
      } catch (error) {
        return error;
      }
    })();
    if (typeof outcome === "string") expect(outcome).not.toContain("String");
    else expect(outcome).toBeInstanceOf(ScrutinyError);
  });

  it("refuses, before rendering, a template using a helper it does not know", async () => {
    const failure = await engineWith({ page: "{{madeUp title}}" }).then(
      () => undefined,
      (error: unknown) => error as ScrutinyError,
    );
    expect(failure?.code).toBe("template");
    expect(failure?.message).toMatch(/page\.hbs: .*unknown helper madeUp/);
  });

  it("names a template that uses a field the data does not have", async () => {
    const engine = await engineWith({ page: "{{missing}}" });
    expect(() => engine.render("page", { title: "x" })).toThrow(
      /template "page" failed: "missing" not defined/,
    );
  });
});
