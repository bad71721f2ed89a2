// Chromium's PDF → the PDF we write: document information from the report (never the clock), a
// document id derived from the content, only links a reader can safely follow, and objects
// numbered in a fixed order so the same document is always the same bytes. The tagged structure,
// the outline and the language pass through unchanged in meaning.
import { createHash } from "node:crypto";
import type { PDFDocument } from "@cantoo/pdf-lib";
import { canonicalisePdfObjects } from "./canonicalise-pdf-objects.ts";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. "en-GB": the language a screen reader reads the document in. */
  language: string;
  /** Creation and modification date, fixed by the data (e.g. the meeting date), never the clock. */
  date: Date;
}

export interface FinalisedPdf {
  pdf: Uint8Array;
  /** Link targets that were not http, https or mailto; their links were made inert. */
  removedLinks: string[];
}

export const PDF_PRODUCER = "Scrutiny";

/** Links a reader may follow out of a report; everything else (javascript:, file:, data:…) is removed. */
const ALLOWED_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

// Written into /ID while the file is saved, then replaced by a hash of the saved bytes: the id
// follows the content, so the same report always gets the same id and a changed one a new id.
const ID_PLACEHOLDER = "5343525554494E59".repeat(2); // "SCRUTINY" twice, 16 bytes

/**
 * `headings` are the document's headings in order, as the page has them: Chromium drops the space
 * where a heading wraps onto a second line when it names the bookmark ("Executive'sResponse"), so
 * each bookmark whose title is a heading's words without some of its spaces gets the heading's.
 */
export async function finalisePdf(
  pdf: Uint8Array,
  metadata: PdfMetadata,
  reportOrigin: string,
  headings: readonly string[] = [],
): Promise<FinalisedPdf> {
  const lib = await import("@cantoo/pdf-lib");
  // updateMetadata: false keeps pdf-lib from stamping its own producer and today's date.
  const document = await lib.PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: lib.ParseSpeeds.Fastest,
  });
  const removedLinks = makeUnsafeLinksInert(document, lib, reportOrigin);
  restoreBookmarkSpaces(document, lib, headings);

  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  document.setCreator(PDF_PRODUCER);
  document.setProducer(PDF_PRODUCER);
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  document.setLanguage(metadata.language);
  canonicalisePdfObjects(document, lib);

  const placeholder = lib.PDFHexString.of(ID_PLACEHOLDER);
  document.context.trailerInfo.ID = document.context.obj([placeholder, placeholder]);
  const saved = await document.save({
    useObjectStreams: true,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  return { pdf: replaceIdPlaceholder(saved), removedLinks };
}

/**
 * Takes the action off every link annotation that leads anywhere but an http, https or mailto
 * address, or back into the report's own (unreachable) origin. The annotation itself stays, so
 * the tagged structure that points at it stays whole; it just no longer goes anywhere.
 */
function makeUnsafeLinksInert(
  document: PDFDocument,
  lib: typeof import("@cantoo/pdf-lib"),
  reportOrigin: string,
): string[] {
  const removed: string[] = [];
  const { PDFName, PDFDict, PDFString, PDFHexString } = lib;
  for (const page of document.getPages()) {
    const annotations = page.node.Annots();
    if (!annotations) continue;
    for (let index = 0; index < annotations.size(); index++) {
      const annotation = annotations.lookup(index);
      if (!(annotation instanceof PDFDict)) continue;
      if (annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
      const action = annotation.lookup(PDFName.of("A"));
      if (!(action instanceof PDFDict)) continue;
      const kind = action.get(PDFName.of("S"));
      // An internal jump (a heading link): it stays inside the document.
      if (kind === PDFName.of("GoTo")) continue;
      const uri = action.lookup(PDFName.of("URI"));
      const target =
        uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : `${String(kind)} action`;
      if (kind === PDFName.of("URI") && isAllowedLink(target, reportOrigin)) continue;
      annotation.delete(PDFName.of("A"));
      removed.push(target);
    }
  }
  return removed;
}

/**
 * Walks the outline in order beside the headings in order (every bookmark is a heading, though a
 * heading with no text has no bookmark) and gives a bookmark its heading's spacing when the two
 * differ only in white space. A bookmark matching no heading keeps its title.
 */
function restoreBookmarkSpaces(
  document: PDFDocument,
  lib: typeof import("@cantoo/pdf-lib"),
  headings: readonly string[],
): void {
  const { PDFName, PDFDict, PDFString, PDFHexString } = lib;
  const spaced = headings.map((heading) => heading.replace(/\s+/g, " ").trim());
  const squeezed = spaced.map(withoutSpaces);
  let next = 0;
  // Across the whole outline: a damaged one that loops back is walked once.
  const seen = new Set<unknown>();
  const visit = (first: unknown): void => {
    for (let item = first; item instanceof PDFDict && !seen.has(item); ) {
      seen.add(item);
      const title = item.lookup(PDFName.of("Title"));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const text = title.decodeText();
        const found = squeezed.indexOf(withoutSpaces(text), next);
        if (found >= 0) {
          next = found + 1;
          const heading = spaced[found] as string;
          if (heading !== text) item.set(PDFName.of("Title"), PDFHexString.fromText(heading));
        }
      }
      visit(item.lookup(PDFName.of("First")));
      item = item.lookup(PDFName.of("Next"));
    }
  };
  const outlines = document.catalog.lookup(PDFName.of("Outlines"));
  if (outlines instanceof PDFDict) visit(outlines.lookup(PDFName.of("First")));
}

function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, "");
}

function isAllowedLink(target: string, reportOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  return ALLOWED_LINK_PROTOCOLS.has(url.protocol) && url.origin !== reportOrigin;
}

function replaceIdPlaceholder(saved: Uint8Array): Uint8Array {
  const bytes = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
  const needle = Buffer.from(`<${ID_PLACEHOLDER}>`, "latin1");
  const first = bytes.indexOf(needle);
  const second = first < 0 ? -1 : bytes.indexOf(needle, first + needle.length);
  if (first < 0 || second < 0 || bytes.indexOf(needle, second + needle.length) >= 0) {
    throw new Error("the PDF's document id placeholder was not written exactly twice");
  }
  const id = Buffer.from(
    `<${createHash("sha256").update(bytes).digest("hex").slice(0, ID_PLACEHOLDER.length).toUpperCase()}>`,
    "latin1",
  );
  id.copy(bytes, first);
  id.copy(bytes, second);
  return saved;
}
