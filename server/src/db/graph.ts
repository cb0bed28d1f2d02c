/**
 * The one driver module: opens the driver, runs named Cypher in read transactions with a timeout,
 * turns Neo4j values into plain JS, and maps driver failures onto domain errors.
 *
 * Every API read goes through a bounded queue (limiter.ts; heavy traversals in a lane of their own, so they
 * cannot starve plain look-ups) and has a deadline of its own on top of Neo4j's transaction timeout: a
 * database that is frozen never answers, and only a timer on this side turns that into a 503.
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
import { ConcurrencyLimiter, LimiterFullError } from "./limiter.js";
import { LoadSequence } from "./load-state.js";
import { currentDeadline, REPLY_MARGIN_MS, within, type Deadline } from "../deadline.js";
import { AppError, DatabaseBusyError, DatabaseUnavailableError, QueryTimeoutError } from "../errors.js";

export interface GraphOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
  queryTimeoutMs: number;
  /** Queries at once per lane, how many may wait and for how long (defaults: 8, 64, 2000 ms). */
  concurrency?: number;
  queue?: number;
  queueWaitMs?: number;
}

/** Traversals that can touch much of the graph: they queue in their own lane. */
const HEAVY_QUERY = /^(trace|paths|explore)\/|neighborhood-[23]$/;
/**
 * The load sequence (`cache/`): read before every kept answer, at most one at a time (load-state.ts coalesces them),
 * a lookup of one node. It has a lane of its own so it never waits behind the questions whose answers it lets skip.
 */
const CONTROL_QUERY = /^cache\//;

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

/**
 * Codes that mean "the database cannot be reached or cannot serve right now" (it is stopping, restarting, not yet
 * started, being replaced, or this server is not the one that can answer): all a 503, never a 500.
 */
const UNAVAILABLE = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "ProtocolError",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.TransientError.Database.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.ClientError.Cluster.NotALeader",
  "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
  "Neo.ClientError.Security.AuthorizationExpired",
  "Neo.ClientError.Security.TokenExpired",
]);

/** Errors the driver raises without a server code ("N/A") when the driver or its pool has been closed. */
const CLOSED = /Pool is closed|Connection was closed by server|closed session/i;

/** Driver failures → domain errors. Anything unknown stays as it is (a 500, logged with its stack). */
export function mapError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof LimiterFullError) return new DatabaseBusyError();
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE.has(err.code)) return new DatabaseUnavailableError().withLogNote(`${err.code}: ${shortReason(err.message)}`);
    if (CLOSED.test(err.message)) return new DatabaseUnavailableError().withLogNote(`driver closed: ${shortReason(err.message)}`);
    if (err.code.includes("TransactionTimedOut")) return new QueryTimeoutError();
    // The pool is exhausted (every connection busy, e.g. with a frozen database): the database is the bottleneck.
    if (/Connection acquisition timed out/i.test(err.message)) return new DatabaseBusyError().withLogNote(err.message);
    if (err.code.startsWith("Neo.ClientError.Security.")) {
      return new DatabaseUnavailableError().withLogNote(`Neo4j refused the app's credentials (${err.code}); check NEO4J_USER/NEO4J_PASSWORD`);
    }
    if (err.code.startsWith("Neo.TransientError.")) return new DatabaseBusyError().withLogNote(`${err.code}: ${err.message.split("\n")[0]}`);
  }
  return err;
}

/** The driver's messages are paragraphs; the log gets the cause ("connect ECONNREFUSED 127.0.0.1:7687"). */
function shortReason(message: string): string {
  const cause = /Caused by: (.*)$/s.exec(message)?.[1] ?? message;
  const line = cause.split("\n")[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

class DeadlineError extends Error {}

function openDriver(options: GraphOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // A stopped database must turn into a 503 within ~2 s, not a 30 s retry loop.
    connectionTimeout: 1500,
    connectionAcquisitionTimeout: 2000,
    maxTransactionRetryTime: 500,
    // Both lanes full, plus room for the load sequence, health checks and a load; beyond that the limiter answers, not the pool.
    maxConnectionPoolSize: 2 * (options.concurrency ?? 8) + 8,
    userAgent: "pd-lineage",
  });
}


