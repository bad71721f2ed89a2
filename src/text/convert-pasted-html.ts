// HTML pasted from other systems (the peer-challenge plans have <p> and <ul> in their cells) made
// into the Markdown subset Scrutiny prints: paragraphs, lists, emphasis, line breaks, and links as
// "label (address)". Anything else is refused by name rather than dropped, so no content is lost
// without the officer knowing, and nothing from the data is ever shown as markup.
import TurndownService from "turndown";

export type PastedHtmlResult = { ok: true; markdown: string } | { ok: false; refused: string[] };

/** Elements converted (or, for span, div, font, u and Word's o:p, unwrapped to their text). */
const CONVERTED_ELEMENTS: ReadonlySet<string> = new Set([
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "em",
  "i",
  "strong",
  "b",
  "a",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "span",
  "div",
  "font",
  "u",
  "o:p",
]);
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
const VOID_ELEMENTS = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;
/** Elements that close themselves when the next one opens, so they do not nest when repeated. */
const SELF_CLOSING_WHEN_REPEATED = /^(p|li|dt|dd|option|tr|td|th)$/i;
export const MAX_HTML_NESTING = 100;
/** What the HTML parser wraps any fragment in, and turndown's own root element. */
const PARSER_WRAPPERS: ReadonlySet<string> = new Set(["html", "head", "body", "x-turndown"]);

/** A tag such as <p>, </li>, <br/>, <ul style="…"> or a comment: the text is taken to be HTML. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9:-]*(\s[^<>]*)?\/?>|<!--/i.test(text);
}

export function convertPastedHtml(html: string): PastedHtmlResult {
  // Turndown walks the document recursively: measure the nesting on the text first.
  if (htmlNestingDepth(html) > MAX_HTML_NESTING) {
    return { ok: false, refused: [`HTML nested more than ${MAX_HTML_NESTING} levels deep`] };
  }
  const refused = new Set<string>();
  const inspect = (element: Element) => {
    const name = element.nodeName.toLowerCase();
    if (!CONVERTED_ELEMENTS.has(name)) refused.add(`<${name}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) refused.add(`an ${attribute.name} attribute on <${name}>`);
    }
    const scheme = /^\s*(javascript|vbscript|data):/i.exec(element.getAttribute("href") ?? "")?.[1];
    if (scheme) refused.add(`a link to ${scheme.toLowerCase()}:`);
  };
  // Turndown parses the HTML itself; the first element it shows us leads to the whole document,
  // which is inspected once, in document order, including elements turndown would skip as empty.
  let inspected = false;
  const inspectDocument = (node: Node) => {
    if (inspected) return;
    inspected = true;
    for (const element of Array.from(node.ownerDocument?.getElementsByTagName("*") ?? [])) {
      if (!PARSER_WRAPPERS.has(element.nodeName.toLowerCase())) inspect(element);
    }
  };

  const service = new TurndownService({
    bulletListMarker: "-",
    emDelimiter: "*",
    strongDelimiter: "**",
    blankReplacement(_content, node) {
      inspectDocument(node);
      return (node as HTMLElement & { isBlock: boolean }).isBlock ? "\n\n" : "";
    },
  });
  service.addRule("headings as bold paragraphs", {
    filter: [...HEADINGS],
    replacement: (content) => (content.trim() === "" ? "" : `\n\n**${content.trim()}**\n\n`),
  });
  service.addRule("quotations as paragraphs", {
    filter: "blockquote",
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule("links as text", {
    filter: "a",
    replacement(content, node) {
      const href = (node as HTMLElement).getAttribute("href")?.trim();
      const label = content.trim();
      if (!href || href === label || href === `mailto:${label}`) return content;
      return label === "" ? href : `${label} (${href})`;
    },
  });
  // Added last, so turndown asks it first about every element; it never claims one.
  service.addRule("inspect the document", {
    filter(node) {
      inspectDocument(node);
      return false;
    },
    replacement: () => "",
  });

  const markdown = service.turndown(html);
  return refused.size > 0 ? { ok: false, refused: [...refused] } : { ok: true, markdown };
}

/** Open tags minus closed ones, ignoring elements that cannot or do not nest. */
function htmlNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name = ""] of html.matchAll(/<(\/?)([a-z][a-z0-9:-]*)[^<>]*>/gi)) {
    if (VOID_ELEMENTS.test(name) || SELF_CLOSING_WHEN_REPEATED.test(name)) continue;
    depth += closing ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
