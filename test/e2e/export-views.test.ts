/**
 * DPIA figures of a source's trace and of a referenced-by view (issue 9, items 1 and 2) in headless Debian Chromium against the real API and a seeded Neo4j:
 * each exported figure, printed 25 cm wide, has no text under 6 pt; the SVG holds every node label the PNG
 * draws as real text, renders in Chromium without errors and uses an embedded font; on screen the first fit
 * draws no label under 9 px. The exports and a rendering of each SVG are left in test-results/screenshots/.
 */
import { describe, expect, it } from "vitest";

import type { ReferencedByResponse } from "../../server/src/contract/api.js";
import { ids, parseColumnKey } from "../../server/src/contract/ids.js";
import { useBrowser } from "../support/browser.js";
import { figureChecks } from "../support/figures.js";

const ui = useBrowser();
const { apiJson, checkExports } = figureChecks(ui);

describe("Export of the Kentico registration source's trace", () => {
  it("prints legibly at 25 cm, with column labels that drop the table prefix the picture shows", { timeout: 300_000 }, async () => {
    const svg = await checkExports(
      `/trace?from=${encodeURIComponent(ids.source("kentico", "users-registration"))}`,
      `/api/trace?from=${encodeURIComponent(ids.source("kentico", "users-registration"))}`,
      "figure-trace-kentico-registration",
    );
    const columns = svg.nodes.filter((n) => n.id.startsWith("column:"));
    expect(columns.length).toBeGreaterThan(10);
    // CMS_User is drawn (the source feeds it): its columns go without the prefix. A column keeps its table's name
    // exactly when the picture does not draw that table, so a reader knows where it is (a copy whose columns are not
    // stated draws both its tables, e.g. COM_Customer).
    expect(columns.filter((n) => /^CMS_User\./.test(n.lines.join(""))).map((n) => n.id)).toEqual([]);
    const tables = new Set(svg.nodes.filter((n) => n.id.startsWith("table:")).map((n) => n.id));
    expect(tables.has("table:kentico/COM_Customer")).toBe(true);
    for (const c of columns) {
      const key = parseColumnKey(c.id.slice("column:".length))!;
      expect(c.lines.join("").startsWith(`${key.table}.`), c.id).toBe(!tables.has(ids.table(key.system, key.table)));
    }
  });
});

describe("Export of /tables/CMS_User/referenced-by", () => {
  it("fits one A4 page (landscape or portrait) without text under 6 pt", { timeout: 300_000 }, async () => {
    const api = await apiJson<ReferencedByResponse>("/api/tables/CMS_User/referenced-by");
    const svg = await checkExports("/tables/CMS_User/referenced-by", "/api/tables/CMS_User/referenced-by", "figure-referenced-by-CMS_User");
    expect(svg.desc).toMatch(/^Fits one A4 page/);
    // Every referencing table is drawn, and every referencing column is on a label.
    const drawn = svg.nodes.map((n) => n.lines.join(""));
    for (const r of api.referencedBy) expect(drawn).toContain(r.table);
    const cols = svg.edgeLabels.join(", ").replace(/\n/g, "");
    for (const r of api.referencedBy) for (const c of r.columns) expect(cols).toContain(c);
  });
});
