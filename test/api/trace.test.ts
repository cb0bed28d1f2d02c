import { readFileSync } from "node:fs";
import path from "node:path";

import request from "supertest";
import { describe, expect, it } from "vitest";

import { TraceResponseSchema, type TraceResponse } from "../../server/src/contract/api.js";
import { BUILT_IN_DIR } from "../../server/src/inventory/paths.js";
import { testApp } from "../support/graph.js";

const app = testApp();

async function trace(from: string): Promise<TraceResponse> {
  const res = await request(app).get("/api/trace").query({ from });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return TraceResponseSchema.parse(res.body);
}

const vendorIds = (t: TraceResponse) => t.vendors.map((v) => v.id);

describe("GET /api/trace", () => {
  it("from COM_Customer reaches PayPal and Authorize.Net with the customer fields and their categories", async () => {
    const t = await trace("table:kentico/COM_Customer");

    expect(t.from).toEqual({ id: "table:kentico/COM_Customer", kind: "table", label: "COM_Customer", system: "kentico" });
    expect(vendorIds(t)).toEqual(expect.arrayContaining(["vendor:paypal", "vendor:authorize-net"]));
    const paypal = t.vendors.find((v) => v.id === "vendor:paypal")!;
    expect(paypal.fields.map((f) => f.id)).toEqual(
      expect.arrayContaining(["column:kentico/COM_Customer.CustomerEmail", "column:kentico/COM_Customer.CustomerFirstName", "column:kentico/COM_Customer.CustomerPhone"]),
    );
    // A copy carries only what its origin holds: customer data reaches PayPal as email, name and phone, not as addresses.
    expect(paypal.categories.map((c) => c.name)).toEqual(["Email address", "Name", "Phone number"]);
    expect(paypal.services).toEqual(["PayPal payment gateway"]);
    expect(paypal.systems).toEqual(["kentico"]);
    const authorizeNet = t.vendors.find((v) => v.id === "vendor:authorize-net")!;
    const email = authorizeNet.fields.find((f) => f.id === "column:kentico/COM_Customer.CustomerEmail")!;
    // Each step cites the line of kentico.yaml that states it: the column in COM_Customer, the field the vendor receives.
    const kentico = readFileSync(path.join(BUILT_IN_DIR, "kentico.yaml"), "utf8").split("\n");
    const [column, sent] = email.evidence.provenance.map((p) => p.find((x) => x.kind === "stated"));
    expect(column).toMatchObject({ kind: "stated", file: "kentico.yaml", document: "Personal data in Kentico" });
    expect(sent).toMatchObject({ kind: "stated", file: "kentico.yaml", document: "Personal data in Kentico" });
    expect(column?.kind === "stated" && kentico[column.line - 1]).toContain("name: CustomerEmail");
    expect(sent?.kind === "stated" && kentico[sent.line - 1]).toContain("COM_Customer.CustomerEmail");
    expect({ ...email, evidence: { ...email.evidence, provenance: email.evidence.provenance.length } }).toEqual({
      id: "column:kentico/COM_Customer.CustomerEmail",
      system: "kentico",
      table: "COM_Customer",
      column: "CustomerEmail",
      category: "Email address",
      categoryId: "category:email-address",
      evidence: {
        nodes: ["table:kentico/COM_Customer", "column:kentico/COM_Customer.CustomerEmail", "vendor:authorize-net"],
        edges: ["table:kentico/COM_Customer|HAS_COLUMN|column:kentico/COM_Customer.CustomerEmail", "column:kentico/COM_Customer.CustomerEmail|SENT_TO|vendor:authorize-net"],
        via: [],
        provenance: 2,
      },
    });
  });

  it("from COM_Customer never reaches the sign-in ids that customer data does not feed (Facebook, LinkedIn, Microsoft)", async () => {
    const t = await trace("table:kentico/COM_Customer");

    expect(vendorIds(t)).toContain("vendor:paypal");
    for (const v of ["vendor:facebook", "vendor:linkedin", "vendor:microsoft"]) expect(vendorIds(t)).not.toContain(v);
  });

  it("says 'not-stated' for a vendor whose country the inventory does not give, never 'eea'", async () => {
    const t = await trace("table:kentico/COM_Customer");

    const paypal = t.vendors.find((v) => v.id === "vendor:paypal")!;
    expect(paypal.countries).toEqual([]);
    expect(paypal.transfer).toBe("not-stated");
    expect(paypal.mechanism).toBeNull();
    expect(t.elements.nodes.find((n) => n.data.id === "vendor:paypal")?.data.transfer).toBe("not-stated");
  });

  it("from COM_Customer follows a copy whose columns the document does not map as one table edge per category (customer email → users → Gravatar)", async () => {
    const t = await trace("table:kentico/COM_Customer");

    expect(vendorIds(t)).toContain("vendor:gravatar");
    const edges = t.elements.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`);
    // The document says name, email and phone are synchronised with the user account, not which column goes where.
    expect(edges.filter((e) => e.includes("COPIED_TO column:kentico/CMS_User"))).toEqual([]);
    const copies = t.elements.edges.filter((e) => e.data.source === "table:kentico/COM_Customer" && e.data.type === "COPIED_TO" && e.data.target === "table:kentico/CMS_User");
    expect(copies.map((e) => e.data.label).sort()).toEqual(expect.arrayContaining(["Email address: columns not stated"]));
    expect(new Set(copies.map((e) => e.data.id)).size).toBe(copies.length);
    expect(edges).toContain("table:kentico/CMS_User HAS_COLUMN column:kentico/CMS_User.Email");
    expect(edges).toContain("column:kentico/CMS_User.Email SENT_TO vendor:gravatar");
    const gravatar = t.vendors.find((v) => v.id === "vendor:gravatar")!;
    expect(gravatar.fields.map((f) => f.evidence.nodes)).toEqual([["table:kentico/COM_Customer", "table:kentico/CMS_User", "column:kentico/CMS_User.Email", "vendor:gravatar"]]);
    expect(gravatar.fields[0]!.evidence.via).toEqual(["Customers (Email address, columns not stated)"]);
    // Only data-flow edges are drawn.
    expect(new Set(t.elements.edges.map((e) => e.data.type))).toEqual(new Set(["COPIED_TO", "HAS_COLUMN", "SENT_TO"]));
  });

  it("from the customer data subject reaches PayPal and Authorize.Net through the tables that describe customers", async () => {
    const t = await trace("subject:kentico/customer");

    expect(vendorIds(t)).toEqual(expect.arrayContaining(["vendor:paypal", "vendor:authorize-net"]));
    expect(t.elements.edges.some((e) => e.data.source === "subject:kentico/customer" && e.data.type === "DESCRIBED_IN")).toBe(true);
  });

  it("from the postal-address category reaches PayPal and Authorize.Net through the columns of that category only", async () => {
    const t = await trace("category:postal-address");

    expect(vendorIds(t)).toEqual(expect.arrayContaining(["vendor:paypal", "vendor:authorize-net"]));
    for (const v of t.vendors) expect(v.categories.map((c) => c.id), v.id).toEqual(["category:postal-address"]);
    // A category is only a start: its edges lead to its own columns, and nothing leads into it.
    const categoryEdges = t.elements.edges.filter((e) => e.data.source === "category:postal-address" || e.data.target === "category:postal-address");
    expect(categoryEdges.length).toBeGreaterThan(0);
    expect(categoryEdges.every((e) => e.data.type === "OF_CATEGORY" && e.data.source === "category:postal-address")).toBe(true);
  });

  it("never crosses into another system through a shared category: a Kontent.ai trace stays in Kontent.ai", async () => {
    const t = await trace("table:kontent-ai/KontentAi_User");

    expect(t.vendors.every((v) => v.systems.length === 1 && v.systems[0] === "kontent-ai")).toBe(true);
    expect(t.elements.nodes.every((n) => n.data.system === "kontent-ai" || n.data.system === null)).toBe(true);
    expect(t.elements.nodes.some((n) => n.data.kind === "category")).toBe(false);
  });

  it("gives each vendor only the countries of the traced flow's system (Intercom: Ireland for Kontent.ai, not the US of Ambassify)", async () => {
    const t = await trace("table:kontent-ai/KontentAi_User");

    const intercom = t.vendors.find((v) => v.id === "vendor:intercom")!;
    expect(intercom.countries).toEqual([{ code: "IE", name: "Ireland", eea: true, role: "entity", transfer: "eea" }]);
    // Its legal entity is in Ireland, but the document does not say where the data is stored: not "EEA".
    expect(intercom.transfer).toBe("not-stated");
    const sendgrid = t.vendors.find((v) => v.id === "vendor:sendgrid")!;
    expect(sendgrid.countries).toEqual([{ code: "US", name: "United States", eea: false, role: "entity", transfer: "third-country" }]);
    expect(sendgrid.transfer).toBe("third-country");
    const edges = t.elements.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`);
    expect(edges).toContain("vendor:intercom LOCATED_IN location:IE");
    expect(edges).not.toContain("vendor:intercom LOCATED_IN location:US");
  });

  it("reports where a sub-processor sits and stores data, with retention, for an Ambassify trace", async () => {
    const t = await trace("table:ambassify/Ambassify_User");

    const twilio = t.vendors.find((v) => v.id === "vendor:twilio")!;
    expect(twilio.countries).toEqual([
      { code: "US", name: "United States", eea: false, role: "entity", transfer: "third-country" },
      { code: "DE", name: "Germany", eea: true, role: "data", transfer: "eea" },
    ]);
    expect(twilio.retention).toEqual(["30 days"]);
    expect(twilio.fields.map((f) => f.column)).toEqual(["Contact information", "Conversational data"]);
  });

  it("from a column reaches where that column goes, and where the columns it is copied into go", async () => {
    const t = await trace("column:kentico/CMS_User.Email");

    expect(vendorIds(t)).toEqual(expect.arrayContaining(["vendor:gravatar", "vendor:paypal"]));
    for (const v of t.vendors) for (const f of v.fields) expect(f.evidence.nodes[0], `${v.id} via ${f.id}`).toBe("column:kentico/CMS_User.Email");
    for (const v of t.vendors) for (const f of v.fields) expect(f.categoryId, `${v.id} via ${f.id}`).toBe("category:email-address");
    // The user's email is copied into the linked customer's email, which goes to PayPal.
    const paypal = t.vendors.find((v) => v.id === "vendor:paypal")!;
    expect(paypal.fields.map((f) => f.evidence.nodes)).toContainEqual([
      "column:kentico/CMS_User.Email",
      "table:kentico/CMS_User",
      "table:kentico/COM_Customer",
      "column:kentico/COM_Customer.CustomerEmail",
      "vendor:paypal",
    ]);
    expect(t.elements.nodes.some((n) => n.data.id === "column:kentico/CMS_User.FirstName")).toBe(false);
  });

  it("from a source reaches the vendors of the fields it fills", async () => {
    const t = await trace("source:kontent-ai/sign-up");

    expect(vendorIds(t)).toEqual(expect.arrayContaining(["vendor:intercom", "vendor:salesforce", "vendor:sendgrid"]));
    expect(t.elements.edges.some((e) => e.data.source === "source:kontent-ai/sign-up" && e.data.type === "FILLS")).toBe(true);
  });

  it("from a source that names the fields it fills reaches only the vendors of those fields", async () => {
    const t = await trace("source:kontent-ai/browser");

    // Browser, device type and operating system go to Microsoft (Azure, Application Insights) and nowhere else.
    expect(vendorIds(t)).toEqual(["vendor:microsoft"]);
    expect(t.vendors[0]?.fields.map((f) => f.column)).toEqual(["Browser", "Device type", "Operating system"]);
    expect(t.vendors[0]?.services).toEqual(["Azure", "Azure Application Insights"]);
  });

  it("from a whole system answers within the node cap", async () => {
    const t = await trace("system:kentico");

    expect(vendorIds(t)).toEqual(expect.arrayContaining(["vendor:paypal", "vendor:authorize-net", "vendor:strands", "vendor:salesforce"]));
    expect(t.truncated).toBe(false);
    expect(t.elements.nodes.length).toBeLessThanOrEqual(500);
  });

  it("answers 400 naming 'from' when it is missing, malformed or a vendor", async () => {
    for (const query of [{}, { from: "CMS_User" }, { from: "vendor:paypal" }]) {
      const res = await request(app).get("/api/trace").query(query);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_ERROR");
      expect(res.body.error.message).toMatch(/'from'/);
      expect(res.body.error.details[0].field).toBe("from");
    }
  });

  it("answers 404 for an unknown node", async () => {
    const res = await request(app).get("/api/trace").query({ from: "table:kentico/No_Such_Table" });

    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NOT_FOUND", message: "No node with id 'table:kentico/No_Such_Table'." });
  });
});

