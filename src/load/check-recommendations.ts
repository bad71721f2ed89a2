// Checks on recommendations.yaml that a schema cannot express: tracker ids and recommendation codes
// used once, themes that exist.
import type { Problem } from "../errors.ts";
import type { RecommendationTracker } from "../schema/recommendation-tracker-schema.ts";
import { checkUniqueIds } from "./check-unique-ids.ts";
import type { YamlSource } from "./read-yaml-file.ts";
import { problemAt } from "./validate-source.ts";

export function checkRecommendationTrackers(
  source: YamlSource,
  trackers: readonly RecommendationTracker[],
  themeIds: ReadonlySet<string> | undefined,
  problems: Problem[],
): void {
  checkUniqueIds(source, "trackers", trackers, problems);
  trackers.forEach((tracker, trackerIndex) => {
    if (tracker.theme !== undefined && themeIds && !themeIds.has(tracker.theme)) {
      problems.push(
        problemAt(
          source,
          ["trackers", trackerIndex, "theme"],
          `unknown theme "${tracker.theme}"`,
          `Use one of the themes in report.yaml: ${[...themeIds].join(", ")}.`,
        ),
      );
    }
    const seen = new Map<string, number>();
    tracker.recommendations.forEach((recommendation, index) => {
      const first = seen.get(recommendation.code);
      if (first === undefined) {
        seen.set(recommendation.code, index);
        return;
      }
      problems.push({
        ...problemAt(
          source,
          ["trackers", trackerIndex, "recommendations", index, "code"],
          `the code "${recommendation.code}" is already used by recommendations[${first}] of this tracker`,
          "Every recommendation in a tracker needs its own code.",
        ),
        recordId: recommendation.code,
      });
    });
  });
}
