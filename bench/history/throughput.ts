// The hot paths at 16x16 on the history engine against the same workloads on a demo engine in the same run (issue 16:
// the history must not slow them by more than HOT_PATH_SLOWDOWN_PCT_MAX), each workload run back to back as echo,
// history, demo, so all three meet the same machine. The workloads are the quick bench's (bench/workloads.ts).
import { runLoad, type LoadResult } from '../driver/load.ts';
import { cpuWindow } from '../proc-stats.ts';
import type { BenchEngine } from '../start-engine.ts';
import { buildWorkload, shapeName, WORKLOADS, type BenchCatalog, type Shape } from '../workloads.ts';
import { gcFigures } from './latency.ts';
import type { GcFigures, LoadFigures, ThroughputRow } from './types.ts';

/** The limit on how much slower the hot paths may be at history than at demo. */
export const HOT_PATH_SLOWDOWN_PCT_MAX = 10;
export const THROUGHPUT_SHAPE: Shape = { connections: 16, pipeline: 16 };
/** Reads first, the durable write last (it adds orders to a reused data dir). */
export const THROUGHPUT_WORKLOADS: readonly string[] = ['stock.get', 'catalog.search', 'order.place'];

/** An engine with the inputs sampled from it and the session tokens of the workloads' users. */
export interface LoadTarget {
  engine: BenchEngine;
  catalog: BenchCatalog;
  tokens: Record<string, string>;
}

export interface ThroughputOptions {
  history: LoadTarget;
  demo: LoadTarget;
  echoUrl: string;
  warmupMs: number;
  durationMs: number;
  progress: (line: string) => void;
}

const pct = (a: number, b: number): number => (b > 0 ? Math.round(((a - b) / b) * 1000) / 10 : 0);

async function engineRun(
  target: LoadTarget,
  spec: (typeof WORKLOADS)[number],
  common: Omit<Parameters<typeof runLoad>[0], 'url' | 'mode' | 'workload'>,
): Promise<{ figures: LoadFigures; gc: GcFigures }> {
  const token = target.tokens[spec.username];
  if (token === undefined) throw new Error(`no session token for ${spec.username}`);
  const cpu = cpuWindow(target.engine.pid);
  await target.engine.gcPauses();
  const startMs = performance.now();
  const r: LoadResult = await runLoad({
    ...common,
    url: target.engine.wsUrl,
    mode: 'reply',
    workload: buildWorkload(spec, target.catalog),
    setup: () => [{ op: 'session.resume', args: { token } }],
    onWindow: (e) => (e === 'start' ? cpu.start() : cpu.end()),
  });
  const gc = gcFigures(spec.name, await target.engine.gcPauses(), performance.now() - startMs);
  return {
    figures: {
      throughputPerS: r.throughputPerS,
      p50Us: r.latencyUs.p50,
      p99Us: r.latencyUs.p99,
      errors: r.errors,
      engineCpuPct: cpu.pct(),
      gcCount: gc.count,
      gcMaxMs: gc.maxMs,
      gcSharePct: gc.sharePct,
    },
    gc,
  };
}

/** Each of THROUGHPUT_WORKLOADS at THROUGHPUT_SHAPE: echo, history, demo. GC rows of the read runs for the GC table. */
export async function runThroughput(o: ThroughputOptions): Promise<{ rows: ThroughputRow[]; gc: GcFigures[] }> {
  const rows: ThroughputRow[] = [];
  const gc: GcFigures[] = [];
  for (const name of THROUGHPUT_WORKLOADS) {
    const spec = WORKLOADS.find((w) => w.name === name);
    if (spec === undefined) throw new Error(`no workload ${name} in bench/workloads.ts`);
    const common = {
      connections: THROUGHPUT_SHAPE.connections,
      pipeline: THROUGHPUT_SHAPE.pipeline,
      warmupMs: o.warmupMs,
      durationMs: o.durationMs,
      encoding: 'msgpack' as const,
      ...(spec.ringFrames !== undefined ? { ringFrames: spec.ringFrames } : {}),
    };
    const echo = await runLoad({
      ...common,
      url: o.echoUrl,
      mode: 'echo',
      workload: buildWorkload(spec, o.history.catalog),
    });
    const history = await engineRun(o.history, spec, common);
    const demo = await engineRun(o.demo, spec, common);
    if (spec.kind === 'read') {
      gc.push({ ...history.gc, label: `${name} ${shapeName(THROUGHPUT_SHAPE)} at history` });
      gc.push({ ...demo.gc, label: `${name} ${shapeName(THROUGHPUT_SHAPE)} at demo` });
    }
    const throughputDiffPct = pct(history.figures.throughputPerS, demo.figures.throughputPerS);
    const row: ThroughputRow = {
      workload: name,
      shape: shapeName(THROUGHPUT_SHAPE),
      history: history.figures,
      demo: demo.figures,
      echoThroughputPerS: echo.throughputPerS,
      echoP99Us: echo.latencyUs.p99,
      throughputDiffPct,
      p99DiffPct: pct(history.figures.p99Us, demo.figures.p99Us),
      within: throughputDiffPct >= -HOT_PATH_SLOWDOWN_PCT_MAX && history.figures.errors === 0,
    };
    rows.push(row);
    o.progress(
      `  ${name.padEnd(15)} history ${Math.round(row.history.throughputPerS)}/s p99 ${row.history.p99Us} us err ${row.history.errors} | ` +
        `demo ${Math.round(row.demo.throughputPerS)}/s p99 ${row.demo.p99Us} us | echo ${Math.round(echo.throughputPerS)}/s | ` +
        `${throughputDiffPct}% ${row.within ? 'within' : 'OUTSIDE'} ${HOT_PATH_SLOWDOWN_PCT_MAX}%`,
    );
  }
  return { rows, gc };
}
