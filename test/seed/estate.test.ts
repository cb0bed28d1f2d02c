/**
 * One estate (issue 18): flows between a company's own systems. The web shop's file states that its orders are copied
 * into the CRM's tables; the CRM (hosted in the US) sends contacts to a vendor. The flow belongs to the shop's file:
 * it survives reloading either system, waits as "system not loaded" while the CRM is absent, and is a transfer.
 */

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OverviewResponseSchema, TraceResponseSchema, TransfersResponseSchema, WhereResponseSchema } from "../../server/src/contract/api.js";
import { ids } from "../../server/src/contract/ids.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { graphChecksum, graphLines } from "../support/checksum.js";
import { CRM, ESTATE_SYSTEMS, SHOP } from "../support/estate.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);

const rels = async (type: string) => (await graphLines(graph)).relationships.filter((r) => r.includes(`"${type}"`) && r.includes("crossSystem"));

describe("flows between own systems", () => {
  beforeAll(async () => {
    await removeSystems(graph, ESTATE_SYSTEMS);
  });
  afterAll(async () => {
    await removeSystems(graph, ESTATE_SYSTEMS);
  });

  it("loading the shop alone keeps its flows into the CRM and the warehouse, stated on its side and not yet linked", async () => {
    await loadInventoryFiles(graph, [SHOP]);

    const lines = await graphLines(graph);
    const flowNode = lines.nodes.find((n) => n.includes(JSON.stringify(ids.source("estate-shop", "to/estate-crm"))));
    expect(flowNode).toContain('"targetSystem":"estate-crm"');
    expect(lines.nodes.some((n) => n.includes(JSON.stringify(ids.source("estate-shop", "to/estate-warehouse"))))).toBe(true);
    expect(await rels("SENDS_TO")).toEqual([]);
    expect(await rels("COPIED_TO")).toEqual([]);

    // The shop's trace draws both as dangling edges: to the CRM (its copies wait for it) and to the warehouse (e-mail addresses).
    const trace = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: ids.table("estate-shop", "Shop_Order") })).body);
    expect(trace.toSystems?.map((t) => [t.target, t.loaded, t.transfer, t.columns.length])).toEqual([
      ["estate-crm", false, null, 2],
      ["estate-warehouse", false, null, 1],
    ]);
    const crm = trace.elements.nodes.find((n) => n.data.id === ids.system("estate-crm"));
    expect(crm?.data).toMatchObject({ label: "estate-crm (not loaded)", notLoaded: true });
    const dangling = trace.elements.edges.filter((e) => e.data.target === ids.system("estate-warehouse"));
    expect(dangling.map((e) => [e.data.source, e.data.label])).toEqual([[ids.column("estate-shop", "Shop_Order", "BuyerEmail"), "Flow into estate-warehouse: system not loaded"]]);
  });

  it("loading the CRM later links the shop's flow: stated column pairs exact, the rest by category, and a system → system edge with its transfer status", async () => {
    await loadInventoryFiles(graph, [CRM]);

    const copies = await rels("COPIED_TO");
    const column = (t: string, c: string, sys = "estate-shop") => JSON.stringify(ids.column(sys, t, c));
    const stated = copies.filter((r) => r.includes(column("Shop_Order", "BuyerEmail")));
    expect(stated).toHaveLength(1);
    expect(stated[0]).toContain(column("Crm_Contact", "ContactEmail", "estate-crm"));
    expect(stated[0]).toContain('"mapping":"stated"');
    // Each link cites the shop's line that states it: the column pair (estate-shop.yaml:28), the copy a pair inferred by
    // category comes from (:29), the table copy (:25), and the flow (:22).
    expect(stated[0]).toContain('estate-shop.yaml:28"');
    const tableCopy = copies.filter((r) => r.includes(JSON.stringify(ids.table("estate-shop", "Shop_Order"))) && r.includes(JSON.stringify(ids.table("estate-crm", "Crm_Contact"))));
    expect(tableCopy).toHaveLength(1);
    expect(tableCopy[0]).toContain('estate-shop.yaml:25"');
    const byCategory = copies.filter((r) => r.includes(column("Shop_Order", "BuyerName")));
    expect(byCategory).toHaveLength(1);
    expect(byCategory[0]).toContain(column("Crm_Lead", "LeadName", "estate-crm"));
    expect(byCategory[0]).toContain('"mapping":"category"');
    expect(byCategory[0]).toContain('estate-shop.yaml:29"');
    // A name never lands in a phone number: the category-scoped copy pairs only columns of the same category.
    expect(copies.some((r) => r.includes("LeadPhone") || r.includes("ContactPhone"))).toBe(false);

    const sends = await rels("SENDS_TO");
    expect(sends).toHaveLength(1);
    expect(sends[0]).toContain('"flow":"estate-shop/to/estate-crm"');
    expect(sends[0]).toContain('"transfer":"third-country"');
    expect(sends[0]).toContain('"categories":["email-address","name"]');
    expect(sends[0]).toContain('estate-shop.yaml:22"');
  });

  it("reloading either system, or removing and loading the CRM again, leaves the graph a fresh load of both gives", async () => {
    await removeSystems(graph, ESTATE_SYSTEMS);
    await loadInventoryFiles(graph, [CRM, SHOP]);
    const fresh = await graphChecksum(graph);
    const freshLines = await graphLines(graph);
    expect((await rels("SENDS_TO")).length).toBe(1);

    for (const step of [() => loadInventoryFiles(graph, [SHOP]), () => loadInventoryFiles(graph, [CRM]), async () => {
      await removeSystems(graph, ["estate-crm"]);
      expect(await rels("SENDS_TO")).toEqual([]);
      await loadInventoryFiles(graph, [CRM]);
    }]) {
      await step();
      const after = await graphLines(graph);
      expect({ nodes: after.nodes.filter((n) => !freshLines.nodes.includes(n)), relationships: after.relationships.filter((r) => !freshLines.relationships.includes(r)) }).toEqual({ nodes: [], relationships: [] });
      expect({ nodes: freshLines.nodes.filter((n) => !after.nodes.includes(n)), relationships: freshLines.relationships.filter((r) => !after.relationships.includes(r)) }).toEqual({ nodes: [], relationships: [] });
      expect(await graphChecksum(graph)).toBe(fresh);
    }
  }, 300_000);

  it("a trace from the shop's orders reaches the CRM's vendor, with the three-step evidence path through the CRM's column", async () => {
    const res = await request(app).get("/api/trace").query({ from: ids.table("estate-shop", "Shop_Order") });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const trace = TraceResponseSchema.parse(res.body);

    const mailer = trace.vendors.find((v) => v.id === ids.vendor("estate-mailer"));
    expect(mailer).toBeDefined();
    const field = mailer!.fields.find((f) => f.id === ids.column("estate-crm", "Crm_Contact", "ContactEmail"));
    expect(field?.evidence.nodes).toEqual([
      ids.table("estate-shop", "Shop_Order"),
      ids.column("estate-shop", "Shop_Order", "BuyerEmail"),
      ids.column("estate-crm", "Crm_Contact", "ContactEmail"),
      ids.vendor("estate-mailer"),
    ]);
    expect(field?.evidence.via).toEqual(["Flow into estate-crm"]);
    expect(trace.systems).toEqual(["estate-crm", "estate-shop"]);
  });

  it("a trace scoped to the shop still follows its data into the CRM and on to the CRM's vendor, the CRM's part marked outside the selection", async () => {
    const res = await request(app).get("/api/trace").query({ from: ids.system("estate-shop"), systems: "estate-shop" });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const trace = TraceResponseSchema.parse(res.body);

    expect(trace.vendors.map((v) => v.id)).toEqual([ids.vendor("estate-mailer")]);
    expect(trace.outsideSelection).toEqual(["estate-crm", "estate-warehouse"]);
    const contact = trace.elements.nodes.find((n) => n.data.id === ids.column("estate-crm", "Crm_Contact", "ContactEmail"));
    expect(contact?.data.outside).toBe(true);
    expect(trace.elements.nodes.find((n) => n.data.id === ids.column("estate-shop", "Shop_Order", "BuyerEmail"))?.data.outside).toBeUndefined();
    // Linked now, the CRM is no destination of its own; the warehouse still waits.
    expect(trace.toSystems?.map((t) => t.target)).toEqual(["estate-warehouse"]);
  });

  it("the flow into the US-hosted CRM is a third-country transfer in /api/transfers", async () => {
    const res = await request(app).get("/api/transfers").query({ limit: 500 });
    expect(res.status).toBe(200);
    const body = TransfersResponseSchema.parse(res.body);
    const flow = body.transfers.find((t) => t.flow === "estate-shop/to/estate-crm");
    expect(flow).toMatchObject({ system: "estate-shop", transfer: "third-country", to: "system", vendor: { id: ids.system("estate-crm"), name: "Estate CRM" } });
    expect(flow?.categories.map((c) => c.id).sort()).toEqual([ids.category("email-address"), ids.category("name")]);
    expect(flow?.countries.map((c) => `${c.role}:${c.code}`).sort()).toEqual(["data:US", "entity:US"]);
  });

  it("the overview draws system → system edges with what they carry, and the warehouse not loaded", async () => {
    const res = await request(app).get("/api/overview").query({ systems: "estate-shop" });
    expect(res.status).toBe(200);
    const overview = OverviewResponseSchema.parse(res.body);

    expect(overview.systemFlows).toEqual([
      { flow: "estate-shop/to/estate-crm", system: "estate-shop", target: "estate-crm", loaded: true, transfer: "third-country", categories: ["email-address", "name"], tables: 2 },
      { flow: "estate-shop/to/estate-warehouse", system: "estate-shop", target: "estate-warehouse", loaded: false, transfer: null, categories: ["email-address"], tables: 0 },
    ]);
    const edges = overview.elements.edges.filter((e) => e.data.type === "SENDS_TO").map((e) => [e.data.target, e.data.label, e.data.count]);
    expect(edges).toEqual([
      [ids.system("estate-crm"), "2 tables, 2 categories", 2],
      [ids.system("estate-warehouse"), "1 category; not loaded", 1],
    ]);
    expect(overview.elements.nodes.find((n) => n.data.id === ids.system("estate-crm"))?.data.outside).toBe(true);
    expect(overview.elements.nodes.find((n) => n.data.id === ids.system("estate-warehouse"))?.data).toMatchObject({ label: "estate-warehouse (not loaded)", notLoaded: true });
  });

  it("'where does it live' names the shop's flow as what writes the e-mail address into the CRM", async () => {
    const res = await request(app).get("/api/where").query({ category: ids.category("email-address") });
    expect(res.status).toBe(200);
    const where = WhereResponseSchema.parse(res.body);
    const group = where.sources.find((g) => g.sources.some((s) => s.id === ids.source("estate-shop", "to/estate-crm")));
    expect(group).toMatchObject({ system: "estate-shop", name: "Flow into estate-crm" });
    expect(group?.sources.find((s) => s.id === ids.source("estate-shop", "to/estate-crm"))).toMatchObject({ how: ["copies"], columns: [ids.column("estate-crm", "Crm_Contact", "ContactEmail")] });
  });
});
