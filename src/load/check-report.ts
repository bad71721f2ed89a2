// Checks on report.yaml that a schema cannot express: an exempt report says why, the cover report
// links only to the report's themes, and its risk table is scored on the register's matrix and
// placed after one of its implications.
import type { Problem } from "../errors.ts";
import type { ReportData } from "../schema/report-schema.ts";
import type { RiskMatrix } from "../schema/risk-schema.ts";
import { quoteForMessage } from "../text/quote-for-message.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

export function checkReport(
  source: YamlSource,
  report: ReportData,
  matrix: RiskMatrix | undefined,
  problems: Problem[],
): void {
  if (report.classification === "exempt" && report.exemptionReason === undefined) {
    problems.push(
      problemAt(
        source,
        ["classification"],
        "an exempt report must say why it is exempt",
        'Add exemptionReason, e.g. "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972".',
      ),
    );
  }
  const themeIds = new Set(report.themes.map((theme) => theme.id));
  report.coverReport?.linksToStrategy?.forEach((id, index) => {
    if (!themeIds.has(id)) {
      problems.push(
        problemAt(
          source,
          ["coverReport", "linksToStrategy", index],
          `unknown theme "${id}"`,
          `Use one of the themes above: ${[...themeIds].join(", ")}.`,
        ),
      );
    }
  });
  const after = report.coverReport?.riskManagement?.after;
  const headings = report.coverReport?.implications.map((implication) => implication.heading) ?? [];
  if (after !== undefined && !headings.includes(after)) {
    problems.push(
      problemAt(
        source,
        ["coverReport", "riskManagement", "after"],
        `no implication has the heading ${quoteForMessage(after)}`,
        headings.length > 0
          ? `Use one of the implications' headings: ${headings.map((heading) => quoteForMessage(heading)).join(", ")}.`
          : "Add the implication under implications, or leave after out.",
      ),
    );
  }
  const risks = report.coverReport?.riskManagement?.risks ?? [];
  if (risks.length > 0 && matrix === undefined) {
    problems.push(
      problemAt(
        source,
        ["coverReport", "riskManagement", "risks"],
        "the risk table needs a risk matrix, and this folder has no risks.yaml",
        "Add risks.yaml with the council's matrix (its risks list may be empty).",
      ),
    );
    return;
  }
  risks.forEach((risk, index) => {
    for (const axis of ["likelihood", "impact"] as const) {
      const scale = matrix?.[axis] ?? [];
      if (!scale.some((point) => point.value === risk[axis])) {
        problems.push(
          problemAt(
            source,
            ["coverReport", "riskManagement", "risks", index, axis],
            `${axis} ${risk[axis]} is not on the matrix in risks.yaml`,
            `Use one of: ${scale.map((point) => point.value).join(", ")}.`,
          ),
        );
      }
    }
  });
}
