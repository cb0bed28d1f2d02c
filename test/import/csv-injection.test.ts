/**
 * Spreadsheet-safe exports (OWASP CSV injection): an imported inventory whose names are formulas (`=HYPERLINK(…)`,
 * `+cmd|…`, `@SUM(…)`, `-2+3`) comes out of the Art. 30 CSV and of the client's CSV buttons as text a spreadsheet
 * shows and never runs, and the XLSX holds it as text cells, not formulas.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import ExcelJS from "exceljs";
import Papa from "papaparse";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFiles } from "../../server/src/import/import.service.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { useBrowser } from "../support/browser.js";
import { testApp, testGraph } from "../support/graph.js";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "import-hostile", "formula-names.csv");
const SYSTEM = "fixture-formula-probe";
const HOSTILE = ['=HYPERLINK("http://evil-example/x","open")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "=cmd|' /C notepad'!A0"];

const graph = testGraph();
const app = testApp(graph);
const ui = useBrowser({ app: () => app });

beforeAll(async () => {
  await importFiles(graph, [FIXTURE]);
}, 120_000);
afterAll(async () => {
  await removeSystems(graph, [SYSTEM]);
});

/** Every cell of a CSV, as a spreadsheet program reads it. */
function cells(csv: string): string[] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.flat();
}

/** No cell starts a formula; the hostile names are all there, each behind the apostrophe that makes it text. */
function expectSafe(all: string[], expected: readonly string[]) {
  expect(all.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  const text = all.join("\n");
  for (const h of expected) expect(text).toContain(`'${h}`);
}

describe("GET /api/reports/ropa of an inventory whose names are formulas", () => {
  it("writes the CSV with every formula-like cell escaped", async () => {
    const res = await request(app).get(`/api/reports/ropa?system=${SYSTEM}&format=csv`);

    expect(res.status).toBe(200);
    // The purpose, the recipient vendors and the retention of the records are the hostile ones here.
    expectSafe(cells(res.text), [HOSTILE[1]!, HOSTILE[2]!, HOSTILE[4]!]);
  });

  it("writes the XLSX with those names as text cells, never formulas", async () => {
    const res = await request(app).get(`/api/reports/ropa?system=${SYSTEM}&format=xlsx`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => done(null, Buffer.concat(chunks)));
    });
    const book = new ExcelJS.Workbook();
    const bytes = res.body as Buffer;
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const seen: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, JSON.stringify(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") seen.push(cell.value);
        }),
      );
    const text = seen.join("\n");
    for (const h of ["+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"]) expect(text).toContain(h);
  });
});

/** Clicks every CSV button on the page and returns the downloaded files' text. */
async function downloads(url: string): Promise<string[]> {
  const page = await ui.open(url);
  const buttons = page.getByRole("button", { name: "CSV" });
  await buttons.first().waitFor();
  const texts: string[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    const [download] = await Promise.all([page.waitForEvent("download"), buttons.nth(i).click()]);
    texts.push(readFileSync((await download.path()), "utf8"));
  }
  expect(page.errors).toEqual([]);
  await page.close();
  return texts;
}

describe("the client's CSV buttons", () => {
  it("download the trace's vendors and the where-does-it-live checklist with every formula-like cell escaped", { timeout: 120_000 }, async () => {
    const trace = await downloads(`/trace?from=system%3A${SYSTEM}&via=columns`);
    const where = await downloads(`/where?category=category:email-address&system=${SYSTEM}`);

    // The vendors lead their cells on the trace (one row per vendor and field) and in the checklist; the column named
    // like a formula is listed inside a path or a sentence there ("columns: =HYPERLINK(…)"), which no spreadsheet runs.
    expectSafe(trace.flatMap(cells), [HOSTILE[2]!, HOSTILE[4]!]);
    expectSafe(where.flatMap(cells), [HOSTILE[2]!]);
    expect(where.join("\n")).toContain(HOSTILE[0]!.replace(/"/g, '""'));
  });
});
