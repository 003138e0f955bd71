// Engine vs raw uWS echo, workload by workload and shape by shape: each engine run is paired with an echo run of the
// same frames and shape, back to back, so both see the same machine (and the same noise from anything else on it).
import { runLoad, type LoadResult } from './driver/load.ts';
import { cpuWindow } from './proc-stats.ts';
import type { GcPauses } from './start-engine.ts';
import { buildWorkload, shapeName, type BenchCatalog, type BenchWorkloadSpec, type Shape } from './workloads.ts';

export interface WsSuiteOptions {
  engineUrl: string;
  engineHttpUrl: string;
  enginePid: number;
  echoUrl: string;
  echoPid: number;
  catalog: BenchCatalog;
  /** Session token per username (loginTokens), bound to each connection with session.resume before the clock. */
  tokens: Record<string, string>;
  workloads: readonly BenchWorkloadSpec[];
  shapes: readonly Shape[];
  warmupMs: number;
  durationMs: number;
  progress?: (line: string) => void;
  /** GC pauses in the engine since the last call (start-engine.ts gcPauses), sampled around each engine run. */
  engineGcPauses?: () => Promise<GcPauses>;
  /** Runs before each workload's first run (e.g. the fsync floor, measured right before the first durable writes). */
  beforeWorkload?: (spec: BenchWorkloadSpec) => Promise<void>;
}

export type RunFigures = LoadResult & { serverCpuPct: number };

export interface WsPair {
  workload: string;
  kind: BenchWorkloadSpec['kind'];
  shape: string;
  connections: number;
  pipeline: number;
  engine: RunFigures;
  echo: RunFigures;
  /** Engine throughput / echo throughput. */
  throughputRatio: number;
  /** Engine p99 - echo p99 and engine p50 - echo p50, microseconds. */
  p99DeltaUs: number;
  p50DeltaUs: number;
  /** Engine GC pauses during the engine run (warm-up and drain included). */
  engineGc?: GcPauses;
  /** Commands per LMDB group commit during the engine run (from /metrics), for workloads that write. */
  commandsPerCommit?: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Sum and count of the engine's commit-batch histogram, scraped from /metrics. */
async function commitBatches(httpUrl: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const sum = /^aidstock_commit_batch_commands_sum (\S+)$/m.exec(text);
  const count = /^aidstock_commit_batch_commands_count (\S+)$/m.exec(text);
  return { sum: Number(sum?.[1] ?? 0), count: Number(count?.[1] ?? 0) };
}

export async function runWsSuite(o: WsSuiteOptions): Promise<WsPair[]> {
  const pairs: WsPair[] = [];
  for (const spec of o.workloads) {
    const workload = buildWorkload(spec, o.catalog);
    const token = o.tokens[spec.username];
    if (token === undefined) throw new Error(`no session token for ${spec.username}`);
    await o.beforeWorkload?.(spec);
    for (const shape of o.shapes) {
      const common = {
        connections: shape.connections,
        pipeline: shape.pipeline,
        warmupMs: o.warmupMs,
        durationMs: o.durationMs,
        encoding: 'msgpack' as const,
        workload,
        ...(spec.ringFrames !== undefined ? { ringFrames: spec.ringFrames } : {}),
      };
      const echoCpu = cpuWindow(o.echoPid);
      const echo = await runLoad({
        ...common,
        url: o.echoUrl,
        mode: 'echo',
        onWindow: (e) => (e === 'start' ? echoCpu.start() : echoCpu.end()),
      });
      const engineCpu = cpuWindow(o.enginePid);
      const before = spec.kind === 'read' ? null : await commitBatches(o.engineHttpUrl);
      await o.engineGcPauses?.();
      const engine = await runLoad({
        ...common,
        url: o.engineUrl,
        mode: 'reply',
        setup: () => [{ op: 'session.resume', args: { token } }],
        onWindow: (e) => (e === 'start' ? engineCpu.start() : engineCpu.end()),
      });
      const after = before === null ? null : await commitBatches(o.engineHttpUrl);
      const engineGc = await o.engineGcPauses?.();
      const pair: WsPair = {
        workload: spec.name,
        kind: spec.kind,
        shape: shapeName(shape),
        connections: shape.connections,
        pipeline: shape.pipeline,
        engine: { ...engine, serverCpuPct: engineCpu.pct() },
        echo: { ...echo, serverCpuPct: echoCpu.pct() },
        throughputRatio: echo.throughputPerS > 0 ? round3(engine.throughputPerS / echo.throughputPerS) : 0,
        p99DeltaUs: Math.round((engine.latencyUs.p99 - echo.latencyUs.p99) * 10) / 10,
        p50DeltaUs: Math.round((engine.latencyUs.p50 - echo.latencyUs.p50) * 10) / 10,
      };
      if (engineGc !== undefined)
        pair.engineGc = {
          ...engineGc,
          totalMs: Math.round(engineGc.totalMs * 10) / 10,
          maxMs: Math.round(engineGc.maxMs * 10) / 10,
        };
      if (before !== null && after !== null && after.count > before.count) {
        pair.commandsPerCommit = Math.round(((after.sum - before.sum) / (after.count - before.count)) * 10) / 10;
      }
      pairs.push(pair);
      o.progress?.(
        `  ${spec.name.padEnd(18)} ${pair.shape.padEnd(6)} engine ${fmtRate(engine.throughputPerS)} p50 ${engine.latencyUs.p50} us p99 ` +
          `${engine.latencyUs.p99} us err ${engine.errors} | echo ${fmtRate(echo.throughputPerS)} p99 ${echo.latencyUs.p99} us | ` +
          `ratio ${pair.throughputRatio} | cpu engine ${pair.engine.serverCpuPct}% driver ${engine.driverCpuPct}%` +
          (pair.engineGc ? ` | engine gc ${pair.engineGc.count}x max ${pair.engineGc.maxMs} ms` : ''),
      );
      // Issue 17: a mix's ops one by one (order.place p99 among searches).
      for (const [op, l] of Object.entries(engine.latencyUsByOp ?? {}))
        o.progress?.(`    ${op.padEnd(16)} p50 ${l.p50} us p99 ${l.p99} us`);
    }
  }
  return pairs;
}

export function fmtRate(perS: number): string {
  if (perS >= 1e6) return `${(perS / 1e6).toFixed(2)} M/s`;
  if (perS >= 1e3) return `${(perS / 1e3).toFixed(1)} k/s`;
  return `${Math.round(perS)} /s`;
}
