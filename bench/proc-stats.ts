// Per-process CPU and memory from /proc, and bytes a path really occupies on disk (Linux; NaN elsewhere).
import fs from 'node:fs';
import path from 'node:path';

/** Linux USER_HZ: /proc/<pid>/stat reports CPU time in these ticks. */
const CLOCK_TICKS_PER_S = 100;
/** st_blocks counts 512-byte units whatever the file system block size. */
const STAT_BLOCK_BYTES = 512;

/** CPU seconds (user + system) a process has used so far; NaN where /proc is unavailable. */
export function processCpuS(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size of a process in bytes; NaN where /proc is unavailable. */
export function processRssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return m === null ? Number.NaN : Number(m[1]) * 1024;
  } catch {
    return Number.NaN;
  }
}

/** Bytes allocated on disk under a path (files summed; sparse regions of LMDB's map do not count). */
export function diskBytes(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.blocks * STAT_BLOCK_BYTES;
  let total = 0;
  for (const entry of fs.readdirSync(target)) total += diskBytes(path.join(target, entry));
  return total;
}

/** Samples a server process's CPU over a window: call start(), then end() gives % of one core. */
export function cpuWindow(pid: number): { start(): void; end(): void; pct(): number } {
  let startS = 0;
  let startMs = 0;
  let pct = Number.NaN;
  return {
    start: () => {
      startS = processCpuS(pid);
      startMs = performance.now();
    },
    end: () => {
      const seconds = (performance.now() - startMs) / 1000;
      pct = seconds > 0 ? Math.round(((processCpuS(pid) - startS) / seconds) * 1000) / 10 : Number.NaN;
    },
    pct: () => pct,
  };
}
