// The risk profile counts each risk in its band at each stage; a stage a risk has no rating for is
// left out of that stage's count and shown as not scored.
import { describe, expect, it } from "vitest";
import { buildRiskProfile } from "../../../src/model/build-risk-profile.ts";
import { riskFileSchema } from "../../../src/schema/risk-schema.ts";

const file = riskFileSchema.parse({
  matrix: {
    likelihood: [1, 2, 3].map((value) => ({ value, label: `L${value}` })),
    impact: [1, 2, 3].map((value) => ({ value, label: `I${value}` })),
    bands: [
      { name: "Low", from: 1, to: 2 },
      { name: "Medium", from: 3, to: 4 },
      { name: "High", from: 5, to: 9 },
    ],
  },
  risks: [
    {
      id: "R1",
      title: "One",
      owner: "A",
      inherent: { likelihood: 3, impact: 3 },
      current: { likelihood: 2, impact: 2 },
      target: { likelihood: 1, impact: 1 },
    },
    {
      id: "R2",
      title: "Two",
      owner: "B",
      inherent: { likelihood: 3, impact: 2 },
      current: { likelihood: 3, impact: 2 },
    },
  ],
});

describe("buildRiskProfile", () => {
  it("counts risks by band, least severe first, before controls, now and at target", () => {
    expect(buildRiskProfile(file.risks, file.matrix)).toEqual({
      bands: ["Low", "Medium", "High"],
      total: 2,
      stages: [
        { stage: "inherent", label: "Inherent", counts: [0, 0, 2], scored: 2 },
        { stage: "current", label: "Current", counts: [0, 1, 1], scored: 2 },
        { stage: "target", label: "Target", counts: [1, 0, 0], scored: 1 },
      ],
    });
  });
});
