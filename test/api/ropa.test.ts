import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import ExcelJS from "exceljs";
import Papa from "papaparse";
import request from "supertest";
import { describe, expect, it } from "vitest";

import { RopaResponseSchema, TraceResponseSchema, type RopaResponse } from "../../server/src/contract/api.js";
import { NOT_DOCUMENTED } from "../../server/src/contract/words.js";
import { BUILT_IN_DIR } from "../../server/src/inventory/paths.js";
import { testApp, testGraph } from "../support/graph.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
const app = testApp(graph);
warmQueries(graph, [["reports/ropa", { system: null }]]);

const OUT = path.resolve("test-results");

/** The ICO templates' own column headings (documentation templates for controllers and for processors). */
const ICO_CONTROLLER = [
  "Name and contact details of controller",
  "Name and contact details of data protection officer",
  "Purpose of processing",
  "Name and contact details of joint controller (if applicable)",
  "Categories of individuals",
  "Categories of personal data",
  "Categories of recipients",
  "Names of third countries or international organisations that personal data are transferred to (if applicable)",
  "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
  "Retention schedule (if possible)",
  "General description of technical and organisational security measures (if possible)",
  "Article 6 lawful basis for processing personal data",
  "Article 9 basis for processing special category data",
  "Legitimate interests for the processing (if applicable)",
  "Link to record of legitimate interests assessment (if applicable)",
  "Existence of automated decision-making, including profiling (if applicable)",
  "The source of the personal data (if applicable)",
  "Location of personal data",
];
const ICO_PROCESSOR = [
  "Name and contact details of processor",
  "Name and contact details of data protection officer",
  "Name and contact details of controller",
  "Categories of processing",
  "Names of third countries or international organisations that personal data are transferred to (if applicable)",
  "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
  "General description of technical and organisational security measures (if possible)",
];

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}

async function json(system?: string): Promise<RopaResponse> {
  return RopaResponseSchema.parse(JSON.parse((await request(app).get("/api/reports/ropa").query({ ...(system ? { system } : {}), format: "json" })).text));
}

/** The CSV's titled sections: a one-cell title row, then its header and rows. */
function csvSections(text: string): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  let current: string[][] = [];
  for (const row of Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data) {
    if (row.length === 1) sections.set(row[0]!, (current = []));
    else current.push(row);
  }
  return sections;
}

async function workbook(system: string): Promise<ExcelJS.Workbook> {
  const res = await request(app).get("/api/reports/ropa").query({ system, format: "xlsx" }).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const bytes = res.body as Buffer;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `ropa-${system}.xlsx`), bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

function sheetCells(book: ExcelJS.Workbook, name: string): string[][] {
  const sheet = book.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const rows: string[][] = [];
  sheet!.eachRow((row) => rows.push(Array.from({ length: sheet!.columnCount }, (_, i) => row.getCell(i + 1).text)));
  return rows;
}

/** Every cell of a records sheet that says "not documented" has its (record, column) in the Gaps sheet, and the other way round. */
function expectGapsComplete(book: ExcelJS.Workbook, sheet: string, article: string) {
  const [header, ...rows] = sheetCells(book, sheet);
  const gaps = sheetCells(book, "Gaps").slice(1).filter((g) => g[0] === article);
  const recordAt = header!.indexOf(article === "30(2)" ? "Categories of processing" : "Purpose of processing");
  const activityAt = header!.indexOf("Processing activity");
  const keyOf = (row: string[]) => row[activityAt]!.startsWith(NOT_DOCUMENTED) ? row[recordAt]! : row[activityAt]!;
  const shown = new Set<string>();
  for (const row of rows) row.forEach((cell, i) => cell.includes(NOT_DOCUMENTED) && shown.add(`${row[0]}\u0000${keyOf(row)}\u0000${header![i]}`));
  const listed = new Set(gaps.map((g) => `${g[1]}\u0000${g[2]}\u0000${g[4]}`));
  expect([...shown].filter((k) => !listed.has(k))).toEqual([]);
  expect([...listed].filter((k) => !shown.has(k))).toEqual([]);
  return { rows, gaps };
}

