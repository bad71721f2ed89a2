// Printing a document whose contents page gives page numbers. Chromium cannot compute a heading's
// page in CSS, so the document is printed once with the numbers left blank, each heading's page is
// read from the PDF's bookmarks, and it is printed again with them filled in. The contents keep
// their length between printings (the numbers sit in a fixed-width column), so the second
// printing puts every heading where the first did; the pages are read once more to prove it.
// A document without a contents page is printed once.
import { type ContentsEntry, numberContents, samePages } from "../model/plan-contents.ts";
import { readPdfOutline } from "../pdf/read-pdf-outline.ts";

export interface PrintedDocument {
  pdf: Uint8Array;
  blockedRequests: string[];
}

export interface ContentsPrintResult<Printed extends PrintedDocument> {
  printed: Printed;
  /** The contents as printed, with page numbers. */
  contents: ContentsEntry[];
  /** How many times the document was printed: 1 without contents, 2 normally with. */
  passes: number;
}

/** Never more printings than this: the numbers are normally right at the second. */
const MAX_PASSES = 3;

export async function printWithContents<Printed extends PrintedDocument>(
  contents: readonly ContentsEntry[],
  print: (contents: ContentsEntry[]) => Promise<Printed>,
): Promise<ContentsPrintResult<Printed>> {
  let entries: ContentsEntry[] = contents.map((entry) => ({ ...entry, page: undefined }));
  let printed = await print(entries);
  let passes = 1;
  if (entries.length === 0) return { printed, contents: entries, passes };
  const blockedRequests = [...printed.blockedRequests];
  while (passes < MAX_PASSES) {
    const numbered = numberContents(entries, await bookmarksOf(printed.pdf));
    if (passes > 1 && samePages(numbered, entries)) break;
    entries = numbered;
    printed = await print(entries);
    blockedRequests.push(...printed.blockedRequests);
    passes++;
  }
  // Each printing asks for the same things; a refused request is reported once.
  return {
    printed: { ...printed, blockedRequests: [...new Set(blockedRequests)] },
    contents: entries,
    passes,
  };
}

async function bookmarksOf(pdf: Uint8Array) {
  const bookmarks = await readPdfOutline(pdf);
  return bookmarks.flatMap(({ title, page }) => (page === undefined ? [] : [{ title, page }]));
}
