// The Chromium that prints PDFs: the system's own, launched lazily, relaunched after a crash or a
// hang, and closed exactly once. Puppeteer is imported only when a browser is needed, so `--help`
// and `check` never load it.
import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
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
  /** A connected browser: the running one, or a fresh one if it crashed, was discarded or never started. */
  get(): Promise<Browser>;
  /**
   * Kills `browser` (it hung or failed mid-print) so the next `get()` starts a fresh one. Does
   * nothing when `browser` is already gone, so every report that saw the same fault may call it.
   */
  discard(browser: Browser): Promise<void>;
  /** Closes every browser this handle started; a later `get()` starts a fresh one. */
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
  /** Aborting kills every browser at once (Ctrl-C, SIGTERM); from then on `get()` refuses to start one. */
  signal?: AbortSignal;
}

/**
 * Launch arguments. Each one narrows what Chromium does; none turns off the same-origin policy
 * or lets pages read local files. `--no-sandbox` is added only as root, where Chromium's sandbox
 * cannot start.
 */
export const CHROMIUM_ARGUMENTS: readonly string[] = [
  // Every host name and address resolves to nothing, so a preconnect or DNS prefetch the request
  // interception never sees still reaches no one. The report's own origin is answered before DNS.
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--dns-prefetch-disable",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-gpu",
  "--no-first-run",
  "--no-default-browser-check",
];

interface Launched {
  browser: Browser;
  process: ChildProcess | null;
  scratch: string;
  retired?: Promise<void>;
}

export function createBrowserHandle(options: BrowserOptions): BrowserHandle {
  const executablePath = options.executablePath ?? resolveChromiumPath();
  let current: Promise<Launched> | undefined;
  const live = new Set<Launched>();
  let stopped = false;

  const stoppedError = () =>
    new ScrutinyError("interrupted", "the build was stopped before this report was printed");

  const launch = async (): Promise<Launched> => {
    const launched = await launchChromium(executablePath, options.fontsDirectory, options.signal);
    live.add(launched);
    // A crash or an outside kill: the next get() sees `connected` false and starts afresh; the
    // process group is killed so no helper process of the dead browser lingers.
    launched.browser.once("disconnected", () => void retire(launched));
    if (stopped) {
      await retire(launched);
      throw stoppedError();
    }
    return launched;
  };

  const retire = (launched: Launched): Promise<void> => {
    launched.retired ??= (async () => {
      killProcessGroup(launched.process);
      await waitForExit(launched.process, 5_000);
      await rm(launched.scratch, { recursive: true, force: true }).catch(() => undefined);
      live.delete(launched);
    })();
    return launched.retired;
  };

  options.signal?.addEventListener(
    "abort",
    () => {
      stopped = true;
      // Synchronous, so the process can exit straight after aborting and leave nothing behind.
      for (const launched of live) {
        killProcessGroup(launched.process);
        try {
          rmSync(launched.scratch, { recursive: true, force: true, maxRetries: 2 });
        } catch {
          // A dying Chromium may still be writing its profile; the folder is in the temp folder.
        }
      }
    },
    { once: true },
  );

  return {
    async get() {
      for (;;) {
        if (stopped || options.signal?.aborted) throw stoppedError();
        const pending = current ?? launch();
        current = pending;
        let launched: Launched;
        try {
          launched = await pending;
        } catch (error) {
          if (current === pending) current = undefined;
          throw error;
        }
        if (launched.browser.connected) return launched.browser;
        if (current === pending) current = undefined;
        await retire(launched);
      }
    },
    async discard(browser) {
      const launched = [...live].find((candidate) => candidate.browser === browser);
      if (!launched) return;
      const pending = current;
      if (pending && (await pending.catch(() => undefined)) === launched && current === pending) {
        current = undefined;
      }
      await retire(launched);
    },
    async close() {
      const pending = current;
      current = undefined;
      await pending?.catch(() => undefined);
      await Promise.all(
        [...live].map(async (launched) => {
          // A polite close first (Chromium tidies its profile), bounded in case it hangs.
          if (launched.browser.connected) {
            await Promise.race([launched.browser.close().catch(() => undefined), delay(3_000)]);
          }
          await retire(launched);
        }),
      );
    },
  };
}

/** Kills the browser and every process it started (they share its process group). */
function killProcessGroup(child: ChildProcess | null): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

async function waitForExit(child: ChildProcess | null, timeoutMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([new Promise((resolve) => child.once("exit", resolve)), delay(timeoutMs)]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
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
  signal: AbortSignal | undefined,
): Promise<Launched> {
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
      // Over a pipe, Chromium exits by itself when this process dies, even by kill -9; over a
      // WebSocket it would keep running with no one to close it.
      pipe: true,
      // The CLI handles signals itself (and exits with its own codes); Puppeteer's handlers would
      // exit behind its back on Ctrl-C and leave the build running on SIGTERM.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      userDataDir: join(scratch, "profile"),
      ...(signal ? { signal } : {}),
      env: { ...process.env, FONTCONFIG_FILE: await writeFontConfig(scratch, fontsDirectory) },
      args: [...(runningAsRoot ? ["--no-sandbox"] : []), ...CHROMIUM_ARGUMENTS],
    });
    return { browser, process: browser.process(), scratch };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    if (signal?.aborted) {
      throw new ScrutinyError("interrupted", "the build was stopped while Chromium was starting", {
        cause: error,
      });
    }
    throw new ScrutinyError(
      "environment",
      `Chromium at ${executablePath} could not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
