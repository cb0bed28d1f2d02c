/**
 * Runs the explorer as users do (`node --import tsx server/src/start.ts`, the command behind `npm start`) in a
 * child process with its own embedded Neo4j in a throw-away data folder, and reads what it prints: the URL it
 * serves, the Bolt URI and the JVM's pid. For tests that need a real process: signals, restarts, raw sockets.
 */
import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";

export interface ServerProcess {
  url: string;
  /** Updated when the app restarts its database. */
  bolt: { uri: string; pid: number };
  logs: string[];
  child: ChildProcess;
  /** Resolves with the first log line matching `re` from now on (or already seen after `from`). */
  waitFor(re: RegExp, timeoutMs: number, from?: number): Promise<string>;
  stop(): Promise<void>;
}

/** The environment without anything that would point the app at another database or change its limits. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(NEO4J_|API_TOKEN|HOST|PORT|DB_|RATE_LIMIT|QUERY_TIMEOUT|ALLOWED_HOSTS)/.test(k)) env[k] = v;
  return { ...env, NEO4J_HEAP_MB: "512", NEO4J_PAGECACHE_MB: "128", ...extra };
}

export async function startServerProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/start.ts"], {
    cwd: REPO_ROOT,
    env: cleanEnv({ PORT: "0", HOST: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const listeners = new Set<(line: string) => void>();
  const bolt = { uri: "", pid: 0 };
  const onLine = (line: string) => {
    logs.push(line);
    const m = /(?:listening at|is back at) (bolt:\/\/\S+) \(pid (\d+)\)/.exec(line);
    if (m) {
      bolt.uri = m[1]!;
      bolt.pid = Number(m[2]);
    }
    for (const l of listeners) l(line);
  };
  readline.createInterface({ input: child.stdout }).on("line", onLine);
  readline.createInterface({ input: child.stderr }).on("line", onLine);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const waitFor = (re: RegExp, ms: number, from = logs.length): Promise<string> =>
    new Promise((resolve, reject) => {
      const seen = logs.slice(from).find((l) => re.test(l));
      if (seen) {
        resolve(seen);
        return;
      }
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`No log line matching ${re} within ${ms} ms. Log:\n${logs.slice(-30).join("\n")}`));
      }, ms);
      const listener = (line: string) => {
        if (!re.test(line)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(line);
      };
      listeners.add(listener);
      void exited.then(() => {
        if (!listeners.has(listener)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        reject(new Error(`The server exited (code ${child.exitCode}) before logging ${re}. Log:\n${logs.slice(-30).join("\n")}`));
      });
    });

  const line = await waitFor(/Personal-data lineage explorer: (http:\/\/\S+)/, timeoutMs, 0);
  const url = /(http:\/\/[^\s/]+)\//.exec(line)![1]!;
  return {
    url,
    bolt,
    logs,
    child,
    waitFor,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (bolt.pid) {
        try {
          process.kill(bolt.pid, "SIGCONT");
        } catch {
          // already gone
        }
      }
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `check` resolves true, polling; fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, everyMs = 500): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
