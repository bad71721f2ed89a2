// Markdown from the data → HTML for the report. Only the subset officers need is read: paragraphs,
// bullet and numbered lists, emphasis, line breaks and links. Raw HTML is shown as text, images
// are not read (their Markdown stays visible as text), and a link prints as "label (address)":
// a printed report has nothing to click, and no address from the data becomes an attribute.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: false })
  .enable(["list", "emphasis", "newline", "escape", "entity", "link"])
  .set({ maxNesting: 20 });

markdown.renderer.rules.link_open = () => "";
markdown.renderer.rules.link_close = (tokens, index) => {
  let open = index - 1;
  while (open > 0 && tokens[open]?.type !== "link_open") open--;
  const href = markdown.normalizeLinkText(String(tokens[open]?.attrGet("href") ?? ""));
  const label = tokens
    .slice(open + 1, index)
    .map((token) => token.content)
    .join("");
  if (href === "" || href === label || href === `mailto:${label}`) return "";
  return ` (${markdown.utils.escapeHtml(href)})`;
};

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
