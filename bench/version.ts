/**
 * One version of the app for the before/after benchmark: this checkout ("after"), or a git ref checked out in a
 * temporary worktree ("before") that reuses this checkout's node_modules when the lockfiles match (else `npm ci`) and
 * its built Neo4j launcher. Each version is run only through its own package.json scripts (`npm run import`,
 * `npm start`'s command, `npm run bench:load`), so files moved between versions do not matter.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { gzipSync } from "node:zlib";

import { REPO_ROOT } from "../server/src/inventory/paths.js";
import { cleanEnv } from "../test/support/server-process.js";

export interface Version {
  /** "before" or "after". */
  label: string;
  /** The git ref asked for (or "working tree"), and the commit it is. */
  ref: string;
  commit: string;
  /** The checkout's root. */
  dir: string;
  /** How node_modules was provided: "this checkout" or "npm ci". */
  modules: string;
  remove(): void;
}

function git(args: string[], cwd = REPO_ROOT): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

export function thisCheckout(): Version {
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  return { label: "after", ref: dirty ? "working tree (uncommitted changes)" : "working tree", commit: git(["rev-parse", "HEAD"]), dir: REPO_ROOT, modules: "this checkout", remove: () => undefined };
}

/** A temporary worktree of `ref`, ready to run: node_modules, the launcher's build. */
export function checkoutRef(ref: string, log: (msg: string) => void): Version {
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "pd-lineage-before-")), "repo");
  git(["worktree", "add", "--detach", dir, commit]);
  const remove = () => {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: REPO_ROOT });
    rmSync(path.dirname(dir), { recursive: true, force: true });
    spawnSync("git", ["worktree", "prune"], { cwd: REPO_ROOT });
  };
  try {
    let modules = "this checkout";
    const lock = (root: string) => readFileSync(path.join(root, "package-lock.json"), "utf8");
    if (lock(dir) === lock(REPO_ROOT)) {
      // The same lockfile: the same packages; workspaces' own node_modules folders too.
      for (const sub of [".", "server", "client"]) {
        const from = path.join(REPO_ROOT, sub, "node_modules");
        if (existsSync(from) && existsSync(path.join(dir, sub))) symlinkSync(from, path.join(dir, sub, "node_modules"), "dir");
      }
    } else {
      modules = "npm ci";
      log(`${ref}: its package-lock.json differs from this checkout's: npm ci…`);
      const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`npm ci in ${dir} failed:\n${r.stderr.slice(-2000)}`);
    }
    const target = path.join(REPO_ROOT, "neo4j-launcher", "target");
    // Copied after the checkout, so it is newer than the launcher's sources and is not rebuilt.
    if (existsSync(target)) cpSync(target, path.join(dir, "neo4j-launcher", "target"), { recursive: true });
    return { label: "before", ref, commit, dir, modules, remove };
  } catch (err) {
    remove();
    throw err;
  }
}

function newestMtime(p: string): number {
  const s = statSync(p);
  return s.isDirectory() ? Math.max(s.mtimeMs, ...readdirSync(p).map((n) => newestMtime(path.join(p, n)))) : s.mtimeMs;
}

/** Builds the version's client unless its build is newer than its sources; returns the dist folder. */
export function buildClient(v: Version, log: (msg: string) => void): string {
  const dist = path.join(v.dir, "client", "dist");
  const index = path.join(dist, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(path.join(v.dir, "client", "src"))) return dist;
  log(`${v.label}: building the client…`);
  const r = spawnSync("npm", ["run", "build", "-w", "client"], { cwd: v.dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`client build of ${v.label} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return dist;
}

/** The entry chunk index.html loads (`<script type="module" src>`), gzipped, and what it preloads besides. */
export function mainChunk(dist: string): { file: string; bytes: number; gzipBytes: number; preloadGzipBytes: number } {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const src = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`no module script in ${dist}/index.html`);
  const read = (href: string) => readFileSync(path.join(dist, href.replace(/^\//, "")));
  const main = read(src);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return { file: src, bytes: main.byteLength, gzipBytes: gzipSync(main).byteLength, preloadGzipBytes: preloads.reduce((n, p) => n + gzipSync(read(p)).byteLength, 0) };
}

/** The environment a version runs with: no outside database, its own data folder, the app's default memory. */
export function versionEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const memory = Object.fromEntries(["NEO4J_HEAP_MB", "NEO4J_PAGECACHE_MB"].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  const env = cleanEnv({ NEO4J_DATA_DIR: dataDir, ...extra });
  // cleanEnv gives tests a small JVM; the benchmark runs the app's defaults (or what the caller set).
  delete env.NEO4J_HEAP_MB;
  delete env.NEO4J_PAGECACHE_MB;
  return { ...env, ...memory };
}

/** `npm run <script> -- <args>` in the version's checkout: wall clock and output. */
export function runScript(v: Version, script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 3_600_000): { ms: number; status: number | null; output: string } {
  const started = performance.now();
  const r = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: v.dir, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 });
  return { ms: Math.round(performance.now() - started), status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  logs: string[];
  stop(): Promise<void>;
}

/** Runs `npm start`'s command (read from the version's package.json) and waits for the URL it prints. */
export async function startServer(v: Version, env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<RunningServer> {
  const scripts = (JSON.parse(readFileSync(path.join(v.dir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [cmd, ...args] = scripts.start!.split(/\s+/);
  // Without npm between us and the app, so stopping it stops it (and it stops its JVM).
  const child = spawn(cmd === "node" ? process.execPath : cmd!, args, { cwd: v.dir, env: { ...env, PORT: "0", HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "pipe"] });
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${v.label}: no URL within ${timeoutMs} ms:\n${logs.slice(-30).join("\n")}`)), timeoutMs);
    const onLine = (line: string) => {
      logs.push(line);
      const m = /Personal-data lineage explorer: (http:\/\/[^\s/]+)\//.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    readline.createInterface({ input: child.stdout }).on("line", onLine);
    readline.createInterface({ input: child.stderr }).on("line", onLine);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${v.label}: the server exited (code ${child.exitCode}) before serving:\n${logs.slice(-30).join("\n")}`));
    });
  });
  return {
    url,
    child,
    logs,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
