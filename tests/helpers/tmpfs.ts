// A small RAM file system mounted for one test: a disk that fills up, or turns read-only, on
// purpose. Needs root (CI runs as root); a test that cannot mount fails and says why, never skips.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { makeTempDir } from "./report-folder.ts";

export interface Tmpfs {
  path: string;
  /** Remounts it read-only, as a full or protected share would behave. */
  makeReadOnly(): void;
  /** Unmounts it and removes the mount point; safe to call twice. */
  unmount(): Promise<void>;
}

export async function mountTmpfs(sizeBytes: number): Promise<Tmpfs> {
  const path = await makeTempDir("scrutiny-tmpfs-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeBytes},mode=0755`, "tmpfs", path], {
      stdio: "pipe",
    });
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    throw new Error(
      `this test mounts a ${sizeBytes}-byte tmpfs to fill a disk on purpose, and could not: ${(error as Error).message.trim()}. Run the tests as root (as CI does).`,
    );
  }
  let mounted = true;
  return {
    path,
    makeReadOnly() {
      execFileSync("mount", ["-o", "remount,ro", path], { stdio: "pipe" });
    },
    async unmount() {
      if (!mounted) return;
      mounted = false;
      execFileSync("umount", [path], { stdio: "pipe" });
      await rm(path, { recursive: true, force: true });
    },
  };
}

/** Bytes still free on the file system holding `path`. */
export function freeBytes(path: string): number {
  const output = execFileSync("df", ["--block-size=1", "--output=avail", path], { encoding: "utf8" });
  return Number(output.trim().split("\n").at(-1));
}
