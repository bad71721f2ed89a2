// Serves the report page its own bundled files (fonts, stylesheets, logos) from the template
// folders, and nothing else: no other folder, no other kind of file. A council's own folder comes
// first, so its stylesheet or logo replaces the built-in one of the same name.
import { readFile } from "node:fs/promises";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Asset, AssetResolver } from "../pdf/html-to-pdf.ts";

const contentTypes: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export function createTemplateAssetResolver(directories: string | readonly string[]): AssetResolver {
  const roots = (typeof directories === "string" ? [directories] : directories).map((folder) =>
    resolve(folder),
  );
  const cache = new Map<string, Promise<Asset | undefined>>();
  return (urlPath) => {
    if (!urlPath.startsWith("/assets/")) return Promise.resolve(undefined);
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath.slice("/assets/".length));
    } catch {
      return Promise.resolve(undefined);
    }
    const contentType = contentTypes[extname(decoded).toLowerCase()];
    if (!contentType || decoded.includes("\0")) return Promise.resolve(undefined);
    let asset = cache.get(decoded);
    if (!asset) {
      asset = readFirst(roots, decoded).then((body) => (body ? { body, contentType } : undefined));
      cache.set(decoded, asset);
    }
    return asset;
  };
}

/** The file at `path` in the first folder that has it; never a path that leaves its folder. */
async function readFirst(roots: readonly string[], path: string): Promise<Buffer | undefined> {
  for (const root of roots) {
    const file = resolve(root, path);
    const inside = relative(root, file);
    if (inside.startsWith("..") || inside.includes(`..${sep}`) || isAbsolute(inside)) return undefined;
    try {
      return await readFile(file);
    } catch {
      // Not in this folder (or not a readable file): try the next.
    }
  }
  return undefined;
}
