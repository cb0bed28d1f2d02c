/** Environment, checked once at start into a typed value. */
import { z } from "zod";

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    /** Any Neo4j 5 (single server, cluster, Aura). Unset: the embedded Neo4j is started. */
    NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, "must be a bolt:// or neo4j:// URI").optional(),
    NEO4J_USER: z.string().default("neo4j"),
    NEO4J_PASSWORD: z.string().default(""),
    NEO4J_DATABASE: z.string().optional(),
    /** Embedded database: where the store lives, and its memory. */
    NEO4J_DATA_DIR: z.string().default(".data/neo4j"),
    NEO4J_HEAP_MB: z.coerce.number().int().min(256).default(2048),
    NEO4J_PAGECACHE_MB: z.coerce.number().int().min(64).default(1024),
    /** Read queries give up after this long, so a runaway traversal cannot hold the API. */
    QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    /** A directory of inventories (any format `npm run import` reads) loaded instead of the built-in ones into an empty database. */
    DATA: z.string().min(1).optional(),
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
