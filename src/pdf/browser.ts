// The Chromium that prints PDFs: the system's own, launched lazily, closed exactly once.
// Puppeteer is imported only when a browser is needed, so `--help` and `check` never load it.
import { existsSync } from "node:fs";
import type { Browser } from "puppeteer";
import { ScrutinyError } from "../errors.ts";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** SCRUTINY_CHROMIUM overrides the browser; otherwise Debian's Chromium. */
export function resolveChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCRUTINY_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
}

export interface BrowserHandle {
  get(): Promise<Browser>;
  close(): Promise<void>;
}

export function createBrowserHandle(executablePath = resolveChromiumPath()): BrowserHandle {
  let launching: Promise<Browser> | undefined;
  return {
    get() {
      launching ??= launchChromium(executablePath);
      return launching;
    },
    async close() {
      const pending = launching;
      launching = undefined;
      if (pending) await (await pending.catch(() => undefined))?.close();
    },
  };
}

async function launchChromium(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new ScrutinyError(
      "environment",
      `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: apt-get install chromium) or set SCRUTINY_CHROMIUM to the browser's path.`,
    );
  }
  const { default: puppeteer } = await import("puppeteer");
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      args: [
        // Chromium's sandbox cannot start as root; only then is it switched off.
        ...(runningAsRoot ? ["--no-sandbox"] : []),
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-gpu",
        "--dns-prefetch-disable",
        "--no-first-run",
        "--no-default-browser-check",
      ],
    });
  } catch (error) {
    throw new ScrutinyError(
      "environment",
      `Chromium at ${executablePath} could not start: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