/** How long a replaced driver may keep serving the queries already running on it before it is closed anyway. */
const RETIRE_GRACE_MS = 30_000;

export class Graph {
  private readonly lanes: { plain: ConcurrencyLimiter; heavy: ConcurrencyLimiter; control: ConcurrencyLimiter };
  private current: Driver;
  /** Queries running on each driver, so a replaced driver is closed only once they are done. */
  private readonly inFlight = new Map<Driver, number>();
  private readonly retiring = new Set<Driver>();
  private sequence: LoadSequence | undefined;
  /** The load sequence each request read (by its deadline, which lives as long as the request). */
  private readonly requestSequence = new WeakMap<Deadline, Promise<number>>();

  constructor(private options: GraphOptions) {
    this.current = openDriver(options);
    const concurrency = options.concurrency ?? 8;
    const queue = options.queue ?? 64;
    const maxWaitMs = Math.min(options.queueWaitMs ?? 2000, options.queryTimeoutMs);
    this.lanes = {
      plain: new ConcurrencyLimiter({ concurrency, queue, maxWaitMs }),
      heavy: new ConcurrencyLimiter({ concurrency: Math.max(1, Math.floor(concurrency / 2)), queue: Math.floor(queue / 2), maxWaitMs }),
      control: new ConcurrencyLimiter({ concurrency: 2, queue: 8, maxWaitMs }),
    };
  }

  static open(options: GraphOptions): Graph {
    return new Graph(options);
  }

  get driver(): Driver {
    return this.current;
  }

  get uri(): string {
    return this.options.uri;
  }

  get queryTimeoutMs(): number {
    return this.options.queryTimeoutMs;
  }

  /**
   * The load sequence as the database holds it now (load-state.ts: +1 at the end of every load, whichever process
   * loads), read after the request arrived and once per request; caches key their answers by it and cursors carry it
   * (`checkCursorSequence`).
   */
  loadSequence(): Promise<number> {
    this.sequence ??= new LoadSequence(this);
    // Within a request, read once: the answer cache's key and the cursors the answer carries name the same load,
    // and an answer that is computed costs one read of it, not one per part that asks.
    const request = currentDeadline();
    if (!request) return this.sequence.current();
    let seq = this.requestSequence.get(request);
    if (!seq) {
      seq = this.sequence.current();
      this.requestSequence.set(request, seq);
      // A failed read is not the request's answer for good: a later ask within it reads again.
      seq.catch(() => this.requestSequence.delete(request));
    }
    return seq;
  }

  /**
   * Points the graph at a database that came back elsewhere (the embedded one, restarted on a new port) with a
   * fresh driver: connections to the old process are useless. The old driver is not closed under the queries
   * still running on it (that turned them into "Pool is closed" 500s): it is closed when the last one ends, and
   * each of them that fails is asked again on the new driver (see `runRead`).
   */
  reconnect(uri: string = this.options.uri): void {
    const old = this.current;
    this.options = { ...this.options, uri };
    this.current = openDriver(this.options);
    this.retire(old);
  }

  private retire(driver: Driver): void {
    if ((this.inFlight.get(driver) ?? 0) === 0) {
      void driver.close().catch(() => {});
      return;
    }
    this.retiring.add(driver);
    setTimeout(() => this.closeRetired(driver), RETIRE_GRACE_MS).unref();
  }

  private closeRetired(driver: Driver): void {
    if (!this.retiring.delete(driver)) return;
    this.inFlight.delete(driver);
    void driver.close().catch(() => {});
  }

  private use(driver: Driver): () => void {
    this.inFlight.set(driver, (this.inFlight.get(driver) ?? 0) + 1);
    return () => {
      const n = (this.inFlight.get(driver) ?? 1) - 1;
      if (n > 0) this.inFlight.set(driver, n);
      else {
        this.inFlight.delete(driver);
        if (this.retiring.has(driver)) this.closeRetired(driver);
      }
    };
  }

