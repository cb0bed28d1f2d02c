/**
 * The explorer as a real process with its own embedded Neo4j, attacked and broken the ways the hardening
 * issue measured: the database refuses strangers, WebSockets and LOAD CSV; a burst of heavy requests gets
 * 200s and fast 503s, never a 500; a frozen JVM answers 503 within the query timeout; a killed JVM is
 * restarted by the app; and a load killed with SIGKILL leaves the graph exactly as it was.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeBigInventory } from "./big-inventory.js";
import { fuzzEndpoints } from "./fuzz.js";
import { fingerprint, type Fingerprint } from "./graph-fingerprint.js";
import { startEmbeddedNeo4j } from "../../server/src/db/embedded.js";
import { embeddedPassword, passwordFile } from "../../server/src/db/password.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { cleanEnv, eventually, startServerProcess, type ServerProcess } from "../support/server-process.js";

const QUERY_TIMEOUT_MS = 5000;
const EXPORT_TIMEOUT_MS = 30_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-hardening-"));
let server: ServerProcess;
let before: Fingerprint;

const HEAVY = ["/api/nodes/table%3Akentico%2FCMS_User/neighborhood?depth=3", "/api/trace?from=table:kentico/COM_Customer", "/api/paths?from=table:kentico/COM_Customer&to=vendor:paypal"];
const PLAIN = ["/api/health", "/api/tables", "/api/vendors", "/api/search?q=user", "/api/overview", "/api/tables/CMS_User"];

const conn = () => ({ uri: server.bolt.uri, user: "neo4j", password: embeddedPassword(dataDir) });

/** Runs one query as the app does, with the generated password, and returns its first row. */
async function queryOne(text: string): Promise<Record<string, unknown>> {
  const driver = neo4j.driver(server.bolt.uri, neo4j.auth.basic("neo4j", embeddedPassword(dataDir)));
  try {
    return (await driver.executeQuery(text)).records[0]!.toObject();
  } finally {
    await driver.close();
  }
}

async function timed(url: string, init?: RequestInit): Promise<{ status: number; ms: number; body: string; retryAfter: string | null }> {
  const started = Date.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { status: res.status, ms: Date.now() - started, body, retryAfter: res.headers.get("retry-after") };
}

function signal(pid: number, sig: NodeJS.Signals): void {
  process.kill(pid, sig);
}

/** Each thread of a process and its state as the kernel tells it (R running, S sleeping, T stopped, …). */
function threadStates(pid: number): string[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    try {
      return /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"))?.[1] ?? "?";
    } catch {
      return "gone";
    }
  });
}

