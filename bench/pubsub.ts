// Pub/sub fan-out: N listening connections subscribed to stock topics receive pushes while one writer adjusts those
// articles. Push latency = push receive time - the writer's send time of the adjustment that produced it.
//
// Why this definition: the engine's stock push carries the journal `seq` but no time, and we do not change the engine.
// The writer learns each adjustment's seq from its ack; pushes are kept as (seq, receive time) and matched after the
// run. So the figure is end to end, what a prescriber watching the article sees after HMC saves a change: decide,
// group commit + fsync, publish, fan-out, delivery. Writer and listeners share this process and its clock.
import { pack, unpack } from 'msgpackr';
import { LatencyHistogram, type LatencySummaryUs } from './driver/histogram.ts';
import { nowEpochMs, runLoad } from './driver/load.ts';
import { RawWsClient } from './driver/ws-client-raw.ts';
import { cpuWindow } from './proc-stats.ts';
import { MAIN_WAREHOUSE, type BenchCatalog, type PubSubSpec } from './workloads.ts';

export interface PubSubOptions {
  engineUrl: string;
  enginePid: number;
  catalog: BenchCatalog;
  tokens: Record<string, string>;
  spec: PubSubSpec;
  warmupMs: number;
  durationMs: number;
  progress?: (line: string) => void;
}

export interface PubSubResult {
  name: string;
  listeners: number;
  topics: number;
  topicsPerListener: number;
  subscribersPerTopic: number;
  writerPipeline: number;
  durationS: number;
  /** Adjustments acknowledged in the window, and their ack latency (fsync included). */
  writes: number;
  writesPerS: number;
  writeErrors: number;
  writeAckUs: LatencySummaryUs;
  /** Pushes received for the window's writes, per second, and as a share of the pushes those writes should produce. */
  delivered: number;
  deliveredPerS: number;
  deliveredShare: number;
  pushLatencyUs: LatencySummaryUs;
  serverCpuPct: number;
  driverCpuPct: number;
}

/** Time the listener run stays open after the writer's window, so late pushes are still counted. */
const LISTEN_TAIL_MS = 1_500;
/** Time allowed for the writer to connect and bind its session inside the listeners' window. */
const WRITER_PREP_MS = 1_000;
const WRITER_DRAIN_MS_MAX = 2_000;
const WRITER_ID_MIN = 1;

interface WriterResult {
  /** seq -> send time (epoch ms) of acknowledged writes sent inside the window. */
  sentBySeq: Map<number, number>;
  /** seq -> artNo of those writes, to count the pushes each should produce. */
  artNoBySeq: Map<number, string>;
  errors: number;
  ack: LatencyHistogram;
  windowS: number;
}

/** Closed-loop writer on one connection: `pipeline` adjustments in flight, artNos round robin over the topics. */
async function runWriter(url: string, token: string, artNos: readonly string[], pipeline: number, warmupMs: number, durationMs: number): Promise<WriterResult> {
  const sentMs = new Map<number, { at: number; artNo: string; measured: boolean }>();
  const result: WriterResult = { sentBySeq: new Map(), artNoBySeq: new Map(), errors: 0, ack: new LatencyHistogram(), windowS: 0 };
  let nextId = WRITER_ID_MIN;
  let cursor = 0;
  let phase: 'prep' | 'warmup' | 'measure' | 'drain' = 'prep';
  let resumeResolve: (() => void) | null = null;
  let client: RawWsClient | null = null;

  const send = (): void => {
    const id = nextId++;
    const artNo = artNos[cursor++ % artNos.length]!;
    sentMs.set(id, { at: nowEpochMs(), artNo, measured: phase === 'measure' });
    client!.send(pack({ id, op: 'admin.stockAdjust', args: { warehouse: MAIN_WAREHOUSE, artNo, delta: 1, reason: 'received' } }), true);
  };

  client = await RawWsClient.connect(url, {
    onMessage: (isBinary, buf, start, end) => {
      if (!isBinary) return;
      const msg = unpack(buf.subarray(start, end)) as { id?: number; ok?: boolean; result?: { seq: number } };
      if (typeof msg.id !== 'number') return;
      if (phase === 'prep') {
        resumeResolve?.();
        return;
      }
      const sent = sentMs.get(msg.id);
      sentMs.delete(msg.id);
      if (sent === undefined) return;
      if (sent.measured) {
        if (msg.ok === true && msg.result !== undefined) {
          result.sentBySeq.set(msg.result.seq, sent.at);
          result.artNoBySeq.set(msg.result.seq, sent.artNo);
          result.ack.record((nowEpochMs() - sent.at) * 1000);
        } else result.errors++;
      }
      if (phase === 'warmup' || phase === 'measure') send();
    },
  });
  try {
    await new Promise<void>((resolve) => {
      resumeResolve = resolve;
      client!.send(pack({ id: 0, op: 'session.resume', args: { token } }), true);
    });
    phase = 'warmup';
    for (let k = 0; k < pipeline; k++) send();
    await sleep(warmupMs);
    phase = 'measure';
    const startMs = performance.now();
    await sleep(durationMs);
    result.windowS = (performance.now() - startMs) / 1000;
    phase = 'drain';
    for (let waited = 0; waited < WRITER_DRAIN_MS_MAX && sentMs.size > 0; waited += 10) await sleep(10);
    return result;
  } finally {
    await client.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));

