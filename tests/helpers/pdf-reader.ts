// What a reader gets from a PDF, from poppler and qpdf (installed by `npm test`'s set-up).
import { execFileSync } from "node:child_process";

/** Text in reading order; table cells come out one after another. */
export function pdfText(path: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
}

/** The same text with every run of white space made one space, for matching across line breaks. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** The printed lines of each page as laid out (pdftotext -layout), each with its runs of white space made one space. */
export function pdfLayoutPages(path: string): string[][] {
  const layout = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { encoding: "utf8" });
  return layout
    .split("\f")
    .slice(0, -1)
    .map((page) => page.split("\n").map((line) => line.replace(/\s+/g, " ").trim()));
}

/** The first of `lines` that holds `cells` in order, left to right; -1 when none does. */
export function findRowIndex(lines: readonly string[], cells: readonly string[]): number {
  const escaped = cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join(".*?"));
  return lines.findIndex((line) => pattern.test(line));
}

/**
 * The printed line on which a table row starts: cells are top-aligned, so the first line of every
 * cell of a row shares one line of the page. Returns that line, or undefined.
 */
export function findRow(path: string, cells: readonly string[]): string | undefined {
  const lines = pdfLayoutPages(path).flat();
  return lines[findRowIndex(lines, cells)];
}

/** The text of each page, in order. */
export function pdfPages(path: string): string[] {
  return pdfText(path).split("\f").slice(0, -1);
}

/** pdfinfo's fields; dates as ISO 8601 (2023-11-28T00:00:00Z), whatever the machine's time zone. */
export function pdfInfo(path: string): Record<string, string> {
  const output = execFileSync("pdfinfo", ["-isodates", path], { encoding: "utf8" });
  return Object.fromEntries(
    output
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => {
        const at = line.indexOf(":");
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

interface OutlineItem {
  title: string;
  kids: OutlineItem[];
}

/** Bookmark titles, depth-first. */
export function pdfOutline(path: string): string[] {
  const json = JSON.parse(
    execFileSync("qpdf", ["--json=2", "--json-key=outlines", path], { encoding: "utf8" }),
  ) as {
    outlines: OutlineItem[];
  };
  const titles: string[] = [];
  const walk = (items: OutlineItem[]) => {
    for (const item of items) {
      titles.push(item.title);
      walk(item.kids);
    }
  };
  walk(json.outlines);
  return titles;
}

/** qpdf's JSON lists every object; a report full of vector charts has many thousands of them. */
const QPDF_JSON_LIMIT = 512 * 1024 * 1024;

type PdfObjects = Record<string, { value?: Record<string, unknown> }>;

/** Every object of the PDF by qpdf's key ("obj:12 0 R", "trailer"), its value as qpdf's JSON. */
function pdfObjects(path: string, ...selection: string[]): PdfObjects {
  const json = JSON.parse(
    execFileSync("qpdf", ["--json=2", "--json-key=qpdf", ...selection, path], {
      encoding: "utf8",
      maxBuffer: QPDF_JSON_LIMIT,
    }),
  ) as { qpdf: [unknown, PdfObjects] };
  return json.qpdf[1];
}

/** The alternative texts of the tagged PDF's figures, as a screen reader announces them. */
export function pdfFigureAltTexts(path: string): string[] {
  const objects = pdfObjects(path);
  return Object.values(objects)
    .map((object) => object.value)
    .filter((value) => value?.["/S"] === "/Figure" && typeof value["/Alt"] === "string")
    .map((value) => String(value?.["/Alt"]).replace(/^u:/, ""));
}

/** The document catalog's /Lang entry. */
export function pdfLanguage(path: string): string | undefined {
  const objects = pdfObjects(path);
  const trailer = objects.trailer?.value as { "/Root": string };
  const root = objects[`obj:${trailer["/Root"]}`]?.value as Record<string, string> | undefined;
  return root?.["/Lang"]?.replace(/^u:/, "");
}

/** Each page's size as pdfinfo gives it: "595.276 x 841.89 pts (A4)" (portrait), "841.89 x 595.276 pts (A4)". */
export function pdfPageSizes(path: string): string[] {
  const output = execFileSync("pdfinfo", ["-f", "1", "-l", "100000", path], { encoding: "utf8" });
  return [...output.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((match) => (match[1] ?? "").trim());
}

/** Whether a page size is landscape (wider than tall). */
export function isLandscape(size: string): boolean {
  const [width, height] = size.split(/\s*x\s*|\s+pts/).map(Number);
  return width !== undefined && height !== undefined && width > height;
}

/**
 * Checks that `facts` appear in `text` in the given order, each after the one before. Returns
 * undefined when they do, else which fact was not found after which, for the test's message.
 */
export function findOutOfOrder(text: string, facts: readonly string[]): string | undefined {
  let from = 0;
  let previous = "the start";
  for (const fact of facts) {
    const at = text.indexOf(fact, from);
    if (at < 0) {
      return text.includes(fact)
        ? `"${fact}" comes before "${previous}", not after it`
        : `"${fact}" is not in the text`;
    }
    from = at + fact.length;
    previous = fact;
  }
  return undefined;
}

/**
 * The text in the order it was drawn, which for Chromium is the HTML's order: a table comes out
 * row by row and cell by cell, however tall its cells, so facts can be checked in their order.
 */
export function pdfTextInOrder(path: string): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"], { encoding: "utf8" });
}

/** "841.92 x 594.96" (landscape A4) or "594.96 x 841.92" (portrait) for one 1-based page. */
export function pdfPageSize(path: string, page: number): string {
  const info = execFileSync("pdfinfo", ["-f", String(page), "-l", String(page), path], { encoding: "utf8" });
  const size = /^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/m.exec(info)?.[1];
  if (!size) throw new Error(`pdfinfo gave no size for page ${page} of ${path}`);
  return size;
}

/** Where each link annotation leads: its URI, "#name" for a jump inside the document, or "" if nowhere. */
export function pdfLinkTargets(path: string): string[] {
  const objects = pdfObjects(path);
  const resolve = (value: unknown) =>
    (typeof value === "string" && / R$/.test(value) ? objects[`obj:${value}`]?.value : value) as
      | Record<string, unknown>
      | undefined;
  const text = (value: unknown) => String(value).replace(/^[ub]:/, "");
  return Object.values(objects)
    .map((object) => object.value)
    .filter((value) => value?.["/Subtype"] === "/Link")
    .map((link) => {
      const action = resolve(link?.["/A"]);
      if (action?.["/URI"] !== undefined) return text(action["/URI"]);
      if (link?.["/Dest"] !== undefined) return `#${text(link["/Dest"]).replace(/^\//, "")}`;
      return "";
    });
}

/** The trailer's /ID: two byte strings, as hex. */
export function pdfDocumentId(path: string): string[] {
  const id = pdfObjects(path, "--json-object=trailer").trailer?.value?.["/ID"] as string[] | undefined;
  return (id ?? []).map((part) => part.replace(/^b:/, "").toUpperCase());
}
