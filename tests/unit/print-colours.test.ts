// Text on every coloured background of the print stylesheet keeps WCAG's 4.5:1 contrast, read
// from the stylesheet itself so a changed colour cannot slip through.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BAND_SHADES } from "../../src/model/build-risk-rows.ts";

const css = readFileSync(new URL("../../templates/styles/print.css", import.meta.url), "utf8");
const variable = (name: string) => {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`, "i").exec(css)?.[1];
  if (!value) throw new Error(`print.css defines no --${name}`);
  return value;
};

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("print colours", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("keeps 4.5:1 for the risk bands' ink on their shades", () => {
    for (let level = 1; level <= BAND_SHADES; level++) {
      const ratio = contrast(variable(`band-level-${level}-ink`), variable(`band-level-${level}-bg`));
      expect(ratio, `band level ${level}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("darkens the band shades step by step, so their order reads without colour", () => {
    const shades = Array.from({ length: BAND_SHADES }, (_, index) =>
      luminance(variable(`band-level-${index + 1}-bg`)),
    );
    for (let index = 1; index < shades.length; index++) {
      expect(shades[index]).toBeLessThan(shades[index - 1] as number);
    }
  });

  it("keeps 4.5:1 for status words on their tinted badges and for the page's ink", () => {
    for (const tone of ["green", "amber", "red", "blue", "neutral"]) {
      expect(contrast(variable(tone), variable(`${tone}-bg`)), tone).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(variable("ink"), variable("band"))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(variable("muted"), variable("band"))).toBeGreaterThanOrEqual(4.5);
    expect(contrast("#ffffff", variable("accent"))).toBeGreaterThanOrEqual(4.5);
  });
});
