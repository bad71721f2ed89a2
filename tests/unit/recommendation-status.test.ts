import { describe, expect, it } from "vitest";
import { computeRecommendationStatus } from "../../src/calc/recommendation-status.ts";
import { buildTrackerViews } from "../../src/model/build-tracker-rows.ts";
import { recommendationSchema } from "../../src/schema/recommendation-tracker-schema.ts";

const periodEnd = new Date(2023, 8, 30, 23, 59, 59, 999);
const recommendation = (fields: Record<string, unknown>) =>
  recommendationSchema.parse({ code: "R1", recommendation: "Do it.", ...fields });

describe("computeRecommendationStatus at the end of 2023/24 Q2", () => {
  it.each([
    {
      name: "target date passed, not complete",
      fields: { targetDate: "July 2023" },
      status: "overdue",
      reason: 'Overdue: due by 31 July 2023 ("July 2023") and not complete by the period end.',
    },
    {
      name: "target date to be confirmed is never overdue",
      fields: { targetDate: "TBC" },
      status: "onTrack",
      reason: 'On track: no fixed date ("TBC").',
    },
    {
      name: "no change anticipated, and reported complete",
      fields: { targetDate: "Current practice, no change is anticipated.", status: "complete" },
      status: "complete",
      reason: "Complete: reported as finished.",
    },
    {
      name: "completed in the period",
      fields: { targetDate: "May 2023", completed: "2023-05-24" },
      status: "complete",
      reason: "Complete: finished on 24 May 2023.",
    },
    {
      name: "its live action complete and another cancelled (review finding: was overdue by the cancelled one's date)",
      fields: {
        actions: [
          { action: "A", byWhen: "2023-06-30", completed: "2023-06-15" },
          { action: "B", byWhen: "2023-07-31", status: "cancelled" },
        ],
      },
      status: "complete",
      reason: "Complete: its action is complete (one more was cancelled).",
    },
    {
      name: "rejected by the executive",
      fields: { targetDate: "May 2023", executiveResponse: { decision: "rejected" } },
      status: "cancelled",
      reason: "Cancelled: the executive rejected the recommendation.",
    },
    {
      name: "every action complete",
      fields: {
        actions: [
          { action: "One", byWhen: "Spring 2023", completed: "2023-05-10" },
          { action: "Two", byWhen: "June 2023", completed: "done" },
        ],
      },
      status: "complete",
      reason: "Complete: all 2 of its actions are complete.",
    },
    {
      name: "an action overdue before the target date",
      fields: {
        targetDate: "Mar 24",
        actions: [
          { action: "Agree the baseline.", byWhen: "July 2023" },
          { action: "Report it.", byWhen: "Mar 24" },
        ],
      },
      status: "atRisk",
      reason: 'At risk: the action "Agree the baseline." is overdue (due by 31 July 2023 ("July 2023")).',
    },
    {
      name: "no target date: dated by its last action",
      fields: {
        actions: [
          { action: "One", byWhen: "Jun 2023" },
          { action: "Two", byWhen: "Spring 2023" },
        ],
      },
      status: "overdue",
      reason: 'Overdue: due by 30 June 2023 ("Jun 2023") and not complete by the period end.',
    },
    {
      name: "no target date and an unfinished action that is ongoing",
      fields: {
        actions: [
          { action: "One", byWhen: "Spring 2023", completed: "2023-05-10" },
          { action: "Two", byWhen: "ongoing" },
        ],
      },
      status: "onTrack",
      reason: 'On track: no fixed date ("ongoing").',
    },
  ])("$name → $status", ({ fields, status, reason }) => {
    expect(computeRecommendationStatus(recommendation(fields), periodEnd).result).toMatchObject({
      status,
      reason,
    });
  });

  it("keeps the declared status beside its own and says why they differ", () => {
    const result = computeRecommendationStatus(
      recommendation({ status: "atRisk", actions: [{ action: "Strategy", byWhen: "Jun 2023" }] }),
      periodEnd,
    ).result;
    expect(result).toMatchObject({
      status: "overdue",
      declared: "atRisk",
      disagreement: "Reported as at risk, but the dates and progress show it overdue.",
    });
  });
});

describe("buildTrackerViews", () => {
  it("gives each recommendation its texts as written, its status and this period's progress", () => {
    const [view] = buildTrackerViews(
      [
        {
          id: "review",
          title: "Original Recommendations from Review and Executive's Response",
          source: { type: "scrutinyReview", name: "Carbon Reduction Review" },
          codeLabel: "PERFORM Code",
          layout: "table",
          introduction: [],
          recommendations: [
            recommendation({
              code: "CCCSC22-23 2.3",
              targetDate: "Mar 24",
              leadOfficer: "TBC – need lead officer in post.",
              executiveResponse: { decision: "approved", text: "Recommendation Approved." },
              progress: { "2023/24 Q2": "Baseline agreed." },
            }),
            recommendation({ code: "CCCSC22-23 2.6", targetDate: "May 2023", completed: "2023-05-25" }),
          ],
        },
      ],
      periodEnd,
      "2023/24 Q2",
    );
    expect(view?.recommendations[0]).toMatchObject({
      code: "CCCSC22-23 2.3",
      targetDate: "Mar 24",
      targetDateReason: "Read as 31 March 2024, the end of March 2024.",
      leadOfficer: "TBC – need lead officer in post.",
      executiveResponse: { decision: "Approved", text: "Recommendation Approved." },
      progress: "Baseline agreed.",
      status: { label: "On track" },
    });
    expect(view?.sourceType).toBe("Scrutiny review");
    expect(view?.summary.sentence).toBe(
      "Of 1 recommendation in progress, 1 (100%) on track. Set apart from these: 1 complete.",
    );
  });
});
