// Engine entry for benchmarks: runs engine/main.ts unchanged; on stdin `mem` answers process.memoryUsage() and `gc`
// the garbage-collection pauses since the last `gc`; stops the engine when stdin closes.
import { PerformanceObserver } from 'node:perf_hooks';
import '../engine/main.ts';

/** Prefixes of the reply lines on stdout, parsed by start-engine.ts. */
export const MEM_LINE_PREFIX = 'bench-mem ';
export const GC_LINE_PREFIX = 'bench-gc ';
/** Pauses at least this long are counted separately: they show up in p99 latency. */
const GC_PAUSE_LONG_MS = 1;

const gc = { count: 0, totalMs: 0, maxMs: 0, longCount: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.totalMs += entry.duration;
    if (entry.duration > gc.maxMs) gc.maxMs = entry.duration;
    if (entry.duration >= GC_PAUSE_LONG_MS) gc.longCount++;
  }
}).observe({ entryTypes: ['gc'] });

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  for (let newlineAt = pending.indexOf('\n'); newlineAt >= 0; newlineAt = pending.indexOf('\n')) {
    const command = pending.slice(0, newlineAt).trim();
    pending = pending.slice(newlineAt + 1);
    if (command === 'mem') process.stdout.write(`${MEM_LINE_PREFIX}${JSON.stringify(process.memoryUsage())}\n`);
    if (command === 'gc') {
      process.stdout.write(`${GC_LINE_PREFIX}${JSON.stringify(gc)}\n`);
      gc.count = gc.totalMs = gc.maxMs = gc.longCount = 0;
    }
  }
});
// The parent holds our stdin: when it goes away (even by crash) shut down cleanly through main.ts's SIGTERM path,
// which flushes LMDB and, under --cpu-prof, writes the profile.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
