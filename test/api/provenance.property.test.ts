/**
 * Provenance, checked over every start of the built-in data (every table, source, system, data subject and category):
 * every evidence step says where it is stated or by which rule it is inferred; every `stated` step points at a line of
 * its file that names what the step connects (the file is read and the line checked); a copy between two columns is
 * either inferred or stated by a line naming both columns (a `copies` entry), never an invented pair; no node repeats
 * within one evidence path; and every node and edge the trace draws carries a provenance. The same holds for the path
 * to each column the data is copied into inside our systems (`downstream`), vendor or not.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";

import { NodeResponseSchema, TraceResponseSchema, type Provenance } from "../../server/src/contract/api.js";
import { parseNodeId } from "../../server/src/contract/ids.js";
import { testApp, testGraph } from "../support/graph.js";
import { linesOf, namesOf } from "../support/provenance.js";

const graph = testGraph();
const app = testApp(graph);

const kindOf = (id: string) => parseNodeId(id)?.kind;

describe("provenance over every start of the built-in data", () => {
  it("cites every evidence step at a line naming what it connects, invents no column pair, repeats no node", { timeout: 600_000 }, async () => {
    const starts = (await graph.probe("MATCH (n:Table|Source|System|Subject|Category) RETURN n.id AS id ORDER BY id")).map((r) => String(r.id));
    expect(starts.length).toBeGreaterThan(150);
    const problems: string[] = [];
    let steps = 0;
    let statedChecked = 0;
    let inferredCopies = 0;
    let downstream = 0;

    for (const from of starts) {
      const res = await request(app).get("/api/trace").query({ from, detail: "columns" });
      if (res.status !== 200) {
        problems.push(`${from}: HTTP ${res.status}`);
        continue;
      }
      const t = TraceResponseSchema.parse(res.body);
      for (const n of t.elements.nodes) if (!n.data.provenance?.length) problems.push(`${from}: node ${n.data.id} has no provenance`);
      for (const e of t.elements.edges) if (!e.data.provenance?.length) problems.push(`${from}: edge ${e.data.id} has no provenance`);

      for (const v of t.vendors) for (const flow of v.flows) if (flow.provenance.length === 0) problems.push(`${from}: flow ${flow.id} has no provenance`);
      // Each field's path to its vendor, and each path to a column our systems copy the data into.
      const paths = [
        ...t.vendors.flatMap((v) => v.fields.map((f) => ({ where: `${from} → ${v.id} via ${f.id}`, evidence: f.evidence }))),
        ...(t.downstream ?? []).map((d) => ({ where: `${from} → copied into ${d.column}`, evidence: d.evidence })),
      ];
      downstream += t.downstream?.length ?? 0;
      for (const { where, evidence } of paths) {
        const { nodes, edges, provenance } = evidence;
        if (new Set(nodes).size !== nodes.length) problems.push(`${where}: a node repeats (${nodes.join(" → ")})`);
        if (provenance.length !== edges.length) problems.push(`${where}: ${provenance.length} provenances for ${edges.length} steps`);
        edges.forEach((edge, i) => {
          steps++;
          const [source = "", type = "", target = ""] = edge.split("|");
          const cited: Provenance[] = provenance[i] ?? [];
          if (cited.length === 0) problems.push(`${where}: step ${edge} has no provenance`);
          const inferred = cited.some((p) => p.kind === "inferred");
          for (const p of cited) {
            if (p.kind !== "stated") continue;
            statedChecked++;
            const line = linesOf(p.file)[p.line - 1] ?? "";
            if (![...namesOf(source), ...namesOf(target)].some((name) => line.includes(name))) {
              problems.push(`${where}: step ${edge} cites ${p.file}:${p.line} ("${line.trim()}"), which names neither end`);
            }
            // A column-to-column copy not marked inferred must be a stated mapping: one line naming both columns.
            if (type === "COPIED_TO" && kindOf(source) === "column" && kindOf(target) === "column" && !inferred) {
              if (!(line.includes(namesOf(source)[0]!) && line.includes(namesOf(target)[0]!))) problems.push(`${where}: copy ${edge} pairs two columns no line states (${p.file}:${p.line})`);
            }
          }
          if (type === "COPIED_TO" && kindOf(source) === "column" && kindOf(target) === "column" && !cited.some((p) => p.kind === "stated" || p.kind === "inferred" || p.kind === "observed")) {
            problems.push(`${where}: copy ${edge} is neither stated, observed nor inferred`);
          }
          if (inferred) inferredCopies++;
        });
      }
    }

    expect(problems.slice(0, 20)).toEqual([]);
    // The checks ran on real material: many steps, most of them cited at a line, some inferred by category.
    expect(steps).toBeGreaterThan(1000);
    expect(statedChecked).toBeGreaterThan(1000);
    expect(inferredCopies).toBeGreaterThan(0);
    expect(downstream).toBeGreaterThan(0);
  });

  it("gives a node's details every statement of a shared vendor, and the observed or stated origin of other nodes", async () => {
    const node = async (id: string) => NodeResponseSchema.parse((await request(app).get(`/api/nodes/${encodeURIComponent(id)}`)).body).node;

    // Microsoft is engaged by Kentico, Kentico Cloud and Kontent.ai: one statement per engagement, in each file.
    const microsoft = await node("vendor:microsoft");
    const cited = new Set(microsoft.provenance.flatMap((p) => (p.kind === "stated" ? [p.file] : [])));
    expect([...cited].sort()).toEqual(expect.arrayContaining(["kentico-cloud.yaml", "kentico.yaml", "kontent-ai.yaml"]));
    for (const p of microsoft.provenance) if (p.kind === "stated") expect(linesOf(p.file)[p.line - 1]).toContain("microsoft");

    const column = await node("column:kentico/COM_Customer.CustomerEmail");
    expect(column.provenance).toHaveLength(1);
    expect(column.provenance[0]).toMatchObject({ kind: "stated", file: "kentico.yaml", document: "Personal data in Kentico" });
    const p = column.provenance[0]!;
    expect(p.kind === "stated" && linesOf(p.file)[p.line - 1]).toContain("CustomerEmail");
    expect(column.properties).not.toHaveProperty("at");
  });

  it("carries provenance on every node and edge of the overview, a neighbourhood, referenced-by and paths", async () => {
    type Drawn = { elements: { nodes: { data: { id: string; provenance?: Provenance[] } }[]; edges: { data: { id: string; provenance?: Provenance[] } }[] } };
    const asked: [string, Record<string, string>][] = [
      ["/api/overview", { group: "none" }],
      ["/api/overview", { group: "transfer" }],
      [`/api/nodes/${encodeURIComponent("table:kentico/COM_Customer")}/neighborhood`, { depth: "2" }],
      [`/api/tables/${encodeURIComponent("kentico/CMS_User")}/referenced-by`, {}],
      ["/api/paths", { from: "table:kentico/COM_Customer", to: "vendor:paypal" }],
    ];
    const answers: Drawn[] = [];
    for (const [url, query] of asked) {
      const res = await request(app).get(url).query(query);
      expect(res.status, url).toBe(200);
      const { elements } = res.body as Drawn;
      expect(elements.nodes.length + elements.edges.length, url).toBeGreaterThan(1);
      const missing = [...elements.nodes, ...elements.edges].filter((x) => !x.data.provenance?.length).map((x) => x.data.id);
      expect({ url, missing }).toEqual({ url, missing: [] });
      answers.push(res.body as Drawn);
    }
    // A group of vendors is derived from its members, never stated.
    const grouped = answers[1]!;
    const group = grouped.elements.nodes.find((n) => n.data.id.startsWith("group:"));
    expect(group?.data.provenance).toEqual([{ kind: "derived" }]);
  });
});
