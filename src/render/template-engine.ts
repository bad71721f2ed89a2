// The Handlebars environment: escaping on, strict lookups, only our helpers, partials only from
// the template folders. Data is always text; the only markup that is not escaped is made here.
// A council's own folder comes first: any template or partial it holds replaces the built-in one
// of the same name.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import Handlebars from "handlebars";
import { ScrutinyError } from "../errors.ts";
import type { DirectionLabel, StatusLabel } from "../model/labels.ts";
import { createTemplateWorkLimiter, DEFAULT_TEMPLATE_LIMITS } from "./limit-template-work.ts";
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

/** The `.hbs` files of each folder by name; a name in an earlier folder hides later ones. */
async function findTemplateFiles(directories: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const directory of directories) {
    let files: string[];
    try {
      files = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    for (const file of files.sort()) {
      const name = basename(file, ".hbs");
      if (extname(file) === ".hbs" && !found.has(name)) found.set(name, join(directory, file));
    }
  }
  return found;
}

/**
 * Decorators such as `{{#*inline "name"}}` define partials inside a template, out of reach of the
 * work limits (a chain of them, each using the next twice, would never end); templates put
 * partials in `partials/` instead, where they are counted.
 */
function refuseDecorators(path: string, program: hbs.AST.Program): void {
  const found = findDecorator(program);
  if (!found) return;
  const { line, column } = found.loc.start;
  throw new ScrutinyError(
    "template",
    `${path}:${line}:${column + 1}: decorators such as {{#*inline}} are not allowed; put the partial in a file of the partials folder instead`,
  );
}

function findDecorator(node: unknown): hbs.AST.Node | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findDecorator(child);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== "object" || node === null) return undefined;
  const type = (node as { type?: unknown }).type;
  if (type === "Decorator" || type === "DecoratorBlock") return node as hbs.AST.Node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc") continue;
    const found = findDecorator(value);
    if (found) return found;
  }
  return undefined;
}

/** `directories`: the council's own template folder (if any) first, then the built-in one. */
export async function createTemplateEngine(directories: string | readonly string[]): Promise<TemplateEngine> {
  const folders = typeof directories === "string" ? [directories] : directories;
  const handlebars = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) handlebars.registerHelper(name, helper);
  // Counted and depth-limited, so a template that loops or multiplies its output stops, named.
  const limiter = createTemplateWorkLimiter();
  handlebars.registerHelper("each", limiter.limitEach(handlebars.helpers.each as Handlebars.HelperDelegate));
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers } as const;

  // Handlebars compiles lazily, on first use; precompiling here reports a broken template (bad
  // syntax, an unknown helper) by its file before any report is rendered.
  const compileFile = async (path: string) => {
    const { size } = await stat(path);
    if (size > DEFAULT_TEMPLATE_LIMITS.maxTemplateBytes) {
      throw new ScrutinyError(
        "template",
        `${path}: the template is ${size.toLocaleString("en-GB")} bytes; a template may have at most ${DEFAULT_TEMPLATE_LIMITS.maxTemplateBytes.toLocaleString("en-GB")}`,
      );
    }
    const source = await readFile(path, "utf8");
    try {
      handlebars.precompile(source, compileOptions);
    } catch (error) {
      throw new ScrutinyError("template", `${path}: ${(error as Error).message}`, { cause: error });
    }
    refuseDecorators(path, handlebars.parse(source));
    return handlebars.compile(source, compileOptions);
  };

  const partials = await findTemplateFiles(folders.map((folder) => join(folder, "partials")));
  for (const [name, path] of partials) {
    handlebars.registerPartial(name, limiter.limitPartial(name, await compileFile(path)));
  }

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, path] of await findTemplateFiles(folders)) compiled.set(name, await compileFile(path));

  return {
    render(templateName, context) {
      const template = compiled.get(templateName);
      if (!template) {
        throw new ScrutinyError("template", `no template named "${templateName}" in ${folders.join(" or ")}`);
      }
      try {
        // Handlebars denies prototype properties and methods by default; nothing here turns that on.
        return limiter.run(() => template(context));
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
