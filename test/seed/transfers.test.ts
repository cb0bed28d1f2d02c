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

/** One vendor flow per country (and one without any), the US twice: with and without the DPF. */
const FLOWS: [vendor: string, country: string | null, mechanism: string | null][] = [
  ["uk-host", "GB", null],
  ["swiss-host", "CH", null],
  ["tokyo-host", "JP", null],
  ["mumbai-host", "IN", null],
  ["sydney-host", "AU", "scc"],
  ["us-dpf", "US", "dpf"],
  ["us-plain", "US", null],
  ["frankfurt-host", "DE", null],
  ["somewhere-host", null, null],
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
        ([v, c, m]) => `  - { vendor: { id: ${v}, name: ${v} }, purpose: Hosting${c ? `, entityCountry: ${c}` : ""}${m ? `, mechanism: ${m}` : ""}, receives: [users.email] }`,
      ),
    ].join("\n"),
  );
  await loadInventoryFiles(graph, [file]);
});

afterAll(async () => {
  await removeSystems(graph, ["transfer-fixture"]);
});

describe("transfer status of a flow", () => {
  it("is adequate for GB, CH, JP and the US under the DPF; third-country for IN, AU and the US without it; not-stated without a country", async () => {
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
    });
    expect(t.vendors.find((v) => v.id === "vendor:sydney-host")?.mechanism).toBe("scc");
  });

  it("filters by country without ever keeping a vendor whose country is unknown; 'not-stated' is its own value", async () => {
    const us = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "table:transfer-fixture/users", country: "US" })).body);
    const unknown = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "table:transfer-fixture/users", country: "not-stated" })).body);

    expect(us.vendors.map((v) => v.id).sort()).toEqual(["vendor:us-dpf", "vendor:us-plain"]);
    expect(us.totalVendors).toBe(FLOWS.length);
    expect(us.elements.nodes.filter((n) => n.data.kind === "vendor").map((n) => n.data.id).sort()).toEqual(["vendor:us-dpf", "vendor:us-plain"]);
    expect(unknown.vendors.map((v) => v.id)).toEqual(["vendor:somewhere-host"]);
  });
});
