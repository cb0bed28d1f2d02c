/** Small measuring helpers shared by the benchmark's parts. */
import { readFileSync } from "node:fs";

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s[s.length - 1] ?? Number.NaN) };
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/** Resident memory of a process in MiB, from /proc (Linux); null where that is not readable. */
export function rssMiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Samples the JVM's and this process's resident memory every `everyMs`, keeping the peak of each per phase
 * (load, reload, api, browser), so a short spike between two reports is not missed.
 */
export class MemorySampler {
  private phase = "start";
  readonly peaks: Record<string, { jvmMiB: number | null; nodeMiB: number }> = {};
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly jvmPid: number,
    everyMs = 200,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  enter(phase: string): void {
    this.sample();
    this.phase = phase;
    this.sample();
  }

  sample(): void {
    const jvm = rssMiB(this.jvmPid);
    const node = Math.round(process.memoryUsage().rss / 2 ** 20);
    const p = (this.peaks[this.phase] ??= { jvmMiB: jvm, nodeMiB: node });
    if (jvm !== null) p.jvmMiB = Math.max(p.jvmMiB ?? 0, jvm);
    p.nodeMiB = Math.max(p.nodeMiB, node);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}
