import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TraceResponseSchema } from "../../server/src/contract/api.js";
import { ROWS_PER_FIGURE } from "../../server/src/reports/dpia.figure.js";
import { closePdfBrowser } from "../../server/src/reports/pdf.js";
import { testApp, testGraph } from "../support/graph.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
const app = testApp(graph);
warmQueries(graph, [
  ["trace/downstream", { from: "source:kentico/users-registration" }],
  ["trace/downstream", { from: "system:kentico" }],
]);
afterAll(() => closePdfBrowser());

const OUT = path.resolve("test-results");
const SHOTS = path.join(OUT, "screenshots");
const START = "source:kentico/users-registration";

/** Poppler's tools must be there: a missing tool fails the test, it never skips it. */
function poppler(tool: "pdftotext" | "pdftoppm" | "pdfinfo", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is not installed: install Debian's poppler-utils to check the PDF reports`);
    throw err;
  }
}

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}

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
    poppler("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "3", file, path.join(SHOTS, "dpia-page")]);
    expect(existsSync(path.join(SHOTS, "dpia-page-1.png"))).toBe(true);
  }, 90_000);

  it("makes the pack of a whole system, every figure label at least 9 px", async () => {
    const system = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "system:kentico" })).body);
    const res = await request(app).get("/api/reports/dpia").query({ from: "system:kentico", format: "pdf" }).buffer(true).parse(binary);

    expect(res.status).toBe(200);
    const file = path.join(OUT, "dpia-kentico-system.pdf");
    writeFileSync(file, res.body as Buffer);
    const html = (await request(app).get("/api/reports/dpia").query({ from: "system:kentico" })).text;
    const fields = new Set(system.vendors.flatMap((v) => v.fields.map((f) => f.id)));
    // Up to ROWS_PER_FIGURE fields make one figure (an A4 page); more, one per vendor (dpia.figure.test.ts).
    expect((html.match(/<figure>/g) ?? []).length).toBe(fields.size <= ROWS_PER_FIGURE ? 1 : new Set(system.vendors.map((v) => v.id)).size);
    for (const v of system.vendors) expect(html).toContain(v.name);
    const sizes = [...html.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    poppler("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", file, path.join(SHOTS, "dpia-kentico-system")]);
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
