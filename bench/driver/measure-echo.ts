// Measures the driver against a child-process uWS echo server at 1x1, 16x16 and 64x8 (connections x pipeline) and prints a table + JSON.
// Usage: node --import tsx bench/driver/measure-echo.ts [--duration 5] [--warmup 1] [--repeat 1]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runLoad, stockGetWorkload, type LoadResult } from './load.ts';
import { startEcho } from './start-echo.ts';

const SHAPES: ReadonlyArray<readonly [connections: number, pipeline: number]> = [
  [1, 1],
  [16, 16],
  [64, 8],
];
const REPEAT_MAX = 20;
/** Linux USER_HZ: /proc/<pid>/stat reports CPU time in these ticks. */
const CLOCK_TICKS_PER_S = 100;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    repeat: { type: 'string', default: '1' },
  },
});
const repeat = Math.min(REPEAT_MAX, Math.max(1, Number(values.repeat)));

/** CPU seconds (user + system) used so far by a process, from /proc; NaN where unavailable. */
function processCpuS(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

type Row = LoadResult & { serverCpuPct: number };
const rows: Row[] = [];
const echo = await startEcho();
try {
  for (const [connections, pipeline] of SHAPES) {
    for (let r = 0; r < repeat; r++) {
      let serverCpuStartS = 0;
      let serverCpuS = 0;
      const result = await runLoad({
        url: echo.url,
        connections,
        pipeline,
        warmupMs: Math.round(Number(values.warmup) * 1000),
        durationMs: Math.round(Number(values.duration) * 1000),
        mode: 'echo',
        encoding: 'msgpack',
        workload: stockGetWorkload,
        onWindow: (edge) => {
          if (edge === 'start') serverCpuStartS = processCpuS(echo.pid);
          else serverCpuS = processCpuS(echo.pid) - serverCpuStartS;
        },
      });
      const row = { ...result, serverCpuPct: Math.round((serverCpuS / result.durationS) * 1000) / 10 };
      rows.push(row);
      process.stderr.write(
        `${connections}x${pipeline}  ${(row.throughputPerS / 1e6).toFixed(3)} M msg/s  p50 ${row.latencyUs.p50} us  ` +
          `p99 ${row.latencyUs.p99} us  max ${row.latencyUs.max} us  errors ${row.errors}  ` +
          `replies/read ${row.repliesPerRead}  requests/write ${row.requestsPerWrite}  ` +
          `driver cpu ${row.driverCpuPct}% (ceiling ${(row.driverCeilingPerS / 1e6).toFixed(2)} M/s)  server cpu ${row.serverCpuPct}%\n`,
      );
    }
  }
} finally {
  await echo.stop();
}
process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
