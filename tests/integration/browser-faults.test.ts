// Issue 8, points 3 and 4: Chromium crashing or hanging mid-pack is detected, the document in
// flight is printed once more on a fresh browser (then reported failed), the rest completes, and
// no Chromium process outlives the build. A template that explodes on one report's data fails
// that report alone.
import { readFileSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Target } from "puppeteer";
import { afterEach, describe, expect, it } from "vitest";
import { ScrutinyError } from "../../src/errors.ts";
import { buildPack } from "../../src/pack/build-pack.ts";
import { BUILT_IN_FONTS, BUILT_IN_TEMPLATES, prepareBuildResources } from "../../src/pack/build-report.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import { DEFAULT_PRINT_LIMITS, type PrintOptions } from "../../src/pdf/html-to-pdf.ts";
import { printWithRetry } from "../../src/pdf/print-with-retry.ts";
import { createTemplateAssetResolver } from "../../src/render/template-assets.ts";
import { outputOf } from "../helpers/build-resources.ts";
import { TEST_PDF_METADATA } from "../helpers/pdf-metadata.ts";
import { flatten, pdfText } from "../helpers/pdf-reader.ts";
import { processGroupMembers, waitFor } from "../helpers/processes.ts";
import { builtInTemplates, makeExamplePack, makeTempDir } from "../helpers/report-folder.ts";

/**
 * The real handle, watched: `onPage` runs as each new page (one per print attempt) is created,
 * numbered from 1 across every browser the handle starts, so a test can break Chromium exactly
 * while a given document is printing.
 */
function watchPages(onPage: (browser: Browser, pageNumber: number, target: Target) => void) {
  const handle = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
  const browsers: Browser[] = [];
  let pages = 0;
  const watched: BrowserHandle = {
    async get() {
      const browser = await handle.get();
      if (!browsers.includes(browser)) {
        browsers.push(browser);
        browser.on("targetcreated", (target: Target) => {
          if (target.type() === "page") onPage(browser, ++pages, target);
        });
      }
      return browser;
    },
    discard: (browser) => handle.discard(browser),
    close: () => handle.close(),
  };
  return {
    handle: watched,
    browsers,
    processGroups: () => browsers.map((browser) => browser.process()?.pid ?? 0),
  };
}

function signalBrowser(browser: Browser, signal: NodeJS.Signals): void {
  const pid = browser.process()?.pid;
  if (pid) process.kill(-pid, signal);
}

