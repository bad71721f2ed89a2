// A council's own templates folder replaces built-in templates, partials, stylesheets and images
// by name; everything it does not hold comes from the built-in templates.
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildWithBrowser, closeBuildBrowser, outputOf } from "../helpers/build-resources.ts";
import { flatten, pdfFigureAltTexts, pdfText } from "../helpers/pdf-reader.ts";
import { exampleData, makeTempDir } from "../helpers/report-folder.ts";

const councilExample = fileURLToPath(new URL("../../docs/examples/council-templates", import.meta.url));

afterAll(closeBuildBrowser);

describe("a council's templates folder", () => {
  it("adds the documented example's logo and colours to the PDF and the HTML twin", async () => {
    const result = await buildWithBrowser({
      folder: exampleData,
      outDir: await makeTempDir(),
      overridesDirectory: councilExample,
    });
    const pdf = outputOf(result, "performance");
    expect(pdfFigureAltTexts(pdf)).toContain("Castlebridge Borough Council logo");
    expect(result.blockedRequests).toEqual([]);
    const html = await readFile(outputOf(result, "cover-report", ".html"), "utf8");
    expect(html).toMatch(
      /<img class="logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Castlebridge Borough Council logo">/,
    );
    expect(html).toContain("--accent: #1e5631;");
  });

  it("replaces a partial by name and keeps every other built-in part", async () => {
    const folder = join(await makeTempDir(), "ours");
    await mkdir(join(folder, "partials"), { recursive: true });
    await writeFile(
      join(folder, "partials", "rag-key.hbs"),
      "<aside><h3>How we rate: our own key</h3><p>Ask the performance team.</p></aside>",
    );
    const result = await buildWithBrowser({
      folder: exampleData,
      outDir: await makeTempDir(),
      overridesDirectory: folder,
      formats: ["pdf"],
    });
    const text = flatten(pdfText(outputOf(result, "performance")));
    expect(text).toContain("How we rate: our own key Ask the performance team.");
    expect(text).not.toContain("How indicators are rated");
    // The rest is the built-in report: its summary and KPI tables.
    expect(text).toContain("Summary of performance");
    expect(text).toContain("CE01");
  });

  it("cannot reach outside itself: an image path that climbs out is not served", async () => {
    const folder = join(await makeTempDir(), "ours");
    await cp(councilExample, folder, { recursive: true });
    await writeFile(
      join(folder, "partials", "logo.hbs"),
      '<img class="logo" src="assets/../../package.json" alt="x">',
    );
    const result = await buildWithBrowser({
      folder: exampleData,
      outDir: await makeTempDir(),
      overridesDirectory: folder,
      formats: ["pdf", "html"],
    });
    expect(result.blockedRequests).toContain("https://scrutiny.invalid/package.json");
    const html = await readFile(outputOf(result, "cover-report", ".html"), "utf8");
    expect(html).not.toContain('"name": "scrutiny"');
    expect(html).not.toContain(
      Buffer.from(await readFile(join(exampleData, "..", "package.json")))
        .toString("base64")
        .slice(0, 40),
    );
  });
});
