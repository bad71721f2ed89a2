// Chromium does not always write the same tagged PDF twice: when a table header repeats on a
// second page, the structure elements of its cells come out in a different order, with different
// object numbers, ids (taken from DOM node ids handed out as painting happens) and dictionary
// key order. The tree they describe is the same. Renumbering every object in the order it is
// reached from the catalog, naming structure ids after those numbers and writing keys in name
// order writes that same tree as the same bytes.
import type { PDFDocument, PDFName, PDFObject, PDFRef } from "@cantoo/pdf-lib";

type PdfLib = typeof import("@cantoo/pdf-lib");

export function canonicalisePdfObjects(document: PDFDocument, lib: PdfLib): void {
  renameStructureIds(document, lib);
  renumberObjects(document, lib);
}

/**
 * Structure ids named by the element's place in the structure tree (depth first), so the ids,
 * the id tree (rebuilt as one sorted list) and the table cells' /Headers that point at them follow
 * the tree, not the order Chromium happened to number DOM nodes in.
 */
function renameStructureIds(document: PDFDocument, lib: PdfLib): void {
  const { PDFArray, PDFDict, PDFName, PDFRef, PDFString, PDFHexString } = lib;
  const context = document.context;
  const structureRoot = context.lookup(
    context.lookup(context.trailerInfo.Root, PDFDict).get(PDFName.of("StructTreeRoot")),
  );
  if (!(structureRoot instanceof PDFDict)) return;
  const idTree = context.lookup(structureRoot.get(PDFName.of("IDTree")));
  if (!(idTree instanceof PDFDict)) return;

  const place = new Map<PDFRef, number>();
  const visit = (kids: PDFObject | undefined): void => {
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) visit(kid);
    } else if (kids instanceof PDFRef && !place.has(kids)) {
      const element = context.lookup(kids);
      if (element instanceof PDFDict && element.has(PDFName.of("S"))) {
        place.set(kids, place.size + 1);
        visit(element.get(PDFName.of("K")));
      }
    }
  };
  visit(structureRoot.get(PDFName.of("K")));

  const text = (value: PDFObject | undefined) =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  const renamed = new Map<string, string>();
  const pairs: [string, PDFRef][] = [];
  const collect = (node: PDFObject | undefined): void => {
    if (!(node instanceof PDFDict)) return;
    const names = context.lookup(node.get(PDFName.of("Names")));
    if (names instanceof PDFArray) {
      for (let index = 0; index + 1 < names.size(); index += 2) {
        const name = text(names.get(index));
        const element = names.get(index + 1);
        if (name === undefined || !(element instanceof PDFRef)) continue;
        // "s…", never Chromium's "node…": an id left unrenamed can never take a new one's name.
        const newName = `s${String(place.get(element) ?? place.size + pairs.length + 1).padStart(8, "0")}`;
        renamed.set(name, newName);
        pairs.push([newName, element]);
      }
    }
    const kids = context.lookup(node.get(PDFName.of("Kids")));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) collect(context.lookup(kid));
  };
  collect(idTree);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  idTree.delete(PDFName.of("Kids"));
  idTree.delete(PDFName.of("Limits"));
  idTree.set(
    PDFName.of("Names"),
    context.obj(pairs.flatMap(([name, element]) => [PDFString.of(name), element])),
  );

  const rename = (value: PDFObject): PDFObject => {
    const name = renamed.get(text(value) ?? "");
    return name === undefined ? value : PDFString.of(name);
  };
  const walk = (value: PDFObject | undefined): void => {
    if (value instanceof PDFDict) {
      for (const [key, entry] of value.entries()) {
        if (key === PDFName.of("ID") && value.has(PDFName.of("S"))) value.set(key, rename(entry));
        else if (key === PDFName.of("Headers") && entry instanceof PDFArray) {
          for (let index = 0; index < entry.size(); index++) entry.set(index, rename(entry.get(index)));
        } else walk(entry);
      }
    } else if (value instanceof PDFArray) {
      for (const item of value.asArray()) walk(item);
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) walk(object);
}

/**
 * Every object renumbered breadth first from the catalog and the document information, with
 * dictionary keys in name order: an object's number follows from where it sits in the document,
 * not from when Chromium wrote it. Objects nothing reaches are dropped.
 */
function renumberObjects(document: PDFDocument, lib: PdfLib): void {
  const { PDFArray, PDFDict, PDFNull, PDFRef, PDFStream } = lib;
  const context = document.context;
  const objects = new Map(context.enumerateIndirectObjects());
  const renumbered = new Map<PDFRef, PDFRef>();
  const queue: PDFRef[] = [];
  const reach = (value: PDFObject | undefined): void => {
    if (value instanceof PDFRef) {
      if (objects.has(value) && !renumbered.has(value)) {
        renumbered.set(value, PDFRef.of(renumbered.size + 1));
        queue.push(value);
      }
    } else if (value instanceof PDFDict) {
      for (const [, entry] of byName(value.entries())) reach(entry);
    } else if (value instanceof PDFArray) {
      for (const item of value.asArray()) reach(item);
    } else if (value instanceof PDFStream) {
      reach(value.dict);
    }
  };
  reach(context.trailerInfo.Root);
  reach(context.trailerInfo.Info);
  for (let next = queue.shift(); next; next = queue.shift()) reach(objects.get(next));

  const rewrite = (value: PDFObject): PDFObject => {
    // A reference to an object that does not exist means null; kept, its old number could now
    // belong to another object.
    if (value instanceof PDFRef) return renumbered.get(value) ?? PDFNull;
    if (value instanceof PDFStream) rewrite(value.dict);
    if (value instanceof PDFDict) {
      // Keys in name order: Chromium does not always add them to a dictionary in the same order.
      const entries = byName(value.entries());
      for (const [key] of entries) value.delete(key);
      for (const [key, entry] of entries) value.set(key, rewrite(entry));
    }
    if (value instanceof PDFArray) {
      for (let index = 0; index < value.size(); index++) value.set(index, rewrite(value.get(index)));
    }
    return value;
  };
  for (const ref of renumbered.keys()) rewrite(objects.get(ref) as PDFObject);

  for (const ref of objects.keys()) context.delete(ref);
  context.largestObjectNumber = 0;
  for (const [oldRef, newRef] of renumbered) context.assign(newRef, objects.get(oldRef) as PDFObject);
  const { Root: root, Info: info } = context.trailerInfo;
  if (root instanceof PDFRef) context.trailerInfo.Root = renumbered.get(root) ?? root;
  if (info instanceof PDFRef) context.trailerInfo.Info = renumbered.get(info) ?? info;
}

/** Dictionary entries in the order of their keys' names. */
function byName<T>(entries: [PDFName, T][]): [PDFName, T][] {
  return entries.sort(([a], [b]) => (a.asString() < b.asString() ? -1 : a.asString() > b.asString() ? 1 : 0));
}
