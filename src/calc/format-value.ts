// How a KPI value is written in reports and in status reasons: "43.1%", "£1,250", "12.5 days".
import type { KpiUnit } from "../schema/kpi-schema.ts";

export interface ValueFormat {
  unit: KpiUnit;
  decimals: number;
  /** Show up to this many decimals when the value has them (thresholds such as 42.75%). */
  maxDecimals?: number;
}

/**
 * Formatters by decimals shown. Making an Intl.NumberFormat costs far more than using one, and a
 * report formats thousands of figures with only a handful of settings, so each is made once.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(
  locale: string,
  minimum: number,
  maximum: number,
  grouping: boolean,
): Intl.NumberFormat {
  const key = `${locale} ${minimum} ${maximum} ${grouping}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minimum,
      maximumFractionDigits: maximum,
      useGrouping: grouping,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function formatNumber(value: number, decimals: number, maxDecimals = decimals): string {
  return formatterFor("en-GB", decimals, Math.max(decimals, maxDecimals), true).format(value);
}

export function formatValue(value: number, { unit, decimals, maxDecimals }: ValueFormat): string {
  const number = formatNumber(Math.abs(value), decimals, maxDecimals);
  const sign = value < 0 ? "−" : "";
  switch (unit) {
    case "percent":
      return `${sign}${number}%`;
    case "pounds":
      return `${sign}£${number}`;
    case "days":
      return `${sign}${number} ${number === "1" ? "day" : "days"}`;
    case "number":
    case "ratio":
      return `${sign}${number}`;
  }
}

/** A gap between two values: percentages differ by "points", not by per cent. */
export function formatDifference(difference: number, format: ValueFormat): string {
  const magnitude = Math.abs(difference);
  if (format.unit === "percent") {
    const points = formatNumber(magnitude, format.decimals, format.maxDecimals);
    return `${points} ${points === "1" ? "point" : "points"}`;
  }
  return formatValue(magnitude, format);
}

/**
 * The value as it is shown at this many decimals, as a number: rounding is done by the same
 * formatter that writes the figure, so a rule that compares rounded figures agrees with the page.
 */
export function roundAsShown(value: number, decimals: number): number {
  return Number(formatterFor("en-US", 0, decimals, false).format(value));
}
