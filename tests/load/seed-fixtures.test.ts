// The facts of the seed documents, held in Scrutiny's YAML (tests/fixtures/seeds/), load, validate and
// come out as the seeds state them.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";

const seedFolder = (name: string) => fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url));
const load = (name: string) => loadReportData(seedFolder(name));

describe("scrutiny review tracker (CCCSC22-23 2.1–2.9)", () => {
  it("holds every row with its target date as written and as read", async () => {
    const input = await load("scrutiny-review-tracker");
    const [tracker] = input.trackers;
    expect(tracker?.codeLabel).toBe("PERFORM Code");
    expect(
      tracker?.recommendations.map((row) => [row.code, row.targetDate?.text, row.targetDate?.date]),
    ).toEqual([
      ["CCCSC22-23 2.1", "May 2023", "2023-05-31"],
      ["CCCSC22-23 2.2", "TBC", undefined],
      ["CCCSC22-23 2.3", "Mar 24", "2024-03-31"],
      ["CCCSC22-23 2.4", undefined, undefined],
      ["CCCSC22-23 2.5", undefined, undefined],
      ["CCCSC22-23 2.6", "May 2023", "2023-05-31"],
      ["CCCSC22-23 2.7", "July 2023", "2023-07-31"],
      ["CCCSC22-23 2.8", "TBC", undefined],
      ["CCCSC22-23 2.9", "July 2023", "2023-07-31"],
    ]);
    const row3 = tracker?.recommendations[2];
    expect(row3?.leadOfficer).toBe("TBC – need lead officer in post.");
    expect(row3?.resources).toContain("Potential requirement of technical software – to be determined");
    expect(tracker?.recommendations[4]?.recommendation).toContain(
      "with a full review of the website to ensure the Council's activity",
    );
    expect(
      tracker?.recommendations.every((row) => row.executiveResponse?.text === "Recommendation Approved."),
    ).toBe(true);
  });

  it("is overdue where a target date has passed by the end of 2023/24 Q2, never where it is TBC", async () => {
    const view = buildReportView(await load("scrutiny-review-tracker"));
    expect(view.trackers[0]?.recommendations.map((row) => row.status.label)).toEqual([
      "Overdue",
      "On track",
      "On track",
      "On track",
      "On track",
      "Overdue",
      "Overdue",
      "On track",
      "Overdue",
    ]);
  });
});

describe("peer-challenge recommendation action plan (KR2, KR5, KR6)", () => {
  it("converts the pasted HTML to Markdown and keeps the implementation dates as written", async () => {
    const input = await load("peer-challenge-action-plan");
    const [kr2, kr5, kr6] = input.trackers[0]?.recommendations ?? [];
    expect(kr2?.recommendation).toMatch(
      /^Create the necessary senior leadership resilience.* As part of this: -\n\n\\- Clarify roles/s,
    );
    expect(kr2?.recommendation).not.toMatch(/<\/?(p|ul)\b/);
    expect(kr5?.reference).toBe("(page 2, recommendation 5) (page 8, para 3)");
    const dates = [kr2, kr5, kr6].map((row) =>
      row?.actions.map((action) => [action.byWhen?.text, action.byWhen?.kind, action.byWhen?.date]),
    );
    expect(dates).toEqual([
      [
        ["March 2021", "date", "2021-03-31"],
        ["Spring 2021", "date", "2021-05-31"],
      ],
      [
        ["Current practice, no change is anticipated.", "noChange", undefined],
        ["March 2022.", "date", "2022-03-31"],
        ["Current Practice.", "noChange", undefined],
      ],
      [["Jun 2021", "date", "2021-06-30"]],
    ]);
    expect(kr5?.actions[1]?.action).toContain(
      "not anticipated that this will be complete until the end of next year",
    );
    expect(kr6?.actions[0]?.officer).toBe("Head of Development");
  });

  it("at the end of 2020/21: KR2 at risk by its March action, KR5 never overdue", async () => {
    const view = buildReportView(await load("peer-challenge-action-plan"));
    expect(view.trackers[0]?.recommendations.map((row) => [row.code, row.status.label, row.reason])).toEqual([
      [
        "KR2.",
        "At risk",
        'At risk: the action "This recommendation was pre-covid and therefore the…" is overdue (due by 31 March 2021 ("March 2021")).',
      ],
      ["KR5.", "On track", 'On track: no fixed date ("Current practice, no change is anticipated.").'],
      ["KR6.", "On track", 'On track: due by 30 June 2021 ("Jun 2021").'],
    ]);
  });
});