/** Resolves once every thread of `pid` is stopped; fails after 5 s naming the states it saw. */
async function frozen(pid: number): Promise<void> {
  const started = Date.now();
  for (let states = threadStates(pid); !states.every((s) => s === "T"); states = threadStates(pid)) {
    if (Date.now() - started > 5000) throw new Error(`The JVM ${pid} was not stopped 5 s after SIGSTOP: its threads are ${states.join("")}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

beforeAll(async () => {
  server = await startServerProcess({
    NEO4J_DATA_DIR: dataDir,
    QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
    EXPORT_TIMEOUT_MS: String(EXPORT_TIMEOUT_MS),
    RATE_LIMIT_PER_SECOND: "0",
  });
  // Healthy and seeded (on a busy machine the app may start serving before its first load is done).
  await eventually(async () => {
    const res = await fetch(`${server.url}/api/health`);
    return res.status === 200 && ((await res.json()) as { counts: { nodes: number } }).counts.nodes > 500;
  }, 240_000);
  before = await fingerprint(conn());
  expect(before.nodes).toBeGreaterThan(500);
}, 300_000);

afterAll(async () => {
  for (const pid of [server?.bolt.pid]) {
    try {
      if (pid) signal(pid, "SIGCONT");
    } catch {
      // gone
    }
  }
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe("the embedded database, locked down", () => {
  it("keeps its generated password in the data folder with mode 0600", () => {
    const mode = statSync(passwordFile(dataDir)).mode & 0o777;

    expect(mode.toString(8)).toBe("600");
    expect(embeddedPassword(dataDir)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("refuses a wrong or a missing password, and accepts the generated one", async () => {
    const attempt = async (password: string) => {
      const driver = neo4j.driver(server.bolt.uri, neo4j.auth.basic("neo4j", password));
      try {
        await driver.executeQuery("CREATE (:Intruder) RETURN 1");
        return "accepted";
      } catch (err) {
        return (err as { code?: string }).code;
      } finally {
        await driver.close();
      }
    };

    expect(await attempt("wrong-password")).toBe("Neo.ClientError.Security.Unauthorized");
    expect(await attempt("")).toBe("Neo.ClientError.Security.Unauthorized");
    expect(await attempt("neo4j")).toBe("Neo.ClientError.Security.Unauthorized");
    expect(Number((await queryOne("MATCH (n:Intruder) RETURN count(n) AS n")).n)).toBe(0);
  });

  it("listens on loopback only", () => {
    expect(server.bolt.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
  });

  it("closes a WebSocket upgrade from a foreign origin without answering it", async () => {
    const port = Number(new URL(server.bolt.uri.replace("bolt:", "http:")).port);
    const received = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.write(
          [
            "GET / HTTP/1.1",
            `Host: 127.0.0.1:${port}`,
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Origin: https://evil.example",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
            "",
            "",
          ].join("\r\n"),
        );
      });
      let got = "";
      socket.on("data", (b) => (got += b.toString("latin1")));
      socket.on("close", () => resolve(got));
      socket.on("error", reject);
      setTimeout(() => reject(new Error("the Bolt port kept the WebSocket connection open")), 5000);
    });

    expect(received).not.toMatch(/101 Switching Protocols/);
    expect(received).toBe("");
  });

  it("closes connections that send no Bolt handshake within a few seconds, and still serves real clients", async () => {
    const port = Number(new URL(server.bolt.uri.replace("bolt:", "http:")).port);
    const heldFor = (payload: Buffer) =>
      new Promise<number>((resolve, reject) => {
        const opened = Date.now();
        const socket = net.connect(port, "127.0.0.1", () => {
          if (payload.length > 0) socket.write(payload);
        });
        socket.on("close", () => resolve(Date.now() - opened));
        socket.on("error", () => {});
        setTimeout(() => {
          socket.destroy();
          reject(new Error("the Bolt port kept a connection without a handshake open for 15 s"));
        }, 15_000);
      });
    const magic = Buffer.from([0x60, 0x60, 0xb0, 0x17]);

    // Silent, the preamble alone, and the preamble with half of the version proposals.
    const held = await Promise.all([heldFor(Buffer.alloc(0)), heldFor(magic), heldFor(Buffer.concat([magic, Buffer.alloc(8)]))]);

    for (const ms of held) {
      expect(ms).toBeGreaterThanOrEqual(4000);
      expect(ms).toBeLessThan(12_000);
    }
    expect(Number((await queryOne("RETURN 1 AS one")).one)).toBe(1);
  }, 30_000);

  it("refuses LOAD CSV from a local file and from a URL, even with the right password", async () => {
    const secret = path.join(dataDir, "secret.csv");
    writeFileSync(secret, "name\nAlice\n");
    chmodSync(secret, 0o600);
    const driver = neo4j.driver(server.bolt.uri, neo4j.auth.basic("neo4j", embeddedPassword(dataDir)));
    const load = async (url: string) => {
      try {
        await driver.executeQuery(`LOAD CSV FROM '${url}' AS row RETURN row`);
        return "loaded";
      } catch (err) {
        return (err as { code?: string }).code;
      }
    };
    try {
      expect(await load(`file://${secret}`)).toBe("Neo.ClientError.Statement.ExternalResourceFailed");
      expect(await load(`${server.url}/api/health`)).toBe("Neo.ClientError.Statement.ExternalResourceFailed");
    } finally {
      await driver.close();
    }
  });

  it("/api/health says the version but not where the database listens", async () => {
    const res = await timed(`${server.url}/api/health`);

    expect(res.status).toBe(200);
    const port = new URL(server.bolt.uri.replace("bolt:", "http:")).port;
    expect(res.body).not.toMatch(/bolt:|address/);
    expect(res.body).not.toContain(`:${port}`);
  });
});

