// Bounds what one render may do, so a template that calls itself or multiplies its output (nested
// {{#each}} over the same list, partials that include each other) stops at once with a message
// naming what went wrong, instead of hanging the build or exhausting memory. Rendering is
// synchronous, so a timer could never interrupt it; counting can.
import type { HelperDelegate, HelperOptions, RuntimeOptions } from "handlebars";

export interface TemplateLimits {
  /** Partials inside partials; real templates nest a handful deep. */
  maxPartialDepth: number;
  /** {{#each}} items and partials rendered in one document. */
  maxSteps: number;
  /** HTML produced by {{#each}} items and partials, counted at every level. */
  maxOutputBytes: number;
  /** A template or partial file. */
  maxTemplateBytes: number;
}

export const DEFAULT_TEMPLATE_LIMITS: Readonly<TemplateLimits> = Object.freeze({
  maxPartialDepth: 32,
  maxSteps: 200_000,
  maxOutputBytes: 64 * 1024 * 1024,
  maxTemplateBytes: 1024 * 1024,
});

type PartialFunction = HandlebarsTemplateDelegate;

interface Budget {
  steps: number;
  bytes: number;
  partials: string[];
}

export interface TemplateWorkLimiter {
  /** Runs one top-level render with a fresh budget. */
  run<T>(render: () => T): T;
  /** The partial, counted and depth-limited. */
  limitPartial(name: string, partial: PartialFunction): PartialFunction;
  /** Handlebars' own {{#each}}, counting every item it renders. */
  limitEach(each: HelperDelegate): HelperDelegate;
}

export function createTemplateWorkLimiter(
  limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS,
): TemplateWorkLimiter {
  let budget: Budget | undefined;

  const spend = (bytes: number) => {
    if (!budget) return;
    budget.steps++;
    budget.bytes += bytes;
    if (budget.steps > limits.maxSteps) {
      throw new Error(
        `it repeats itself too often: more than ${limits.maxSteps.toLocaleString("en-GB")} {{#each}} items and partials in one document (look for an {{#each}} inside an {{#each}} over the same list)`,
      );
    }
    if (budget.bytes > limits.maxOutputBytes) {
      throw new Error(
        `it produces too much HTML: more than ${Math.round(limits.maxOutputBytes / (1024 * 1024))} MB (look for an {{#each}} or a partial that repeats large content)`,
      );
    }
  };

  return {
    run(render) {
      const outer = budget;
      budget = { steps: 0, bytes: 0, partials: [] };
      try {
        return render();
      } finally {
        budget = outer;
      }
    },
    limitPartial(name, partial) {
      return (context, options) => {
        const partials = budget?.partials;
        if (partials && partials.length >= limits.maxPartialDepth) {
          const chain = [...partials.slice(-4), name].join(" → ");
          throw new Error(
            `the partial "${name}" is included more than ${limits.maxPartialDepth} partials deep (… ${chain}): a partial that includes itself never ends`,
          );
        }
        partials?.push(name);
        try {
          const html = partial(context, options);
          spend(html.length);
          return html;
        } finally {
          partials?.pop();
        }
      };
    },
    limitEach(each) {
      return function (this: unknown, context: unknown, options: HelperOptions) {
        const item = options.fn;
        const counted = Object.assign((value: unknown, itemOptions?: RuntimeOptions) => {
          const html = item(value, itemOptions);
          spend(html.length);
          return html;
        }, item);
        return each.call(this, context, { ...options, fn: counted });
      };
    },
  };
}
