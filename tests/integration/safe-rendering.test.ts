// Rendering is offline and confined, data is shown literally, and a failed build never replaces a
// good PDF. A loopback listener stands in for "the network": nothing may ever reach it.
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import { writeFileAtomic } from "../../src/pdf/write-file-atomic.ts";
import { createTemplateAssetResolver } from "../../src/render/template-assets.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
import { type LoopbackListener, startLoopbackListener } from "../helpers/loopback-listener.ts";
import { flatten, pdfText } from "../helpers/pdf-reader.ts";
import { builtInTemplates, copyExampleData, makeTempDir } from "../helpers/report-folder.ts";

let listener: LoopbackListener;
let base: string;
let hits: string[];

beforeAll(async () => {
  listener = await startLoopbackListener();
  ({ base, hits } = listener);
});

afterAll(async () => {
  await closeBuildBrowser();
  await listener.close();
});

describe("hostile text in data", () => {
  it("is printed literally and reaches nothing", async () => {
    const data = await copyExampleData();
    const hostileTitle = `<img src="${base}/fromtitle.png"> {{constructor.constructor}} <script>document.title='x'</script>`;
    // Commentary is Markdown, where such HTML is refused at load (tests/unit/text-schemas.test.ts);
    // plain text fields such as the owner take it as text.
    const hostileOwner = `<link rel="stylesheet" href="${base}/fromowner.css"><iframe src="file:///etc/passwd"></iframe>`;
    await data.edit("kpis.yaml", (text) =>
      text
        .replace(
          "title: Household waste sent for reuse, recycling and composting",
          `title: ${JSON.stringify(hostileTitle)}`,
        )
        .replace("owner: Head of Cleansing and Open Spaces", `owner: ${JSON.stringify(hostileOwner)}`),
    );
    const result = await buildWithBrowser({ folder: data.folder, outDir: await makeTempDir() });
    const text = flatten(pdfText(outputOf(result, "performance")));
    expect(text).toContain("{{constructor.constructor}}");
    // (The title wraps in its table cell, so its pieces are checked one by one.)
    expect(text).toContain("<img");
    expect(text).toContain(`src="${base}/fromtitle.png">`);
    expect(text).toContain("<script>document.title='x'</script>");
    // (The closing tag may wrap onto the next line of its table cell.)
    expect(text).toMatch(/<iframe src="file:\/\/\/etc\/passwd"> ?<\/iframe>/);
    expect(hits).toEqual([]);
    await data.remove();
  });
});

describe("a template that reaches out", () => {
  it("is refused everything but the bundled assets", async () => {
    const scratch = await makeTempDir();
    const canary = join(scratch, "canary.css");
    await writeFile(canary, 'body::before { content: "CANARY LOADED"; }');
    const templates = join(scratch, "templates");
    await cp(builtInTemplates, templates, { recursive: true });
    const page = join(templates, "performance.hbs");
    const original = await readFile(page, "utf8");
    await writeFile(
      page,
      original.replace(
        "<main>",
        `<main><img src="${base}/fromtemplate.png" alt=""><link rel="stylesheet" href="file://${canary}"><link rel="stylesheet" href="assets/../../canary.css"><iframe src="${base}/frame"></iframe><img src="assets/../../package.json" alt="">`,
      ),
    );
    const result = await buildWithBrowser({
      folder: join(builtInTemplates, "..", "data"),
      outDir: await makeTempDir(),
      templatesDirectory: templates,
    });
    expect(hits).toEqual([]);
    expect(result.blockedRequests).toEqual(
      expect.arrayContaining([
        `${base}/fromtemplate.png`,
        `${base}/frame`,
        "https://scrutiny.invalid/package.json",
      ]),
    );
    // Chromium itself refuses file:// from the report's origin; the canary proves nothing loaded.
    expect(pdfText(outputOf(result, "performance"))).not.toContain("CANARY LOADED");
  });

  it("serves only bundled font, style and image files from inside the templates folder", async () => {
    const resolve = createTemplateAssetResolver(builtInTemplates);
    expect(await resolve("/assets/fonts/AtkinsonHyperlegibleNext_400Regular.ttf")).toMatchObject({
      contentType: "font/ttf",
    });
    expect(await resolve("/assets/styles/print.css")).toMatchObject({
      contentType: "text/css; charset=utf-8",
    });
    expect(await resolve("/assets/../package.json")).toBeUndefined();
    expect(await resolve("/assets/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
    expect(await resolve("/assets/performance.hbs")).toBeUndefined();
    expect(await resolve("/elsewhere/styles/print.css")).toBeUndefined();
  });
});

describe("a failed build", () => {
  it("leaves the previous good PDF byte for byte and no partial files", async () => {
    const out = await makeTempDir();
    const good = await buildWithBrowser({ folder: join(builtInTemplates, "..", "data"), outDir: out });
    const before = await readFile(outputOf(good, "performance"));

    const templates = join(await makeTempDir(), "templates");
    await cp(builtInTemplates, templates, { recursive: true });
    await writeFile(join(templates, "partials", "kpi-table.hbs"), "{{noSuchField}}");
    const failure = await buildWithBrowser({
      folder: join(builtInTemplates, "..", "data"),
      outDir: out,
      templatesDirectory: templates,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ScrutinyError);
    expect((failure as ScrutinyError).code).toBe("template");
    expect((failure as ScrutinyError).message).toContain("noSuchField");
    expect(await readFile(outputOf(good, "performance"))).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(good.files.map((file) => file.slice(out.length + 1)).sort());
  });

  it("names the cause when something is in the way, and cleans up its temporary file", async () => {
    const out = await makeTempDir();
    const target = join(out, "report.pdf");
    await mkdir(target);
    const failure = await writeFileAtomic(target, "%PDF-").then(
      () => undefined,
      (error: unknown) => error as ScrutinyError,
    );
    expect(failure?.code).toBe("output");
    expect(failure?.message).toBe(`could not write ${target}: a folder with that name is in the way`);
    expect(await readdir(out)).toEqual(["report.pdf"]);
  });
});
