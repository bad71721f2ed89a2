// Finds processes by a marker in their command line or environment (a test's own TMPDIR, a
// browser's profile folder), so tests can prove no Chromium outlives the build that started it.
import { readdirSync, readFileSync } from "node:fs";

function readProcFile(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return "";
  }
}

function isLiving(pid: string): boolean {
  // Field 3 of stat is the state; a zombie (Z) or dead (X) process runs nothing any more.
  const stat = readProcFile(pid, "stat");
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return stat !== "" && state !== "Z" && state !== "X";
}

/** Living processes whose command line or environment contains `marker`, other than this one. */
export function processesMarkedWith(marker: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => (readProcFile(pid, "cmdline") + readProcFile(pid, "environ")).includes(marker))
    .filter(isLiving)
    .map(Number);
}

/** Those of `pids` that are Chromium (the browser or one of its helpers), not Node. */
export function chromiumAmong(pids: readonly number[]): number[] {
  return pids.filter((pid) =>
    /chrom(e|ium)/i.test(readProcFile(String(pid), "cmdline").split("\0")[0] ?? ""),
  );
}

/** Living members of a process group (Chromium and its helpers share the browser's group). */
export function processGroupMembers(groupId: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const stat = readProcFile(pid, "stat");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After ")": state, ppid, pgrp.
      return fields[2] === String(groupId);
    })
    .filter(isLiving)
    .map(Number);
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(check: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Living processes started, directly or not, by `pid` (Chromium and its helpers, for a test's own browsers). */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || !isLiving(entry)) continue;
    const stat = readProcFile(entry, "stat");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    parents.set(Number(entry), parent);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, itsParent] of parents) {
      if (itsParent === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}
