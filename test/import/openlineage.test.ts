import { spawnSync } from "node:child_process";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, inject, it } from "vitest";

import type { Provenance, TraceResponse } from "../../server/src/contract/api.js";
import { importFiles } from "../../server/src/import/import.service.js";
import { InventoryValidationError } from "../../server/src/inventory/inventory.parse.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { createApp } from "../../server/src/server.js";
import { TraceRepository } from "../../server/src/trace/trace.repository.js";
import { graphChecksum, graphLines } from "../support/checksum.js";
import { testGraph } from "../support/graph.js";

/** Events written for these tests in the shape of the OpenLineage specification's examples (see the folder's README). */
const fixture = (name: string) => path.join(REPO_ROOT, "test", "fixtures", "openlineage", name);
const NS = "postgres://warehouse.example:5432";
const SYSTEM = "fixture-ol-warehouse";
const namespaces = { [NS]: SYSTEM };
const col = (table: string, column: string) => `column:${SYSTEM}/${table}.${column}`;
const src = (id: string) => `source:${SYSTEM}/${id}`;

const LOAD_CONTACTS_RUN = "0193a1f0-5b2c-7d4e-8f10-2a3b4c5d6e01";
const EXPORT_AUDIENCE_RUN = "0193a1f4-1c2d-7e3f-9a40-5b6c7d8e9f02";

const graph = testGraph();

/** Column → column copies of the fixture system, with the source that makes each. */
async function copies(): Promise<string[]> {
  const rows = await graph.probe(
    "MATCH (a:Column {system: $system})-[r:COPIED_TO]->(b:Column) RETURN a.id AS from, b.id AS to, r.via AS via ORDER BY from, to, via",
    { system: SYSTEM },
  );
  return rows.map((r) => `${String(r.from)} → ${String(r.to)} via ${String(r.via)}`);
}

async function importError(files: string[]): Promise<InventoryValidationError> {
  try {
    await importFiles(graph, files, undefined, { namespaces });
  } catch (err) {
    if (err instanceof InventoryValidationError) return err;
    throw err;
  }
  throw new Error("expected the import to be refused");
}

afterAll(async () => {
  await removeSystems(graph, [SYSTEM, "fixture-acme-shop"]);
});

