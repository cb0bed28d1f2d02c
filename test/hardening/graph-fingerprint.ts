/** Counts and a checksum of every node id: what must not change when a load is killed or the API is fuzzed. */
import { createHash } from "node:crypto";

import neo4j from "neo4j-driver";

export interface Fingerprint {
  nodes: number;
  relationships: number;
  idChecksum: string;
}

export async function fingerprint(conn: { uri: string; user: string; password: string }): Promise<Fingerprint> {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
  try {
    const ids = await driver.executeQuery("MATCH (n) RETURN coalesce(n.id, elementId(n)) AS id ORDER BY id", {}, { routing: "READ" });
    const rels = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS n", {}, { routing: "READ" });
    const hash = createHash("sha256");
    for (const r of ids.records) hash.update(`${String(r.get("id"))}\n`);
    return { nodes: ids.records.length, relationships: Number(rels.records[0]!.get("n")), idChecksum: hash.digest("hex") };
  } finally {
    await driver.close();
  }
}