describe("fuzzing every endpoint's parameters (fast-check)", () => {
  it("never answers 5xx and leaves the graph unchanged", async () => {
    // Each query planned once first: a cold plan on a busy machine can take longer than the query timeout.
    for (const u of [...HEAVY, ...PLAIN]) await eventually(async () => (await timed(`${server.url}${u}`)).status === 200, 60_000);
    const { requests, statuses } = await fuzzEndpoints(server.url, 40);

    expect(requests).toBeGreaterThan(300);
    expect(Object.keys(statuses).every((s) => Number(s) < 500)).toBe(true);
    expect(await fingerprint(conn())).toEqual(before);
  }, 240_000);
});

describe("overload", () => {
  it("300 concurrent heavy requests get only 200s and fast 503s, and another client's plain requests keep answering", async () => {
    // Planned once each beforehand: a cold plan cache on a busy machine would time out every query alike.
    for (const u of HEAVY) await eventually(async () => (await timed(`${server.url}${u}`)).status === 200, 60_000);
    // Answers are kept per load, and identical requests in flight share one: a burst of the same three URLs would be
    // answered from memory. Real overload is many users asking different things: depth-3 neighbourhoods and traces
    // of every Kentico table, none asked before.
    const page = (await (await fetch(`${server.url}/api/tables?system=kentico&limit=200`)).json()) as { tables: { id: string }[] };
    const distinct = page.tables.flatMap((t) => [`/api/nodes/${encodeURIComponent(t.id)}/neighborhood?depth=3`, `/api/trace?from=${encodeURIComponent(t.id)}`]);
    expect(distinct.length).toBeGreaterThan(100);
    const heavy = Array.from({ length: 300 }, (_, i) => timed(`${server.url}${distinct[i % distinct.length]}`));
    // Another client meanwhile: plain look-ups, one after the other.
    const plain: { status: number; ms: number }[] = [];
    const other = (async () => {
      for (let i = 0; i < 12; i++) plain.push(await timed(`${server.url}${PLAIN[i % PLAIN.length]}`));
    })();
    const answers = await Promise.all(heavy);
    await other;

    const statuses = new Set(answers.map((a) => a.status));
    const refused = answers.filter((x) => x.status === 503).map((a) => a.ms).sort((a, b) => a - b);
    console.log(`[burst] ${answers.length - refused.length} × 200, ${refused.length} × 503 (median ${refused[refused.length >> 1]} ms, max ${refused.at(-1)} ms)`);
    expect([...statuses].every((s) => s === 200 || s === 503), `statuses ${[...statuses].join(", ")}`).toBe(true);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(JSON.parse(a.body).error.code).toMatch(/^(DATABASE_BUSY|QUERY_TIMEOUT|DATABASE_UNAVAILABLE)$/);
      expect(a.retryAfter).toMatch(/^\d+$/);
    }
    // Refused without waiting for a timeout (the queue is full), and nothing hangs. (On a quiet 2-core machine the
    // median refusal takes well under a second; the bounds leave room for CI sharing its cores.)
    expect(refused[refused.length >> 1] ?? 0).toBeLessThan(QUERY_TIMEOUT_MS);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(QUERY_TIMEOUT_MS + 30_000);
    expect(plain.map((p) => p.status)).toEqual(plain.map(() => 200));
    // One short line per refused request, no stack traces.
    expect(server.logs.filter((l) => /^\s+at /.test(l))).toEqual([]);
  }, 120_000);
});

/**
 * Memory (MB) of the app's process and its children (Chromium's browser, renderer and helper processes), leaving out
 * the database's JVM. Proportional set size (Linux `smaps_rollup`): each page shared by several Chromium processes
 * counts once in all, where adding up their RSS would count the shared libraries once per process.
 */
function appMemoryMb(root: number, jvm: number): number {
  const ps = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const procs = ps.stdout
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of procs) {
      if (!tree.has(pid) && tree.has(ppid) && pid !== jvm) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {
      // ended between the listing and the read
    }
  }
  return kb / 1024;
}

