/**
 * A throw-away PostgreSQL for the discover tests: Debian's server binaries (`apt-get install postgresql`, done by
 * .ci/run), a fresh cluster in a temporary folder on a free port, trust auth on 127.0.0.1. PostgreSQL refuses to
 * run as root, so as root the cluster runs as the `postgres` user. Without the binaries the tests fail, never skip.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface TestPostgres {
  url: string;
  stop(): void;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const latest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!latest) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql: install them (apt-get install postgresql; .ci/run does)");
  return path.join(root, latest, "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`PostgreSQL could not start: ${cmd} exited with ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-pg-"));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
