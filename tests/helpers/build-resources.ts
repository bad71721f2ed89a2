// One browser for a test file's builds, as a pack shares one: tests build with real Chromium.
import {
  BUILT_IN_FONTS,
  type BuildReportOptions,
  type BuildReportResult,
  type BuildResourceOptions,
  type BuildResources,
  buildReport,
  prepareBuildResources,
} from "../../src/pack/build-report.ts";
import { type BrowserHandle, createBrowserHandle } from "../../src/pdf/browser.ts";
import type { DocumentKind } from "../../src/schema/cover-report-schema.ts";

let browser: BrowserHandle | undefined;

/** The test file's browser, launched on first use. */
export function testBrowser(): BrowserHandle {
  browser ??= createBrowserHandle({ fontsDirectory: BUILT_IN_FONTS });
  return browser;
}

export function prepareTestResources(
  options: Omit<BuildResourceOptions, "browser"> = {},
): Promise<BuildResources> {
  return prepareBuildResources({ browser: testBrowser(), ...options });
}

/** buildReport with resources prepared from `templates` options and the test file's browser. */
export async function buildWithBrowser(
  options: Omit<BuildReportOptions, "resources"> & Omit<BuildResourceOptions, "browser">,
): Promise<BuildReportResult> {
  const { templatesDirectory, overridesDirectory, ...build } = options;
  const resources = await prepareTestResources({
    ...(templatesDirectory ? { templatesDirectory } : {}),
    ...(overridesDirectory ? { overridesDirectory } : {}),
  });
  return buildReport({ ...build, resources });
}

export async function closeBuildBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** The file of one document of a build, by kind and extension (the first, for trackers). */
export function outputOf(result: BuildReportResult, kind: DocumentKind, extension = ".pdf"): string {
  const file = result.documents
    .find((document) => document.kind === kind)
    ?.files.find((path) => path.endsWith(extension));
  if (!file) throw new Error(`the build wrote no ${kind} ${extension}`);
  return file;
}