describe("GET /api/reports/ropa", () => {
  it("files Ambassify's records as a processor's (Art. 30(2)), one per purpose, the controller served not documented, with each of its 12 engagements", async () => {
    const { rows } = await json("ambassify");

    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.article === "30(2)" && r.role === "processor" && r.controllerServed === null && r.recordFrom === "purpose")).toBe(true);
    expect(rows.map((r) => r.record)).toContain("Communication (Twilio)");
    const flows = rows.flatMap((r) => r.recipients.map((x) => x.flow)).sort();
    const traced = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "system:ambassify" })).body);
    const engagements = traced.vendors.flatMap((v) => v.flows.map((f) => f.id)).sort();
    expect(engagements).toHaveLength(12);
    expect(flows).toEqual(engagements);
    const twilio = rows.find((r) => r.record === "Communication (Twilio)")!;
    // The sub-processor list's "30 days" is Twilio's retention, not the record's.
    expect(twilio.recipients).toEqual([expect.objectContaining({ vendor: "Twilio", legalName: "Twilio Inc.", retention: "30 days" })]);
    expect(twilio.retention).toBeNull();
    expect(twilio.transfers).toEqual([expect.objectContaining({ countries: ["Germany (DE)", "United States (US)"], transfer: "third-country", safeguard: NOT_DOCUMENTED })]);
    expect(twilio.gaps.map((g) => g.missing)).toEqual(expect.arrayContaining(["the controller served", "processor name", "DPO contact", "safeguard for the transfer to Twilio (flow ambassify/twilio)", "hosting countries"]));
  });

  it("writes the XLSX with a cover (date, each file loaded with its sha256), the ICO controller and processor columns, and every undocumented field in 'Gaps'", async () => {
    const book = await workbook("ambassify");

    expect(book.worksheets.map((w) => w.name)).toEqual(["Cover", "Art. 30(1) controller", "Art. 30(2) processor", "Gaps"]);
    const cover = sheetCells(book, "Cover");
    const sha = createHash("sha256").update(readFileSync(path.join(BUILT_IN_DIR, "ambassify.yaml"))).digest("hex");
    expect(cover.find((r) => r[0] === "System Ambassify")?.[1]).toBe(`organisation: ${NOT_DOCUMENTED}; file loaded: ambassify.yaml; sha256: ${sha}`);
    expect(cover.find((r) => r[0] === "Date")?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sheetCells(book, "Art. 30(1) controller")[0]).toEqual(expect.arrayContaining(ICO_CONTROLLER));
    expect(sheetCells(book, "Art. 30(2) processor")[0]).toEqual(expect.arrayContaining(ICO_PROCESSOR));
    expect(sheetCells(book, "Art. 30(1) controller")).toHaveLength(1);

    const { rows, gaps } = expectGapsComplete(book, "Art. 30(2) processor", "30(2)");
    expect(rows).toHaveLength(9);
    expect(gaps.length).toBeGreaterThan(9);
  });

  it("gives Kentico one Art. 30(1) record per document section that groups purposes, and the purpose no section uses as a record whose activity is not documented", async () => {
    const { rows } = await json("kentico");

    const activities = rows.filter((r) => r.recordFrom === "activity");
    expect(activities).toHaveLength(43);
    expect(activities.every((r) => r.article === "30(1)" && r.section === r.record && r.role === null && r.lawfulBasis === null)).toBe(true);
    const users = activities.find((r) => r.record === "Users")!;
    expect(users.subjects).toEqual(["Registered user"]);
    expect(users.purposes.length).toBe(29);
    expect(users.gaps.map((g) => g.missing)).toEqual(expect.arrayContaining(["lawful basis (Art. 6)", "role (controller, processor or joint controller)", "retention of the activity's data"]));
    expect(rows.filter((r) => r.recordFrom === "purpose").map((r) => r.record)).toEqual(["Sign-in via OpenID providers"]);

    const book = await workbook("kentico");
    expectGapsComplete(book, "Art. 30(1) controller", "30(1)");
  });

  it("gives the same tables as CSV sections and Markdown as the XLSX sheets", async () => {
    const book = await workbook("ambassify");
    const csv = csvSections((await request(app).get("/api/reports/ropa").query({ system: "ambassify" })).text);
    const md = (await request(app).get("/api/reports/ropa").query({ system: "ambassify", format: "md" })).text;

    const titles = [...csv.keys()];
    expect(titles).toHaveLength(4);
    book.worksheets.forEach((sheet, i) => {
      const cells = sheetCells(book, sheet.name);
      // A sheet with no rows still has its header; the CSV section then holds the header only.
      expect(csv.get(titles[i]!), sheet.name).toEqual(cells);
      expect(md).toContain(`## ${titles[i]}`);
    });
    const processorRows = md.slice(md.indexOf("## Records of processing activities: processor")).split("\n## ")[0]!.split("\n").filter((l) => l.startsWith("| Ambassify |"));
    expect(processorRows).toHaveLength(9);
  });

  it("covers every system loaded when none is named, with every vendor engagement in some record", async () => {
    const engagements = await graph.driver.executeQuery("MATCH (:System)-[u:USES_VENDOR]->(:Vendor) RETURN collect(u.flow) AS flows");
    const all = await json();
    expect([...new Set(all.rows.map((r) => r.system))].sort()).toEqual(["ambassify", "kentico", "kentico-cloud", "kontent-ai"]);
    expect(all.cover.files.map((f) => f.file).sort()).toEqual(["ambassify.yaml", "kentico-cloud.yaml", "kentico.yaml", "kontent-ai.yaml"]);
    const flows = new Set(all.rows.flatMap((r) => r.recipients.map((x) => x.flow)));
    expect([...flows].sort()).toEqual((engagements.records[0]!.get("flows") as string[]).sort());
    expect((await request(app).get("/api/reports/ropa").query({ system: "no-such-system" })).status).toBe(404);
  });

  it("keeps each activity a node of the graph: its details name its section and purposes, and search finds it", async () => {
    const details = await request(app).get(`/api/nodes/${encodeURIComponent("activity:kentico/users")}`);
    expect(details.status).toBe(200);
    const body = details.body as { node: { kind: string; label: string; properties: Record<string, unknown> }; neighbours: Record<string, number> };
    expect(body.node).toMatchObject({ kind: "activity", label: "Users", properties: expect.objectContaining({ section: "Users" }) });
    expect(body.neighbours).toMatchObject({ purpose: 29, subject: 1, system: 1 });

    const found = await request(app).get("/api/search").query({ q: "Synchronization tasks", kind: "activity" });
    expect(found.status).toBe(200);
    expect(JSON.stringify(found.body)).toContain("activity:kentico/synchronization-tasks");
  });
});