describe("npm run import --format openlineage: run events as a JSON array and as NDJSON", () => {
  it("loads, through `npm run import -- … --format openlineage --namespace ns=id`, the namespace's datasets as one system's tables and its jobs as sources", async () => {
    const conn = inject("neo4j");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "server/src/cli/import.cli.ts", fixture("pipeline.json"), fixture("snapshot.ndjson"), "--format", "openlineage", "--namespace", `${NS}=${SYSTEM}`],
      { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: REPO_ROOT, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password } },
    );

    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Loaded ${SYSTEM}:`);
    const tables = await graph.probe("MATCH (:System {system: $system})-[:CONTAINS]->(t:Table) RETURN t.name AS name ORDER BY name", { system: SYSTEM });
    expect(tables.map((t) => t.name)).toEqual(["audience", "contacts", "contacts_snapshot", "orders", "users"]);
  });

  it("carries users.email by DIRECT column lineage through two jobs: the trace from users reaches both downstream columns, each copy by its job", async () => {
    const trace = await new TraceRepository(graph).downstream(`table:${SYSTEM}/users`);

    const reached = trace!.columns.map((c) => `${c.table}.${c.name}`);
    expect(reached).toEqual(expect.arrayContaining(["contacts.email", "audience.email"]));
    expect(trace!.copies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: col("users", "email"), target: col("contacts", "email"), via: src("ol-crm-sync-load-contacts"), viaName: "crm_sync.load_contacts" }),
        expect.objectContaining({ source: col("contacts", "email"), target: col("audience", "email"), via: src("ol-marketing-export-audience"), viaName: "marketing.export_audience" }),
      ]),
    );
  });

  it("lists both downstream columns in the trace from users, reached through the two jobs, each copy citing its job as observed provenance, and draws the copies", async () => {
    const res = await request(createApp({ graph })).get(`/api/trace?from=${encodeURIComponent(`table:${SYSTEM}/users`)}`);

    expect(res.status).toBe(200);
    const trace = res.body as TraceResponse;
    // No vendor receives anything here: the data lands in our own estate.
    expect(trace.vendors).toEqual([]);
    const downstream = new Map(trace.downstream!.map((d) => [`${d.table}.${d.name}`, d]));
    expect([...downstream.keys()]).toEqual(expect.arrayContaining(["contacts.email", "audience.email", "audience.email_sha256"]));
    const audience = downstream.get("audience.email")!;
    expect(audience).toMatchObject({ column: col("audience", "email"), system: SYSTEM, category: "Email address", mapping: "stated" });
    expect(audience.evidence.nodes).toEqual([`table:${SYSTEM}/users`, col("users", "email"), col("contacts", "email"), col("audience", "email")]);
    expect(audience.evidence.via).toEqual(["crm_sync.load_contacts", "marketing.export_audience"]);
    expect(audience.evidence.provenance.slice(1)).toEqual([
      [{ kind: "observed", job: "crm_sync.load_contacts", run: LOAD_CONTACTS_RUN, eventTime: "2026-11-30T02:14:09.512Z" }],
      [{ kind: "observed", job: "marketing.export_audience", run: EXPORT_AUDIENCE_RUN, eventTime: "2026-11-30T03:00:41.877Z" }],
    ]);
    // The column in its table: seen by an event too, never an empty citation.
    expect(audience.evidence.provenance[0]![0]).toMatchObject({ kind: "observed" });
    expect(downstream.get("contacts.email")!.evidence.provenance.at(-1)).toEqual(audience.evidence.provenance[1]);
    // Drawn: each copy an edge citing its job.
    const edge = trace.elements.edges.find((e) => e.data.id === `${col("contacts", "email")}|COPIED_TO|${col("audience", "email")}`);
    expect(edge?.data.provenance).toEqual(audience.evidence.provenance[2]);
    expect(trace.elements.nodes.map((n) => n.data.id)).toEqual(expect.arrayContaining([col("contacts", "email"), col("audience", "email")]));
  });

  it("cites, for every table and column built from events, the job, run and time that observed it, in the node details and the trace picture", async () => {
    const app = createApp({ graph });
    const details = async (id: string) => ((await request(app).get(`/api/nodes/${encodeURIComponent(id)}`)).body as { node: { provenance: Provenance[] } }).node.provenance;

    expect(await details(`table:${SYSTEM}/audience`)).toEqual([{ kind: "observed", job: "marketing.export_audience", run: EXPORT_AUDIENCE_RUN, eventTime: "2026-11-30T03:00:41.877Z" }]);
    // Its category is a copy of one suggested from users.email's name: suggested still, and observed.
    expect(await details(col("audience", "email"))).toEqual([
      { kind: "suggested", rule: "name-or-type" },
      { kind: "observed", job: "marketing.export_audience", run: EXPORT_AUDIENCE_RUN, eventTime: "2026-11-30T03:00:41.877Z" },
    ]);
    const trace = (await request(app).get(`/api/trace?from=${encodeURIComponent(`table:${SYSTEM}/users`)}`)).body as TraceResponse;
    const unprovenanced = [...trace.elements.nodes, ...trace.elements.edges].filter((e) => !e.data.provenance?.some((p) => p.kind === "observed")).map((e) => e.data.id);
    expect(unprovenanced).toEqual([]);
  });

  it("keeps what OpenLineage observed on each job's source: job, run, event time, producer", async () => {
    const [job] = await graph.probe("MATCH (s:Source {id: $id}) RETURN properties(s) AS p", { id: src("ol-crm-sync-load-contacts") });
    expect(job!.p).toMatchObject({
      observedJobNamespace: "airflow-prod",
      observedJob: "crm_sync.load_contacts",
      observedRunId: "0193a1f0-5b2c-7d4e-8f10-2a3b4c5d6e01",
      observedEventType: "COMPLETE",
      observedEventTime: "2026-11-30T02:14:09.512Z",
      observedRunIds: ["0193a1f0-5b2c-7d4e-8f10-2a3b4c5d6e01"],
      observedProducer: "https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow",
    });
  });

  it("does not make an INDIRECT (join, filter) input a copy", async () => {
    const all = await copies();
    expect(all.filter((c) => c.startsWith(col("orders", "billing_email")) || c.startsWith(col("orders", "user_id")) || c.startsWith(col("users", "deleted_at")))).toEqual([]);
    // orders is a stated input only for the column its amount makes; its billing e-mail never reaches contacts.email.
    expect(all).toContain(`${col("orders", "amount")} → ${col("contacts", "lifetime_value")} via ${src("ol-crm-sync-load-contacts")}`);
  });

  it("holds a masked output's category as pseudonymised", async () => {
    const [c] = await graph.probe("MATCH (c:Column {id: $id})-[:OF_CATEGORY]->(k:Category) RETURN c.pseudonymised AS p, c.categoryLabel AS label, k.key AS category", {
      id: col("audience", "email_sha256"),
    });
    expect(c).toEqual({ p: true, label: "Email address (pseudonymised)", category: "email-address" });
    const [plain] = await graph.probe("MATCH (c:Column {id: $id}) RETURN c.pseudonymised AS p", { id: col("audience", "email") });
    expect(plain!.p).toBeNull();
  });

  it("turns a job without column lineage into a category-scoped copy", async () => {
    const all = await copies();
    const snapshot = all.filter((c) => c.endsWith(`via ${src("ol-reporting-snapshot-contacts")}`));
    expect(snapshot).toEqual([
      `${col("contacts", "email")} → ${col("contacts_snapshot", "contact_email")} via ${src("ol-reporting-snapshot-contacts")}`,
      `${col("contacts", "full_name")} → ${col("contacts_snapshot", "name")} via ${src("ol-reporting-snapshot-contacts")}`,
    ]);
  });

  it("changes nothing when the same events are imported again, alone or in the other file form", async () => {
    const before = await graphChecksum(graph);

    await importFiles(graph, [fixture("pipeline.json"), fixture("snapshot.ndjson")], undefined, { namespaces });
    await importFiles(graph, [fixture("pipeline.ndjson")], undefined, { namespaces });
    await importFiles(graph, [fixture("snapshot.ndjson")], undefined, { namespaces });

    expect(await graphChecksum(graph)).toBe(before);
  });

  it("adds later events to the system built from earlier ones: a dataset already loaded is the same table", async () => {
    await removeSystems(graph, [SYSTEM]);
    await importFiles(graph, [fixture("pipeline.json")], undefined, { namespaces });
    await importFiles(graph, [fixture("snapshot.ndjson")], undefined, { namespaces });

    const all = await copies();
    expect(all).toContain(`${col("users", "email")} → ${col("contacts", "email")} via ${src("ol-crm-sync-load-contacts")}`);
    expect(all).toContain(`${col("contacts", "email")} → ${col("contacts_snapshot", "contact_email")} via ${src("ol-reporting-snapshot-contacts")}`);
  });

  it("writes nothing from a file with a malformed event, and names its line and field", async () => {
    const before = await graphChecksum(graph);

    const error = await importError([fixture("snapshot.ndjson"), fixture("broken.ndjson")]);

    expect(error.issues.map((i) => `${path.basename(i.file)}:${i.line} ${i.field}`)).toEqual(["broken.ndjson:1 run.runId", "broken.ndjson:2 job.name"]);
    expect(await graphChecksum(graph)).toBe(before);
  });

  it("adds events naming a system a document states beside its facts: an observed copy, the document's nodes and links unchanged, and each side reloads alone", async () => {
    const shop = "fixture-acme-shop";
    const yaml = path.join(REPO_ROOT, "test", "fixtures", "import", "acme-shop.yaml");
    await importFiles(graph, [yaml]);
    const stated = await graphLines(graph);
    const systemLine = (lines: string[]) => lines.find((l) => l.includes(`"id":"system:${shop}"`))!;
    // The document's lines, but for its system node (which now also keeps the events it was given).
    const documentLines = (g: { nodes: string[]; relationships: string[] }) => [...g.nodes.filter((n) => n !== systemLine(stated.nodes)), ...g.relationships];

    await importFiles(graph, [fixture("pipeline.json")], undefined, { namespaces: { [NS]: shop } });
    const added = await graphLines(graph);
    const observed = await graph.probe(
      "MATCH (a:Column {system: $system})-[r:COPIED_TO]->(b:Column) MATCH (s:Source {id: r.via}) RETURN a.name + ' → ' + b.table + '.' + b.name AS copy, r.origin AS origin, s.observedJob AS job ORDER BY copy",
      { system: shop },
    );

    // The events' copy out of the document's `users` table: observed, with its job; the document states none.
    expect(observed).toContainEqual({ copy: "email → contacts.email", origin: "openlineage", job: "crm_sync.load_contacts" });
    expect(documentLines(stated).filter((l) => !added.nodes.includes(l) && !added.relationships.includes(l))).toEqual([]);
    const usersNode = added.nodes.find((n) => n.includes(`"id":"table:${shop}/users"`))!;
    expect(usersNode).not.toContain("openlineage");
    expect((JSON.parse(systemLine(added.nodes)) as { props: Record<string, unknown> }).props).toMatchObject({ name: "Fixture Acme Shop" });

    // Re-importing the same events changes nothing; re-loading the document keeps the events' part.
    const withEvents = await graphChecksum(graph);
    await importFiles(graph, [fixture("pipeline.json")], undefined, { namespaces: { [NS]: shop } });
    expect(await graphChecksum(graph)).toBe(withEvents);
    await importFiles(graph, [yaml]);
    expect(await graphChecksum(graph)).toBe(withEvents);
  });

});
