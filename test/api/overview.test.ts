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

describe("GET /api/overview, grouped", () => {
  const get = async (query: Record<string, string>) => {
    const res = await request(app).get("/api/overview").query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return OverviewResponseSchema.parse(res.body);
  };

  it("draws each vendor while there are few (auto), and says nothing was left out", async () => {
    const body = await get({});
    expect(body.grouping).toBe("none");
    expect(body.truncated).toBe(false);
    expect(body.omitted.totalNodes).toBe(body.elements.nodes.length);
    expect(body.elements.nodes.filter((n) => n.data.kind === "vendor")).toHaveLength(body.vendors.length);
  });

  it("by transfer status: every vendor in exactly one group, edges counting the vendors each system uses", async () => {
    const body = await get({ group: "transfer" });
    expect(body.grouping).toBe("transfer");
    const groups = body.elements.nodes.filter((n) => n.data.group);
    expect(groups.length).toBeGreaterThan(1);
    expect(body.elements.nodes.some((n) => n.data.kind === "vendor" && !n.data.group)).toBe(false);
    const members = groups.flatMap((g) => g.data.group!.members);
    expect(members.sort()).toEqual(body.vendors.map((v) => v.id).sort());
    for (const g of groups) {
      const status = g.data.group!.value;
      expect(g.data.transfer).toBe(status);
      expect(g.data.group!.members.every((m) => body.vendors.find((v) => v.id === m)?.transfer === status)).toBe(true);
    }
    // An edge from a system to a group counts the vendors of that group the system uses.
    for (const s of body.systems) {
      for (const g of groups) {
        const uses = body.vendors.filter((v) => v.systems.includes(s.id.replace("system:", "")) && g.data.group!.members.includes(v.id)).length;
        const edge = body.elements.edges.find((e) => e.data.source === s.id && e.data.target === g.data.id);
        expect(edge?.data.count ?? 0, `${s.id} → ${g.data.id}`).toBe(uses);
      }
    }
  });

  it("expands a group on demand into its vendors and their countries, leaving the other groups as they are", async () => {
    const grouped = await get({ group: "transfer" });
    const third = grouped.elements.nodes.find((n) => n.data.group?.value === "third-country")!;
    const body = await get({ group: "transfer", expand: third.data.id });
    expect(body.expanded).toEqual([third.data.id]);
    const ids = new Set(body.elements.nodes.map((n) => n.data.id));
    expect(ids.has(third.data.id)).toBe(false);
    for (const m of third.data.group!.members) expect(ids.has(m), m).toBe(true);
    expect(body.elements.nodes.filter((n) => n.data.group)).toHaveLength(grouped.elements.nodes.filter((n) => n.data.group).length - 1);
    const member = body.vendors.find((v) => v.id === third.data.group!.members[0])!;
    expect(body.elements.edges.some((e) => e.data.source === `system:${member.systems[0]}` && e.data.target === member.id && e.data.type === "USES_VENDOR")).toBe(true);
    for (const c of member.countries) expect(body.elements.edges.some((e) => e.data.source === member.id && e.data.target === `location:${c.code}`)).toBe(true);
  });

  it("by country: a vendor that names no country is in the 'country not stated' group, never in a country's", async () => {
    const body = await get({ group: "country" });
    const notStated = body.elements.nodes.find((n) => n.data.id === "group:vendor/country/not-stated");
    const silent = body.vendors.filter((v) => v.countries.length === 0).map((v) => v.id);
    expect(silent.length).toBeGreaterThan(0);
    expect(notStated?.data.group?.members.sort()).toEqual(silent.sort());
    const us = body.elements.nodes.find((n) => n.data.id === "group:vendor/country/US")!;
    expect(us.data.group!.members.every((m) => body.vendors.find((v) => v.id === m)?.countries.some((c) => c.code === "US"))).toBe(true);
  });

  it("answers 400 naming the field for an unknown grouping or group id", async () => {
    for (const [query, field] of [
      [{ group: "everything" }, "group"],
      [{ expand: "vendor:paypal" }, "expand"],
    ] as const) {
      const res = await request(app).get("/api/overview").query(query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
  });
});
