// Commentary is Markdown: whatever it holds, the printed HTML carries no markup, link, image or
// script from the data, the PDF shows it as text, and nothing is fetched.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import { BUILT_IN_TEMPLATES } from "../../src/pack/build-report.ts";
import { htmlToPdf } from "../../src/pdf/html-to-pdf.ts";
import { renderDocumentHtml } from "../../src/render/render-document-html.ts";
import { createTemplateAssetResolver } from "../../src/render/template-assets.ts";
import { createTemplateEngine } from "../../src/render/template-engine.ts";
import { buildWithBrowser, closeBuildBrowser, outputOf, testBrowser } from "../helpers/build-resources.ts";
import { type LoopbackListener, startLoopbackListener } from "../helpers/loopback-listener.ts";
import { flatten, pdfText } from "../helpers/pdf-reader.ts";
import { copyExampleData, exampleData, makeTempDir } from "../helpers/report-folder.ts";

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

/** Tags the templates themselves write around commentary; anything else inside it came from data. */
function commentaryBlocks(html: string): string[] {
  return [...html.matchAll(/<div class="commentary">([\s\S]*?)<\/div>/g)].map((match) => match[1] ?? "");
}

describe("hostile commentary", () => {
  it("reaching the templates (past validation), prints as text in the HTML and the PDF", async () => {
    const hostile = [
      "Demand **rose**.",
      `<script>document.title='x'</script> <img src="${base}/from-html.png"> <a href="javascript:alert(1)">raw link</a>`,
      `- [click me](javascript:alert(document.title))\n- ![tracker](${base}/pixel.png)\n- [plan](${base}/plan.html)`,
    ].join("\n\n");
    const input = await loadReportData(exampleData);
    const view = buildReportView(input);
    const document = planDocuments(input, view).find((plan) => plan.kind === "performance");
    if (!document) throw new Error("the example data no longer builds a performance report");
    const row = view.themes.flatMap((theme) => theme.kpis).find((kpi) => kpi.id === "HC05");
    const exception = view.exceptions.red.find((kpi) => kpi.id === "HC05");
    if (!row || !exception) throw new Error("the example data no longer has HC05 rated Red");
    row.commentary = hostile;
    exception.commentary = hostile;

    const engine = await createTemplateEngine(BUILT_IN_TEMPLATES);
    const { html, headerHtml, footerHtml } = renderDocumentHtml(engine, { view, document });
    const blocks = commentaryBlocks(html).filter((block) => block.includes("Demand"));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      const tags = [...block.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)].map((match) => match[0]);
      const allowed = [
        "<p>",
        "</p>",
        "<strong>",
        "</strong>",
        "<ul>",
        "</ul>",
        "<li>",
        "</li>",
        "<h4>",
        "</h4>",
      ];
      expect(tags.filter((tag) => !allowed.includes(tag))).toEqual([]);
      expect(tags).toEqual(expect.arrayContaining(["<strong>", "<ul>", "<li>"]));
      expect(block).toContain("&lt;script&gt;document.title='x'&lt;/script&gt;");
      expect(block).toContain(`!tracker (${base}/pixel.png)`);
      expect(block).toContain(`plan (${base}/plan.html)`);
      expect(block).toContain("[click me](javascript:alert(document.title))");
    }
    // The template's own links are its stylesheet and an empty icon; nothing else may link or load.
    expect(html).not.toMatch(
      /<script|<a[\s>]|src="http|href="(?!assets\/styles\/(?:print|fonts|council)\.css"|data:,")/,
    );

    const out = await makeTempDir();
    const { pdf, blockedRequests } = await htmlToPdf(await testBrowser().get(), {
      html,
      headerHtml,
      footerHtml,
      metadata: {
        title: document.fullTitle,
        author: view.meta.organisation,
        subject: document.description,
        keywords: [],
        language: view.meta.language,
        date: new Date("2023-11-28T00:00:00Z"),
      },
      resolveAsset: createTemplateAssetResolver(BUILT_IN_TEMPLATES),
    });
    const pdfPath = join(out, "hostile.pdf");
    await writeFile(pdfPath, pdf);
    const text = flatten(pdfText(pdfPath));
    expect(text).toContain("<script>document.title='x'</script>");
    expect(text).toContain('<a href="javascript:alert(1)">raw link</a>');
    expect(text).toContain("[click me](javascript:alert(document.title))");
    expect(text).toContain("Demand rose.");
    expect(blockedRequests).toEqual([]);
    expect(hits).toEqual([]);
  });

  it("written in the YAML as Markdown, builds and prints links and images as text, fetching nothing", async () => {
    const data = await copyExampleData();
    await data.edit("kpis.yaml", (text) =>
      text.replace(
        "Demand continues to rise across the county.",
        `Demand *rose*. See [the plan](${base}/plan.html) and ![the meter](${base}/meter.png); &lt;script&gt;alert(1)&lt;/script&gt; and [run](javascript:alert(1)).`,
      ),
    );
    const result = await buildWithBrowser({ folder: data.folder, outDir: await makeTempDir() });
    const text = flatten(pdfText(outputOf(result, "performance")));
    expect(text).toContain(`See the plan (${base}/plan.html) and !the meter (${base}/meter.png);`);
    // The line may break between "[run]" and "(javascript:…)", which flatten() reads as a space.
    expect(text).toMatch(/<script>alert\(1\)<\/script> and \[run\] ?\(javascript:alert\(1\)\)\./);
    expect(result.blockedRequests).toEqual([]);
    expect(hits).toEqual([]);
    await data.remove();
  });
});
