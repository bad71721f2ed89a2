// What `build` prints while it works. In a terminal: a line per finished report above a live
// footer of the reports being built, with their times. Elsewhere (CI logs, pipes): plain lines,
// one per report as it finishes. --quiet prints only failures; --json prints nothing here.
import { countUnrated, type KpiStatusCounts } from "../calc/summarise-kpi-statuses.ts";
import { displayPath } from "../load/load-report-data.ts";
import type { BuildProgress, PackReportResult } from "../pack/build-pack.ts";
import type { ManifestReport, PackManifest } from "../pack/pack-manifest.ts";
import type { CliContext } from "./cli-context.ts";
import { formatError } from "./format-error.ts";

export type ProgressMode = "live" | "lines" | "quiet" | "json";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface BuildProgressDisplay {
  handle(event: BuildProgress): void;
  /** Stops the live footer; call before printing anything else. */
  stop(): void;
}

export function createBuildProgress(mode: ProgressMode, context: CliContext): BuildProgressDisplay {
  const { io, debug } = context;
  const running = new Map<string, { folder: string; started: number }>();
  let total = 0;
  let done = 0;
  let isPack = false;
  let footerLines = 0;
  let tick = 0;
  let timer: NodeJS.Timeout | undefined;

  const clearFooter = () => {
    if (footerLines === 0) return;
    // Up to the footer's first line, then clear to the end of the screen.
    io.stdout(`\x1b[${footerLines}F\x1b[0J`);
    footerLines = 0;
  };
  const drawFooter = () => {
    const width = Math.max(20, (io.columns ?? 80) - 1);
    const lines = [...running].map(([key, { folder, started }]) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const spinner = SPINNER[tick % SPINNER.length];
      return `${spinner} building ${describeReport(key, folder)}  ${seconds} s`.slice(0, width);
    });
    lines.push(`${done} of ${total} reports done`.slice(0, width));
    io.stdout(`${lines.join("\n")}\n`);
    footerLines = lines.length;
  };
  const redraw = () => {
    tick++;
    clearFooter();
    drawFooter();
  };
  const print = (text: string) => {
    if (mode === "live") clearFooter();
    io.stdout(text);
    if (mode === "live") drawFooter();
  };

  return {
    handle(event) {
      if (event.type === "planned") {
        total = event.reports.length;
        isPack = total > 1 || event.shard !== null;
        if (mode === "live") {
          drawFooter();
          timer = setInterval(redraw, 100);
          timer.unref();
        }
        return;
      }
      if (event.type === "started") {
        running.set(event.key, { folder: event.folder, started: performance.now() });
        return;
      }
      const { result } = event;
      running.delete(result.key);
      done++;
      if (mode === "json") return;
      if (result.status === "failed") {
        const heading = isPack ? `\n${describeReport(result.key, result.folder)}: not built\n` : "";
        if (mode === "live") clearFooter();
        io.stderr(`${heading}${formatError(result.error, debug())}`);
        if (mode === "live") drawFooter();
        return;
      }
      if (mode === "quiet") return;
      print(describeResult(result));
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (mode === "live") clearFooter();
    },
  };
}

/** "2023-24-q3 from data", or just "data/housing-board" when the key is the folder's own name. */
function describeReport(key: string, folder: string): string {
  const shown = displayPath(folder);
  return shown === key || shown.endsWith(`/${key}`) ? shown : `${key} from ${shown}`;
}

function describeResult(result: PackReportResult): string {
  const { record } = result;
  const what = describeOutputs(record);
  const name = describeReport(result.key, result.folder);
  const counts = describeCounts(record.statusCounts as KpiStatusCounts | undefined);
  if (result.status === "skipped")
    return `Skipped ${name}: not started after an earlier failure (--fail-fast).\n`;
  const warnings = record.warnings.map((warning) => `Warning: ${warning}.\n`).join("");
  if (result.status === "cached")
    return `${warnings}Unchanged ${name} (${what}): kept from the last build.\n`;
  const files =
    result.status === "ok" ? result.result.files.map((file) => `  ${displayPath(file)}\n`).join("") : "";
  return `${warnings}Built ${name} (${what}) in ${seconds(record.durationMs)}${counts}.\n${files}`;
}

function describeOutputs(record: ManifestReport): string {
  const documents = new Set(
    record.outputs
      .filter((output) => output.document !== "statuses")
      .map((output) => output.path.replace(/\.[^./]+$/, "")),
  ).size;
  const parts = [];
  if (documents > 0) parts.push(plural(documents, "document"));
  parts.push(plural(record.outputs.length, "file"));
  if (record.pages > 0) parts.push(plural(record.pages, "page"));
  return parts.join(", ");
}

/** ": 12 green, 3 amber, 1 red, 2 not rated", or nothing for a report without indicators (a tracker, a plan). */
function describeCounts(counts: KpiStatusCounts | undefined): string {
  if (!counts || Object.values(counts).every((count) => count === 0)) return "";
  return `: ${counts.green} green, ${counts.amber} amber, ${counts.red} red, ${countUnrated(counts)} not rated`;
}

/** The summary at the end of a pack's build: what was built, what failed and why, where the manifest is. */
export function describeSummary(
  manifest: PackManifest,
  manifestFile: string,
  results: readonly PackReportResult[],
): string {
  const { totals } = manifest;
  const parts = [`${totals.ok} built`, `${totals.cached} unchanged`, `${totals.failed} failed`];
  if (totals.skipped > 0) parts.push(`${totals.skipped} not started`);
  const scope = manifest.shard ? ` (shard ${manifest.shard})` : "";
  let text = `\n${plural(totals.reports, "report")}${scope}: ${parts.join(", ")}.\n`;
  for (const result of results) {
    if (result.status !== "failed") continue;
    text += `  Not built: ${describeReport(result.key, result.folder)}: ${result.error.message}\n`;
  }
  const launches = plural(manifest.browserLaunches, "browser launch", "browser launches");
  text +=
    `${plural(totals.documents, "document")}, ${plural(totals.pages, "page")}, ${formatBytes(totals.bytes)} ` +
    `in ${seconds(manifest.durationMs)} (${launches}, ${manifest.concurrency} at a time).\n`;
  text += `Manifest: ${displayPath(manifestFile)}\n`;
  return text;
}

function plural(count: number, word: string, plural = `${word}s`): string {
  return `${count} ${count === 1 ? word : plural}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
