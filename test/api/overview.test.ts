import request from "supertest";
import { describe, expect, it } from "vitest";

import { OverviewResponseSchema } from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

describe("GET /api/overview", () => {
  it("answers every system with its table and vendor counts", async () => {
    const res = await request(app).get("/api/overview");

    expect(res.status).toBe(200);
    const body = OverviewResponseSchema.parse(res.body);
    expect(body.systems.map((s) => s.id)).toEqual(["system:ambassify", "system:kentico", "system:kentico-cloud", "system:kontent-ai"]);
    expect(body.systems.find((s) => s.id === "system:kentico")).toMatchObject({ name: "Kentico", vendors: 11 });
    expect(body.systems.find((s) => s.id === "system:kontent-ai")).toMatchObject({ tables: 1, vendors: 7 });
  });

  it("draws systems → vendors → countries", async () => {
    const res = await request(app).get("/api/overview");

    const { elements } = OverviewResponseSchema.parse(res.body);
    expect(new Set(elements.nodes.map((n) => n.data.kind))).toEqual(new Set(["system", "vendor", "location"]));
    const edges = new Map(elements.edges.map((e) => [`${e.data.source} ${e.data.type} ${e.data.target}`, e.data]));
    expect(edges.get("system:kentico USES_VENDOR vendor:paypal")?.label).toBe("PayPal payment gateway");
    expect(edges.get("system:ambassify USES_VENDOR vendor:amazon")?.label).toBe("EC2 Neo4J, RDS, S3, SQS");
    expect(edges.get("vendor:intercom LOCATED_IN location:IE")?.label).toBe("Kontent.ai");
    expect(edges.get("vendor:twilio STORES_DATA_IN location:DE")?.label).toBe("Ambassify");
    expect(elements.nodes.find((n) => n.data.id === "location:US")?.data.eea).toBe(false);
  });
});
