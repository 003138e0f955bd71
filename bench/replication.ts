// Issue 17 figures: durable order.place throughput and latency at 1×1 and 16×16 (connections × pipeline) on the local
// store alone and on a primary that replicates to an R3 JetStream stream (a 3-node nats-server cluster on loopback,
// started here), with a standby following it; the standby's lag p99 and its largest lag in entries under that load.
// Then a read that shows a patient (`patient.get`: an access-log entry, durable before the reply) on the local store,
// and on the standby, where the entry goes through the cluster's R3 access-log stream into every node's log.
// Writes bench/results/replication.md. `node --import tsx bench/replication.ts [durationMs] [scale]`.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startEngine, type EngineProcess } from '../test/helpers/engine-process.ts';
import { startNatsCluster } from '../test/helpers/nats-cluster.ts';
import { health, waitForHealth } from '../test/helpers/replication-nodes.ts';
import { type LoadResult, runLoad } from './driver/load.ts';
import { loginTokens, sampleOrdering } from './engine-client.ts';
import { gitInfo } from './report.ts';
import { ORDER_RING_FRAMES, placeArgs } from './workloads.ts';

const SHAPES = [
  { connections: 1, pipeline: 1 },
  { connections: 16, pipeline: 16 },
] as const;
const WARMUP_MS = 500;
const LAG_POLL_MS = 50;
const RESULT_FILE = fileURLToPath(new URL('./results/replication.md', import.meta.url));

interface Row {
  mode: string;
  op: 'order.place' | 'patient.get';
  shape: string;
  result: LoadResult;
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  lagEntriesMax: number | null;
}

/** One op at one shape as ot1, replies awaited (durable ones: acknowledged after their fsync or stream ack). */
function loadOf(
  engine: EngineProcess,
  shape: (typeof SHAPES)[number],
  durationMs: number,
  token: string,
  op: Row['op'],
  args: (i: number) => unknown,
): Promise<LoadResult> {
  return runLoad({
    url: engine.wsUrl,
    connections: shape.connections,
    pipeline: shape.pipeline,
    warmupMs: WARMUP_MS,
    durationMs,
    encoding: 'msgpack',
    mode: 'reply',
    workload: { name: op, mix: [{ weight: 1, op, args }] },
    ringFrames: ORDER_RING_FRAMES,
    setup: () => [{ op: 'session.resume', args: { token } }],
  });
}

async function measure(mode: string, primary: EngineProcess, standby: EngineProcess | null, durationMs: number) {
  const tokens = await loginTokens(primary.wsUrl, ['ot1', 'hmc1']);
  const ordering = await sampleOrdering(primary.wsUrl, tokens.ot1!, tokens.hmc1!);
  const rows: Row[] = [];
  for (const shape of SHAPES) {
    const patientOf = (i: number) => ({ pnr: ordering.pnrs[i % ordering.pnrs.length] });
    const result = await loadOf(standby ?? primary, shape, durationMs, tokens.ot1!, 'patient.get', patientOf);
    const shapeName = `${shape.connections}×${shape.pipeline}`;
    const where = standby === null ? mode : `${mode}, on the standby`;
    console.log(
      `${where.padEnd(24)} patient.get ${shapeName.padEnd(6)} ${Math.round(result.throughputPerS)}/s ` +
        `p50 ${result.latencyUs.p50} us p99 ${result.latencyUs.p99} us errors ${result.errors}`,
    );
    rows.push({
      mode: where,
      op: 'patient.get',
      shape: shapeName,
      result,
      lagP50Ms: null,
      lagP99Ms: null,
      lagEntriesMax: null,
    });
  }
  for (const shape of SHAPES) {
    let lagEntriesMax = 0;
    let polling = standby !== null;
    const poller = (async () => {
      while (polling && standby !== null) {
        lagEntriesMax = Math.max(lagEntriesMax, (await health(standby.url)).replication.lagEntries);
        await new Promise((resolve) => setTimeout(resolve, LAG_POLL_MS));
      }
    })();
    const orderOf = (i: number) => placeArgs(ordering, i);
    const result = await loadOf(primary, shape, durationMs, tokens.ot1!, 'order.place', orderOf);
    polling = false;
    await poller;
    let lag: { p50: number | null; p99: number | null } = { p50: null, p99: null };
    if (standby !== null) {
      const seq = (await health(primary.url)).seq;
      const h = await waitForHealth(standby.url, (x) => x.replication.appliedSeq === seq, 60_000);
      lag = { p50: h.replication.lagMsP50, p99: h.replication.lagMsP99 };
    }
    const shapeName = `${shape.connections}×${shape.pipeline}`;
    console.log(
      `${mode.padEnd(10)} ${shapeName.padEnd(6)} ${Math.round(result.throughputPerS)}/s p50 ${result.latencyUs.p50} us ` +
        `p99 ${result.latencyUs.p99} us errors ${result.errors}` +
        (standby === null
          ? ''
          : ` | standby lag p50 ${lag.p50?.toFixed(1)} ms p99 ${lag.p99?.toFixed(1)} ms, max ${lagEntriesMax} entries`),
    );
    rows.push({
      mode,
      op: 'order.place',
      shape: shapeName,
      result,
      lagP50Ms: lag.p50,
      lagP99Ms: lag.p99,
      lagEntriesMax: standby === null ? null : lagEntriesMax,
    });
  }
  return rows;
}

