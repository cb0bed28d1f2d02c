import path from "node:path";

import { defineConfig } from "vitest/config";

/**
 * Test files that load or remove systems in the shared Neo4j. They run after every other file, one at a time, so a
 * test that compares counts or reads the built-in data never sees another file's fixture half-loaded.
 */
const WRITERS = ["test/seed/**/*.test.ts", "test/import/**/*.test.ts", "test/write/**/*.test.ts"];

/**
 * Tests that break or measure a server (a server process attacked and killed, the embedded launcher started and
 * stopped, the 5-second load test): they run after the readers, one at a time, beside the writers (on the shared
 * database, which of these only the load test reads), never beside the many browser tests of the readers.
 */
const APART = ["test/hardening/server-process.test.ts", "test/db/embedded.test.ts", "test/bench/load.test.ts"];

const PROJECT = { testTimeout: 30_000, hookTimeout: 240_000, teardownTimeout: 60_000 };

export default defineConfig({
  // Client modules import the shared contract as "@contract/…", as in client/vite.config.ts.
  resolve: { alias: { "@contract": path.resolve(import.meta.dirname, "server/src/contract") } },
  test: {
    // One real Neo4j is shared by every file (the global setup runs once, for the run).
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    maxWorkers: 2,
    // The JSON report is what .ci/run counts for its closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    // The projects share the root's options but not its global setup, so the database is started once for the run.
    projects: [
      {
        resolve: { alias: { "@contract": path.resolve(import.meta.dirname, "server/src/contract") } },
        test: {
          ...PROJECT,
          name: "read",
          include: ["server/src/**/*.test.ts", "client/src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...WRITERS, ...APART],
          fileParallelism: true,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias: { "@contract": path.resolve(import.meta.dirname, "server/src/contract") } },
        test: { ...PROJECT, name: "write", include: WRITERS, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
      {
        resolve: { alias: { "@contract": path.resolve(import.meta.dirname, "server/src/contract") } },
        test: { ...PROJECT, name: "apart", include: APART, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
