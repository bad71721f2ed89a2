// Serves the report page its own bundled files (fonts, stylesheets) from the templates folder,
// and nothing else: no other folder, no other kind of file.
import { readFile } from "node:fs/promises";
import { extname, relative, resolve, sep } from "node:path";
import type { Asset, AssetResolver } from "../pdf/html-to-pdf.ts";

const contentTypes: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export function createTemplateAssetResolver(templatesDirectory: string): AssetResolver {
  const root = resolve(templatesDirectory);
  const cache = new Map<string, Promise<Asset | undefined>>();
  return (urlPath) => {
    if (!urlPath.startsWith("/assets/")) return Promise.resolve(undefined);
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath.slice("/assets/".length));
    } catch {
      return Promise.resolve(undefined);
    }
    const file = resolve(root, decoded);
    const inside = relative(root, file);
    const contentType = contentTypes[extname(file).toLowerCase()];
    if (!contentType || inside.startsWith("..") || inside.includes(`..${sep}`) || decoded.includes("\0")) {
      return Promise.resolve(undefined);
    }
    let asset = cache.get(file);
    if (!asset) {
      asset = readFile(file).then(
        (body) => ({ body, contentType }),
        () => undefined,
      );
      cache.set(file, asset);
    }
    return asset;
  };
}
