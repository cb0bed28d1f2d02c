/**
 * The default database: Neo4j Community embedded in a small JVM launcher (neo4j-launcher/), built once
 * with Maven and started as a child process with Bolt on 127.0.0.1, authentication on (the password in the
 * data folder, see password.ts), plain Bolt only and no LOAD CSV from files or URLs. The child stops when
 * our stdin pipe to it closes, so it never outlives this process, even when this process is killed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

import { embeddedPassword } from "./password.js";
import { REPO_ROOT } from "../repo.js";

export const LAUNCHER_DIR = path.join(REPO_ROOT, "neo4j-launcher");
const JAR = path.join(LAUNCHER_DIR, "target", "neo4j-launcher.jar");

/** Flags Neo4j 5 needs on JDK 17+ (it uses NIO internals and native access). */
const JVM_FLAGS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
];

export class EmbeddedNeo4jError extends Error {
  override name = "EmbeddedNeo4jError";
}

/** The newest modification time of a file or of anything in a folder (0 for a path that does not exist). */
export function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((n) => newestMtime(path.join(p, n))));
}

function javaMajorVersion(): number | null {
  const r = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr);
  if (!m) return null;
  return m[1] === "1" ? Number(m[2]) : Number(m[1]);
}

/** Builds the launcher with Maven unless target/ is newer than its sources (the usual case after the first start). */
export function ensureLauncherBuilt(log: (msg: string) => void = console.log): void {
  const major = javaMajorVersion();
  if (major === null) throw new EmbeddedNeo4jError("`java` was not found on PATH. Install a JDK 17 or newer (e.g. `apt-get install openjdk-17-jdk-headless`), or set NEO4J_URI to use another Neo4j.");
  if (major < 17) throw new EmbeddedNeo4jError(`Java ${major} found; the embedded Neo4j 5 needs Java 17 or newer. Install JDK 17+, or set NEO4J_URI.`);
  const sources = Math.max(newestMtime(path.join(LAUNCHER_DIR, "pom.xml")), newestMtime(path.join(LAUNCHER_DIR, "src")));
  if (!existsSync(JAR) || statSync(JAR).mtimeMs < sources || !existsSync(path.join(LAUNCHER_DIR, "target", "lib"))) buildLauncher(log);
  if (!archiveCurrent() && !archiveTried) {
    // Once per process: a JVM that cannot record an archive must not cost every later start another try.
    archiveTried = true;
    recordClassArchive(log);
  }
}

let archiveTried = false;

function buildLauncher(log: (msg: string) => void): void {
  if (spawnSync("mvn", ["--version"], { encoding: "utf8" }).error) {
    throw new EmbeddedNeo4jError("`mvn` (Apache Maven) was not found on PATH; it builds the embedded Neo4j launcher once. Install Maven (e.g. `apt-get install maven`), or set NEO4J_URI.");
  }
  log("Building the embedded Neo4j launcher with Maven (first start only)…");
  const r = spawnSync("mvn", ["-q", "-B", "package", "-DskipTests"], { cwd: LAUNCHER_DIR, encoding: "utf8" });
  if (r.status !== 0) {
    throw new EmbeddedNeo4jError(`Maven could not build neo4j-launcher (exit ${r.status}):\n${(r.stdout + r.stderr).trim().split("\n").slice(-25).join("\n")}`);
  }
}

/**
 * Right after a build, one start and stop of Neo4j on a throw-away store records the class-data archive, so every
 * later start, the first included, uses it (the launcher stops as soon as its stdin is closed, here at once).
 * Without it the app works the same, only each start is slower; a failure here is logged, never fatal.
 */
