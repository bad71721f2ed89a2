// The 4 × 4 risk matrix of the Q2 cover-report seed ("Unlikely (2) × Significant (2) = Low (4)"):
// its likelihood and impact scales and score bands, for tests that need a realistic matrix.
export const SEED_RISK_MATRIX = {
  likelihood: [
    { value: 1, label: "Rare" },
    { value: 2, label: "Unlikely" },
    { value: 3, label: "Likely" },
    { value: 4, label: "Very likely" },
  ],
  impact: [
    { value: 1, label: "Minor" },
    { value: 2, label: "Significant" },
    { value: 3, label: "Serious" },
    { value: 4, label: "Major" },
  ],
  bands: [
    { name: "Low", from: 1, to: 4 },
    { name: "Medium", from: 5, to: 8 },
    { name: "High", from: 9, to: 12 },
    { name: "Very high", from: 13, to: 16 },
  ],
};
