import request from "supertest";
import { describe, expect, it } from "vitest";

import { OverviewResponseSchema, VendorResponseSchema } from "../../server/src/contract/api.js";
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

  it("by transfer status: each system's own engagement of a vendor in exactly one group, edges counting that system's engagements", async () => {
    const body = await get({ group: "transfer" });
    expect(body.grouping).toBe("transfer");
    const groups = body.elements.nodes.filter((n) => n.data.group);
    expect(groups.length).toBeGreaterThan(1);
    expect(body.elements.nodes.some((n) => n.data.kind === "vendor" && !n.data.group)).toBe(false);
    for (const v of body.vendors) expect(v.engagements.map((e) => e.system).sort(), v.id).toEqual(v.systems);
    // Every vendor is in the group of each status its engagements have, and in no other.
    for (const g of groups) {
      const status = g.data.group!.value;
      expect(g.data.transfer).toBe(status);
      const expected = body.vendors.filter((v) => v.engagements.some((e) => e.transfer === status)).map((v) => v.id);
      expect([...g.data.group!.members].sort(), status).toEqual(expected.sort());
    }
    // An edge from a system to a group counts the vendors that system itself engages with that status.
    for (const s of body.systems) {
      const system = s.id.replace("system:", "");
      for (const g of groups) {
        const uses = body.vendors.filter((v) => v.engagements.some((e) => e.system === system && e.transfer === g.data.group!.value)).length;
        const edge = body.elements.edges.find((e) => e.data.source === s.id && e.data.target === g.data.id);
        expect(edge?.data.count ?? 0, `${s.id} → ${g.data.id}`).toBe(uses);
      }
    }
  });

  it("by transfer status, a vendor two systems engage differently sits in each system's own group (Intercom: US for Ambassify, no country for Kentico Cloud, Ireland with storage not stated for Kontent.ai)", async () => {
    const body = await get({ group: "transfer" });
    const intercom = body.vendors.find((v) => v.id === "vendor:intercom")!;
    expect(intercom.engagements).toEqual([
      { system: "ambassify", transfer: "third-country" },
      { system: "kentico-cloud", transfer: "not-stated" },
      { system: "kontent-ai", transfer: "not-stated" },
    ]);
    const edge = (system: string, status: string) => body.elements.edges.find((e) => e.data.source === `system:${system}` && e.data.target === `group:vendor/transfer/${status}`);
    expect(body.elements.nodes.find((n) => n.data.id === "group:vendor/transfer/not-stated")?.data.group?.members).toContain("vendor:intercom");
    expect(body.elements.nodes.find((n) => n.data.id === "group:vendor/transfer/third-country")?.data.group?.members).toContain("vendor:intercom");
    // Kontent.ai's edge to "third country" does not count Intercom: only Ambassify engages it there.
    const kontentThird = body.vendors.filter((v) => v.engagements.some((e) => e.system === "kontent-ai" && e.transfer === "third-country")).map((v) => v.id);
    expect(kontentThird).not.toContain("vendor:intercom");
    expect(edge("kontent-ai", "third-country")?.data.count).toBe(kontentThird.length);
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

  it("by country: a vendor is in 'country not stated' when one of its flows leaves out its entity's or its data's country", async () => {
    const body = await get({ group: "country" });
    const notStated = body.elements.nodes.find((n) => n.data.id === "group:vendor/country/not-stated");
    const leavesOut: string[] = [];
    for (const v of body.vendors) {
      const detail = VendorResponseSchema.parse((await request(app).get(`/api/vendors/${encodeURIComponent(v.id)}`)).body);
      if (detail.flows.some((f) => f.entityCountry === null || f.dataCountries.length === 0)) leavesOut.push(v.id);
    }
    expect(leavesOut).toEqual(expect.arrayContaining(["vendor:paypal", "vendor:hotjar"]));
    expect([...notStated!.data.group!.members].sort()).toEqual(leavesOut.sort());
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