  private session(mode: "READ" | "WRITE", driver: Driver = this.current) {
    return driver.session({
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.options.database ? { database: this.options.database } : {}),
    });
  }

  /** Runs the named query (a file in `cypher/`) in a read transaction; rows come back as plain objects. */
  async read(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.runRead(cypher(query), params, CONTROL_QUERY.test(query) ? "control" : HEAVY_QUERY.test(query) ? "heavy" : "plain");
  }

  /**
   * The one read path: a session in READ access mode and a read transaction, so Neo4j itself refuses any write
   * that would reach it. Its time is the request's: the query timeout, or less when the request's deadline
   * (`deadline.ts`) leaves less, covering the wait in the queue as well as the query.
   */
  protected async runRead(text: string, params: Record<string, unknown>, lane: "plain" | "heavy" | "control"): Promise<Row[]> {
    const started = Date.now();
    const request = currentDeadline();
    request?.check();
    // The database part ends a little before the request's deadline, so its own, more precise error (not reachable,
    // query too slow) is what the client hears rather than the request's generic timeout.
    const budget = Math.min(this.options.queryTimeoutMs, request ? request.left() - REPLY_MARGIN_MS : Infinity);
    if (budget <= 0) throw new QueryTimeoutError().withLogNote("no time left in the request for a query");
    let release: (() => void) | undefined;
    try {
      release = await this.lanes[lane].acquire(Math.min(this.options.queueWaitMs ?? 2000, budget));
      request?.check();
      const driver = this.current;
      try {
        return await this.attempt(driver, text, params, budget - (Date.now() - started), lane);
      } catch (err) {
        // The database was restarted while this query ran on the old driver: ask the new one, if there is time.
        const left = budget - (Date.now() - started);
        if (driver !== this.current && mapError(err) instanceof DatabaseUnavailableError && left > 250) {
          return await this.attempt(this.current, text, params, left, lane);
        }
        throw err;
      }
    } catch (err) {
      if (err instanceof DeadlineError) {
        throw new DatabaseUnavailableError(`The graph database did not answer within ${Math.round(budget / 100) / 10} s.`).withLogNote("read deadline passed");
      }
      throw mapError(err);
    } finally {
      release?.();
    }
  }

  private async attempt(driver: Driver, text: string, params: Record<string, unknown>, left: number, lane: "plain" | "heavy" | "control"): Promise<Row[]> {
    const done = this.use(driver);
    // Neo4j stops the transaction a little before our own deadline, so a slow query says QUERY_TIMEOUT and
    // only a database that does not answer at all reaches the deadline below.
    const serverTimeout = Math.max(100, left - 250);
    const session = this.session("READ", driver);
    // A control read (the load sequence every request asks) is one fixed single-statement read: as an auto-commit
    // query in the READ session it costs one round trip instead of a transaction's two (measured: p50 1.7 ms against
    // 3.3 ms), and the session's READ mode still refuses writes.
    const work =
      lane === "control"
        ? session.run(text, params, { timeout: serverTimeout }).then((result) => result)
        : session.executeRead((tx) => tx.run(text, params), { timeout: serverTimeout });
    try {
      const result = await within(work, Math.max(1, left), () => new DeadlineError());
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } finally {
      // A frozen database would make close() hang too: let it finish in the background.
      void session
        .close()
        .catch(() => {})
        .finally(done);
      work.catch(() => {});
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

  /** Version and edition only: where the database listens is nobody's business but the app's. */
  async serverInfo(): Promise<{ version: string; edition: string }> {
    const rows = await this.read("health/components");
    const row = rows[0] ?? {};
    const text = (v: unknown) => (typeof v === "string" ? v : "unknown");
    return { version: text(row.version), edition: text(row.edition) };
  }

  async close(): Promise<void> {
    const retired = [...this.retiring];
    this.retiring.clear();
    await Promise.all([this.current.close(), ...retired.map((d) => d.close().catch(() => {}))]);
  }
}
