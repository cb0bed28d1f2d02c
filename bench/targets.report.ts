/** Issue 21's target table, before and after in one run: its result (written as JSON) and its Markdown. */
import type { DrawTiming } from "./browser.js";
import type { ApiOverDriver } from "./driver.js";
import type { ProbeRow, Subjects, TargetGroup } from "./probe.urls.js";
import type { Percentiles } from "./stats.js";

export type TargetScale = "builtin" | "S" | "M" | "L";

export interface ProbeResult {
  /** The first request of the answer after the load and the server's start (no cache can hold it yet). */
  first: { ms: number; status: number; bytes: number };
  /** Sequential requests after the warm-up. */
  warm: Percentiles;
  maxBytes: number;
  /** Requests that did not answer 200 (a 503 after the app's query timeout, for one), counted in the times. */
  failed: number;
  /** Answers per HTTP status, and the start of the first answer that was not 200. */
  statuses?: Record<string, number>;
  firstFailure?: string;
}

export interface VersionResult {
  label: string;
  ref: string;
  commit: string;
  modules: string;
  error?: string;
  import?: { ms: number; reimportMs: number; error?: string; reimportError?: string };
  serverStartMs?: number;
  /** The 1-minute load average the warm answers were measured under, after waiting (up to 3 min) for it to fall below half the cores. */
  quiet?: { waitedMs: number; load: number };
  probes: Record<string, ProbeResult | { error: string }>;
  /** The last lines the server logged, kept when an answer was not 200. */
  serverLog?: string[];
  ratio: Record<string, ApiOverDriver | { error: string }> | { error: string } | null;
  browser: { overview: DrawTiming; trace: (DrawTiming & { from: string }) | null; chromium: string } | { error: string } | null;
  load: { cold: LoadRow | null; warm: LoadRow | null; seconds: number; error?: string } | null;
  chunk: { file: string; bytes: number; gzipBytes: number; preloadGzipBytes: number } | { error: string } | null;
}

export interface LoadRow {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failed: string;
}

export interface TargetsResult {
  date: string;
  scale: TargetScale;
  quick: boolean;
  seed: number | null;
  command: string;
  requests: number;
  warmup: number;
  machine: { cores: number; cpu: string; memoryGiB: number; loadBefore: number[]; loadAfter: number[]; node: string; heapMb: string; pageCacheMb: string };
  estate: { systems: number; tables: number; columns: number; personal: number; vendors: number; flows: number } | null;
  subjects: Subjects;
  rows: ProbeRow[];
  /** The M run's "after" values that L's "< 2× M" targets read (from bench/results), when there is one. */
  mReference: { file: string; p95: Record<string, number>; importMs: number | null } | null;
  durationMs: number;
  versions: VersionResult[];
}

/** Issue 21's targets, in ms (p95). L's "2xM" is twice the M run's "after" value of the same answer. */
export const TARGETS: Record<TargetGroup, { builtin: number; M: number; L: number | "2xM" }> = {
  lookup: { builtin: 10, M: 15, L: "2xM" },
  "trace-small": { builtin: 15, M: 30, L: "2xM" },
  "trace-large": { builtin: 25, M: 50, L: "2xM" },
  overview: { builtin: 10, M: 20, L: 20 },
  where: { builtin: 20, M: 50, L: "2xM" },
};
export const RATIO_TARGET = 1.3;
export const DRAW_TARGET_MS = 1500;
export const IMPORT_TARGET_MS = 30_000;
export const REIMPORT_FACTOR = 1.2;
export const LOAD_TARGET = { reqPerSec: 400, p99Ms: 300 };
export const CHUNK_TARGET_BYTES = 200 * 1024;

/** The cold and warm rows of `npm run bench:load`'s table (`| cold | req/s | p50 | p99 | max | requests | failed …`). */
export function parseLoad(output: string): { cold: LoadRow | null; warm: LoadRow | null } {
  const row = (phase: string): LoadRow | null => {
    const line = output.split("\n").find((l) => l.startsWith(`| ${phase} |`));
    if (!line) return null;
    const c = line.split("|").map((x) => x.trim());
    return { reqPerSec: Number(c[2]), p50Ms: Number(c[3]), p99Ms: Number(c[4]), requests: Number(c[6]), failed: c[7] ?? "?" };
  };
  return { cold: row("cold"), warm: row("warm") };
}

