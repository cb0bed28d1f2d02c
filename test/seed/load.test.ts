import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, inject, it } from "vitest";

import { ids } from "../../server/src/contract/ids.js";
import { type Graph } from "../../server/src/db/graph.js";
import { InventoryValidationError, readCatalogue } from "../../server/src/inventory/inventory.parse.js";
import { LoadError, removeSystems, replaceSystems } from "../../server/src/inventory/inventory.repository.js";
import { CATALOGUE_DIR, REPO_ROOT } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles, seedBuiltIn } from "../../server/src/inventory/seed.service.js";
import { testApp, testGraph } from "../support/graph.js";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "fixture-crm.yaml");
const tmp = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-load-"));

function writeTemp(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

async function counts(graph: Graph) {
  const [row] = await graph.read("health/counts");
  const systems = await graph.read("inventory/system-counts");
  return { ...row, systems };
}

async function loadError(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the load to fail");
}

// One driver for the whole file, opened at collection time so its close is registered as a file-level hook.
const graph = testGraph();
const app = testApp(graph);

describe("loading inventories", () => {
  afterAll(async () => {
    await removeSystems(graph, ["fixture-crm"]);
  });

  it("is idempotent: loading the built-in data again changes no counts", async () => {
    const before = await counts(graph);

    await seedBuiltIn(graph);

    expect(await counts(graph)).toEqual(before);
  });

  it("loads a user's own inventory file next to the built-in data, and again without duplicates", async () => {
    const before = await counts(graph);

    const first = await loadInventoryFiles(graph, [FIXTURE]);
    const afterFirst = await counts(graph);
    await loadInventoryFiles(graph, [FIXTURE]);

    expect(first.systems).toEqual(["fixture-crm"]);
    expect(await counts(graph)).toEqual(afterFirst);
    const [col] = await graph.read("inventory/column-facts", { id: ids.column("fixture-crm", "FixtureCrm_Lead", "LeadEmail") });
    expect(col).toMatchObject({ category: "email-address", categoryLabel: "E-mail", vendors: ["fixturemail"] });
    const [flow] = await graph.read("inventory/vendor-flows", { system: "fixture-crm", vendor: ids.vendor("fixturemail") });
    expect(flow).toMatchObject({ entityCountry: "US", dataCountries: ["DE"], retention: "30 days", receives: ["FixtureCrm_Lead.LeadEmail"] });

    await removeSystems(graph, ["fixture-crm"]);
    expect(await counts(graph)).toEqual(before);
  });

  it("is atomic: a failure in the middle of a load leaves the previous graph untouched", async () => {
    const before = await counts(graph);
    // Replacing 'kentico' deletes its nodes and creates new ones before the broken relationship is reached.
    const rows = {
      scoped: [{ id: "system:kentico", label: "System", props: { id: "system:kentico", kind: "system", key: "kentico", name: "Half-loaded", system: "kentico" } }],
      shared: [],
      rels: [{ from: "system:kentico", to: "table:No_Such_Table", type: "CONTAINS" as const, props: {} }],
      systems: ["kentico"],
      loads: [{ system: "kentico", origin: "document" }],
      observed: [],
    };

    const err = await loadError(replaceSystems(graph, rows, await readCatalogue(CATALOGUE_DIR)));

    expect(err).toBeInstanceOf(LoadError);
    expect(err.message).toContain("table:No_Such_Table");
    expect(await counts(graph)).toEqual(before);
  });

  it("is atomic: an invalid file among valid ones loads nothing", async () => {
    const before = await counts(graph);
    const broken = writeTemp("broken.yaml", "system: { id: broken, name: Broken, kind: saas }\nentities: []\n");

    const err = await loadError(loadInventoryFiles(graph, [FIXTURE, broken]));

    expect(err).toBeInstanceOf(InventoryValidationError);
    expect(await counts(graph)).toEqual(before);
  });

  it("loads two systems that both declare a table 'users', each reachable by its own id", async () => {
    const system = (id: string, vendor: string) =>
      writeTemp(
        `${id}.yaml`,
        [
          `system: { id: ${id}, name: ${id}, kind: self-hosted }`,
          "entities:",
          "  - name: users",
          "    columns:",
          "      - { name: email, kind: personal, category: email-address }",
          "vendors:",
          `  - { vendor: { id: ${vendor}, name: ${vendor} }, purpose: Mail, entityCountry: DE, receives: [users.email] }`,
        ].join("\n"),
      );
    const before = await counts(graph);

    await loadInventoryFiles(graph, [system("twin-a", "twin-mail-a"), system("twin-b", "twin-mail-b")]);
    const [a] = await graph.read("inventory/column-facts", { id: ids.column("twin-a", "users", "email") });
    const [b] = await graph.read("inventory/column-facts", { id: ids.column("twin-b", "users", "email") });
    const ambiguous = await request(app).get("/api/tables/users");
    const named = await request(app).get("/api/tables/twin-b%2Fusers/referenced-by");
    const trace = await request(app).get("/api/trace").query({ from: ids.table("twin-a", "users") });
    await removeSystems(graph, ["twin-a", "twin-b"]);

    expect(a).toMatchObject({ table: "users", vendors: ["twin-mail-a"] });
    expect(b).toMatchObject({ table: "users", vendors: ["twin-mail-b"] });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error).toMatchObject({ code: "CONFLICT", details: { candidates: ["table:twin-a/users", "table:twin-b/users"] } });
    expect(ambiguous.body.error.message).toMatch(/twin-a\/users/);
    expect(named.status).toBe(200);
    expect(trace.body.vendors.map((v: { id: string }) => v.id)).toEqual(["vendor:twin-mail-a"]);
    expect(await counts(graph)).toEqual(before);
  });
});

