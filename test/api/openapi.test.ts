import request from "supertest";
import { describe, expect, it } from "vitest";

import { testApp } from "../support/graph.js";

const app = testApp();

describe("GET /api/openapi.json", () => {
  it("documents every endpoint with its parameters, generated from the request schemas", async () => {
    const res = await request(app).get("/api/openapi.json");

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/search",
        "/api/nodes/{id}",
        "/api/nodes/{id}/neighborhood",
        "/api/tables/{name}",
        "/api/tables/{name}/referenced-by",
        "/api/trace",
        "/api/vendors",
        "/api/vendors/{id}",
        "/api/paths",
        "/api/overview",
      ]),
    );
    const neighborhood = res.body.paths["/api/nodes/{id}/neighborhood"].get;
    const depth = neighborhood.parameters.find((p: { name: string }) => p.name === "depth");
    expect(depth).toMatchObject({ in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 3, default: 1 } });
    expect(neighborhood.parameters.find((p: { name: string }) => p.name === "id")).toMatchObject({ in: "path", required: true });
    const search = res.body.paths["/api/search"].get;
    expect(search.parameters.find((p: { name: string }) => p.name === "q")).toMatchObject({ required: true, schema: { type: "string", maxLength: 200 } });
    expect(search.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorResponse");
  });

  it("documents the response shapes from the contract", async () => {
    const res = await request(app).get("/api/openapi.json");

    const schemas = res.body.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["TraceResponse", "ReferencedByResponse", "TableResponse", "ErrorResponse"]));
    expect(schemas.ReferencedByResponse.properties.referencedBy.items.required).toEqual(expect.arrayContaining(["table", "columns"]));
    expect(res.body.paths["/api/trace"].get.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/TraceResponse");
  });

  it("is served at /openapi.json too", async () => {
    const res = await request(app).get("/openapi.json");

    expect(res.status).toBe(200);
    expect(res.body.info.title).toMatch(/lineage/);
  });
});
