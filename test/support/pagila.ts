/**
 * Loads the public Pagila sample schema (test/fixtures/pagila, see its README) into a test PostgreSQL.
 *
 * The dump targets PostgreSQL 18 with pgvector; Debian's server may be older and has no pgvector. Two adaptations,
 * made on the text, keep everything discovery is tested on (partitions, foreign keys, views) unchanged:
 * - without the `vector` extension, the sections that create it and the `film_embedding` table (its only user) are left out;
 * - before PostgreSQL 18, the `uuidv7()` column default becomes `gen_random_uuid()` (same type; only the default differs)
 *   and the one virtual generated column (`film.length_hours`) is stored instead.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import type pg from "pg";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";

export const PAGILA_SCHEMA = path.join(REPO_ROOT, "test/fixtures/pagila/pagila-schema.sql");

/** The dump's sections start with a `-- Name: <object>; Type: …` header; these are the ones pgvector is needed for. */
const NEEDS_VECTOR = /^-- Name: (?:vector|EXTENSION vector|film_embedding[^;]*);/;

export function adaptPagila(sql: string, opts: { version: number; hasVector: boolean }): string {
  let out = sql;
  if (!opts.hasVector) {
    const sections = out.split(/\n(?=--\n-- Name: )/);
    out = sections.filter((s) => !NEEDS_VECTOR.test(s.split("\n")[1] ?? "")).join("\n");
  }
  if (opts.version < 180000) out = out.replaceAll("uuidv7()", "gen_random_uuid()").replace(/\) VIRTUAL\b/g, ") STORED");
  return out;
}

/** Runs the schema (no data) in the client's database. */
export async function loadPagila(client: pg.Client): Promise<void> {
  const version = Number((await client.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v);
  const hasVector = (await client.query("select 1 from pg_available_extensions where name = 'vector'")).rowCount === 1;
  await client.query(adaptPagila(readFileSync(PAGILA_SCHEMA, "utf8"), { version, hasVector }));
}