describe("GET /api/trace, collapsed to tables", () => {
  const get = async (query: Record<string, string>) => {
    const res = await request(app).get("/api/trace").query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return TraceResponseSchema.parse(res.body);
  };
  const tableOf = (columnId: string) => `table:${columnId.slice("column:".length, columnId.lastIndexOf("."))}`;

  it("draws tables → vendors with the columns each edge stands for; lists, vendors and counts stay the same", async () => {
    const full = await get({ from: "system:kentico", detail: "columns" });
    const collapsed = await get({ from: "system:kentico", detail: "tables" });
    expect(full.detail).toBe("columns");
    expect(collapsed.detail).toBe("tables");
    expect(collapsed.vendors).toEqual(full.vendors);
    expect(collapsed.totalVendors).toBe(full.totalVendors);
    expect(collapsed.elements.nodes.some((n) => n.data.kind === "column")).toBe(false);

    // Each table → vendor edge bundles exactly the distinct columns of that table the full answer sends there.
    const sends = new Map<string, Set<string>>();
    for (const e of full.elements.edges.filter((x) => x.data.type === "SENT_TO")) {
      const key = `${tableOf(e.data.source)}|${e.data.target}`;
      sends.set(key, (sends.get(key) ?? new Set()).add(e.data.source));
    }
    const drawn = collapsed.elements.edges.filter((x) => x.data.type === "SENT_TO");
    expect(drawn.map((e) => `${e.data.source}|${e.data.target}`).sort()).toEqual([...sends.keys()].sort());
    for (const e of drawn) expect(e.data.count ?? 1, e.data.id).toBe(sends.get(`${e.data.source}|${e.data.target}`)!.size);

    // A collapsed table says how many of its columns it stands for: those the full answer draws.
    const columns = full.elements.nodes.filter((n) => n.data.kind === "column");
    for (const t of collapsed.elements.nodes.filter((n) => n.data.collapsed)) {
      expect(t.data.collapsed!.columns, t.data.id).toBe(columns.filter((c) => tableOf(c.data.id) === t.data.id).length);
    }
  });

  it("expands one table on demand into its columns, every drawn edge still on a path to a vendor", async () => {
    const t = await get({ from: "system:kentico", detail: "tables", expand: "table:kentico/CMS_User" });
    expect(t.expanded).toEqual(["table:kentico/CMS_User"]);
    const cols = t.elements.nodes.filter((n) => n.data.kind === "column");
    expect(cols.length).toBeGreaterThan(0);
    expect(cols.every((c) => c.data.id.startsWith("column:kentico/CMS_User."))).toBe(true);
    expect(t.elements.edges.some((e) => e.data.source === "column:kentico/CMS_User.Email" && e.data.target === "vendor:gravatar")).toBe(true);
    // Every node but the start has an edge in and every edge leads on to a vendor (no dead ends in the picture).
    const into = new Map<string, string[]>();
    for (const e of t.elements.edges) into.set(e.data.target, [...(into.get(e.data.target) ?? []), e.data.source]);
    const reach = new Set<string>(t.vendors.map((v) => v.id));
    for (let grew = true; grew; ) {
      grew = false;
      for (const id of [...reach]) {
        for (const s of into.get(id) ?? []) {
          if (reach.has(s)) continue;
          reach.add(s);
          grew = true;
        }
      }
    }
    for (const e of t.elements.edges.filter((x) => x.data.type !== "LOCATED_IN" && x.data.type !== "STORES_DATA_IN")) expect(reach.has(e.data.target), e.data.id).toBe(true);
  });

  it("collapses by itself only past the column threshold (auto), so the built-in traces draw every column", async () => {
    const t = await get({ from: "system:kentico" });
    expect(t.detail).toBe("columns");
    expect(t.omitted).toEqual({ totalNodes: t.elements.nodes.length, shownNodes: t.elements.nodes.length, byKind: {} });
  });

  it("answers 400 naming the field for an unknown detail or a table id that is not one", async () => {
    for (const [query, field] of [
      [{ from: "system:kentico", detail: "rows" }, "detail"],
      [{ from: "system:kentico", expand: "vendor:paypal" }, "expand"],
    ] as const) {
      const res = await request(app).get("/api/trace").query(query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
  });
});
