// Prints one document, surviving one browser fault: if Chromium crashes, hangs or disconnects
// while printing, that browser is killed and the document is printed once more on a fresh one.
// A second fault fails the document (and only it); the next document gets a fresh browser too.
//
// Documents print a few at a time on one browser, so a fault cannot be pinned on the document that
// caused it: every document then in flight sees it. Second attempts therefore print alone, one at
// a time: a document that crashes Chromium every time fails by itself, and a healthy one that was
// printing beside it gets its second attempt on a browser nothing else is using.
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

const gates = new WeakMap<BrowserHandle, PrintGate>();

export async function printWithRetry(browsers: BrowserHandle, options: PrintOptions): Promise<PrintResult> {
  // Too large is too large on any browser: refuse before starting one.
  checkHtmlSize(
    options.html,
    options.limits?.maxHtmlBytes ?? DEFAULT_PRINT_LIMITS.maxHtmlBytes,
    options.metadata.title,
  );
  let gate = gates.get(browsers);
  if (!gate) {
    gate = new PrintGate();
    gates.set(browsers, gate);
  }
  const faults: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await gate.run(attempt > 1, () => printOnce(browsers, options));
    } catch (error) {
      if (!(error instanceof PrintFault)) throw error;
      faults.push(error.message);
      if (attempt >= PRINT_ATTEMPTS) {
        throw new ScrutinyError(
          "render",
          `Chromium failed while printing "${options.metadata.title}", and again on a fresh browser: ${faults.join("; then ")}`,
          { cause: error.cause },
        );
      }
    }
  }
}

/** A Chromium fault, its browser already killed: worth another attempt on a fresh one. */
class PrintFault extends Error {}

async function printOnce(browsers: BrowserHandle, options: PrintOptions): Promise<PrintResult> {
  const browser = await browsers.get();
  try {
    return await htmlToPdf(browser, options);
  } catch (error) {
    if (!isChromiumFault(error)) throw error;
    // Kill it whatever state it is in; other documents printing on it retry on a fresh one.
    await browsers.discard(browser);
    const cause = (error as Error).cause;
    throw new PrintFault(cause instanceof Error ? cause.message : (error as Error).message, { cause: error });
  }
}

/**
 * Shared for first attempts, exclusive for second ones, granted in the order asked (so a waiting
 * retry is not starved by new documents). A fault inside kills its browser before leaving, so a
 * retry starts on a fresh one.
 */
class PrintGate {
  private shared = 0;
  private exclusive = false;
  private readonly waiting: { exclusive: boolean; grant: () => void }[] = [];

  async run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    await this.acquire(exclusive);
    try {
      return await work();
    } finally {
      this.release(exclusive);
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.waiting.length === 0 && this.canGrant(exclusive)) {
      this.take(exclusive);
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ exclusive, grant }));
  }

  private canGrant(exclusive: boolean): boolean {
    return exclusive ? !this.exclusive && this.shared === 0 : !this.exclusive;
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.exclusive = true;
    else this.shared++;
  }

  private release(exclusive: boolean): void {
    if (exclusive) this.exclusive = false;
    else this.shared--;
    while (this.waiting.length > 0) {
      const next = this.waiting[0] as { exclusive: boolean; grant: () => void };
      if (!this.canGrant(next.exclusive)) break;
      this.waiting.shift();
      this.take(next.exclusive);
      next.grant();
    }
  }
}