/** Runs `work` while sampling the app's memory every 250 ms; the peak's growth over the start, in MB. */
async function peakGrowthMb<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = appMemoryMb(server.child.pid!, server.bolt.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, appMemoryMb(server.child.pid!, server.bolt.pid))), 250);
  try {
    return { result: await work(), growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe("reports under load", () => {
  it("30 concurrent PDF packs: each 200 or 503 within the export deadline, one browser, memory bounded", async () => {
    const url = `${server.url}/api/reports/dpia?from=system:kentico&format=pdf`;
    // What one print costs (browser launched, one page rendered), measured with the database warm (the trace read once):
    // the bound scales with the pack, not with the requests.
    await eventually(async () => (await timed(`${server.url}/api/trace?from=system:kentico`)).status === 200, 60_000, 500);
    const alone = await peakGrowthMb(() => timed(url));
    expect(alone.result.status, alone.result.body.slice(0, 300)).toBe(200);
    const burst = await peakGrowthMb(() => Promise.all(Array.from({ length: 30 }, () => timed(url))));
    const answers = burst.result;

    const statuses = answers.map((a) => a.status);
    console.log(`[pdf burst] ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 503).length} × 503; app memory grew ${Math.round(burst.growth)} MB; one print alone ${Math.round(alone.growth)} MB`);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join(",")).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    for (const a of answers) expect(a.ms).toBeLessThan(EXPORT_TIMEOUT_MS + 2000);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(JSON.parse(a.body).error.code).toMatch(/^(REPORT_BUSY|QUERY_TIMEOUT|DATABASE_BUSY)$/);
      expect(a.retryAfter).toMatch(/^\d+$/);
    }
    for (const a of answers.filter((x) => x.status === 200)) expect(a.body.startsWith("%PDF-")).toBe(true);
    // At most PDF_CONCURRENCY (2) prints at once, so never more than two prints' worth, whatever the number of requests.
    expect(burst.growth).toBeLessThan(2 * alone.growth);
  }, 120_000);

  it("refuses a report that another web site embeds (an <img> to the PDF) with 403 JSON, before any work", async () => {
    const res = await timed(`${server.url}/api/reports/dpia?from=system:kentico&format=pdf`, { headers: { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image" } });

    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe("CROSS_SITE_REFUSED");
    expect(res.ms).toBeLessThan(1000);
  });
});

describe("outage and recovery", () => {
  it("a frozen database (SIGSTOP) answers every request with 503 within the query timeout, and recovers after SIGCONT", async () => {
    const pid = server.bolt.pid;
    const from = server.logs.length;
    signal(pid, "SIGSTOP");
    try {
      // kill() returns before the JVM is frozen: Linux wakes one thread to take SIGSTOP, and the others stop only once it
      // has run, up to 22 ms later with both CPUs busy. Meanwhile the Bolt threads still answer: with two CPU hogs, 17
      // of 1,600 queries sent right after kill() were answered, none of 1,280 sent once every thread showed T. So a
      // request sent at once could be answered 200 (CI, 2026-12-06). The requests go once every thread is stopped.
      await frozen(pid);
      const urls = [...PLAIN, ...HEAVY, ...PLAIN];
      const answers = await Promise.all(urls.map((u) => timed(`${server.url}${u}`)));

      for (const [i, a] of answers.entries()) {
        expect(a.status, `${urls[i]} answered ${a.status} in ${a.ms} ms: ${a.body.slice(0, 200)}\nThe app's log meanwhile:\n${server.logs.slice(from).join("\n")}`).toBe(503);
        expect(a.ms).toBeLessThan(QUERY_TIMEOUT_MS + 1000);
      }
    } finally {
      signal(pid, "SIGCONT");
    }
    const took = await eventually(async () => (await timed(`${server.url}/api/tables`)).status === 200, 20_000);
    expect(took).toBeLessThan(20_000);
  }, 60_000);

  it("a killed database (SIGKILL) while 20 clients poll: only 200s and 503s, restarted by the app, healthy within 15 s, same graph", async () => {
    const pid = server.bolt.pid;
    const from = server.logs.length;
    const answers: { status: number; url: string }[] = [];
    let polling = true;
    const urls = ["/api/health", "/api/tables", "/api/search?q=user", "/api/trace?from=table:kentico/COM_Customer"];
    const pollers = Array.from({ length: 20 }, async (_, i) => {
      while (polling) {
        const url = urls[i % urls.length]!;
        try {
          answers.push({ status: (await timed(`${server.url}${url}`)).status, url });
        } catch (err) {
          answers.push({ status: -1, url: `${url} (${(err as Error).message})` });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    const killed = Date.now();
    signal(pid, "SIGKILL");

    const down = await timed(`${server.url}/api/tables`);
    expect(down.status).toBe(503);
    expect(down.ms).toBeLessThan(3000);

    let healthyAfter = Infinity;
    try {
      await server.waitFor(/Embedded Neo4j is back at/, 60_000, from);
      await eventually(async () => (await timed(`${server.url}/api/health`)).status === 200, 30_000, 100);
      healthyAfter = Date.now() - killed;
      // Keep polling a little past the restart: the moment the old driver was retired is when a 500 used to come.
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      polling = false;
      await Promise.all(pollers);
    }

    const byStatus = answers.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    console.log(`[restart] ${answers.length} answers while the database was killed and restarted: ${JSON.stringify(byStatus)}; healthy after ${healthyAfter} ms`);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    expect(byStatus["503"]).toBeGreaterThan(0);
    expect(healthyAfter).toBeLessThan(15_000);
    expect(server.logs.slice(from).filter((l) => /\b500\b|INTERNAL_ERROR/.test(l))).toEqual([]);
    expect(server.bolt.pid).not.toBe(pid);
    expect(await fingerprint(conn())).toEqual(before);
  }, 180_000);
});

describe("a load killed with SIGKILL", () => {
  it("leaves the counts and the checksum of ids unchanged", async () => {
    await server.stop();
    const file = path.join(dataDir, "bulk.yaml");
    writeBigInventory(file, 4000);

    const load = spawn(process.execPath, ["--import", "tsx", "server/src/cli/seed.cli.ts", file], {
      cwd: REPO_ROOT,
      env: cleanEnv({ NEO4J_DATA_DIR: dataDir }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<void>((resolve) => load.once("exit", () => resolve()));
    const boltLine = await new Promise<string>((resolve, reject) => {
      const lines: string[] = [];
      const onLine = (l: string) => {
        lines.push(l);
        if (/listening at bolt:/.test(l)) resolve(l);
      };
      readline.createInterface({ input: load.stdout }).on("line", onLine);
      readline.createInterface({ input: load.stderr }).on("line", onLine);
      void exited.then(() => reject(new Error(`the load exited early:\n${lines.join("\n")}`)));
    });
    const [, uri, jvmPid] = /(bolt:\/\/\S+) \(pid (\d+)\)/.exec(boltLine)!;

    // Kill only once the load's write transaction is running inside Neo4j.
    const driver = neo4j.driver(uri!, neo4j.auth.basic("neo4j", embeddedPassword(dataDir)));
    try {
      await eventually(async () => {
        const res = await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery");
        return res.records.some((r) => /\b(MERGE|CREATE)\b/.test(String(r.get("currentQuery"))) && !/CONSTRAINT|INDEX/.test(String(r.get("currentQuery"))));
      }, 120_000, 100);
    } finally {
      void driver.close().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 300));
    load.kill("SIGKILL");
    signal(Number(jvmPid), "SIGKILL");
    await exited;
    await eventually(() => {
      try {
        process.kill(Number(jvmPid), 0);
        return Promise.resolve(false);
      } catch {
        return Promise.resolve(true);
      }
    }, 10_000, 100);

    const neo = await startEmbeddedNeo4j({ dataDir, heapMb: 512, pageCacheMb: 128, log: () => {} });
    try {
      expect(await fingerprint({ uri: neo.uri, user: neo.user, password: neo.password })).toEqual(before);
    } finally {
      await neo.stop();
    }
  }, 300_000);
});
