/**
 * The DPIA pack follows flows into our other systems (issue 18), with the estate fixtures: the web shop copies its
 * orders into the US-hosted CRM (whose vendor gets the e-mail addresses) and sends e-mail addresses to the warehouse,
 * a system not loaded. The pack lists both flows with the stored transfer status and the line that states them, and
 * the CRM's part of the flows and evidence as the trace gives it, "outside the selection" when scoped to the shop. Its
 * figure draws the warehouse as the app's trace does; the flow into the US-hosted CRM needs a safeguard, with the CRM's
 * countries, and has its transfer impact assessment, in the pack and from `/api/reports/tia`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ids } from "../../server/src/contract/ids.js";
import { importFiles } from "../../server/src/import/import.service.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { closePdfBrowser } from "../../server/src/reports/pdf.js";
import { testApp, testGraph } from "../support/graph.js";
import { binary, poppler } from "../support/pdf.js";

const graph = testGraph();
const app = testApp(graph);
const DIR = path.join(REPO_ROOT, "test", "fixtures", "estate");
const SHOP = path.join(DIR, "estate-shop.yaml");
const CRM = path.join(DIR, "estate-crm.yaml");
const SYSTEMS = ["estate-shop", "estate-crm"];
const OUT = path.resolve("test-results");

/** The line of the shop's file that states a flow (`- to: <target>`), as the pack cites it. */
const statedLine = (target: string) => readFileSync(SHOP, "utf8").split("\n").findIndex((l) => l.trim() === `- to: ${target}`) + 1;
/** The pack's "Flows into other systems" section, one string per row. */
function intoSystemsRows(html: string): string[] {
  const section = html.slice(html.indexOf("<h2>Flows into other systems</h2>"), html.indexOf("<h2>Vendors</h2>"));
  return [...section.matchAll(/<tr><td>.*?<\/tr>/g)].map((m) => m[0]);
}
const rowsOf = (html: string, heading: string, next: string) => {
  const section = html.slice(html.indexOf(heading), html.indexOf(next));
  return [...section.matchAll(/<tr><td>.*?<\/tr>/g)].map((m) => m[0]);
};
/**
 * A PDF's text in the order it is drawn (`pdftotext -raw`: each table cell's lines together, not interleaved with the
 * next cell's as the layout order has them), on one line; a word wrapped after its hyphen is joined again.
 */
function pdfText(body: Buffer, name: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, body);
  return poppler("pdftotext", ["-raw", file, "-"]).replace(/\s+/g, " ").replace(/(\w)- (?=\w)/g, "$1-");
}
/** The part of `text` from `from` to the next `to` after it. */
const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  expect(start, `'${from}' in the text`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(to, start + from.length);
  return text.slice(start, end < 0 ? undefined : end);
};

