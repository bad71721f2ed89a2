// Content hashes for the build cache and the manifest: of bytes, of plain values, and of whole
// folders (templates, the tool's own source). Same content, same hash, on any machine.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The hash of a plain value (a view model, settings): objects in their own key order, which our
 * builders make deterministic; Maps, Sets and Dates by their content; undefined fields left out,
 * as JSON does.
 */
export function hashValue(value: unknown): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify(value, (_key, item: unknown) => {
      if (item instanceof Map) return { map: [...item.entries()] };
      if (item instanceof Set) return { set: [...item.values()] };
      if (typeof item === "bigint") return item.toString();
      return item;
    }) ?? "undefined",
  );
  return hash.digest("hex");
}

/**
 * One hash for every file below some folders, by path and content, so any change to a template,
 * partial, stylesheet, font or image shows. Hidden files and temporary files are left out.
 */
export async function hashFolders(folders: readonly string[], skip: (path: string) => boolean = () => false) {
  const hash = createHash("sha256");
  for (const folder of folders) {
    hash.update(`folder\0${folder.split(sep).join("/")}\0`);
    const entries = (await readdir(folder, { recursive: true }).catch(() => [] as string[])).sort();
    for (const entry of entries) {
      const path = join(folder, entry);
      if (entry.split(sep).some((part) => part.startsWith(".")) || skip(path)) continue;
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) continue;
      hash.update(`file\0${relative(folder, path).split(sep).join("/")}\0`);
      hash.update(sha256(await readFile(path)));
    }
  }
  return hash.digest("hex");
}