describe("peer-challenge draft action plan (recommendation 1)", () => {
  it("holds the proposed actions with their officer leads and 'By when'", async () => {
    const input = await load("peer-challenge-draft-action-plan");
    const [recommendation] = input.trackers[0]?.recommendations ?? [];
    expect(recommendation?.findings).toMatch(/^“The Council has a very good story to tell/);
    expect(
      recommendation?.actions.map((action) => [action.officer, action.byWhen?.text, action.byWhen?.date]),
    ).toEqual([
      [
        "Service Director for Strategy and Innovation",
        "communication strategy to be developed by early December 2019.",
        "2019-12-31",
      ],
      [
        "Strategic Director for Corporate Strategy, Commissioning and Public Health– and via cross organisation heads of communications group",
        "final narrative agreed March 2020",
        "2020-03-31",
      ],
      ["Strategic Director for Corporate Strategy, Commissioning and Public Health", "ongoing", undefined],
    ]);
  });
});

describe("Plan 2030 delivery plan (Group 1)", () => {
  it("places every milestone month in the plan's June–March run", async () => {
    const view = buildReportView(await load("plan-2030-delivery-plan"));
    const dates = view.deliveryPlan?.actions.map((action) => [
      action.title,
      action.leadOfficer,
      action.milestones.map((milestone) => milestone.dueReason?.replace(/^Read as ([^,.]+).*$/, "$1")),
    ]);
    expect(dates).toEqual([
      ["People's Jury", "M Davies", ["31 October 2020", "31 December 2020", "31 January 2021"]],
      ["Community engagement activity", "M Davies", ["31 December 2020", "31 March 2021", "31 March 2021"]],
      [
        "Salt Ayre Solar Farm",
        "E Grimshaw",
        ["31 October 2020", "30 September 2020", "31 October 2020", "30 November 2020", "31 December 2020"],
      ],
      ["Procurement of Electric RCVs", "E Grimshaw", ["30 June 2020", "31 July 2020"]],
      ["Electric Pool car scheme", "E Grimshaw", [undefined, "30 September 2020"]],
      [
        "Energy Management/ Salt Ayre Replacement boiler",
        "S Kirby / E Grimshaw",
        ["31 August 2020", "30 September 2020", "30 November 2020", "31 December 2020", "31 March 2021"],
      ],
    ]);
    expect(view.deliveryPlan?.actions[4]?.milestones[0]).toMatchObject({
      title: "Place vehicle orders",
      completed: "done",
      status: { label: "Complete" },
    });
    expect(view.deliveryPlan?.actions[1]?.milestones.map((milestone) => milestone.due)).toEqual([
      "Sept- Dec",
      "June- Mar",
      "June-Mar",
    ]);
  });
});

describe("Q2 cover report risk row", () => {
  it("reproduces Unlikely (2) × Significant (2) = Low (4) with its actions", async () => {
    const view = buildReportView(await load("q2-cover-report-risk"));
    expect(view.risks).toMatchObject([
      {
        summary: "Unlikely (2) × Significant (2) = Low (4)",
        likelihood: "Unlikely (2)",
        impact: "Significant (2)",
        band: "Low",
        score: 4,
        actions: [
          {
            action:
              "Quarterly performance monitoring, including reporting to Senior Leadership Team, and this Committee.",
          },
        ],
      },
    ]);
  });
});
