// The number of pages of a PDF we printed, for the manifest. Chromium writes each page object in
// the clear, so counting them is enough; a PDF whose objects are compressed (after post-processing)
// is read properly with pdf-lib.

export async function countPdfPages(bytes: Uint8Array): Promise<number> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages > 0 && !/\/Type\s*\/ObjStm\b/.test(text)) return pages;
  const { PDFDocument } = await import("@cantoo/pdf-lib");
  const document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  return document.getPageCount();
}