describe("the DPIA pack follows flows into our other systems", () => {
  beforeAll(async () => {
    await removeSystems(graph, SYSTEMS);
    await loadInventoryFiles(graph, [SHOP, CRM]);
  });
  afterAll(async () => {
    await removeSystems(graph, SYSTEMS);
    await closePdfBrowser();
  });

  it("lists the flow into the CRM (third country, its tables) and the warehouse (system not loaded), each citing the shop's line", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: ids.table("estate-shop", "Shop_Order") });
    expect(res.status).toBe(200);
    const rows = intoSystemsRows(res.text);
    expect(rows).toHaveLength(2);
    const [crm, warehouse] = rows as [string, string];
    expect(crm).toContain("Estate CRM");
    expect(crm).toContain("Crm_<wbr>Contact");
    expect(crm).toContain("Crm_<wbr>Lead");
    expect(crm).toContain("third country");
    expect(crm).toContain(`estate-shop.yaml:${statedLine("estate-crm")}`);
    expect(crm).not.toContain("outside the selection");
    expect(warehouse).toContain("estate-warehouse");
    expect(warehouse).toContain("system not loaded");
    expect(warehouse).toContain("categories, tables not stated: email-address");
    expect(warehouse).not.toContain("third country");
    expect(warehouse).toContain(`estate-shop.yaml:${statedLine("estate-warehouse")}`);
    expect(res.text).toContain("2 flows into other systems of ours");
    // Both need attention: the CRM is a third-country transfer, the warehouse's countries are unknown (not loaded).
    const needing = rowsOf(res.text, "<h2>Transfers needing safeguards</h2>", "<h2>Evidence: how each field reaches its vendor</h2>");
    expect(needing.map((r) => [r.includes("Estate CRM"), r.includes("third country"), r.includes("system not loaded")])).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
    expect(res.text).toContain("2 flows needing a safeguard");

    // The CRM's column reaches the mailer: in the flows and, with its three steps, in the evidence.
    const flows = rowsOf(res.text, "<h2>Flows</h2>", "<h2>Flows into other systems</h2>");
    expect(flows.filter((r) => r.includes("Estate Mailer Ltd")).map((r) => r.includes("Crm_<wbr>Contact.<wbr>Contact<wbr>Email"))).toEqual([true]);
    const evidence = rowsOf(res.text, "<h2>Evidence: how each field reaches its vendor</h2>", "</main>");
    const mailer = evidence.find((r) => r.includes("Estate Mailer Ltd"));
    expect(mailer).toContain("Flow into estate-crm");
    expect(mailer).not.toContain("outside the selection");
  });

  it("scoped to the shop, marks the CRM's part outside the selection in the flows, the evidence and the systems table; the PDF says so", async () => {
    const query = { from: ids.system("estate-shop"), systems: "estate-shop" };
    const html = (await request(app).get("/api/reports/dpia").query(query)).text;
    const rows = intoSystemsRows(html);
    expect(rows.map((r) => r.includes("outside the selection"))).toEqual([true, true]);
    const flows = rowsOf(html, "<h2>Flows</h2>", "<h2>Flows into other systems</h2>");
    const mailerFlow = flows.find((r) => r.includes("Estate Mailer Ltd"));
    expect(mailerFlow).toContain("Crm_<wbr>Contact.<wbr>Contact<wbr>Email");
    expect(mailerFlow).toContain("(outside the selection)");
    const evidence = rowsOf(html, "<h2>Evidence: how each field reaches its vendor</h2>", "</main>");
    expect(evidence.find((r) => r.includes("Estate Mailer Ltd"))).toContain("(outside the selection)");
    expect(html).toContain("outside the selection: estate-crm, estate-warehouse");

    const res = await request(app).get("/api/reports/dpia").query({ ...query, format: "pdf" }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = pdfText(res.body as Buffer, "dpia-estate-shop");
    const section = between(text, "Flows into other systems", "Vendors Vendor");
    expect(section).toContain("Estate CRM");
    expect(section).toContain("third country");
    expect(section).toContain("estate-warehouse (system not loaded)");
    expect(section).toContain("(outside the selection)");
  });

  it("on paper: the figure draws the warehouse as the app does, the CRM's flow needs a safeguard with the CRM's countries, and both have a TIA section", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: ids.table("estate-shop", "Shop_Order"), format: "pdf" }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = pdfText(res.body as Buffer, "dpia-estate-shop-order");

    // 1. The figure: the warehouse as a system node, not loaded, under the app's label of the edge into it; the vendor as before.
    const figure = between(text, "Vendors, our systems", "Figure 1.");
    expect(figure).toContain("Flow into estate-warehouse: system not loaded");
    expect(figure).toContain("estate-warehouse (not loaded)");
    expect(figure).toContain("Shop_Order.BuyerEmail");
    expect(figure).toContain("Estate Mailer Ltd");
    expect(text).toContain("our system, not loaded");
    expect(text).toContain("Figure 1. Shop_Order → fields → vendors and our systems → countries, all flows.");

    // 3. Transfers needing safeguards: the CRM's countries in the words a vendor's get; the warehouse's unknown.
    const needing = between(text, "Transfers needing safeguards", "Evidence: how each field reaches its vendor");
    expect(needing).toMatch(/Estate CRM \(our system\) Estate web shop Flow into estate-crm Crm_Contact, Crm_Lead United States \(entity\), United States \(data\) third country/);
    expect(needing).toMatch(/estate-warehouse \(our system\) Estate web shop Flow into estate-warehouse email-address system not loaded system not loaded/);

    // 2. A TIA section for the flow into the CRM (importer: the CRM's legal entity), the warehouse's destination to establish first.
    const tias = text.slice(text.indexOf("Transfer impact assessments (EDPB Recommendations 01/2020)"));
    const crm = between(tias, "Transfer: Estate web shop → Estate CRM (our system) (estate-shop/to/estate-crm)", "Transfer: ");
    for (const step of ["Step 1.", "Step 2.", "Step 3.", "Step 4.", "Step 5.", "Step 6."]) expect(crm).toContain(step);
    expect(crm).toContain("Data importer Estate CRM Inc., the legal entity of our system Estate CRM");
    expect(crm).toContain("Importer's entity in United States");
    expect(crm).toContain("Hosted in United States");
    expect(crm).toContain("Fields copied Shop_Order.BuyerEmail, Shop_Order.BuyerName [inferred (same-category)]");
    expect(crm).toContain("not documented: no Art. 46 tool (SCCs, BCRs) is stated");
    const warehouse = between(tias, "Transfer: Estate web shop → estate-warehouse (our system, not loaded)", "Transfer: ");
    expect(warehouse).toContain("Destination unknown: establish it first. Our system estate-warehouse is not loaded");
    expect(warehouse).not.toContain("Step 1.");
  });

  it("/api/reports/tia assesses a flow into our US-hosted CRM as it does a vendor flow, and answers 404 for a flow no system states", async () => {
    const res = await request(app).get("/api/reports/tia").query({ flow: "estate-shop/to/estate-crm", format: "pdf" }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = pdfText(res.body as Buffer, "tia-estate-shop-to-estate-crm");
    expect(text).toContain("Transfer impact assessment: Estate web shop → Estate CRM (our system)");
    expect(text).toContain("Data importer Estate CRM Inc., the legal entity of our system Estate CRM");
    expect(text).toContain("Importer's entity in United States");
    expect(text).toContain("Hosted in United States");
    expect(text).toContain("Transfer status third country");
    expect(text).toContain("Step 6.");

    const missing = await request(app).get("/api/reports/tia").query({ flow: "estate-shop/to/nowhere" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("estate-shop/to/nowhere");
  });

  it("an assessment may assess the flow into the CRM: imported against the graph, its answers fill that flow's TIA", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "estate-assessment-"));
    const file = path.join(dir, "estate.assessment.yaml");
    writeFileSync(
      file,
      [
        "assessment:",
        "  id: fixture-estate-crm-transfer",
        "  name: Estate CRM transfer (test)",
        "  status: in-progress",
        "  start: table:estate-shop/Shop_Order",
        "transfers:",
        "  - flow: estate-shop/to/estate-crm",
        '    law: "<p>US: FISA 702 may apply to Estate CRM Inc.</p>"',
        "    reevaluation: 2027-06-30",
        "",
      ].join("\n"),
    );
    try {
      await importFiles(graph, [file]);
      const tia = await request(app).get("/api/reports/tia").query({ flow: "estate-shop/to/estate-crm" });
      expect(tia.status).toBe(200);
      expect(tia.text).toContain("Assessment: Estate CRM transfer (test) (fixture-estate-crm-transfer).");
      expect(tia.text).toContain("US: FISA 702 may apply to Estate CRM Inc.");
      expect(tia.text).toContain("Re-evaluate by 2027-06-30.");
      const listed = await request(app).get("/api/assessments");
      expect(listed.body.assessments.find((a: { id: string }) => a.id === "fixture-estate-crm-transfer")?.flows).toEqual(["estate-shop/to/estate-crm"]);
    } finally {
      await graph.writeTransaction((tx) => tx.run("MATCH (a:Assessment {id: 'fixture-estate-crm-transfer'}) DELETE a"));
    }
  });

  it("a pack whose answer has no flow into another system has no such section, and its summary says 0", async () => {
    const html = (await request(app).get("/api/reports/dpia").query({ from: ids.system("estate-crm") })).text;
    expect(html).not.toContain("<h2>Flows into other systems</h2>");
    expect(html).toContain("0 flows into other systems of ours");
  });

  it("a category filter keeps only the flows of that category", async () => {
    const html = (await request(app).get("/api/reports/dpia").query({ from: ids.table("estate-shop", "Shop_Order"), category: ids.category("name") })).text;
    const rows = intoSystemsRows(html);
    expect(rows, rows.join("\n")).toHaveLength(1);
    expect(rows[0]).toContain("Crm_<wbr>Lead");
    expect(rows[0]).not.toContain("Crm_<wbr>Contact");
  });
});
