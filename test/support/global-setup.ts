/**
 * Gets a real Neo4j for the whole run, in this order: NEO4J_URI if set → testcontainers' Neo4j module
 * if a container runtime answers → the embedded launcher. Seeds the built-in inventories into it and
 * builds the client for the browser tests. There is no fallback that skips: without a database the run fails.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { newestMtime, startEmbeddedNeo4j } from "../../server/src/db/embedded.js";
import { Graph } from "../../server/src/db/graph.js";
import { warmQueries } from "../../server/src/db/warm.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { seedBuiltIn } from "../../server/src/inventory/seed.service.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; mode: string };
  }
}

async function containerRuntimeAnswers(): Promise<boolean> {
  // A broken testcontainers install must fail the run, not quietly fall through to another database.
  const { getContainerRuntimeClient } = await import("testcontainers");
  try {
    await Promise.race([getContainerRuntimeClient(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000))]);
    return true;
  } catch {
    return false;
  }
}

/** What the built client is made from: when none of it is newer than the build, the build is current. */
const CLIENT_SOURCES = ["client/src", "client/index.html", "client/vite.config.ts", "client/package.json", "client/tsconfig.json", "server/src/contract", "package-lock.json"];

/**
 * Builds the client for the browser tests, unless the build is newer than everything it is made from; runs while the
 * database starts, so the run does not wait for one after the other.
 */
function buildClient(): Promise<void> {
  const built = newestMtime(path.join(REPO_ROOT, "client", "dist", "index.html"));
  if (built > 0 && built >= Math.max(...CLIENT_SOURCES.map((p) => newestMtime(path.join(REPO_ROOT, p))))) {
    console.log("[tests] the client build is current");
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    // The build users get: vitest sets NODE_ENV=test, which would make Vite build React's development code (StrictMode's
    // double effects, every request asked twice), and the browser tests would test that instead.
    const child = spawn("npm", ["run", "build", "-w", "client"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (out += b.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`client build failed (exit ${code}):\n${out}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = [];
  const client = buildClient();
  // Awaited below; a failure before that point must not surface as an unhandled rejection first.
  client.catch(() => {});
  let conn: { uri: string; user: string; password: string; mode: string };

  if (process.env.NEO4J_URI) {
    conn = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? "neo4j", password: process.env.NEO4J_PASSWORD ?? "", mode: "NEO4J_URI" };
  } else if (process.env.TEST_NEO4J !== "embedded" && (await containerRuntimeAnswers())) {
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer("neo4j:5.26-community").withPassword("test-password").start();
    cleanups.push(async () => {
      await container.stop();
    });
    conn = { uri: container.getBoltUri(), user: "neo4j", password: "test-password", mode: "testcontainers" };
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-test-"));
    const neo = await startEmbeddedNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 256, log: () => {} });
    cleanups.push(async () => {
      await neo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    // The embedded database has authentication on, with the password it generated in its data folder.
    conn = { uri: neo.uri, user: neo.user, password: neo.password, mode: "embedded" };
  }
  console.log(`[tests] Neo4j via ${conn.mode} at ${conn.uri}`);

  const graph = Graph.open({ ...conn, queryTimeoutMs: 10_000 });
  try {
    const report = await seedBuiltIn(graph);
    console.log(`[tests] seeded ${report.nodes} nodes, ${report.relationships} relationships in ${report.millis} ms`);
    // As `npm start` does: the first test to search or trace must not pay Neo4j's planning inside the API's time limit.
    const warm = await warmQueries(graph);
    if (warm.failed.length > 0) throw new Error(`warming the read queries failed: ${warm.failed.join("; ")}`);
    console.log(`[tests] warmed ${warm.queries} read queries in ${warm.millis} ms`);
  } finally {
    await graph.close();
  }

  await client;

  project.provide("neo4j", conn);
  return async () => {
    for (const c of cleanups.reverse()) await c();
  };
}
