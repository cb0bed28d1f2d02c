import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TraceResponseSchema } from "../../server/src/contract/api.js";
import { ROWS_PER_FIGURE } from "../../server/src/reports/dpia.figure.js";
import { closePdfBrowser } from "../../server/src/reports/pdf.js";
import { testApp, testGraph } from "../support/graph.js";
import { binary, poppler, renderPages } from "../support/pdf.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
const app = testApp(graph);
warmQueries(graph, [
  ["trace/start-columns", { from: "source:kentico/users-registration" }],
  ["trace/start-columns", { from: "system:kentico" }],
]);
afterAll(() => closePdfBrowser());

const OUT = path.resolve("test-results");
const SHOTS = path.join(OUT, "screenshots");
const START = "source:kentico/users-registration";


describe("GET /api/reports/dpia", () => {
  // The trace the pack is made from, asked once for the file (the query is the heaviest the API runs).
  let trace: ReturnType<typeof TraceResponseSchema.parse>;
  beforeAll(async () => {
    trace = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: START })).body);
  });

  it("gives one self-contained HTML page with the figure, every vendor of the trace and 'not documented' where the inventory is silent", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: START, format: "html" });

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    const html = res.text;
    expect(trace.vendors.length).toBeGreaterThan(0);
    for (const v of trace.vendors) expect(html).toContain(v.name);
    expect(html).toContain("not documented");
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain("Transfers needing safeguards");
    expect(html).toContain(trace.from.label);
    // Self-contained: no scripts, no linked styles or images, no remote URL.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, "dpia-kentico-registration.html"), html);
  });

  it("applies the trace's filters and names them in the pack", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: START, vendor: "vendor:paypal" });

    expect(res.status).toBe(200);
    expect(res.text).toContain("vendors: PayPal");
    expect(res.text).not.toContain(">Gravatar<");
  });

  it("prints the pack to an A4 PDF whose text lists every vendor and 'not documented', and whose pages render", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: START, format: "pdf" }).buffer(true).parse(binary);

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(OUT, "dpia-kentico-registration.pdf");
    writeFileSync(file, pdf);
    // Reading order, whitespace folded: a name wrapped over two lines of a table cell is still one name.
    const text = poppler("pdftotext", [file, "-"]).replace(/\s+/g, " ");
    for (const v of trace.vendors) expect(text).toContain(v.name);
    expect(text).toContain("not documented");
    expect(text).toContain("Transfers needing safeguards");
    // A4 portrait: 595 × 842 pt.
    expect(poppler("pdfinfo", [file])).toMatch(/Page size:.*\(A4\)/);
    expect(renderPages(file, path.join(SHOTS, "dpia-page"), 1, 3)).toHaveLength(3);
  }, 90_000);

  it("makes the pack of a whole system, every figure label at least 9 px", async () => {
    const system = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "system:kentico" })).body);
    const res = await request(app).get("/api/reports/dpia").query({ from: "system:kentico", format: "pdf" }).buffer(true).parse(binary);

    expect(res.status).toBe(200);
    const file = path.join(OUT, "dpia-kentico-system.pdf");
    writeFileSync(file, res.body as Buffer);
    const html = (await request(app).get("/api/reports/dpia").query({ from: "system:kentico" })).text;
    const fields = new Set(system.vendors.flatMap((v) => v.fields.map((f) => f.id)));
    // Up to ROWS_PER_FIGURE fields make one block; more, one block per vendor (dpia.figure.test.ts), over as many pages as they need.
    const blocks = [...html.matchAll(/font-weight="700">Flows to ([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(new Set(blocks.map((b) => b!.replace(/ \(part \d+ of \d+\)$/, ""))).size).toBe(fields.size <= ROWS_PER_FIGURE ? 0 : new Set(system.vendors.map((v) => v.name)).size);
    expect((html.match(/<figure class="figure-page">/g) ?? []).length).toBeGreaterThanOrEqual(1);
    for (const v of system.vendors) expect(html).toContain(v.name);
    const sizes = [...html.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    poppler("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", file, path.join(SHOTS, "dpia-kentico-system")]);
  }, 120_000);

  it("prints the Ambassify system's figure over the pages it needs, each saying which page it is and with the legend", async () => {
    const res = await request(app).get("/api/reports/dpia").query({ from: "system:ambassify", format: "pdf" }).buffer(true).parse(binary);

    expect(res.status).toBe(200);
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(OUT, "dpia-ambassify-system.pdf");
    writeFileSync(file, res.body as Buffer);
    const html = (await request(app).get("/api/reports/dpia").query({ from: "system:ambassify" })).text;
    writeFileSync(path.join(OUT, "dpia-ambassify-system.html"), html);
    poppler("pdftoppm", ["-png", "-r", "80", file, path.join(SHOTS, "dpia-ambassify-system")]);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", [file]))![1]);
    const pages = Array.from({ length: pageCount }, (_, i) => poppler("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", file, "-"]).replace(/\s+/g, " "));
    const figurePages = pages.map((text, i) => ({ text, i })).filter((p) => /Figure 1\./.test(p.text));
    // Ambassify's flows need more than one page at full size: each says which page of how many it is, in order, with the legend.
    expect(figurePages.length).toBeGreaterThan(1);
    figurePages.forEach((p, k) => {
      expect(p.text).toContain(`(page ${k + 1} of ${figurePages.length})`);
      for (const words of ["vendor's entity country", "country data is stored in", "field sent (table.column)"]) expect(p.text).toContain(words);
    });
    // Consecutive pages; every vendor drawn on one of them.
    expect(figurePages.map((p) => p.i)).toEqual(figurePages.map((_, k) => figurePages[0]!.i + k));
    const system = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "system:ambassify" })).body);
    for (const v of system.vendors) expect(figurePages.some((p) => p.text.includes(v.name)), v.name).toBe(true);
    // Printed at full size (no text under 6 pt) and nothing past the right margin (A4: 595 pt wide, 12 mm = 34 pt margins).
    for (const p of figurePages) {
      const words = [...poppler("pdftotext", ["-bbox", "-f", String(p.i + 1), "-l", String(p.i + 1), file, "-"]).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
      expect(words.length).toBeGreaterThan(20);
      // A word's box is its font's ascent + descent, about 1.16 em in DejaVu Sans: 6 pt text makes a box of 7 pt.
      expect(Math.min(...words.map(([, y1, , y2]) => y2 - y1))).toBeGreaterThanOrEqual(6 * 1.16 - 0.05);
      expect(Math.max(...words.map(([, , x2]) => x2))).toBeLessThanOrEqual(595 - 34 + 0.5);
    }
    // Nothing breaks inside a word, in the figure or the tables: every piece of a name between the places it may
    // break (a space, "_", ".", before a capital) is whole in the text ("Professional", never "Profession al").
    const all = pages.join(" ");
    const names = system.vendors.flatMap((v) => [v.name, ...v.fields.flatMap((f) => [f.table, f.column, f.category ?? ""])]);
    const pieces = new Set(names.flatMap((n) => n.split(/[ _.]|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)).filter((w) => w.length >= 4));
    expect(pieces.size).toBeGreaterThan(20);
    expect([...pieces].filter((w) => !all.includes(w))).toEqual([]);
  }, 120_000);

  it("rejects an unknown format and 404s an unknown start", async () => {
    expect((await request(app).get("/api/reports/dpia").query({ from: START, format: "docx" })).status).toBe(400);
    expect((await request(app).get("/api/reports/dpia").query({ from: "source:kentico/no-such-source" })).status).toBe(404);
  });
});

describe("GET /api/openapi.json (reports and where)", () => {
  it("documents the report routes with the file types they answer, and /api/where", async () => {
    const doc = (await request(app).get("/api/openapi.json")).body as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }>; parameters: { name: string }[] } }> };

    expect(Object.keys(doc.paths["/api/reports/dpia"]!.get.responses["200"]!.content)).toEqual(expect.arrayContaining(["text/html", "application/pdf"]));
    expect(Object.keys(doc.paths["/api/reports/ropa"]!.get.responses["200"]!.content)).toEqual(expect.arrayContaining(["application/json", "text/csv", "text/markdown"]));
    expect(doc.paths["/api/reports/dpia"]!.get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["from", "format", "category", "vendor", "country", "transfer"]));
    expect(doc.paths["/api/where"]!.get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["category", "subject", "system"]));
  });
});
