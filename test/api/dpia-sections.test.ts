import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { LAWFUL_BASIS_WORDS, NOT_DOCUMENTED } from "../../server/src/contract/words.js";
import { esc } from "../../server/src/reports/dpia.figure.js";
import { closePdfBrowser } from "../../server/src/reports/pdf.js";
import { testApp, testGraph } from "../support/graph.js";
import { binary, poppler } from "../support/pdf.js";

const graph = testGraph();
const app = testApp(graph);
afterAll(() => closePdfBrowser());

const OUT = path.resolve("test-results");
const SHOTS = path.join(OUT, "screenshots");
const START = "source:kentico/users-registration";
const ART_35_7 = [
  "1. Systematic description of the processing (Art. 35(7)(a))",
  "2. Necessity and proportionality (Art. 35(7)(b))",
  "3. Risks to the rights and freedoms of data subjects (Art. 35(7)(c))",
  "4. Measures envisaged to address the risks (Art. 35(7)(d))",
  "5. Opinions",
  "6. Sign-off",
];

/** The pack's flows as the transfers endpoint sees them: each flow's id and the server's transfer status. */
async function kenticoFlows(): Promise<Map<string, string>> {
  const rows = await graph.probe("MATCH (:System {system: 'kentico'})-[u:USES_VENDOR]->(:Vendor) RETURN u.flow AS flow, u.transfer AS transfer");
  return new Map(rows.map((r) => [r.flow as string, r.transfer as string]));
}

describe("GET /api/reports/dpia without an assessment: the Art. 35(7) sections from what the graph knows", () => {
  it("prints the registration DPIA with every Art. 35(7) section, its data subject, lawful bases 'not documented' and each flow's transfer assessment", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: START, format: "pdf" }).buffer(true).parse(binary);

    expect(res.status).toBe(200);
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(OUT, "dpia-sections-registration.pdf");
    writeFileSync(file, res.body as Buffer);
    const text = poppler("pdftotext", [file, "-"]).replace(/\s+/g, " ");
    for (const h of ART_35_7) expect(text).toContain(h);
    expect(text).toContain("Registered user");
    expect(text).toContain("No assessment is loaded for this pack");
    // Each of Kentico's processing activities (if the inventory groups purposes into any) with its lawful basis or
    // "not documented"; each purpose no activity groups, with "not documented".
    const activities = await graph.probe(
      "MATCH (:System {system: 'kentico'})-[:HAS_ACTIVITY]->(a:Activity) OPTIONAL MATCH (a)-[:GROUPS]->(p:Purpose) RETURN a.name AS name, a.lawfulBasis AS basis, collect(p.id) AS purposes",
    );
    const html = (await request(app).get("/api/reports/dpia").query({ from: START })).text;
    const section = html.slice(html.indexOf("Processing activities, purposes and lawful bases"), html.indexOf("2. Necessity and proportionality"));
    const rows = [...section.matchAll(/<tr><td>([^<]*)<\/td>.*?<\/tr>/g)].map((m) => [m[1]!, m[0]] as const);
    expect(rows.length).toBeGreaterThan(0);
    for (const [, row] of rows) expect(row.includes(NOT_DOCUMENTED) || Object.values(LAWFUL_BASIS_WORDS).some((w) => row.includes(esc(w)))).toBe(true);
    for (const a of activities) if (section.includes(esc(a.name as string))) expect(section).toContain(a.basis ? esc(LAWFUL_BASIS_WORDS[a.basis as string]!) : NOT_DOCUMENTED);
    if (activities.length === 0) expect(section).toContain("no processing activity of Kentico groups this trace's purposes");
    expect(text).toContain("Transfer impact assessments (EDPB Recommendations 01/2020)");
    // The registration's flows all leave their countries out (status "not-stated"): each is listed, not assessed.
    const flows = await kenticoFlows();
    const listed = [...html.matchAll(/<h3 class="tia">Transfer: [^<]*<span class="muted">\(([^)]+)\)<\/span><\/h3>/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(0);
    for (const f of listed) expect(["not-stated", "third-country"]).toContain(flows.get(f));
    expect(html).toContain("Destination unknown: establish it first.");
    expect(html).not.toContain("Step 1. Know the transfer");
    poppler("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "4", file, path.join(SHOTS, "dpia-sections")]);
  }, 120_000);

  it("refuses a pack with neither a start nor an assessment, naming 'from', and 404s an unknown assessment", async () => {
    const none = await request(app).get("/api/reports/dpia");
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain("from");

    const unknown = await request(app).get("/api/reports/dpia").query({ assessment: "no-such-assessment" });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: { message: string } }).error.message).toContain("no-such-assessment");
  });
});

describe("GET /api/reports/tia", () => {
  it("gives Ambassify's Heroku flow (a US entity, no Art. 46 tool stated) the EDPB's six steps, the graph's facts filled and the rest 'not documented'", async () => {
    const [flow] = await graph.probe("MATCH (:System)-[u:USES_VENDOR {flow: 'ambassify/heroku'}]->(:Vendor) RETURN u.transfer AS transfer, u.mechanism AS mechanism");
    expect(flow).toEqual({ transfer: "third-country", mechanism: null });

    const res = await request(app).get("/api/reports/tia").query({ flow: "ambassify/heroku" });

    expect(res.status).toBe(200);
    for (const step of ["Step 1. Know the transfer", "Step 2. The transfer tool relied on", "Step 3. Law and practice of the destination", "Step 4. Supplementary measures", "Step 5. Procedural steps", "Step 6. Re-evaluation"]) {
      expect(res.text).toContain(step);
    }
    expect(res.text).toContain("Heroku, Inc.");
    expect(res.text).toContain("United States");
    expect(res.text).toContain("no Art. 46 tool (SCCs, BCRs) is stated");
    expect(res.text).toContain("No loaded assessment covers this flow");
  });

  it("prints it to an A4 PDF", async () => {
    const res = await request(app).get("/api/reports/tia").query({ flow: "ambassify/heroku", format: "pdf" }).buffer(true).parse(binary);

    expect(res.status).toBe(200);
    const file = path.join(OUT, "tia-ambassify-heroku.pdf");
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(file, res.body as Buffer);
    expect(poppler("pdftotext", [file, "-"]).replace(/\s+/g, " ")).toContain("Step 6. Re-evaluation");
    expect(poppler("pdfinfo", [file])).toMatch(/Page size:.*\(A4\)/);
    poppler("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", file, path.join(SHOTS, "tia-ambassify-heroku")]);
  }, 90_000);

  it("says a flow whose destination is not stated must be established first, and is not assessed", async () => {
    const flows = await kenticoFlows();
    const unknown = [...flows].find(([, t]) => t === "not-stated")![0];

    const res = await request(app).get("/api/reports/tia").query({ flow: unknown });

    expect(res.status).toBe(200);
    expect(res.text).toContain("Destination unknown: establish it first.");
    expect(res.text).not.toContain("Step 3.");
  });

  it("400s a malformed flow id and 404s one that names no flow", async () => {
    const bad = await request(app).get("/api/reports/tia").query({ flow: "heroku" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("flow");

    const none = await request(app).get("/api/reports/tia").query({ flow: "ambassify/no-such-vendor" });
    expect(none.status).toBe(404);
  });
});
