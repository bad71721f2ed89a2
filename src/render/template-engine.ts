// The Handlebars environment: escaping on, strict lookups, only our helpers, partials only from
// the template folder. Data is always text; the only markup that is not escaped is made here.
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import Handlebars from "handlebars";
import { ScrutinyError } from "../errors.ts";
import type { DirectionLabel, StatusLabel } from "../model/labels.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { statusShapeSvg } from "./status-shapes.ts";

export interface TemplateEngine {
  render(templateName: string, context: object): string;
}

const helpers = {
  /** A status as symbol + word; the colour comes from the tone class and repeats what they say. */
  statusBadge(status: StatusLabel) {
    return new Handlebars.SafeString(
      `<span class="status tone-${status.tone}">${statusShapeSvg(status.shape)}<span class="status-label">${Handlebars.escapeExpression(status.label)}</span></span>`,
    );
  },
  directionBadge(direction: DirectionLabel) {
    return new Handlebars.SafeString(
      `<span class="direction">${statusShapeSvg(`arrow-${direction.arrow}`)}<span>${Handlebars.escapeExpression(direction.label)}</span></span>`,
    );
  },
  /** Commentary and other Markdown from the data, as the safe subset renderMarkdown allows. */
  markdown(text: unknown) {
    if (typeof text !== "string" || text.trim() === "") return "";
    return new Handlebars.SafeString(renderMarkdown(text));
  },
} as const;

export async function createTemplateEngine(templatesDirectory: string): Promise<TemplateEngine> {
  const handlebars = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) handlebars.registerHelper(name, helper);
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers } as const;

  // Handlebars compiles lazily, on first use; precompiling here reports a broken template (bad
  // syntax, an unknown helper) by its file before any report is rendered.
  const compileFile = async (path: string) => {
    const source = await readFile(path, "utf8");
    try {
      handlebars.precompile(source, compileOptions);
    } catch (error) {
      throw new ScrutinyError("template", `${path}: ${(error as Error).message}`, { cause: error });
    }
    return handlebars.compile(source, compileOptions);
  };

  const partialsDirectory = join(templatesDirectory, "partials");
  for (const file of (await readdir(partialsDirectory)).sort()) {
    if (extname(file) !== ".hbs") continue;
    handlebars.registerPartial(basename(file, ".hbs"), await compileFile(join(partialsDirectory, file)));
  }

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of (await readdir(templatesDirectory)).sort()) {
    if (extname(file) !== ".hbs") continue;
    compiled.set(basename(file, ".hbs"), await compileFile(join(templatesDirectory, file)));
  }

  return {
    render(templateName, context) {
      const template = compiled.get(templateName);
      if (!template) {
        throw new ScrutinyError("template", `no template named "${templateName}" in ${templatesDirectory}`);
      }
      try {
        // Handlebars denies prototype properties and methods by default; nothing here turns that on.
        return template(context);
      } catch (error) {
        throw new ScrutinyError(
          "template",
          `template "${templateName}" failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}
