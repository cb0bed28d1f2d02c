/**
 * The one driver module: opens the driver, runs named Cypher in read transactions with a timeout,
 * turns Neo4j values into plain JS, and maps driver failures onto domain errors.
 */
import neo4j, {
  isInt,
  isDate,
  isDateTime,
  isLocalDateTime,
  isNode,
  isRelationship,
  Neo4jError,
  type Driver,
  type ManagedTransaction,
} from "neo4j-driver";

import { cypher } from "./cypher.js";
import { DatabaseUnavailableError, QueryTimeoutError } from "../http/errors.js";

export interface GraphOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
  queryTimeoutMs: number;
}

export type Row = Record<string, unknown>;

/** Neo4j Integer, temporal, node and relationship values → plain JSON-able values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === "bigint") return Number(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  if (isNode(value)) return toPlain(value.properties);
  if (isRelationship(value)) return { type: value.type, ...(toPlain(value.properties) as object) };
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

function mapError(err: unknown): unknown {
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE.has(err.code)) return new DatabaseUnavailableError();
    if (err.code.includes("TransactionTimedOut")) return new QueryTimeoutError();
  }
  return err;
}

export class Graph {
  private constructor(
    readonly driver: Driver,
    private readonly options: GraphOptions,
  ) {}

  static open(options: GraphOptions): Graph {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // A stopped database must turn into a 503 within ~2 s, not a 30 s retry loop.
      connectionTimeout: 1500,
      connectionAcquisitionTimeout: 2000,
      maxTransactionRetryTime: 500,
      userAgent: "pd-lineage",
    });
    return new Graph(driver, options);
  }

  private session(mode: "READ" | "WRITE") {
    return this.driver.session({
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.options.database ? { database: this.options.database } : {}),
    });
  }

  /** Runs the named query (a file in `cypher/`) in a read transaction; rows come back as plain objects. */
  async read(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const text = cypher(query);
    const session = this.session("READ");
    try {
      const result = await session.executeRead((tx) => tx.run(text, params), { timeout: this.options.queryTimeoutMs });
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (err) {
      throw mapError(err);
    } finally {
      await session.close();
    }
  }

  /** One write transaction for a whole unit of work (a load): it commits completely or not at all. */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session("WRITE");
    try {
      return await session.executeWrite(work, { timeout: 10 * 60_000 });
    } catch (err) {
      throw mapError(err);
    } finally {
      await session.close();
    }
  }

  /** Schema statements (constraints, indexes) cannot share a transaction with data writes. */
  async runAutoCommit(statement: string): Promise<void> {
    const session = this.session("WRITE");
    try {
      await session.run(statement);
    } catch (err) {
      throw mapError(err);
    } finally {
      await session.close();
    }
  }

  async serverInfo(): Promise<{ version: string; address: string; edition: string }> {
    try {
      const info = await this.driver.getServerInfo();
      const rows = await this.read("health/components");
      const row = rows[0] ?? {};
      return {
        version: String(row.version ?? info.agent ?? "unknown"),
        edition: String(row.edition ?? "unknown"),
        address: info.address ?? "",
      };
    } catch (err) {
      throw mapError(err);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
