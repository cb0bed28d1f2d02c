import path from "node:path";

import { defineConfig } from "vitest/config";

/**
 * Test files that load or remove systems in the shared Neo4j. They run after every other file, one at a time, so a
 * test that compares counts or reads the built-in data never sees another file's fixture half-loaded.
 */
const WRITERS = ["test/seed/**/*.test.ts", "test/import/**/*.test.ts", "test/write/**/*.test.ts"];

/**
 * Tests that measure the app under load or start their own server and database (bursts, fuzzing, a killed JVM): they
 * run after the others too, one at a time, so no other suite competes with them for the two cores.
 */
const ALONE = ["test/hardening/server-process.test.ts", "test/bench/load.test.ts"];

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
          exclude: ["**/node_modules/**", ...WRITERS, ...ALONE],
          fileParallelism: true,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias: { "@contract": path.resolve(import.meta.dirname, "server/src/contract") } },
        test: { ...PROJECT, name: "write", include: [...WRITERS, ...ALONE], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
