import request from "supertest";
import { describe, expect, it } from "vitest";

import { WhereResponseSchema, type Provenance } from "../../server/src/contract/api.js";
import { testApp, testGraph } from "../support/graph.js";
import { citedEntry, citedLine, namesOf } from "../support/provenance.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
const app = testApp(graph);
warmQueries(graph, [["where/columns", { category: "category:email-address", subject: null, system: "kentico", skip: 0, limit: 2147483647 }]]);

describe("GET /api/where", () => {
  it("lists every Kentico column holding an email address, the tables referencing CMS_User, the sources writing it and the vendors receiving it", async () => {
    const res = await request(app).get("/api/where").query({ category: "category:email-address", system: "kentico" });

    expect(res.status).toBe(200);
    const body = WhereResponseSchema.parse(res.body);
    expect(body.asked).toMatchObject({ id: "category:email-address", kind: "category", name: "Email address", system: "kentico" });
    const columns = body.columns.map((c) => `${c.table}.${c.column}`);
    expect(columns).toEqual(expect.arrayContaining(["CMS_User.Email", "CMS_Email.EmailTo"]));
    expect(body.columns.every((c) => c.system === "kentico" && c.category === "Email address")).toBe(true);
    const referencingUser = body.referencing.filter((r) => r.references === "table:kentico/CMS_User");
    expect(referencingUser.length).toBeGreaterThan(0);
    expect(referencingUser.every((r) => r.columns.length > 0)).toBe(true);
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.sources.some((g) => g.sources.some((s) => s.id === "source:kentico/users-registration" && s.columns.includes("column:kentico/CMS_User.Email")))).toBe(true);
    // Sources of one system sharing a name are one item with their count: Kentico's three "Users" sources.
    const users = body.sources.filter((g) => g.system === "kentico" && g.name === "Users");
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ count: 3 });
    expect(users[0]!.sources.map((s) => s.id)).toEqual(["source:kentico/contact-from-users", "source:kentico/customer-user-sync", "source:kentico/online-users-from-users"]);
    expect(new Set(body.sources.map((g) => g.key)).size).toBe(body.sources.length);
    // Vendors come with the engagement's transfer status, read from the flow; PayPal names no country.
    expect(body.vendors.find((v) => v.id === "vendor:paypal")).toMatchObject({ transfer: "not-stated", safeguard: "not documented", countries: [] });
  });

  it("answers for a data subject instead of a category, across systems", async () => {
    const res = await request(app).get("/api/where").query({ subject: "subject:ambassify/manager" });

    expect(res.status).toBe(200);
    const body = WhereResponseSchema.parse(res.body);
    expect(body.asked.kind).toBe("subject");
    expect(body.columns.length).toBeGreaterThan(0);
    expect(body.tables.map((t) => t.name)).toContain("Ambassify_Manager");
  });

  it("is the checklist for a data subject: each table with the identity key and erasure action its inventory states, 'not stated' left null", async () => {
    const res = await request(app).get("/api/where").query({ subject: "subject:kentico/user" });

    expect(res.status).toBe(200);
    const body = WhereResponseSchema.parse(res.body);
    expect(body.tables.length).toBeGreaterThan(1);
    const user = body.tables.find((t) => t.id === "table:kentico/CMS_User");
    // The Kentico document: UserName "serves as a unique identifier for users"; UserID and UserGUID "used as identifiers".
    expect(user?.identity).toMatchObject({ columns: ["UserName", "UserID", "UserGUID"], basis: "stated" });
    // Nothing else is guessed: a table whose document states no identifier of the person has none, and no built-in
    // document states an erasure action for any table, so every action is null ("not stated"), never a default.
    const settings = body.tables.find((t) => t.id === "table:kentico/CMS_UserSettings");
    expect(settings).toMatchObject({ identity: null, erasure: null, columnErasure: [] });
    expect(body.tables.every((t) => t.erasure === null)).toBe(true);
    expect(body.columns.every((c) => c.erasure === null && c.erasureFrom === null)).toBe(true);
    // Vendors carry their route (no built-in document states a vendor's privacy contact) and the retention they state.
    expect(body.vendors.length).toBeGreaterThan(0);
    expect(body.vendors.every((v) => v.privacyContact === null)).toBe(true);
  });

  it("gives a vendor flow's stated retention on the checklist (Ambassify's Twilio: 30 days)", async () => {
    const res = await request(app).get("/api/where").query({ subject: "subject:ambassify/user" });

    const body = WhereResponseSchema.parse(res.body);
    expect(body.vendors.find((v) => v.flow === "ambassify/twilio")).toMatchObject({ retention: "30 days", privacyContact: null });
    expect(body.tables.find((t) => t.name === "Ambassify_User")).toMatchObject({ identity: null, erasure: null });
  });

  it("asks for exactly one of category and subject, and 404s an unknown category", async () => {
    expect((await request(app).get("/api/where")).status).toBe(400);
    expect((await request(app).get("/api/where").query({ category: "category:email-address", subject: "subject:ambassify/manager" })).status).toBe(400);
    const missing = await request(app).get("/api/where").query({ category: "category:no-such-thing" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });

  it("cites every item of every checklist of the built-in data at a line of its file that names the item", { timeout: 300_000 }, async () => {
    const asked = (await graph.probe("MATCH (n:Subject|Category) RETURN n.id AS id, n.kind AS kind ORDER BY id")).map((r) => ({ id: String(r.id), kind: String(r.kind) }));
    expect(asked.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const counted = { items: 0, stated: 0, identity: 0, referencing: 0, sources: 0, vendors: 0 };
    // A copy is stated by its source's `copiesFrom` line, which names the table copied from.
    const copiesFrom = new Map<string, string[]>();
    for (const r of await graph.probe("MATCH (s:Source)-[:READS_FROM]->(t:Table) RETURN s.id AS source, collect(t.name) AS tables")) copiesFrom.set(String(r.source), (r.tables as unknown[]).map(String));
    /** Every item has a provenance; each `stated` one cites a line naming one of `names` (the item, or what it connects). */
    const check = (where: string, provenance: readonly Provenance[] | undefined, names: readonly string[]) => {
      counted.items++;
      if (!provenance?.length) return void problems.push(`${where}: no provenance`);
      for (const p of provenance) {
        if (p.kind !== "stated") continue;
        counted.stated++;
        const line = citedEntry(p);
        if (!names.some((n) => line.includes(n))) problems.push(`${where}: cites ${p.file}:${p.line} ("${line.trim()}"), which names none of ${names.join(", ")}`);
      }
    };

    for (const q of asked) {
      const res = await request(app).get("/api/where").query({ [q.kind]: q.id, limit: "2000" });
      if (res.status !== 200) {
        problems.push(`${q.id}: HTTP ${res.status}`);
        continue;
      }
      const w = WhereResponseSchema.parse(res.body);
      // One page holds every item of the built-in checklists: each one is checked.
      if (w.next || w.tablesNext || w.referencingNext) problems.push(`${q.id}: more than one page`);
      for (const c of w.columns) check(`${q.id} column ${c.id}`, c.provenance, [c.column]);
      for (const t of w.tables) {
        check(`${q.id} table ${t.id}`, t.provenance, [t.name]);
        if (t.identity) {
          counted.identity++;
          check(`${q.id} identity of ${t.id}`, t.identity.provenance, [t.name]);
        }
        if (t.erasure) check(`${q.id} erasure of ${t.id}`, t.erasure.provenance, [t.name]);
        for (const c of t.columnErasure) check(`${q.id} erasure of ${t.id}.${c.column}`, c.provenance, [c.column]);
      }
      for (const r of w.referencing) {
        counted.referencing++;
        check(`${q.id} ${r.id} → ${r.references}`, r.provenance, [r.name, r.referencesName, ...r.columns]);
      }
      for (const g of w.sources) {
        const connects = (s: { id: string; columns: string[] }) => [...namesOf(s.id), ...s.columns.flatMap(namesOf), ...(copiesFrom.get(s.id) ?? [])];
        check(`${q.id} sources ${g.key}`, g.provenance, g.sources.flatMap(connects));
        for (const s of g.sources) {
          counted.sources++;
          check(`${q.id} source ${s.id}`, s.provenance, connects(s));
        }
      }
      for (const v of w.vendors) {
        counted.vendors++;
        check(`${q.id} vendor flow ${v.flow}`, v.provenance, [...namesOf(v.id), ...v.columns.flatMap(namesOf)]);
      }
    }

    expect(problems.slice(0, 20)).toEqual([]);
    // The checks ran on real material: every kind of item, most of them cited at a line.
    expect(counted.identity).toBeGreaterThan(0);
    expect(counted.referencing).toBeGreaterThan(10);
    expect(counted.sources).toBeGreaterThan(10);
    expect(counted.vendors).toBeGreaterThan(10);
    expect(counted.stated).toBeGreaterThan(counted.items);
  });

  it("cites CMS_User's identity key at its entry, and Kentico's PayPal flow of email addresses at the engagement and at the fields it receives", async () => {
    const w = WhereResponseSchema.parse((await request(app).get("/api/where").query({ subject: "subject:kentico/user" })).body);
    const user = w.tables.find((t) => t.id === "table:kentico/CMS_User")!;
    expect(user.identity?.provenance[0]).toMatchObject({ kind: "stated", file: "kentico.yaml", document: "Personal data in Kentico" });
    const p = user.identity!.provenance[0]!;
    expect(p.kind === "stated" && citedLine(p)).toContain("CMS_User");
    const email = w.columns.find((c) => c.id === "column:kentico/CMS_User.Email")!;
    expect(email.provenance).toEqual([expect.objectContaining({ kind: "stated", file: "kentico.yaml" })]);
    const emails = WhereResponseSchema.parse((await request(app).get("/api/where").query({ category: "category:email-address", system: "kentico" })).body);
    const paypal = emails.vendors.find((v) => v.id === "vendor:paypal");
    expect(paypal).toBeDefined();
    const cited = paypal!.provenance.map((q) => (q.kind === "stated" ? citedEntry(q) : q.kind));
    // The engagement's entry names PayPal; the other citations are the `receives` lines of the user's columns it gets.
    expect(cited.filter((l) => l.includes("paypal"))).toHaveLength(1);
    expect(cited.length).toBeGreaterThan(1);
    expect(cited.every((l) => l.includes("paypal") || paypal!.columns.some((c) => l.includes(namesOf(c)[0]!)))).toBe(true);
  });
});
