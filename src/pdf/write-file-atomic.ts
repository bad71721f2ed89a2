// Writes a file so that readers see either the old complete file or the new complete file, never
// a part: write a temporary file in the same folder, flush it to disk, then rename it into place.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ScrutinyError } from "../errors.ts";

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new ScrutinyError("output", `could not write ${path}: ${describeWriteError(error)}`, {
      cause: error,
    });
  }
}

function describeWriteError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the folder is read-only";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "a folder with that name is in the way";
    case "ENOTDIR":
      return "part of the path is a file, not a folder";
    default:
      return (error as Error).message;
  }
}