interface Check {
  /** null: no target for this scale. */
  target: string | null;
  pass: (v: VersionResult) => boolean | null;
  measured: (v: VersionResult) => string;
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(1)} ms`);
const isErr = (x: unknown): x is { error: string } => typeof x === "object" && x !== null && "error" in x && typeof (x).error === "string" && !("warm" in x) && !("api" in x);

function probeLimit(r: TargetsResult, row: ProbeRow): number | null {
  if (r.scale === "S") return null;
  const t = TARGETS[row.group][r.scale];
  if (t !== "2xM") return t;
  const m = r.mReference?.p95[row.key];
  return m === undefined ? null : 2 * m;
}

function probeCheck(r: TargetsResult, row: ProbeRow): Check {
  const limit = probeLimit(r, row);
  const target = limit !== null ? `p95 < ${ms(limit)}${r.scale === "L" && TARGETS[row.group].L === "2xM" ? " (2× M)" : ""}` : r.scale === "L" ? "< 2× M (no M run to compare)" : null;
  return {
    target,
    measured: (v) => {
      const p = v.probes[row.key];
      if (!p) return "not run";
      if (isErr(p)) return `failed: ${p.error}`;
      const statuses = p.statuses ? Object.entries(p.statuses).filter(([code]) => code !== "200").map(([code, n]) => `${n}× ${code}`).join(", ") : "";
      return `${ms(p.warm.p95)}${p.failed ? ` (${p.failed} of ${p.warm.n} not 200${statuses ? `: ${statuses}` : ""})` : ""}`;
    },
    pass: (v) => {
      const p = v.probes[row.key];
      if (limit === null) return null;
      if (!p || isErr(p)) return false;
      return p.failed === 0 && p.warm.p95 < limit;
    },
  };
}

function worstRatio(v: VersionResult): { key: string; ratio: number } | null {
  if (!v.ratio || isErr(v.ratio)) return null;
  let worst: { key: string; ratio: number } | null = null;
  for (const [key, m] of Object.entries(v.ratio as Record<string, ApiOverDriver | { error: string }>)) {
    if (isErr(m) || m.ratioP50 === null) continue;
    if (!worst || m.ratioP50 > worst.ratio) worst = { key, ratio: m.ratioP50 };
  }
  return worst;
}

function checks(r: TargetsResult): { what: string; check: Check }[] {
  const out: { what: string; check: Check }[] = r.rows.map((row) => ({ what: row.label, check: probeCheck(r, row) }));
  out.push({
    what: "API over the bare driver for the same Cypher (worst answer, p50 ratio)",
    check: {
      target: r.scale === "S" ? null : `≤ ${RATIO_TARGET}×`,
      measured: (v) => {
        if (!v.ratio) return "not run";
        if (isErr(v.ratio)) return `failed: ${v.ratio.error}`;
        const w = worstRatio(v);
        return w ? `${w.ratio.toFixed(2)}× (${r.rows.find((x) => x.key === w.key)?.label ?? w.key})` : "no Cypher ran";
      },
      pass: (v) => {
        if (r.scale === "S") return null;
        const w = worstRatio(v);
        return v.ratio && !isErr(v.ratio) ? (w ? w.ratio <= RATIO_TARGET : true) : false;
      },
    },
  });
  const atM = r.scale === "M";
  const draw = (pick: (b: { overview: DrawTiming; trace: (DrawTiming & { from: string }) | null }) => DrawTiming | null, what: string) => ({
    what,
    check: {
      target: atM ? `< ${ms(DRAW_TARGET_MS)}` : null,
      measured: (v: VersionResult) => {
        if (!v.browser) return "not run";
        if (isErr(v.browser)) return `failed: ${v.browser.error}`;
        const t = pick(v.browser);
        if (!t) return "no trace near 1,000 elements";
        return `${t.ms === null ? `not drawn: ${t.error ?? "?"}` : ms(t.ms)} (${t.apiElements} elements in the answer, ${t.drawnElements} drawn${"from" in t ? `, from ${(t as { from: string }).from}` : ""})`;
      },
      pass: (v: VersionResult) => {
        if (!atM) return null;
        if (!v.browser || isErr(v.browser)) return false;
        const t = pick(v.browser);
        return t !== null && t.ms !== null && t.ms < DRAW_TARGET_MS;
      },
    },
  });
  out.push(draw((b) => b.overview, "browser: overview drawn"));
  out.push(draw((b) => b.trace, "browser: trace of about 1,000 elements drawn"));
  if (r.scale !== "builtin") {
    const mImport = r.mReference?.importMs ?? null;
    out.push({
      what: "`npm run import` of the estate's files, wall clock with database start",
      check: {
        target: atM ? `< ${ms(IMPORT_TARGET_MS)}` : r.scale === "L" ? (mImport !== null ? `< ${ms(10 * mImport)} (10× M)` : "< 10× M (no M run to compare)") : null,
        measured: (v) => (!v.import ? "not run" : v.import.error ? `failed after ${ms(v.import.ms)}: ${v.import.error}${v.import.reimportError ? "" : ` (imported on a second try in ${ms(v.import.reimportMs)})`}` : ms(v.import.ms)),
        pass: (v) => (atM ? !!v.import && !v.import.error && v.import.ms < IMPORT_TARGET_MS : r.scale === "L" && mImport !== null ? !!v.import && !v.import.error && v.import.ms < 10 * mImport : null),
      },
    });
    out.push({
      what: "re-import of the same files (over the import)",
      check: {
        target: atM ? `≤ ${REIMPORT_FACTOR}×` : null,
        measured: (v) => (!v.import ? "not run" : v.import.error ? "not measured (the import failed)" : v.import.reimportError ? `failed after ${ms(v.import.reimportMs)}: ${v.import.reimportError}` : `${ms(v.import.reimportMs)} (${(v.import.reimportMs / v.import.ms).toFixed(2)}×)`),
        pass: (v) => (atM ? !!v.import && !v.import.error && !v.import.reimportError && v.import.reimportMs <= REIMPORT_FACTOR * v.import.ms : null),
      },
    });
  }
  if (r.scale === "builtin") {
    out.push({
      what: "`npm run bench:load` on the built-in data (50 connections, mixed; the warm run)",
      check: {
        target: `≥ ${LOAD_TARGET.reqPerSec} req/s, p99 < ${LOAD_TARGET.p99Ms} ms`,
        measured: (v) => {
          const l = v.load;
          if (!l) return "not run";
          const row = (x: LoadRow | null) => (x ? `${x.reqPerSec} req/s, p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, failed ${x.failed}` : "no result");
          return `warm: ${row(l.warm)}; cold: ${row(l.cold)} (${l.seconds} s each)${l.error ? `; ${l.error}` : ""}`;
        },
        pass: (v) => !!v.load?.warm && v.load.warm.reqPerSec >= LOAD_TARGET.reqPerSec && v.load.warm.p99Ms < LOAD_TARGET.p99Ms,
      },
    });
  }
  out.push({
    what: "main JS chunk (gzip)",
    check: {
      target: `< ${CHUNK_TARGET_BYTES / 1024} KB`,
      measured: (v) => (!v.chunk ? "not run" : isErr(v.chunk) ? `failed: ${v.chunk.error}` : `${(v.chunk.gzipBytes / 1024).toFixed(1)} KB (${v.chunk.file}; preloaded with it: ${(v.chunk.preloadGzipBytes / 1024).toFixed(1)} KB)`),
      pass: (v) => !!v.chunk && !isErr(v.chunk) && v.chunk.gzipBytes < CHUNK_TARGET_BYTES,
    },
  });
  return out;
}

const mark = (p: boolean | null) => (p === null ? "" : p ? "pass" : "**miss**");
const cell = (s: string) => s.replace(/\|/g, "\\|");

export function targetsMarkdown(r: TargetsResult): string {
  const m = r.machine;
  const scaleName = r.scale === "builtin" ? "built-in data" : r.scale;
  // Versions that waited for a quiet machine before their warm answers say what they were measured under; the load
  // averages before and after the run also hold the imports and bench:load, so they only judge a run without that.
  const quietLoads = r.versions.flatMap((v) => (v.quiet ? [v.quiet.load] : []));
  const measuredQuiet = quietLoads.length === r.versions.length && quietLoads.length > 0;
  const busy = measuredQuiet ? quietLoads.some((l) => l >= m.cores / 2) : Math.max(m.loadBefore[0]!, m.loadAfter[0]!) > m.cores;
  const vs = r.versions;
  const lines = [
    `# Issue 21 targets: ${scaleName}${r.quick ? " (quick)" : ""}, ${r.date.slice(0, 10)}`,
    "",
    `\`${r.command}\` on ${r.date}, ${(r.durationMs / 60_000).toFixed(1)} min end to end. ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB; load average ${m.loadBefore.join(" / ")} before and ${m.loadAfter.join(" / ")} after; Node ${m.node}; Neo4j heap ${m.heapMb}, page cache ${m.pageCacheMb}.`,
    busy
      ? `**${measuredQuiet ? `The load average stayed at or above half the cores while warm answers were measured (${quietLoads.join(" / ")})` : "The load average was above the core count"}: other work shared the cores, so these numbers are noisy and say little against the targets; compare before with after within this run.**`
      : measuredQuiet
        ? `Each version's warm answers were measured once the 1-minute load average had fallen below half the cores (${quietLoads.join(" / ")}); the load averages before and after the run include the imports and \`bench:load\`.`
        : "The machine was otherwise quiet (load average below the core count).",
    "",
    r.estate
      ? `Estate (\`npm run generate -- --scale ${r.scale}\`, seed ${r.seed}): ${r.estate.systems} systems, ${r.estate.tables.toLocaleString("en")} tables, ${r.estate.columns.toLocaleString("en")} columns (${r.estate.personal.toLocaleString("en")} personal), ${r.estate.vendors} vendors in ${r.estate.flows} flows; each version loads it with its own \`npm run import\` into its own throw-away database (without the built-in data) and serves it with its own \`npm start\`.`
      : "The built-in data, which each version's own `npm start` loads into its own empty throw-away database.",
    "",
    ...vs.map((v) => `- **${v.label}**: ${v.ref} (${v.commit.slice(0, 10)}), node_modules: ${v.modules}${v.quiet ? `; warm answers measured at load average ${v.quiet.load} (after ${(v.quiet.waitedMs / 1000).toFixed(0)} s waiting for below ${m.cores / 2})` : ""}${v.error ? `. **Failed: ${cell(v.error)}**` : ""}`),
    "",
    `Each answer: its first request right after the load and the server's start, then, once the server's background planning of its queries has ended (it says so; a version that does not is given 30 s), ${r.warmup} warm-up rounds over every answer's URLs (the server warm, its JIT included, before any answer is measured), then p95 of ${r.requests} sequential requests over HTTP (loopback, one at a time). ` +
      `Subjects: system \`${r.subjects.system}\`, table \`${r.subjects.table.system}/${r.subjects.table.name}\`, \`${r.subjects.source}\`, \`${r.subjects.category}\`, \`${r.subjects.vendor}\`, searches ${r.subjects.search.map((q) => `"${q}"`).join(", ")}.` +
      (r.mReference ? ` L's "2× M" targets read ${r.mReference.file}.` : ""),
    "",
    `| answer | target (${scaleName}) | ${vs.map((v) => `${v.label} |  |`).join(" ")}`,
    `|---|---|${vs.map(() => "---|---|").join("")}`,
    ...checks(r).map(({ what, check }) => `| ${cell(what)} | ${check.target ?? "—"} | ${vs.map((v) => `${cell(check.measured(v))} | ${check.target ? mark(check.pass(v)) : ""} |`).join(" ")}`),
    "",
    "## Each answer: cold and warm, and cache",
    "",
    "First: the first request after the load and the server's start. Warm: p50 / p95 after the warm-up (a version with a cache answers these from it). Cypher: named queries the in-process app ran on an answer's first request → on a warm one (fewer on the warm one: a cache answered). API/driver: p50 of the in-process API over p50 of the same Cypher through the bare driver; \"(uncached)\": the version stores a load sequence, and each measured request followed a new one, so it ran its Cypher.",
    "",
    `| answer | ${vs.map((v) => `${v.label}: first | warm p50 / p95 | largest answer | Cypher first → warm | API/driver |`).join(" ")}`,
    `|---|${vs.map(() => "---:|---:|---:|---:|---:|").join("")}`,
    ...r.rows.map((row) => {
      const cells = vs.map((v) => {
        const p = v.probes[row.key];
        const q = v.ratio && !isErr(v.ratio) ? (v.ratio as Record<string, ApiOverDriver | { error: string }>)[row.key] : undefined;
        const probe = !p ? ["—", "—", "—"] : isErr(p) ? [`failed: ${cell(p.error)}`, "", ""] : [`${ms(p.first.ms)}${p.first.status !== 200 ? ` (${p.first.status})` : ""}`, `${ms(p.warm.p50)} / ${ms(p.warm.p95)}${p.failed ? ` (${p.failed} not 200)` : ""}`, `${Math.round(p.maxBytes / 1024)} KB`];
        const ratio = !q ? ["—", "—"] : isErr(q) ? [`failed: ${cell(q.error)}`, ""] : [`${q.queriesOnFirstRequest} → ${q.queriesPerWarmRequest}`, q.ratioP50 === null ? "no Cypher" : `${q.ratioP50.toFixed(2)}×${q.busted ? " (uncached)" : ""}`];
        return [...probe, ...ratio].join(" | ");
      });
      return `| ${row.label} | ${cells.join(" | ")} |`;
    }),
    "",
    "URLs: " + r.rows.map((row) => `${row.label}: ${row.urls.map((u) => `\`${u}\``).join(", ")}`).join("; ") + ".",
    "",
  ];
  return lines.join("\n");
}
