// The bookmarks of a printed PDF with the page each one opens at, in document order. Chromium
// makes one bookmark per heading, so this is where each heading fell: what a contents page needs
// and CSS cannot tell it.
import type { PDFDict, PDFDocument } from "@cantoo/pdf-lib";

export interface PdfBookmark {
  title: string;
  /** 1-based; undefined when the bookmark leads nowhere this reader can place. */
  page: number | undefined;
  depth: number;
}

/** A bound on the walk, so a damaged or looping outline cannot hold a build. */
const MAX_BOOKMARKS = 10_000;

export async function readPdfOutline(pdf: Uint8Array): Promise<PdfBookmark[]> {
  const lib = await import("@cantoo/pdf-lib");
  const document = await lib.PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: lib.ParseSpeeds.Fastest,
  });
  return walkOutline(document, lib);
}

function walkOutline(document: PDFDocument, lib: typeof import("@cantoo/pdf-lib")): PdfBookmark[] {
  const { PDFName, PDFDict, PDFArray, PDFRef, PDFString, PDFHexString } = lib;
  const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const outlines = document.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const bookmarks: PdfBookmark[] = [];
  const seen = new Set<PDFDict>();

  const titleOf = (item: PDFDict) => {
    const title = item.lookup(PDFName.of("Title"));
    return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "";
  };
  const pageOf = (item: PDFDict) => {
    // Chromium writes /Dest [pageRef /XYZ x y zoom]; a /GoTo action carries the same array.
    const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
    const dest = item.lookup(PDFName.of("Dest")) ?? action?.lookup(PDFName.of("D"));
    if (!(dest instanceof PDFArray)) return undefined;
    const target = dest.get(0);
    return target instanceof PDFRef ? pageNumbers.get(target.toString()) : undefined;
  };
  const walk = (first: PDFDict | undefined, depth: number) => {
    let item = first;
    while (item && !seen.has(item) && bookmarks.length < MAX_BOOKMARKS) {
      seen.add(item);
      bookmarks.push({ title: titleOf(item), page: pageOf(item), depth });
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
      item = item.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of("First"), PDFDict), 0);
  return bookmarks;
}
