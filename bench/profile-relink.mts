import neo4j from "neo4j-driver";
import { readFileSync } from "node:fs";
import { Graph } from "../server/src/db/graph.js";
import { cypher } from "../server/src/db/cypher.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";
import { removeSystems } from "../server/src/inventory/inventory.repository.js";
const conn = JSON.parse(readFileSync("/tmp/18s/neo.json", "utf8"));
const graph = Graph.open({ ...conn, queryTimeoutMs: 600_000 });
const files = process.argv.slice(2);
const systems = files.map((f) => f.replace(/.*\//, "").replace(/\.yaml$/, ""));
await loadInventoryFiles(graph, files);
const s = graph.driver.session();
type P = { operatorType: string; dbHits: number; rows: number; arguments: Record<string, unknown>; children: P[] };
const show = (p: P, depth = 0): void => {
  console.log(`${"  ".repeat(depth)}${p.operatorType} rows=${p.rows} hits=${p.dbHits} ${String(p.arguments.Details ?? "").slice(0, 140)}`);
  for (const c of p.children) show(c, depth + 1);
};
const OLD: Record<string, string> = {
  "old relink-delete": "MATCH (n:Node) WHERE n.system IN $systems MATCH (n)-[r]-() WHERE r.crossSystem = true WITH DISTINCT r DELETE r",
  "old system-flows": "MATCH (s:Source) WHERE s.crossSystem = true AND (s.system IN $systems OR s.targetSystem IN $systems) OPTIONAL MATCH (t:System {id: 'system:' + s.targetSystem}) RETURN s.id AS via, t.entityCountry AS c ORDER BY via",
};
for (const q of ["seed/relink-delete", "seed/system-flows", ...Object.keys(OLD)]) {
  for (const sys of [[systems[0]], systems]) {
    const tx = s.beginTransaction();
    const r = await tx.run(`PROFILE ${OLD[q] ?? cypher(q)}`, { systems: sys });
    console.log(`\n== ${q} ${JSON.stringify(sys)}: total hits ${(function sum(p: P): number { return p.dbHits + p.children.reduce((a, c) => a + sum(c), 0); })(r.summary.profile as unknown as P)}`);
    if (process.env.TREE === "1") show(r.summary.profile as unknown as P);
    await tx.rollback();
  }
}
await s.close();
if (process.env.KEEP !== "1") await removeSystems(graph, systems);
await graph.close();
void neo4j;