export async function runPubSub(o: PubSubOptions): Promise<PubSubResult> {
  const { spec } = o;
  const topicArtNos = o.catalog.artNos.slice(0, Math.min(spec.topics, o.catalog.artNos.length));
  const topics = topicArtNos.length;
  const listenerToken = o.tokens[spec.listenerUsername];
  const writerToken = o.tokens[spec.writerUsername];
  if (listenerToken === undefined || writerToken === undefined) throw new Error('pub/sub: missing session tokens');
  const topicsOf = (i: number): string[] => {
    const out: string[] = [];
    for (let k = 0; k < spec.topicsPerListener; k++) out.push(topicArtNos[(i * spec.topicsPerListener + k) % topics]!);
    return out;
  };
  const subscribers = new Map<string, number>();
  for (let i = 0; i < spec.listeners; i++) for (const a of new Set(topicsOf(i))) subscribers.set(a, (subscribers.get(a) ?? 0) + 1);

  // Pushes as they arrive: seq and receive time in growable typed arrays (no objects per push).
  let pushSeq = new Float64Array(1 << 16);
  let pushAt = new Float64Array(1 << 16);
  let pushCount = 0;
  const onPush = (_topic: string, event: unknown, receivedEpochMs: number): void => {
    const seq = (event as { seq?: unknown }).seq;
    if (typeof seq !== 'number') return;
    if (pushCount === pushSeq.length) {
      const grownSeq = new Float64Array(pushSeq.length * 2);
      grownSeq.set(pushSeq);
      pushSeq = grownSeq;
      const grownAt = new Float64Array(pushAt.length * 2);
      grownAt.set(pushAt);
      pushAt = grownAt;
    }
    pushSeq[pushCount] = seq;
    pushAt[pushCount++] = receivedEpochMs;
  };

  const serverCpu = cpuWindow(o.enginePid);
  // A holder, not a `let`: TypeScript does not see assignments made inside the onWindow callback.
  const pending: { writer?: Promise<WriterResult> } = {};
  const listenMs = WRITER_PREP_MS + o.warmupMs + o.durationMs + LISTEN_TAIL_MS;
  o.progress?.(`  connecting ${spec.listeners} listeners, ${spec.topicsPerListener} topics each over ${topics} topics`);
  const listeners = await runLoad({
    url: o.engineUrl,
    connections: spec.listeners,
    pipeline: 0,
    warmupMs: 0,
    durationMs: listenMs,
    mode: 'reply',
    encoding: 'msgpack',
    // Listeners send nothing under load; the ring only has to exist.
    workload: { name: spec.name, mix: [{ weight: 1, op: 'stock.get', args: () => ({ artNo: topicArtNos[0] }) }] },
    ringFrames: 1,
    setup: (i) => [
      { op: 'session.resume', args: { token: listenerToken } },
      ...topicsOf(i).map((artNo) => ({ op: 'subscribe', args: { topic: `stock/${artNo}` } })),
    ],
    onPush,
    onWindow: (edge) => {
      if (edge !== 'start') return;
      serverCpu.start();
      pending.writer = runWriter(o.engineUrl, writerToken, topicArtNos, spec.writerPipeline, o.warmupMs, o.durationMs).finally(() => serverCpu.end());
    },
  });
  if (pending.writer === undefined) throw new Error('pub/sub: the listeners never opened their window');
  const w = await pending.writer;

  const latency = new LatencyHistogram();
  let delivered = 0;
  for (let k = 0; k < pushCount; k++) {
    const sentAt = w.sentBySeq.get(pushSeq[k]!);
    if (sentAt === undefined) continue;
    delivered++;
    latency.record((pushAt[k]! - sentAt) * 1000);
  }
  let expected = 0;
  for (const artNo of w.artNoBySeq.values()) expected += subscribers.get(artNo) ?? 0;
  const result: PubSubResult = {
    name: spec.name,
    listeners: spec.listeners,
    topics,
    topicsPerListener: spec.topicsPerListener,
    subscribersPerTopic: Math.round((spec.listeners * spec.topicsPerListener) / topics),
    writerPipeline: spec.writerPipeline,
    durationS: Math.round(w.windowS * 1000) / 1000,
    writes: w.sentBySeq.size,
    writesPerS: Math.round(w.sentBySeq.size / w.windowS),
    writeErrors: w.errors + listeners.errors,
    writeAckUs: w.ack.summary(),
    delivered,
    deliveredPerS: Math.round(delivered / w.windowS),
    deliveredShare: expected > 0 ? Math.round((delivered / expected) * 10000) / 10000 : 0,
    pushLatencyUs: latency.summary(),
    serverCpuPct: serverCpu.pct(),
    driverCpuPct: listeners.driverCpuPct,
  };
  o.progress?.(
    `  ${spec.listeners} listeners: ${result.writesPerS} writes/s -> ${result.deliveredPerS} pushes/s delivered ` +
      `(${(result.deliveredShare * 100).toFixed(1)}% of expected), push p50 ${result.pushLatencyUs.p50} us p99 ${result.pushLatencyUs.p99} us`,
  );
  return result;
}
