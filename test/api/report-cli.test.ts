import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, inject, it } from "vitest";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";

const run = promisify(execFile);
const OUT = path.join(REPO_ROOT, "test-results");

/** `npm run report` against the run's database (NEO4J_URI), as a user would call it. */
async function report(args: string[]) {
  const conn = inject("neo4j");
  return run("node", ["--import", "tsx", "server/src/cli/report.cli.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password, QUERY_TIMEOUT_MS: "60000" },
  });
}

describe("npm run report", () => {
  it("writes the DPIA pack of a trace as PDF, and the records of processing as Markdown, chosen by the file's extension", async () => {
    mkdirSync(OUT, { recursive: true });
    const pdf = path.join(OUT, "cli-pack.pdf");
    const md = path.join(OUT, "cli-ropa.md");

    await report(["dpia", "--from", "source:kentico/users-registration", "--out", pdf]);
    await report(["ropa", "--system", "ambassify", "--out", md]);

    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(md, "utf8")).toMatch(/^# Records of processing: Ambassify/);
  }, 120_000);

  it("explains its usage when the output is missing or of an unknown type", async () => {
    await expect(report(["dpia", "--from", "source:kentico/users-registration"])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run report") });
    await expect(report(["ropa", "--out", path.join(OUT, "x.docx")])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--out must end in .csv, .xlsx or .md") });
  }, 120_000);
});
