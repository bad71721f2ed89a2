// Prints one document, surviving one browser fault: if Chromium crashes, hangs or disconnects
// while printing, that browser is killed and the document is printed once more on a fresh one.
// A second fault fails the document (and only it); the next document gets a fresh browser too.
import { ScrutinyError } from "../errors.ts";
import type { BrowserHandle } from "./browser.ts";
import {
  checkHtmlSize,
  DEFAULT_PRINT_LIMITS,
  htmlToPdf,
  isChromiumFault,
  type PrintOptions,
  type PrintResult,
} from "./html-to-pdf.ts";

export const PRINT_ATTEMPTS = 2;

export async function printWithRetry(browsers: BrowserHandle, options: PrintOptions): Promise<PrintResult> {
  // Too large is too large on any browser: refuse before starting one.
  checkHtmlSize(
    options.html,
    options.limits?.maxHtmlBytes ?? DEFAULT_PRINT_LIMITS.maxHtmlBytes,
    options.metadata.title,
  );
  const faults: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const browser = await browsers.get();
    try {
      return await htmlToPdf(browser, options);
    } catch (error) {
      if (!isChromiumFault(error)) throw error;
      // Kill it whatever state it is in; other documents printing on it retry on the fresh one.
      await browsers.discard(browser);
      const cause = (error as Error).cause;
      faults.push(cause instanceof Error ? cause.message : (error as Error).message);
      if (attempt >= PRINT_ATTEMPTS) {
        throw new ScrutinyError(
          "render",
          `Chromium failed while printing "${options.metadata.title}", and again on a fresh browser: ${faults.join("; then ")}`,
          { cause: error },
        );
      }
    }
  }
}
