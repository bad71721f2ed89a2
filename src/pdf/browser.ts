// The Chromium that prints PDFs: the system's own, launched lazily, closed exactly once.
// Puppeteer is imported only when a browser is needed, so `--help` and `check` never load it.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export interface BrowserOptions {
  executablePath?: string;
  /**
   * The only fonts Chromium may use: the bundled TTF files. Pages load them as web fonts anyway;
   * this also covers the running header and footer, which cannot load web fonts, and makes sure
   * no text falls back to whatever fonts the machine happens to have.
   */
  fontsDirectory: string;
}

export function createBrowserHandle(options: BrowserOptions): BrowserHandle {
  const executablePath = options.executablePath ?? resolveChromiumPath();
  let launching: Promise<{ browser: Browser; scratch: string }> | undefined;
  return {
    async get() {
      launching ??= launchChromium(executablePath, options.fontsDirectory);
      return (await launching).browser;
    },
    async close() {
      const pending = launching;
      launching = undefined;
      const launched = await pending?.catch(() => undefined);
      if (!launched) return;
      await launched.browser.close();
      await rm(launched.scratch, { recursive: true, force: true });
    },
  };
}

/** A fontconfig file that offers Chromium the bundled fonts and nothing else. */
async function writeFontConfig(scratch: string, fontsDirectory: string): Promise<string> {
  const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const alias = (generic: string) =>
    `  <alias binding="same"><family>${generic}</family><prefer><family>Atkinson Hyperlegible Next</family><family>Noto Sans</family></prefer></alias>`;
  const path = join(scratch, "fonts.conf");
  await writeFile(
    path,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      "<fontconfig>",
      `  <dir>${xml(fontsDirectory)}</dir>`,
      `  <cachedir>${xml(join(scratch, "font-cache"))}</cachedir>`,
      alias("sans-serif"),
      alias("serif"),
      alias("monospace"),
      "</fontconfig>",
      "",
    ].join("\n"),
  );
  return path;
}

async function launchChromium(
  executablePath: string,
  fontsDirectory: string,
): Promise<{ browser: Browser; scratch: string }> {
  if (!existsSync(executablePath)) {
    throw new ScrutinyError(
      "environment",
      `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: apt-get install chromium) or set SCRUTINY_CHROMIUM to the browser's path.`,
    );
  }
  const { default: puppeteer } = await import("puppeteer");
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const scratch = await mkdtemp(join(tmpdir(), "scrutiny-browser-"));
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      env: { ...process.env, FONTCONFIG_FILE: await writeFontConfig(scratch, fontsDirectory) },
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
    return { browser, scratch };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw new ScrutinyError(
      "environment",
      `Chromium at ${executablePath} could not start: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
