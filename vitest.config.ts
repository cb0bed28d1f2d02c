import path from "node:path";

import { defineConfig } from "vitest/config";

export default defineConfig({
  // Client modules import the shared contract as "@contract/…", as in client/vite.config.ts.
  resolve: { alias: { "@contract": path.resolve(import.meta.dirname, "server/src/contract") } },
  test: {
    include: ["server/src/**/*.test.ts", "client/src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // One real Neo4j is shared by every file; the files that write to it restore what they change.
    testTimeout: 30_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    // The JSON report is what .ci/run counts for its closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
