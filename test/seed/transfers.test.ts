/** Transfer status as the loader computes it once per flow, read back through the API (a fixture system, removed after). */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TraceResponseSchema } from "../../server/src/contract/api.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const dir = mkdtempSync(path.join(os.tmpdir(), "pd-transfers-"));

/**
 * One vendor flow per country (entity and storage both there, and one naming neither), the US twice: with and without
 * the DPF; then flows that state only one of the two places.
 */
const FLOWS: [vendor: string, entity: string | null, data: string | null, mechanism: string | null][] = [
  ["uk-host", "GB", "GB", null],
  ["swiss-host", "CH", "CH", null],
  ["tokyo-host", "JP", "JP", null],
  ["mumbai-host", "IN", "IN", null],
  ["sydney-host", "AU", "AU", "scc"],
  ["us-dpf", "US", "US", "dpf"],
  ["us-plain", "US", "US", null],
  ["frankfurt-host", "DE", "DE", null],
  ["somewhere-host", null, null, null],
  ["dublin-entity-only", "IE", null, null],
  ["us-entity-eu-data", "US", "DE", null],
  ["data-only-in-eea", null, "DE", null],
];

beforeAll(async () => {
  const file = path.join(dir, "transfer-fixture.yaml");
  writeFileSync(
    file,
    [
      "system: { id: transfer-fixture, name: Transfer fixture, kind: saas }",
      "entities:",
      "  - name: users",
      "    columns:",
      "      - { name: email, kind: personal, category: email-address }",
      "vendors:",
      ...FLOWS.map(
        ([v, e, d, m]) =>
          `  - { vendor: { id: ${v}, name: ${v} }, purpose: Hosting${e ? `, entityCountry: ${e}` : ""}${d ? `, dataCountries: [${d}]` : ""}${m ? `, mechanism: ${m}` : ""}, receives: [users.email] }`,
      ),
    ].join("\n"),
  );
  await loadInventoryFiles(graph, [file]);
});

afterAll(async () => {
  await removeSystems(graph, ["transfer-fixture"]);
});

describe("transfer status of a flow", () => {
  it("is adequate for GB, CH, JP and the US under the DPF; third-country for IN, AU and the US without it (also as an entity's country); not-stated where a place is left out", async () => {
    const res = await request(app).get("/api/trace").query({ from: "table:transfer-fixture/users" });

    expect(res.status).toBe(200);
    const t = TraceResponseSchema.parse(res.body);
    expect(Object.fromEntries(t.vendors.map((v) => [v.id.replace("vendor:", ""), v.transfer]))).toEqual({
      "uk-host": "adequate",
      "swiss-host": "adequate",
      "tokyo-host": "adequate",
      "mumbai-host": "third-country",
      "sydney-host": "third-country",
      "us-dpf": "adequate",
      "us-plain": "third-country",
      "frankfurt-host": "eea",
      "somewhere-host": "not-stated",
      "dublin-entity-only": "not-stated",
      "us-entity-eu-data": "third-country",
      "data-only-in-eea": "not-stated",
    });
    expect(t.vendors.find((v) => v.id === "vendor:sydney-host")?.mechanism).toBe("scc");
  });

  it("filters by country without ever keeping a vendor whose country is unknown; 'not-stated' keeps those that leave out a place", async () => {
    const us = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "table:transfer-fixture/users", country: "US" })).body);
    const unknown = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "table:transfer-fixture/users", country: "not-stated" })).body);

    expect(us.vendors.map((v) => v.id).sort()).toEqual(["vendor:us-dpf", "vendor:us-entity-eu-data", "vendor:us-plain"]);
    expect(us.totalVendors).toBe(FLOWS.length);
    expect(us.elements.nodes.filter((n) => n.data.kind === "vendor").map((n) => n.data.id).sort()).toEqual(["vendor:us-dpf", "vendor:us-entity-eu-data", "vendor:us-plain"]);
    expect(unknown.vendors.map((v) => v.id).sort()).toEqual(["vendor:data-only-in-eea", "vendor:dublin-entity-only", "vendor:somewhere-host"]);
  });
});