function document(name: string): PrintOptions {
  return {
    html: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${name}</title><link rel="stylesheet" href="assets/styles/print.css"></head><body><h1>Document ${name}</h1></body></html>`,
    headerHtml: "",
    footerHtml: "",
    metadata: { ...TEST_PDF_METADATA, title: `Document ${name}` },
    resolveAsset: createTemplateAssetResolver(BUILT_IN_TEMPLATES),
  };
}

async function textOf(pdf: Uint8Array): Promise<string> {
  const path = join(await makeTempDir(), "printed.pdf");
  await writeFile(path, pdf);
  return flatten(pdfText(path));
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Closes the handle and proves every browser it started, and all their helper processes, are gone. */
async function closeAndExpectNoChromium(watched: ReturnType<typeof watchPages>): Promise<void> {
  await watched.handle.close();
  const groups = watched.processGroups();
  expect(groups.length).toBeGreaterThan(0);
  const allGone = await waitFor(
    () => groups.every((group) => processGroupMembers(group).length === 0),
    5_000,
  );
  expect(groups.flatMap(processGroupMembers)).toEqual([]);
  expect(allGone).toBe(true);
}

describe("Chromium crashing mid-pack", () => {
  it("is detected; the report in flight is printed again on a fresh browser and the rest of the pack completes", async () => {
    const watched = watchPages((browser, page) => {
      // The second document's page: kill the whole browser, as a crash would.
      if (page === 2) signalBrowser(browser, "SIGKILL");
    });
    cleanups.push(() => watched.handle.close());
    const pack = await makeExamplePack(
      ["name: Q2 pack", "reports:", "  - folder: north", "  - folder: middle", "  - folder: south", ""].join(
        "\n",
      ),
      ["north", "middle", "south"],
    );
    cleanups.push(pack.remove);
    const out = await makeTempDir();
    const { results } = await buildPack({
      target: { packFile: pack.packFile },
      outDir: out,
      prepareResources: () => prepareBuildResources({ browser: watched.handle }),
      templateFolders: [BUILT_IN_TEMPLATES],
      formats: ["pdf"],
    });

    expect(results.map((report) => report.status)).toEqual(["ok", "ok", "ok"]);
    for (const report of results) {
      if (report.status !== "ok") continue;
      const text = flatten(pdfText(outputOf(report.result, "performance")));
      expect(text).toContain("Summary of performance");
    }
    // One fresh browser was started after the crash, shared by every report that was in flight
    // (two print at once); the crashed one left nothing behind.
    expect(watched.browsers).toHaveLength(2);
    const [crashed] = watched.processGroups();
    expect(processGroupMembers(crashed as number)).toEqual([]);
    await closeAndExpectNoChromium(watched);
  });

  it("twice on the same document fails that document alone, naming both faults; the next one prints", async () => {
    let printingB = false;
    const watched = watchPages((browser) => {
      if (printingB) signalBrowser(browser, "SIGKILL");
    });
    cleanups.push(() => watched.handle.close());

    const a = await printWithRetry(watched.handle, document("A"));
    printingB = true;
    const failure = await printWithRetry(watched.handle, document("B")).then(
      () => undefined,
      (error: unknown) => error as ScrutinyError,
    );
    printingB = false;
    const c = await printWithRetry(watched.handle, document("C"));

    expect(failure).toBeInstanceOf(ScrutinyError);
    expect(failure?.code).toBe("render");
    expect(failure?.message).toMatch(
      /^Chromium failed while printing "Document B", and again on a fresh browser: .+; then .+/,
    );
    expect(await textOf(a.pdf)).toContain("Document A");
    expect(await textOf(c.pdf)).toContain("Document C");
    // A, B's first try, B's second try (each on its own browser), then C on a fresh one.
    expect(watched.browsers).toHaveLength(3);
    await closeAndExpectNoChromium(watched);
  });

  it("a document that crashes Chromium every time fails alone: one printing beside it is printed again, alone", async () => {
    // "Crash" kills the whole browser as soon as its page asks for its stylesheet; "Steady" is
    // still loading then (its stylesheet takes a second), so each crash takes Steady's print down too.
    const watched = watchPages((browser, _page, target) => {
      void target.page().then((page) =>
        page?.on("request", (request) => {
          if (request.url().endsWith("/print.css?crash")) signalBrowser(browser, "SIGKILL");
        }),
      );
    });
    cleanups.push(() => watched.handle.close());
    const assets = createTemplateAssetResolver(BUILT_IN_TEMPLATES);
    const crash = document("Crash");
    const steady = document("Steady");
    const [crashed, printed] = await Promise.allSettled([
      printWithRetry(watched.handle, { ...crash, html: crash.html.replace("print.css", "print.css?crash") }),
      printWithRetry(watched.handle, {
        ...steady,
        resolveAsset: async (path) => {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          return assets(path);
        },
      }),
    ]);
    expect(crashed.status).toBe("rejected");
    expect(crashed.status === "rejected" && (crashed.reason as Error).message).toMatch(
      /^Chromium failed while printing "Document Crash", and again on a fresh browser/,
    );
    expect(printed.status).toBe("fulfilled");
    if (printed.status === "fulfilled") expect(await textOf(printed.value.pdf)).toContain("Document Steady");
    await closeAndExpectNoChromium(watched);
  });

  it("when only the page's renderer dies, the document is printed again as well", async () => {
    const watched = watchPages((browser, pageNumber, target) => {
      if (pageNumber !== 1) return;
      const killRenderers = () => {
        const group = browser.process()?.pid as number;
        for (const pid of processGroupMembers(group)) {
          const args = readFileSync(`/proc/${pid}/cmdline`, "utf8");
          if (args.includes("--type=renderer")) process.kill(pid, "SIGKILL");
        }
      };
      // Mid-load: when the page asks for its stylesheet, its renderer (not the browser) dies.
      void target.page().then((page) =>
        page?.on("request", (request) => {
          if (request.url().endsWith("/print.css")) killRenderers();
        }),
      );
    });
    cleanups.push(() => watched.handle.close());
    const printed = await printWithRetry(watched.handle, document("R"));
    expect(await textOf(printed.pdf)).toContain("Document R");
    expect(watched.browsers).toHaveLength(2);
    await closeAndExpectNoChromium(watched);
  });
});

describe("Chromium hanging mid-print", () => {
  it("is stopped by the watchdog, killed, and the document printed on a fresh browser", async () => {
    const watched = watchPages((browser, page) => {
      // Freeze every Chromium process: nothing it is asked will ever be answered.
      if (page === 1) signalBrowser(browser, "SIGSTOP");
    });
    cleanups.push(() => watched.handle.close());
    const printed = await printWithRetry(watched.handle, {
      ...document("H"),
      limits: { watchdogMs: 4_000 },
    });
    expect(await textOf(printed.pdf)).toContain("Document H");
    const [hung] = watched.processGroups();
    expect(await waitFor(() => processGroupMembers(hung as number).length === 0, 5_000)).toBe(true);
    await closeAndExpectNoChromium(watched);
  });
});

describe("the per-report watchdog", () => {
  it("cuts a print short when the report's time is up, however long one attempt may take, and leaves the browser be", async () => {
    const watched = watchPages((browser) => signalBrowser(browser, "SIGSTOP"));
    cleanups.push(() => watched.handle.close());
    const started = Date.now();
    const failure = await printWithRetry(watched.handle, {
      ...document("Late"),
      // One attempt alone could take two minutes; the report has three seconds left.
      limits: { watchdogMs: 120_000 },
      deadlineAt: Date.now() + 3_000,
    }).then(
      () => undefined,
      (error: unknown) => error as ScrutinyError,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(failure?.code).toBe("render");
    expect(failure?.message).toBe(
      '"Document Late" was not printed: its report ran out of time (the per-report watchdog)',
    );
    // The report's time ran out, not Chromium's: the browser other reports may be printing on is
    // neither killed nor replaced, and no second attempt was made.
    expect(watched.browsers).toHaveLength(1);
    expect(watched.browsers[0]?.connected).toBe(true);
    await closeAndExpectNoChromium(watched);
  });
});

describe("a template that explodes on one report's data", () => {
  it("fails that report with an error naming the template; the other report of the pack builds", async () => {
    const templates = join(await makeTempDir(), "templates");
    await cp(builtInTemplates, templates, { recursive: true });
    const page = join(templates, "performance.hbs");
    await writeFile(
      page,
      (await readFile(page, "utf8")).replace(
        "<main>",
        "<main><div hidden>{{#each themes}}{{#each @root.themes}}{{#each @root.themes}}{{#each @root.themes}}.{{/each}}{{/each}}{{/each}}{{/each}}</div>",
      ),
    );
    const pack = await makeExamplePack(
      ["name: Q2 pack", "reports:", "  - folder: north", "  - folder: south", ""].join("\n"),
      ["north", "south"],
    );
    cleanups.push(pack.remove);
    // South has 44 themes: 44⁴ ≈ 3.7 million items. North keeps its 4 (256 items).
    const southReport = join(pack.root, "south", "report.yaml");
    const extraThemes = Array.from(
      { length: 40 },
      (_, index) => `  - id: extra-${index}\n    title: Extra ${index}\n`,
    );
    await writeFile(
      southReport,
      (await readFile(southReport, "utf8")).replace("themes:\n", `themes:\n${extraThemes.join("")}`),
    );

    const handle = createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
    cleanups.push(() => handle.close());
    const { results } = await buildPack({
      target: { packFile: pack.packFile },
      outDir: await makeTempDir(),
      prepareResources: () => prepareBuildResources({ browser: handle, templatesDirectory: templates }),
      templateFolders: [templates],
      formats: ["pdf"],
    });
    const [north, south] = results;
    expect(north?.status).toBe("ok");
    expect(south?.status).toBe("failed");
    if (south?.status === "failed") {
      expect(south.error.code).toBe("template");
      expect(south.error.message).toMatch(/^template "performance" failed: it repeats itself too often/);
    }
  });
});

describe("HTML larger than the limit", () => {
  it("is refused before any browser is asked for, naming both sizes", async () => {
    let asked = 0;
    const noBrowser: BrowserHandle = {
      get: async () => {
        asked++;
        throw new Error("no browser should be needed");
      },
      discard: async () => undefined,
      close: async () => undefined,
    };
    const html = "x".repeat(DEFAULT_PRINT_LIMITS.maxHtmlBytes + 1);
    const failure = await printWithRetry(noBrowser, { ...document("Big"), html }).then(
      () => undefined,
      (error: unknown) => error as ScrutinyError,
    );
    expect(failure?.code).toBe("render");
    expect(failure?.message).toBe(
      'the HTML of "Document Big" is 16,777,217 bytes; a document may have at most 16,777,216 (16 MB). A template may be repeating content.',
    );
    expect(asked).toBe(0);
  });
});
