// Writes a file so that readers see either the old complete file or the new complete file, never
// a part: write a temporary file in the same folder, flush it to disk, rename it into place, then
// flush the folder so the rename itself survives a power cut.
import { createHash, randomBytes } from "node:crypto";
import { readlinkSync, unlinkSync } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { ScrutinyError } from "../errors.ts";

// Temporary files being written now. Removed on any exit this process gets to run (a failed
// write, Ctrl-C, SIGTERM); after kill -9 the next write into the same folder removes them.
const inFlight = new Set<string>();
let exitHookInstalled = false;

/**
 * Which machine, and which process-id space on it, wrote a temporary file: whether the process
 * that wrote it still runs can only be told there. A hash of the host name and the process-id
 * namespace (containers sharing a host name still have their own), 12 hex digits.
 */
export const HOST_TAG = createHash("sha256")
  .update(`${hostname()}\0${processIdNamespace()}`)
  .digest("hex")
  .slice(0, 12);

function processIdNamespace(): string {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return "";
  }
}

/** A temporary file written elsewhere (another CI shard sharing the folder) is left alone this long. */
export const FOREIGN_TEMPORARY_MAX_AGE_MS = 60 * 60 * 1000;

function temporaryName(target: string, pid: number): string {
  return `.${target}.tmp-${HOST_TAG}-${pid}-${randomBytes(4).toString("hex")}`;
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, temporaryName(basename(path), process.pid));
  if (!exitHookInstalled) {
    process.on("exit", removeTemporaryFiles);
    exitHookInstalled = true;
  }
  try {
    await mkdir(folder, { recursive: true });
    await removeStaleTemporaryFiles(folder);
    inFlight.add(temporary);
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    inFlight.delete(temporary);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    inFlight.delete(temporary);
    throw new ScrutinyError("output", `could not write ${path}: ${describeWriteError(error)}`, {
      cause: error,
    });
  }
  // The file is in place; flushing the folder makes the rename survive a power cut. Some file
  // systems cannot flush a folder, which does not make the write any less done.
  await syncFolder(folder).catch(() => undefined);
}

/** Synchronous, for `process.on("exit")`: removes every temporary file still being written. */
export function removeTemporaryFiles(): void {
  for (const temporary of inFlight) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed into place or removed.
    }
  }
  inFlight.clear();
}

/**
 * Temporary files in `folder` left by a process that no longer runs (killed with -9, power cut):
 * on this machine, those whose process is gone; from another machine, those untouched for an
 * hour. Best effort: a file that cannot be removed is left for the next build.
 */
async function removeStaleTemporaryFiles(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = /^\..+\.tmp-([0-9a-f]{12})-(\d+)-[0-9a-f]{8}$/.exec(entry);
    if (!match) continue;
    const path = join(folder, entry);
    if (match[1] === HOST_TAG) {
      const pid = Number(match[2]);
      if (pid === process.pid || isRunning(pid)) continue;
    } else {
      const modified = await stat(path).then(
        (info) => info.mtimeMs,
        () => Date.now(),
      );
      if (Date.now() - modified < FOREIGN_TEMPORARY_MAX_AGE_MS) continue;
    }
    await rm(path, { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function describeWriteError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "EROFS":
      return "the folder is read-only";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "a folder with that name is in the way";
    case "ENOTDIR":
    case "EEXIST":
      return "part of the path is a file, not a folder";
    default:
      return (error as Error).message;
  }
}
