// How a tracker is laid out: the seed's own columns, a status column only once progress is
// reported, the executive's decision said once, actions in rows under their recommendation.
import { describe, expect, it } from "vitest";
import { buildTrackerViews } from "../../src/model/build-tracker-rows.ts";
import { trackerSchema } from "../../src/schema/recommendation-tracker-schema.ts";

const periodEnd = new Date(2023, 8, 30, 23, 59, 59, 999);

function viewOf(tracker: Record<string, unknown>) {
  const parsed = trackerSchema.parse({
    id: "review",
    title: "Original Recommendations from Review and Executive's Response",
    source: { type: "scrutinyReview", name: "Carbon reduction scrutiny review 2022-23" },
    recommendations: [{ code: "CCCSC22-23 2.1", recommendation: "Keep it in-house." }],
    ...tracker,
  });
  const [view] = buildTrackerViews([parsed], periodEnd, "2023/24 Q2", "2023/24 Q2");
  if (!view) throw new Error("no view");
  return view;
}

describe("buildTrackerViews: layout", () => {
  it.each([
    {
      source: "scrutinyReview",
      layout: undefined,
      expected: "review",
      heading: "Recommendations and responses",
    },
    { source: "other", layout: undefined, expected: "review", heading: "Recommendations and responses" },
    {
      source: "peerChallenge",
      layout: undefined,
      expected: "actionPlan",
      heading: "Recommendations and actions",
    },
    {
      source: "peerChallenge",
      layout: "narrative",
      expected: "narrative",
      heading: "Recommendations and actions",
    },
    {
      source: "scrutinyReview",
      layout: "table",
      expected: "review",
      heading: "Recommendations and responses",
    },
  ])(
    "a $source tracker with layout $layout is laid out as $expected",
    ({ source, layout, expected, heading }) => {
      const view = viewOf({ source: { type: source, name: "Review" }, ...(layout ? { layout } : {}) });
      expect(view.layout).toBe(expected);
      expect(view.isActionPlan).toBe(expected === "actionPlan");
      expect(view.isNarrative).toBe(expected === "narrative");
      expect(view.tableHeading).toBe(heading);
    },
  );

  it("heads a peer challenge's recommendations 'From the peer team', others 'Recommendation'", () => {
    expect(viewOf({ source: { type: "peerChallenge", name: "CPC" } }).recommendationLabel).toBe(
      "From the peer team",
    );
    expect(viewOf({}).recommendationLabel).toBe("Recommendation");
  });

  it.each([
    { code: "1", codeLabel: "Recommendation", heading: "Recommendation 1" },
    { code: "KR2.", codeLabel: "Key recommendation", heading: "Key recommendation KR2" },
    { code: "2.1", codeLabel: "Code", heading: "Code 2.1" },
    { code: "Risk appetite", codeLabel: "Recommendation", heading: "Risk appetite" },
    { code: "CCCSC22-23 2.1", codeLabel: "PERFORM Code", heading: "CCCSC22-23 2.1" },
  ])("heads recommendation $code as “$heading”", ({ code, codeLabel, heading }) => {
    const view = viewOf({ codeLabel, recommendations: [{ code, recommendation: "Do it." }] });
    expect(view.recommendations[0]?.heading).toBe(heading);
  });
});

describe("buildTrackerViews: what the table shows", () => {
  it("has no status column for a tracker as first agreed, as in the seeds", () => {
    const view = viewOf({
      recommendations: [
        {
          code: "A",
          recommendation: "Do it.",
          targetDate: "May 2023",
          actions: [{ action: "Act", byWhen: "TBC" }],
        },
      ],
    });
    expect(view.tracked).toBe(false);
  });

  it.each([
    { name: "a declared status", fields: { status: "onTrack" } },
    { name: "a completion", fields: { completed: "2023-05-24" } },
    { name: "a progress update (any period)", fields: { progress: { "2023/24 Q1": "Started." } } },
    { name: "an action's status", fields: { actions: [{ action: "Act", status: "complete" }] } },
    { name: "an action's completion", fields: { actions: [{ action: "Act", completed: "done" }] } },
  ])("has a status column once there is $name", ({ fields }) => {
    expect(viewOf({ recommendations: [{ code: "A", recommendation: "Do it.", ...fields }] }).tracked).toBe(
      true,
    );
  });

  it("shows a Response column in an action plan only when some recommendation has one", () => {
    const peer = { source: { type: "peerChallenge", name: "CPC" } };
    expect(viewOf(peer).hasResponses).toBe(false);
    expect(
      viewOf({
        ...peer,
        recommendations: [{ code: "1", recommendation: "Tell the story.", serviceResponse: "We agree." }],
      }).hasResponses,
    ).toBe(true);
  });

  it.each([
    { response: { decision: "approved", text: "Recommendation Approved." }, showDecision: false },
    { response: { decision: "rejected", text: "Recommendation Rejected." }, showDecision: false },
    { response: { decision: "approved" }, showDecision: true },
    {
      response: { decision: "partlyApproved", text: "Approved for two years, not three." },
      showDecision: true,
    },
  ])(
    "says the executive's decision once: $response.decision, “$response.text”",
    ({ response, showDecision }) => {
      const view = viewOf({
        recommendations: [{ code: "A", recommendation: "Do it.", executiveResponse: response }],
      });
      expect(view.recommendations[0]?.executiveResponse?.showDecision).toBe(showDecision);
    },
  );

  it("puts the first action in the recommendation's row and the others in rows of their own", () => {
    const view = viewOf({
      recommendations: [
        {
          code: "KR5.",
          recommendation: "Review meetings.",
          actions: [
            {
              action: "Schedule of Meetings.",
              officer: "Head of Democratic Services",
              byWhen: "Current practice, no change is anticipated.",
            },
            { action: "Review the report format.", byWhen: "March 2022." },
            { action: "Meetings are virtual.", byWhen: "Current Practice." },
          ],
        },
        { code: "KR9.", recommendation: "Survey residents." },
      ],
    });
    const [kr5, kr9] = view.recommendations;
    expect(kr5?.firstAction).toMatchObject({
      action: "Schedule of Meetings.",
      officer: "Head of Democratic Services",
      byWhen: "Current practice, no change is anticipated.",
    });
    expect(kr5?.moreActions.map((action) => action.byWhen)).toEqual(["March 2022.", "Current Practice."]);
    expect(kr5?.rowSpan).toBe(3);
    expect(kr9?.firstAction).toBeUndefined();
    expect(kr9?.moreActions).toEqual([]);
    expect(kr9?.rowSpan).toBe(1);
  });

  it("keeps the introduction's sections in order and words the progress heading with the period", () => {
    const view = viewOf({
      introduction: [
        { heading: "1. Introduction", text: "1.1 Peer challenges are improvement focused." },
        { heading: "2. Feedback", text: "2.1 The peer team have shared their feedback report." },
      ],
    });
    expect(view.introduction.map((section) => section.heading)).toEqual(["1. Introduction", "2. Feedback"]);
    expect(view.progressHeading).toBe("Progress in 2023/24 Q2");
  });
});
