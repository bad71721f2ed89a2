// A PDF's tagged structure as plain lines, one per structure element in reading order: its type,
// depth, page, marked-content ids, alternative text, language, and the elements its /Headers
// point at (by their place in the tree, not their id), and a header cell's scope; then, from the
// parent tree, which element each page's marked content belongs to. Two PDFs that describe the same tree for a
// screen reader give the same lines, whatever their object numbers and id names.
import type { PDFDict as PDFDictType, PDFObject, PDFRef as PDFRefType } from "@cantoo/pdf-lib";

export async function pdfStructureLines(bytes: Uint8Array): Promise<string[]> {
  const lib = await import("@cantoo/pdf-lib");
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString } = lib;
  const document = await lib.PDFDocument.load(bytes, { updateMetadata: false });
  const context = document.context;
  const pages = document.getPages().map((page) => page.ref);
  const text = (value: PDFObject | undefined) =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "";
  const root = context.lookup(document.catalog.get(PDFName.of("StructTreeRoot")));
  if (!(root instanceof PDFDict)) return [];

  // First pass: every element's place in the tree, and the place of each id.
  const order: { element: PDFDictType; depth: number; page: number }[] = [];
  const placeOfId = new Map<string, number>();
  const seen = new Set<PDFRefType>();
  const visit = (kids: PDFObject | undefined, depth: number, page: number): void => {
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) visit(kid, depth, page);
      return;
    }
    if (kids instanceof PDFRef) {
      if (seen.has(kids)) return;
      seen.add(kids);
    }
    const element = kids instanceof PDFRef ? context.lookup(kids) : kids;
    if (!(element instanceof PDFDict) || !element.has(PDFName.of("S"))) return;
    const pageRef = element.get(PDFName.of("Pg"));
    const ownPage = pageRef instanceof PDFRef ? pages.indexOf(pageRef) + 1 : page;
    order.push({ element, depth, page: ownPage });
    const id = text(element.lookup(PDFName.of("ID")));
    if (id) placeOfId.set(id, order.length);
    visit(element.get(PDFName.of("K")), depth + 1, ownPage);
  };
  visit(root.get(PDFName.of("K")), 0, 0);

  // The parent tree, the other way round: each page's marked content to its element, by place.
  const placeOf = new Map(order.map(({ element }, index) => [element, index + 1]));
  const parentTree = context.lookup(root.get(PDFName.of("ParentTree")));
  const numbers = new Map<number, PDFObject>();
  const collect = (node: PDFObject | undefined): void => {
    if (!(node instanceof PDFDict)) return;
    const nums = node.lookup(PDFName.of("Nums"));
    if (nums instanceof PDFArray) {
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = nums.get(index);
        if (key instanceof PDFNumber) numbers.set(key.asNumber(), nums.get(index + 1));
      }
    }
    const kids = node.lookup(PDFName.of("Kids"));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) collect(context.lookup(kid));
  };
  collect(parentTree);
  const parentLines = document.getPages().flatMap((page, pageIndex) => {
    const key = page.node.get(PDFName.of("StructParents"));
    if (!(key instanceof PDFNumber)) return [];
    const parents = context.lookup(numbers.get(key.asNumber()));
    if (!(parents instanceof PDFArray)) return [`page ${pageIndex + 1} · no parent tree entry`];
    return parents.asArray().map((parent, mcid) => {
      const element = parent instanceof PDFRef ? context.lookup(parent) : parent;
      const place = element instanceof PDFDict ? placeOf.get(element) : undefined;
      return `page ${pageIndex + 1} · content ${mcid} → element ${place ?? "none"}`;
    });
  });

  const elementLines = order.map(({ element, depth, page }) => {
    const kids = element.get(PDFName.of("K"));
    const items = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    const contentIds = items
      .map((item) => (item instanceof PDFNumber ? item.asNumber() : undefined))
      .filter((mcid) => mcid !== undefined);
    // Table attributes (/Headers, /Scope) sit in the element's attribute objects, /A.
    const attributes = element.lookup(PDFName.of("A"));
    const attributeDicts = (attributes instanceof PDFArray ? attributes.asArray() : [attributes])
      .map((entry) => (entry instanceof PDFRef ? context.lookup(entry) : entry))
      .filter((entry) => entry instanceof PDFDict);
    const headerPlaces = attributeDicts.flatMap((dict) => {
      const headers = dict.lookup(PDFName.of("Headers"));
      return headers instanceof PDFArray
        ? headers.asArray().map((header) => placeOfId.get(text(header)) ?? `missing ${text(header)}`)
        : [];
    });
    const scope = attributeDicts.map((dict) => dict.get(PDFName.of("Scope"))).find(Boolean);
    const parts = [
      `${"  ".repeat(depth)}${String(element.get(PDFName.of("S")))}`,
      `page ${page}`,
      contentIds.length > 0 ? `content ${contentIds.join(",")}` : "",
      text(element.lookup(PDFName.of("Alt"))) ? `alt "${text(element.lookup(PDFName.of("Alt")))}"` : "",
      text(element.lookup(PDFName.of("Lang"))) ? `lang ${text(element.lookup(PDFName.of("Lang")))}` : "",
      headerPlaces.length > 0 ? `headers ${headerPlaces.join(",")}` : "",
      scope ? `scope ${String(scope)}` : "",
    ];
    return parts.filter((part) => part !== "").join(" · ");
  });
  return [...elementLines, ...parentLines];
}
