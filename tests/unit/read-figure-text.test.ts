// The one rule for figures written as text: what a spreadsheet shows is read exactly, everything
// else is refused with its reason. Never parseFloat's "1,234" → 1.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureSchema } from "../../src/schema/figure-schema.ts";
import { readFigureText } from "../../src/text/read-figure-text.ts";

const NOT_AVAILABLE_HINT =
  "If there is no figure for the period, leave it out and set dataStatus to awaited or notAvailable.";

describe("readFigureText", () => {
  it.each([
    ["1234", 1234],
    ["1,234", 1234],
    ["12,345,678.9", 12345678.9],
    ["0", 0],
    ["0.5", 0.5],
    ["43.10", 43.1],
    ["85%", 85],
    ["85.5%", 85.5],
    ["£1,234", 1234],
    ["£1,234.50", 1234.5],
    ["-£1,234.50", -1234.5],
    ["-3", -3],
    ["+3", 3],
    ["\u22123.5", -3.5],
    ["\u00a0 1,234 \u00a0", 1234],
    ["\u202f85%\u2007", 85],
    ["\t42\n", 42],
  ])("reads %j as %d", (written, value) => {
    expect(readFigureText(written)).toEqual({ ok: true, value });
  });

  it.each([
    ["=SUM(B2:B5)", "this is a spreadsheet formula, not its value"],
    ["#N/A", "this is a spreadsheet error, not a figure"],
    ["#DIV/0!", "this is a spreadsheet error, not a figure"],
    ["#VALUE!", "this is a spreadsheet error, not a figure"],
    ["#NAME?", "this is a spreadsheet error, not a figure"],
    ["n/a", "this says there is no figure"],
    ["N/A", "this says there is no figure"],
    ["TBC", "this says there is no figure"],
    ["", "no figure is given"],
    ["\u00a0 ", "no figure is given"],
    ["-", "a dash is not a figure"],
    ["\u2013", "a dash is not a figure"],
    ["12 days", "the figure has words in it"],
    ["1.234,5", "this looks like a decimal comma with full stops between thousands"],
    ["1,23", "commas may only separate groups of three digits"],
    ["1,2345", "commas may only separate groups of three digits"],
    ["12,34,567", "this is not a figure as a spreadsheet shows one"],
    ["1 234", "the figure has a space inside it"],
    ["(1,234)", "brackets are an accounting way of writing a negative figure"],
    ["\u20133", "the figure starts with a dash that is not a minus sign"],
    ["£85%", "a figure cannot be both pounds (£) and a percentage (%)"],
    ["0777", "a figure does not start with a zero unless it is 0 or 0.something"],
    ["1234567890123456", "the figure has more digits than a number can hold exactly"],
    ["1.", "this is not a figure as a spreadsheet shows one"],
    [".5", "this is not a figure as a spreadsheet shows one"],
    ["1e3", "the figure has words in it"],
    ["$12", "this is not a figure as a spreadsheet shows one"],
  ])("refuses %j: %s", (written, message) => {
    const reading = readFigureText(written);
    expect(reading).toMatchObject({ ok: false, message });
    expect(reading.ok || reading.hint.length > 0).toBe(true);
  });

  it("points a figure that is not there to dataStatus", () => {
    for (const written of ["#N/A", "n/a", ""]) {
      const reading = readFigureText(written);
      expect(reading.ok ? "" : reading.hint).toContain(NOT_AVAILABLE_HINT);
    }
  });

  it("reads back every number as an English-language spreadsheet shows it", () => {
    const shown = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
    const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.nat(99), (whole, cents) => {
        const value = whole + Math.sign(whole || 1) * (cents / 100);
        expect(readFigureText(shown.format(value))).toEqual({ ok: true, value: Number(value.toFixed(2)) });
        expect(readFigureText(pounds.format(value))).toEqual({ ok: true, value: Number(value.toFixed(2)) });
        expect(readFigureText(`${shown.format(value)}%`)).toEqual({
          ok: true,
          value: Number(value.toFixed(2)),
        });
      }),
    );
  });

  it("never reads a comma as the end of the number, as parseFloat does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{0,2}(,[0-9]{1,4}){1,3}$/), (written) => {
        const reading = readFigureText(written);
        if (reading.ok) expect(reading.value).toBe(Number(written.replaceAll(",", "")));
        else expect(reading.message).not.toBe("");
        expect(reading.ok).toBe(/^[1-9][0-9]{0,2}(,[0-9]{3})+$/.test(written));
      }),
    );
  });
});

describe("figureSchema", () => {
  it("takes YAML numbers as they are and text by the rule", () => {
    expect(figureSchema.parse(43.1)).toBe(43.1);
    expect(figureSchema.parse(-2)).toBe(-2);
    expect(figureSchema.parse("1,234")).toBe(1234);
    expect(figureSchema.parse("85%")).toBe(85);
  });

  it.each([true, null, [], {}, Number.NaN, Number.POSITIVE_INFINITY])("refuses %j", (value) => {
    const result = figureSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'expected a figure: a number such as 43.1, or as a spreadsheet shows it, such as "1,234" or "85%"',
    );
  });

  it.each([1.7e308, -2e12, "2,000,000,000,000"])(
    "refuses %j as beyond any council figure, so a year's sum stays finite (review finding)",
    (value) => {
      expect(figureSchema.safeParse(value).error?.issues[0]?.message).toBe(
        "this figure is larger than a million million (1,000,000,000,000); check it for a typing slip",
      );
    },
  );

  it("takes a figure of exactly a million million", () => {
    expect(figureSchema.parse(1e12)).toBe(1e12);
  });

  it("gives the rule's reason and hint for text it refuses", () => {
    const issue = figureSchema.safeParse("=SUM(B2:B5)").error?.issues[0];
    expect(issue).toMatchObject({
      code: "custom",
      message: "this is a spreadsheet formula, not its value",
      params: {
        hint: "Copy the value the spreadsheet shows (in Excel: Paste Special → Values), not the formula.",
      },
    });
  });
});