function recordClassArchive(log: (msg: string) => void): void {
  const store = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-cds-"));
  const recording = `${CDS_ARCHIVE}.${process.pid}.${Date.now()}.tmp`;
  try {
    log("Recording the embedded Neo4j's class-data archive (once per build)…");
    const r = spawnSync("java", ["-Xms256m", "-Xmx512m", ...JVM_FLAGS, `-XX:ArchiveClassesAtExit=${recording}`, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", JAR, store, "0", "64"], {
      input: "",
      encoding: "utf8",
      timeout: 300_000,
      env: { ...process.env, PDL_NEO4J_PASSWORD: randomBytes(24).toString("base64url") },
    });
    keepArchive(recording, r.status === 0);
    if (r.status !== 0) log(`Recording the class-data archive failed (exit ${r.status}); Neo4j starts without it.`);
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  user: string;
  password: string;
  /** The JVM's process id. */
  pid: number;
  /** Resolves when the JVM exits for any reason (with its exit code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the database cleanly and waits for the JVM to exit. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  heapMb: number;
  pageCacheMb: number;
  startTimeoutMs?: number;
  log?: (msg: string) => void;
}

/**
 * Class data sharing: the JVM maps the classes Neo4j loads at start from an archive instead of loading and verifying
 * them one by one, which makes a start (and a restart after a crash) quicker and cheaper on a busy machine. The archive
 * is recorded once after each build (`recordClassArchive`); without it, or with one the JVM refuses, Neo4j starts as usual.
 */
const CDS_ARCHIVE = path.join(LAUNCHER_DIR, "target", "neo4j-launcher.jsa");

const archiveCurrent = () => existsSync(CDS_ARCHIVE) && existsSync(JAR) && statSync(CDS_ARCHIVE).mtimeMs >= statSync(JAR).mtimeMs;

const cdsFlags = (): string[] => (archiveCurrent() ? [`-XX:SharedArchiveFile=${CDS_ARCHIVE}`, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"] : []);

export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? console.log;
  ensureLauncherBuilt(log);
  const dataDir = path.resolve(REPO_ROOT, opts.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const password = embeddedPassword(dataDir, log);

  const child = spawn(
    "java",
    [`-Xms${Math.min(512, opts.heapMb)}m`, `-Xmx${opts.heapMb}m`, ...JVM_FLAGS, ...cdsFlags(), "-jar", JAR, dataDir, String(opts.port ?? 0), String(opts.pageCacheMb)],
    // The password goes through the environment (readable by this user only), never the command line.
    { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, PDL_NEO4J_PASSWORD: password } },
  );
  const stderrTail: string[] = [];
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderrTail.push(...chunk.split("\n").filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 30));
  });

  // Generous: a first start on a busy 2-core machine (CI beside other jobs) can take minutes.
  const ready = await waitForReady(child, opts.startTimeoutMs ?? 300_000, stderrTail);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    uri: ready.uri,
    version: ready.version,
    user: "neo4j",
    password,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGCONT"); // a frozen (SIGSTOPped) JVM could not hear us otherwise
      child.stdin.end();
      const term = setTimeout(() => child.kill("SIGTERM"), 30_000);
      const kill = setTimeout(() => child.kill("SIGKILL"), 45_000);
      await exited;
      clearTimeout(term);
      clearTimeout(kill);
    },
  };
}

/** A recorded archive goes into place only from a JVM that stopped cleanly (a killed one wrote none, or half of one). */
function keepArchive(recording: string, clean: boolean): void {
  try {
    if (clean && existsSync(recording) && !archiveCurrent()) renameSync(recording, CDS_ARCHIVE);
    else rmSync(recording, { force: true });
  } catch {
    // Another JVM put its archive in place first, or target/ was cleaned: either way nothing is lost.
  }
}

function waitForReady(child: ChildProcess, timeoutMs: number, stderrTail: string[]): Promise<{ uri: string; version: string }> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      const hint = stderrTail.some((l) => l.includes("FileLockException") || l.includes("lock"))
        ? "\nAnother explorer (or Neo4j) is probably using the same data folder; stop it or set NEO4J_DATA_DIR."
        : "";
      reject(new EmbeddedNeo4jError(`${why}\n${stderrTail.slice(-15).join("\n")}${hint}`));
    };
    const timer = setTimeout(() => fail(`The embedded Neo4j did not start within ${timeoutMs / 1000} s.`), timeoutMs);
    child.once("error", (err) => fail(`Could not start java: ${err.message}`));
    child.once("exit", (code) => fail(`The embedded Neo4j exited during start-up (exit ${code}).`));
    lines.on("line", (line) => {
      const m = /^NEO4J_READY (\S+) (\S+)/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ uri: m[1]!, version: m[2]! });
    });
  });
}