/** How to read the table (kept with the generator, so a new run says the same). */
const NOTES = [
  'Reading: every replicated order waits for one stream round trip (publish → R3 raft commit → ack) before the local',
  'fsync, so at 1×1 latency is the stream ack plus the fsync. At 16×16 the entries of one event-loop turn go out as one',
  'stream message and the local writes behind the acks share fsyncs. Three nats-servers, the primary, the standby and',
  'the load driver share 2 cores here. With one message per entry (before batching per turn) 16×16 reached about',
  '1 100–1 900 orders/s on this machine.',
  '',
  '`patient.get` shows one patient, so each reply waits for its access-log entry: on the local store one fsync (shared',
  'by the entries of one event-loop turn); on the standby one publish to the R3 access-log stream and the local append',
  'of that message by the node’s own consumer (each message one fsync), after which every node holds the entry.',
].join('\n');

function markdown(rows: Row[], durationMs: number, scale: string): string {
  const git = gitInfo();
  const ms = (us: number) => (us / 1000).toFixed(2);
  const lines = [
    '# Replication figures (issue 17)',
    '',
    `Durable \`order.place\` (acknowledged after the local fsync, and with JetStream also after the R3 stream's ack) and ` +
      'the logged read `patient.get`, ' +
      `${durationMs / 1000} s per shape after ${WARMUP_MS} ms warm-up, seed scale \`${scale}\`, msgpack; ` +
      'a 3-node nats-server cluster on loopback on the same machine, a standby following the primary. ' +
      `Standby lag: time from the stream's timestamp to the standby's local durability, over the last 4 096 entries ` +
      '(the whole run); max lag in entries polled from its /health every 50 ms.',
    '',
    `Command: \`node --import tsx bench/replication.ts ${durationMs} ${scale}\` — commit ${git.commit}${git.dirty ? ' (dirty)' : ''}, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}.`,
    '',
    '| store | op | connections × pipeline | per s | p50 ms | p99 ms | errors | standby lag p50 ms | standby lag p99 ms | max lag (entries) |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.mode} | ${r.op} | ${r.shape} | ${Math.round(r.result.throughputPerS)} | ${ms(r.result.latencyUs.p50)} | ` +
        `${ms(r.result.latencyUs.p99)} | ${r.result.errors} | ${r.lagP50Ms?.toFixed(1) ?? '–'} | ` +
        `${r.lagP99Ms?.toFixed(1) ?? '–'} | ${r.lagEntriesMax ?? '–'} |`,
    ),
    '',
    NOTES,
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const durationMs = Number(process.argv[2] ?? 3_000);
  const scale = (process.argv[3] ?? 'tiny') as 'tiny' | 'demo';
  const rows: Row[] = [];
  const local = await startEngine({ scale });
  try {
    rows.push(...(await measure('local', local, null, durationMs)));
  } finally {
    await local.stop();
  }
  const cluster = await startNatsCluster();
  const engines: EngineProcess[] = [];
  try {
    const env = { REPLICATION: 'jetstream', NATS_URL: cluster.url, REPLICATION_PREFIX: 'bench' };
    const primary = await startEngine({ scale, env: { ...env, ROLE: 'primary', NODE_ID: 'p' } });
    engines.push(primary);
    await waitForHealth(primary.url, (h) => h.replication.state === 'leading');
    await waitForHealth(primary.url, (h) => (h.replication as { lastSnapshotSeq?: number }).lastSnapshotSeq! >= 0);
    const standby = await startEngine({ scale, env: { ...env, ROLE: 'standby', NODE_ID: 's' } });
    engines.push(standby);
    rows.push(...(await measure('JetStream R3', primary, standby, durationMs)));
  } finally {
    for (const engine of engines) await engine.stop();
    await cluster.stop();
    for (const engine of [local, ...engines]) fs.rmSync(engine.dataDir, { recursive: true, force: true });
  }
  fs.writeFileSync(RESULT_FILE, markdown(rows, durationMs, scale));
  console.log(`written ${RESULT_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