describe("inventory validation errors", () => {
  const validationIssues = async (text: string) => {
    const file = writeTemp(`invalid-${Math.random().toString(36).slice(2)}.yaml`, text);
    const err = await loadError(loadInventoryFiles(graph, [file]));
    if (!(err instanceof InventoryValidationError)) throw new Error(`expected an InventoryValidationError, got ${String(err)}`);
    return { file, issues: err.issues };
  };

  it("name the file, the line and the field path of a wrong value", async () => {
    const { file, issues } = await validationIssues(
      [
        "system: { id: shop, name: Shop, kind: self-hosted }",
        "entities:",
        "  - name: Shop_Customer",
        "    columns:",
        "      - name: Email",
        "        kind: personnal",
        "        category: email-address",
      ].join("\n"),
    );

    expect(issues).toEqual([{ file, line: 6, field: "entities[0].columns[0].kind", message: "must be one of 'personal', 'system', 'reference'" }]);
  });

  it("point at an unknown data category and a missing table by line", async () => {
    const { issues } = await validationIssues(
      [
        "system: { id: shop, name: Shop, kind: self-hosted }",
        "entities:",
        "  - name: Shop_Customer",
        "    columns:",
        "      - { name: Email, kind: personal, category: e-mail }",
        "      - { name: UserID, kind: reference, references: Shop_User }",
      ].join("\n"),
    );

    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [5, "entities[0].columns[0].category"],
      [6, "entities[0].columns[1].references"],
    ]);
    expect(issues[0]!.message).toMatch(/unknown data category 'e-mail'/);
    expect(issues[1]!.message).toMatch(/names table 'Shop_User', which is not in 'entities'/);
  });

  it("report broken YAML with its line", async () => {
    const { issues } = await validationIssues("system: { id: shop, name: Shop, kind: self-hosted }\nentities:\n  - name: [unclosed\n");

    expect(issues[0]!.line).toBeGreaterThanOrEqual(3);
    expect(issues[0]!.message).toMatch(/not valid YAML/);
  });

  it("say which field is missing in words", async () => {
    const { issues } = await validationIssues("system: { id: shop, kind: self-hosted }\nentities:\n  - name: Shop_Customer\n");

    expect(issues).toContainEqual(expect.objectContaining({ line: 1, field: "system.name", message: "is required (expected string)" }));
  });
});

describe("npm run seed -- <file>", () => {
  it("exits 1 with the file, line and field of the problem, and leaves the graph alone", async () => {
    const conn = inject("neo4j");
    const before = await counts(graph);
    const file = writeTemp("cli.yaml", "system: { id: cli, name: CLI, kind: saas }\nentities:\n  - { name: Cli_User, columns: [{ name: Email, kind: personal }] }\n");

    const run = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/seed.cli.ts", file], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password },
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:3  entities[0].columns[0].category: a personal column needs a data category`);
    expect(await counts(graph)).toEqual(before);
  });
});
