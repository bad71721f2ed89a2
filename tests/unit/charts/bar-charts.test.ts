// The bar charts as data: counts, their text alternatives and tables, and series told apart by
// pattern as well as colour.
import { describe, expect, it } from "vitest";
import { summariseActionStatuses } from "../../../src/calc/summarise-action-statuses.ts";
import { actionProgressChart } from "../../../src/charts/action-progress-chart.ts";
import type { ChartSpec } from "../../../src/charts/chart-spec.ts";
import { directionOfTravelChart } from "../../../src/charts/direction-of-travel-chart.ts";
import { riskBandFill } from "../../../src/charts/palette.ts";
import { riskProfileChart } from "../../../src/charts/risk-profile-chart.ts";
import { statusByThemeChart } from "../../../src/charts/status-by-theme-chart.ts";
import { themeStatusChart } from "../../../src/charts/theme-status-chart.ts";
import type { DeliveryPlanView } from "../../../src/model/build-action-rows.ts";
import { scrutinyOptions, view } from "./chart-fixtures.ts";

const period = view.meta.period;
const [environment] = view.themes;
if (!environment) throw new Error("the fixture has themes");

function parts(spec: ChartSpec) {
  const { fills, key, labels } = scrutinyOptions(spec);
  return {
    datasets: spec.configuration.data.datasets.map((dataset) => ({
      label: dataset.label,
      data: dataset.data,
    })),
    fills: fills.datasets,
    key: key.items.map((item) => item.text),
    labels: labels.sets.map((set) => set.texts),
  };
}

/** Within one chart every series has its own pattern, so it reads in greyscale print. */
function expectDistinctPatterns(spec: ChartSpec) {
  const patterns = parts(spec).fills.map((fill) => fill?.pattern);
  expect(new Set(patterns).size).toBe(patterns.length);
}

describe("statusByThemeChart", () => {
  const spec = statusByThemeChart(view.themes, period);

  it("counts each theme's indicators by status and says so", () => {
    expect(spec.altText).toBe(
      "Stacked bar chart of indicator status by theme for 2023/24 Q2. Environment: 0 green, 1 amber, 1 red, 1 not rated. People: 1 green, 0 amber, 0 red, 0 not rated.",
    );
    expect(spec.table).toEqual({
      rowHeader: "Theme",
      columns: ["Green", "Amber", "Red", "Not rated"],
      rows: [
        { label: "Environment", values: ["0", "1", "1", "1"] },
        { label: "People", values: ["1", "0", "0", "0"] },
      ],
    });
  });

  it("writes each count on its segment, none on an empty one, and keys only the statuses shown", () => {
    expect(parts(spec).labels).toEqual([
      [null, "1"],
      ["1", null],
      ["1", null],
      ["1", null],
    ]);
    expect(parts(spec).key).toEqual(["Green", "Amber", "Red", "Not rated"]);
    expectDistinctPatterns(spec);
  });
});

describe("themeStatusChart", () => {
  const spec = themeStatusChart(environment, period);

  it("gives one bar per status, each of its own series, and writes 0 for a status with none", () => {
    expect(spec.altText).toBe(
      "Bar chart of the status of 3 indicators in Environment for 2023/24 Q2: 0 green, 1 amber, 1 red and 1 not rated.",
    );
    expect(parts(spec).datasets.map((dataset) => dataset.data)).toEqual([
      [0, null, null, null],
      [null, 1, null, null],
      [null, null, 1, null],
      [null, null, null, 1],
    ]);
    expect(parts(spec).labels[0]).toEqual(["0", null, null, null]);
    expect(spec.id).toBe("status-env");
    expectDistinctPatterns(spec);
  });
});

describe("directionOfTravelChart", () => {
  const kpis = view.themes.flatMap((theme) => theme.kpis);
  const spec = directionOfTravelChart(kpis, period);

  it("counts rated indicators by direction and says how many data-only ones are left out", () => {
    expect(spec.altText).toBe(
      "Stacked bar chart of the direction of travel of 3 indicators for 2023/24 Q2. Since the previous period: 0 improved, 0 no change, 3 worse, 0 no comparison. Since the same period last year: 0 improved, 0 no change, 2 worse, 1 no comparison. 1 data-only indicator has no direction and is left out.",
    );
    expect(spec.table.rows.map((row) => row.values)).toEqual([
      ["0", "0", "3", "0"],
      ["0", "0", "2", "1"],
    ]);
    expectDistinctPatterns(spec);
  });
});

describe("riskProfileChart", () => {
  const profile = view.riskProfile;
  if (!profile) throw new Error("the fixture has risks");
  const spec = riskProfileChart(profile);

  it("stacks each stage's risks by band, least severe first, and names risks not scored at a stage", () => {
    expect(spec.altText).toBe(
      "Stacked bar chart of the risk profile of 2 risks by band, least severe first. Inherent: 1 High (1 risk not scored). Current: 1 Medium and 1 High. Target: 1 Low (1 risk not scored).",
    );
    expect(parts(spec).datasets).toEqual([
      { label: "Low", data: [0, 0, 1] },
      { label: "Medium", data: [0, 1, 0] },
      { label: "High", data: [1, 1, 0] },
    ]);
    expect(spec.table.columns).toEqual(["Low", "Medium", "High", "Risks scored"]);
    expectDistinctPatterns(spec);
  });

  it("runs bands from green to red however many the matrix has", () => {
    expect([0, 1, 2].map((band) => riskBandFill(band, 3).pattern)).toEqual([
      "solid",
      "diagonal",
      "crosshatch",
    ]);
    expect([0, 1].map((band) => riskBandFill(band, 2).pattern)).toEqual(["solid", "crosshatch"]);
    const five = [0, 1, 2, 3, 4].map((band) => riskBandFill(band, 5));
    expect(new Set(five.map((fill) => fill.pattern)).size).toBe(5);
    expect(riskBandFill(7, 8)).toEqual(riskBandFill(4, 5));
  });
});

describe("actionProgressChart", () => {
  const plan = {
    actionSummary: summariseActionStatuses(["complete", "onTrack", "onTrack", "overdue"]),
    milestoneSummary: summariseActionStatuses(["complete", "atRisk"], "milestones"),
  } as DeliveryPlanView;
  const spec = actionProgressChart(plan, period);

  it("stacks actions and milestones by status and tabulates only the statuses found", () => {
    expect(spec.altText).toBe(
      "Stacked bar chart of delivery plan progress at the end of 2023/24 Q2. 4 actions: 1 complete, 2 on track and 1 overdue. 2 milestones: 1 complete and 1 at risk.",
    );
    expect(spec.table).toEqual({
      rowHeader: "Items",
      columns: ["Complete", "On track", "At risk", "Overdue", "Total"],
      rows: [
        { label: "Actions", values: ["1", "2", "0", "1", "4"] },
        { label: "Milestones", values: ["1", "0", "1", "0", "2"] },
      ],
    });
    expect(parts(spec).key).toEqual(["Complete", "On track", "At risk", "Overdue"]);
    expectDistinctPatterns(spec);
  });
});
