// Document information for tests that print HTML directly rather than through buildReport.
import type { PdfMetadata } from "../../src/pdf/html-to-pdf.ts";

export const TEST_PDF_METADATA: PdfMetadata = Object.freeze({
  title: "Test report",
  author: "Castlebridge Borough Council",
  subject: "Finance & Performance Scrutiny Committee, Tuesday 28 November 2023: Test report",
  keywords: ["test"],
  language: "en-GB",
  date: new Date("2023-11-28T00:00:00Z"),
});
