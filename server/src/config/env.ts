/** Environment, checked once at start into a typed value. */
import { z } from "zod";

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    /** Any Neo4j 5 (single server, cluster, Aura). Unset: the embedded Neo4j is started. */
    NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, "must be a bolt:// or neo4j:// URI").optional(),
    NEO4J_USER: z.string().default("neo4j"),
    /** Wins for an external server. The embedded database ignores it and uses the password the app generated. */
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().optional(),
    /** Embedded database: where the store lives, and its memory. */
    NEO4J_DATA_DIR: z.string().default(".data/neo4j"),
    NEO4J_HEAP_MB: z.coerce.number().int().min(256).default(2048),
    NEO4J_PAGECACHE_MB: z.coerce.number().int().min(64).default(1024),
    /** Read queries give up after this long, so a runaway traversal cannot hold the API. */
    QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    /** A whole export (a report or a file: CSV, XLSX, PDF) may take this long, queueing and rendering included. */
    EXPORT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
    /** PDFs printed at once (Chromium pages of one browser) and how many may wait for one before a 503. */
    PDF_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
    PDF_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
    /** A directory of inventories (any format `npm run import` reads) loaded instead of the built-in ones into an empty database. */
    DATA: z.string().min(1).optional(),
    /** When set, every /api call needs `Authorization: Bearer <API_TOKEN>`. */
    API_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 24`)").optional()),
    /** Host names (comma-separated) the app answers to besides HOST and loopback: the name behind a reverse proxy. */
    ALLOWED_HOSTS: z
      .string()
      .default("")
      .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)),
    /** Express's `trust proxy` behind a reverse proxy (e.g. `loopback`), so rate limits see the real clients. */
    TRUST_PROXY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
    /** Queries run at once per lane (plain and heavy), and how many may wait, for how long, before a 503. */
    DB_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
    DB_QUEUE: z.coerce.number().int().min(0).max(10_000).default(64),
    DB_QUEUE_WAIT_MS: z.coerce.number().int().min(0).default(2000),
    /** Requests per second per client address on /api (burst: twice that); 0 turns the limit off. */
    RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(50),
    /** How long a client may take to send its headers, and its whole request. */
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(10_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
    /** When set, `POST /api/v1/lineage` accepts OpenLineage run events with `Authorization: Bearer <LINEAGE_INGEST_TOKEN>`. */
    LINEAGE_INGEST_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 24`)").optional()),
    /** Largest request body the ingest endpoint accepts, decompressed. */
    LINEAGE_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
    /** Ingest requests per second per client address (burst: twice that); 0 turns the limit off. */
    LINEAGE_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(5),
    /** OpenLineage namespace → system id, as `ns=system-id` pairs separated by spaces (as `--namespace` does for the import). */
    LINEAGE_NAMESPACES: z
      .string()
      .default("")
      .transform((s, ctx) => {
        const out: Record<string, string> = {};
        for (const pair of s.split(/\s+/).filter(Boolean)) {
          const at = pair.lastIndexOf("=");
          if (at <= 0 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(pair.slice(at + 1))) ctx.addIssue({ code: "custom", message: `'${pair}' is not ns=system-id` });
          else out[pair.slice(0, at)] = pair.slice(at + 1);
        }
        return out;
      }),
  })
  .strip();

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
