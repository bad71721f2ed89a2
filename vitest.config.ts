import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests print real PDFs with Chromium and whole packs; give them room on a busy
    // 2-core machine (a hang bound, not a speed target: speed is measured by `npm run bench`).
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
