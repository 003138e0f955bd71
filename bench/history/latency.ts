// The 1x1 latency floor of the history's long-history reads: one op with the same subject over and over, each run
// paired with an echo run of the same frames just before it, against echo p99 + LATENCY_BUDGET_US (issue 16).
import { runLoad } from '../driver/load.ts';
import type { GcPauses } from '../start-engine.ts';
import type { GcFigures, LatencyRow } from './types.ts';

/** The issue's budget over the echo's p99 for a read at 1x1. */
export const LATENCY_BUDGET_US = 200;

export interface LatencyProbe {
  label: string;
  op: string;
  username: string;
  /** Args of ring slot i (most probes send the same args every time). */
  args: (i: number) => unknown;
  accessLogged: boolean;
  /** Set by checkProbes (probes.ts): one call's wall time, null when it got no reply in time. */
  firstCallMs?: number | null;
}

/** A read whose single call takes longer than this is not run at 1x1: its one call is reported instead. */
export const PROBE_CALL_MS_MAX = 1_000;

export interface LatencyOptions {
  engineUrl: string;
  echoUrl: string;
  tokens: Record<string, string>;
  probes: readonly LatencyProbe[];
  warmupMs: number;
  durationMs: number;
  gcPauses: () => Promise<GcPauses>;
  progress: (line: string) => void;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** GC figures from the pauses of a run of `wallMs`. */
export function gcFigures(label: string, pauses: GcPauses, wallMs: number): GcFigures {
  return {
    label,
    wallS: Math.round(wallMs) / 1000,
    count: pauses.count,
    maxMs: round1(pauses.maxMs),
    totalMs: round1(pauses.totalMs),
    sharePct: wallMs > 0 ? Math.round((pauses.totalMs / wallMs) * 10_000) / 100 : 0,
  };
}

/** Every probe at 1x1 (echo, then engine); returns the rows and the engine's GC over all engine runs together. */
export async function runLatencyProbes(o: LatencyOptions): Promise<{ rows: LatencyRow[]; gc: GcFigures }> {
  const rows: LatencyRow[] = [];
  const gcTotal: GcPauses = { count: 0, totalMs: 0, maxMs: 0, longCount: 0 };
  let engineWallMs = 0;
  for (const probe of o.probes) {
    if (probe.firstCallMs === null || (probe.firstCallMs ?? 0) > PROBE_CALL_MS_MAX) {
      rows.push(skippedRow(probe, probe.firstCallMs ?? null));
      o.progress(`  ${probe.label.padEnd(40)} ${rows[rows.length - 1]!.skipped}`);
      continue;
    }
    const token = o.tokens[probe.username];
    if (token === undefined) throw new Error(`no session token for ${probe.username}`);
    const common = {
      connections: 1,
      pipeline: 1,
      warmupMs: o.warmupMs,
      durationMs: o.durationMs,
      encoding: 'msgpack' as const,
      workload: { name: probe.label, mix: [{ weight: 1, op: probe.op, args: probe.args }] },
    };
    const echo = await runLoad({ ...common, url: o.echoUrl, mode: 'echo' });
    await o.gcPauses();
    const startMs = performance.now();
    const engine = await runLoad({
      ...common,
      url: o.engineUrl,
      mode: 'reply',
      setup: () => [{ op: 'session.resume', args: { token } }],
    });
    engineWallMs += performance.now() - startMs;
    const gc = await o.gcPauses();
    gcTotal.count += gc.count;
    gcTotal.totalMs += gc.totalMs;
    gcTotal.maxMs = Math.max(gcTotal.maxMs, gc.maxMs);
    const budgetUs = round1(echo.latencyUs.p99 + LATENCY_BUDGET_US);
    const row: LatencyRow = {
      label: probe.label,
      op: probe.op,
      accessLogged: probe.accessLogged,
      requests: engine.requests,
      errors: engine.errors,
      p50Us: engine.latencyUs.p50,
      p99Us: engine.latencyUs.p99,
      echoP50Us: echo.latencyUs.p50,
      echoP99Us: echo.latencyUs.p99,
      budgetUs,
      pass: engine.errors === 0 && engine.requests > 0 && engine.latencyUs.p99 <= budgetUs,
    };
    rows.push(row);
    o.progress(
      `  ${probe.label.padEnd(40)} p50 ${row.p50Us} us p99 ${row.p99Us} us (echo p99 ${row.echoP99Us} us, budget ${budgetUs} us) ` +
        `n ${row.requests} err ${row.errors}${engine.errors > 0 ? ` ${JSON.stringify(engine.errorCodes)}` : ''} ${row.pass ? 'pass' : 'FAIL'}`,
    );
  }
  return { rows, gc: gcFigures('1x1 probes above (engine runs only)', gcTotal, engineWallMs) };
}

/** The row of a probe too slow to run at 1x1: its single call as both percentiles, failed. */
function skippedRow(probe: LatencyProbe, firstCallMs: number | null): LatencyRow {
  const callUs = firstCallMs === null ? Number.NaN : Math.round(firstCallMs * 1000);
  return {
    label: probe.label,
    op: probe.op,
    accessLogged: probe.accessLogged,
    requests: firstCallMs === null ? 0 : 1,
    errors: firstCallMs === null ? 1 : 0,
    p50Us: callUs,
    p99Us: callUs,
    echoP50Us: Number.NaN,
    echoP99Us: Number.NaN,
    budgetUs: Number.NaN,
    pass: false,
    skipped:
      firstCallMs === null
        ? 'no reply to one call within the client timeout: not run at 1x1'
        : `one call took ${(firstCallMs / 1000).toFixed(2)} s (over ${PROBE_CALL_MS_MAX} ms): not run at 1x1`,
  };
}
