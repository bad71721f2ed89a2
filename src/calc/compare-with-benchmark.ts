// A KPI's figure set beside other councils': the benchmark in words and, where quartiles are
// given, which quartile the figure would fall in (top = best, whichever way is better).
import type { Benchmark, Polarity } from "../schema/kpi-schema.ts";
import { formatValue, type ValueFormat } from "./format-value.ts";

export type Quartile = "top" | "second" | "third" | "bottom";

export interface BenchmarkComparison {
  /** "CIPFA nearest neighbours, 2022/23 (LG Inform): lower quartile 40.1%, median 44.2%, upper quartile 47.9%." */
  description: string;
  quartile: Quartile | undefined;
  /** "43.1% would be in the third quartile." or "43.1% is better than the England figure of 42.3%." */
  comparison: string | undefined;
}

/** On a quartile boundary counts as the better quartile, as "at least the median" does. */
export function findQuartile(
  actual: number,
  quartiles: { lower: number; median: number; upper: number },
  polarity: "higherIsBetter" | "lowerIsBetter",
): Quartile {
  if (polarity === "higherIsBetter") {
    if (actual >= quartiles.upper) return "top";
    if (actual >= quartiles.median) return "second";
    return actual >= quartiles.lower ? "third" : "bottom";
  }
  if (actual <= quartiles.lower) return "top";
  if (actual <= quartiles.median) return "second";
  return actual <= quartiles.upper ? "third" : "bottom";
}

export function compareWithBenchmark(
  benchmark: Benchmark,
  actual: number | undefined,
  polarity: Polarity | undefined,
  format: ValueFormat,
): BenchmarkComparison {
  const show = (value: number) => formatValue(value, format);
  const figures = [
    benchmark.value === undefined ? undefined : show(benchmark.value),
    benchmark.lowerQuartile === undefined ? undefined : `lower quartile ${show(benchmark.lowerQuartile)}`,
    benchmark.median === undefined ? undefined : `median ${show(benchmark.median)}`,
    benchmark.upperQuartile === undefined ? undefined : `upper quartile ${show(benchmark.upperQuartile)}`,
  ].filter((text) => text !== undefined);
  const source = benchmark.source ? ` (${benchmark.source})` : "";
  const description = `${benchmark.group}, ${benchmark.period}${source}: ${figures.join(", ")}.`;
  const rated = polarity === "higherIsBetter" || polarity === "lowerIsBetter" ? polarity : undefined;
  const { lowerQuartile: lower, median, upperQuartile: upper } = benchmark;
  if (actual === undefined) return { description, quartile: undefined, comparison: undefined };
  if (rated && lower !== undefined && median !== undefined && upper !== undefined) {
    const quartile = findQuartile(actual, { lower, median, upper }, rated);
    return { description, quartile, comparison: `${show(actual)} would be in the ${quartile} quartile.` };
  }
  const reference = benchmark.value ?? median;
  if (reference === undefined) return { description, quartile: undefined, comparison: undefined };
  const name = benchmark.value === undefined ? `${benchmark.group} median` : `${benchmark.group} figure`;
  const relation =
    actual === reference
      ? "is level with"
      : rated === undefined
        ? actual > reference
          ? "is above"
          : "is below"
        : (rated === "higherIsBetter") === actual > reference
          ? "is better than"
          : "is worse than";
  return {
    description,
    quartile: undefined,
    comparison: `${show(actual)} ${relation} the ${name} of ${show(reference)}.`,
  };
}
