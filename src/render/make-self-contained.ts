// The HTML twin needs nothing besides itself: the stylesheets are inlined by the template, and
// the images our templates link (a council's logo) become data URLs here.
import type { AssetResolver } from "../pdf/html-to-pdf.ts";

/** The stylesheets the printed page links, in order, inlined into the HTML twin. */
export const TWIN_STYLESHEETS = ["/assets/styles/print.css", "/assets/styles/council.css"] as const;

export async function readTwinStyles(resolveAsset: AssetResolver): Promise<string> {
  const sheets = await Promise.all(TWIN_STYLESHEETS.map((path) => resolveAsset(path)));
  return sheets.map((sheet) => sheet?.body.toString("utf8") ?? "").join("\n");
}

/**
 * Replaces `src="assets/…"` with the file as a data URL. Only templates can write such an
 * attribute: text from data is escaped, so its quotes never open one. An asset that is not there
 * stays a link, which the accessibility test (and a reader) would notice.
 */
export async function inlineAssetImages(html: string, resolveAsset: AssetResolver): Promise<string> {
  const references = [
    ...new Set([...html.matchAll(/ src="assets\/([^"]+)"/g)].map((match) => match[1] as string)),
  ];
  let result = html;
  for (const reference of references) {
    const asset = await resolveAsset(`/assets/${reference}`);
    if (!asset) continue;
    const dataUrl = `data:${asset.contentType};base64,${asset.body.toString("base64")}`;
    result = result.replaceAll(` src="assets/${reference}"`, ` src="${dataUrl}"`);
  }
  return result;
}
