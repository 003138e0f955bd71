// Pub/sub fan-out: N listening connections subscribed to a feed's topics receive pushes while one writer makes the
// changes that feed publishes (stock adjustments on `stock/<artNo>`, or order placements on the staff feed `orders`).
// Push latency = push receive time - the writer's send time of the write that produced it.
//
// Why this definition: the engine's pushes carry the journal `seq` but no time, and we do not change the engine.
// The writer learns each write's seq from its ack; pushes are kept as (seq, receive time) and matched after the
// run. So the figure is end to end, what a screen watching the feed sees after someone saves a change: decide,
// group commit + fsync, publish, fan-out, delivery. Writer and listeners share this process and its clock.
// Fan-out after commit = push receive time - the writer's ack receive time (reply and pushes leave in the same
// flush after fsync), clamped at 0: what publishing adds once the change is durable, without the disk's share.
import { pack, unpack } from 'msgpackr';
import { LatencyHistogram, type LatencySummaryUs } from './driver/histogram.ts';
import { nowEpochMs, runLoad } from './driver/load.ts';
import { RawWsClient } from '../common/ws-client-raw.ts';
import { cpuWindow } from './proc-stats.ts';
import { MAIN_WAREHOUSE, placeArgs, type BenchCatalog, type PubSubSpec } from './workloads.ts';

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
  feed: PubSubSpec['feed'];
  /** The writer's op, and its pace (absent: closed loop). */
  writeOp: string;
  writerRatePerS?: number;
  listeners: number;
  topics: number;
  topicsPerListener: number;
  subscribersPerTopic: number;
  writerPipeline: number;
  durationS: number;
  /** Writes acknowledged in the window, and their ack latency (fsync included). */
  writes: number;
  writesPerS: number;
  writeErrors: number;
  writeAckUs: LatencySummaryUs;
  /** Pushes received for the window's writes, per second, and as a share of the pushes those writes should produce. */
  delivered: number;
  deliveredPerS: number;
  deliveredShare: number;
  pushLatencyUs: LatencySummaryUs;
  /** Push receive time after the writer's ack of the same write (fan-out once durable, fsync excluded). */
  pushAfterAckUs?: LatencySummaryUs; // absent in results written before it was measured
  serverCpuPct: number;
  driverCpuPct: number;
}

/** Time the listener run stays open after the writer's window, so late pushes are still counted. */
const LISTEN_TAIL_MS = 1_500;
/** Time allowed for the writer to connect and bind its session inside the listeners' window. */
const WRITER_PREP_MS = 1_000;
const WRITER_DRAIN_MS_MAX = 2_000;
const WRITER_ID_MIN = 1;
/** Tick of a paced writer: each tick sends the writes due since the start (the timer's own jitter is ~1 ms). */
const PACE_TICK_MS = 1;

/** The staff feed of order placements and status changes. */
const ORDERS_TOPIC = 'orders';

/** The k-th write of a feed's writer and the topic its push arrives on. */
interface FeedWrite {
  op: string;
  args: unknown;
  topic: string;
}

/** A feed: the topics listeners subscribe to and the writes that publish on them. */
interface Feed {
  topics: string[];
  writeOp: string;
  write: (k: number) => FeedWrite;
}

/** Topics and writes per feed kind, from the sampled catalog. */
function feedOf(spec: PubSubSpec, catalog: BenchCatalog): Feed {
  if (spec.feed === 'orders') {
    const ordering = catalog.ordering;
    if (ordering === undefined) throw new Error('orders feed: no sampled patients and articles (sampleOrdering)');
    return {
      topics: [ORDERS_TOPIC],
      writeOp: 'order.place',
      write: (k) => ({ op: 'order.place', args: placeArgs(ordering, k), topic: ORDERS_TOPIC }),
    };
  }
  const artNos = catalog.artNos.slice(0, Math.min(spec.topics, catalog.artNos.length));
  return {
    topics: artNos.map((a) => `stock/${a}`),
    writeOp: 'admin.stockAdjust',
    write: (k) => {
      const artNo = artNos[k % artNos.length]!;
      return {
        op: 'admin.stockAdjust',
        args: { warehouse: MAIN_WAREHOUSE, artNo, delta: 1, reason: 'received' },
        topic: `stock/${artNo}`,
      };
    },
  };
}

interface WriterResult {
  /** seq -> send time (epoch ms) of acknowledged writes sent inside the window. */
  sentBySeq: Map<number, number>;
  /** seq -> topic of those writes, to count the pushes each should produce. */
  topicBySeq: Map<number, string>;
  /** seq -> ack receive time (epoch ms) of those writes. */
  ackedBySeq: Map<number, number>;
  errors: number;
  ack: LatencyHistogram;
  windowS: number;
}

/**
 * Writer on one connection: closed loop with `pipeline` writes in flight, or paced at `ratePerS` (open loop: writes
 * are sent when due, never more than `pipeline` in flight; a write that had to wait is sent, and timed, late).
 */
async function runWriter(
  url: string,
  token: string,
  feed: Feed,
  pipeline: number,
  ratePerS: number | undefined,
  warmupMs: number,
  durationMs: number,
): Promise<WriterResult> {
  const writer = new Writer(feed, pipeline, ratePerS);
  const client = await RawWsClient.connect(url, {
    onMessage: (isBinary, buf, start, end) => {
      if (isBinary) writer.onReply(unpack(buf.subarray(start, end)) as WriterReply);
    },
  });
  writer.client = client;
  let pacer: NodeJS.Timeout | undefined;
  try {
    await writer.resume(token);
    writer.phase = 'warmup';
    if (ratePerS === undefined) for (let k = 0; k < pipeline; k++) writer.send();
    else {
      writer.paceStartMs = performance.now();
      pacer = setInterval(writer.sendDue, PACE_TICK_MS);
    }
    await sleep(warmupMs);
    writer.phase = 'measure';
    const startMs = performance.now();
    await sleep(durationMs);
    writer.result.windowS = (performance.now() - startMs) / 1000;
    writer.phase = 'drain';
    clearInterval(pacer);
    for (let waited = 0; waited < WRITER_DRAIN_MS_MAX && writer.inFlight() > 0; waited += 10) await sleep(10);
    return writer.result;
  } finally {
    clearInterval(pacer);
    await client.close();
  }
}

type WriterReply = { id?: number; ok?: boolean; result?: { seq: number } };

/** The writer's state between its socket callbacks: what is in flight, the pace, and what was measured. */
class Writer {
  readonly result: WriterResult = {
    sentBySeq: new Map(),
    topicBySeq: new Map(),
    ackedBySeq: new Map(),
    errors: 0,
    ack: new LatencyHistogram(),
    windowS: 0,
  };
  phase: 'prep' | 'warmup' | 'measure' | 'drain' = 'prep';
  client: RawWsClient | null = null;
  paceStartMs = 0;
  private readonly sentMs = new Map<number, { at: number; topic: string; measured: boolean }>();
  private nextId = WRITER_ID_MIN;
  private cursor = 0;
  private paceSent = 0;
  private resumeResolve: (() => void) | null = null;

  constructor(
    private readonly feed: Feed,
    private readonly pipeline: number,
    private readonly ratePerS: number | undefined,
  ) {}

  inFlight(): number {
    return this.sentMs.size;
  }

  resume(token: string): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resumeResolve = resolve;
      this.client!.send(pack({ id: 0, op: 'session.resume', args: { token } }), true);
    });
  }

  send(): void {
    const id = this.nextId++;
    const w = this.feed.write(this.cursor++);
    this.sentMs.set(id, { at: nowEpochMs(), topic: w.topic, measured: this.phase === 'measure' });
    this.client!.send(pack({ id, op: w.op, args: w.args }), true);
  }

  /** Paced: send what is due by now, within the in-flight cap. An arrow: it is the pacer's timer callback. */
  readonly sendDue = (): void => {
    if (this.phase !== 'warmup' && this.phase !== 'measure') return;
    const due = Math.floor(((performance.now() - this.paceStartMs) * this.ratePerS!) / 1000);
    while (this.paceSent < due && this.sentMs.size < this.pipeline) {
      this.paceSent++;
      this.send();
    }
  };

  onReply(msg: WriterReply): void {
    if (typeof msg.id !== 'number') return;
    if (this.phase === 'prep') {
      this.resumeResolve?.();
      return;
    }
    const sent = this.sentMs.get(msg.id);
    this.sentMs.delete(msg.id);
    if (sent === undefined) return;
    if (sent.measured) this.record(msg, sent);
    if (this.ratePerS !== undefined) this.sendDue();
    else if (this.phase === 'warmup' || this.phase === 'measure') this.send();
  }

  private record(msg: WriterReply, sent: { at: number; topic: string }): void {
    if (msg.ok !== true || msg.result === undefined) {
      this.result.errors++;
      return;
    }
    const seq = msg.result.seq;
    this.result.sentBySeq.set(seq, sent.at);
    this.result.topicBySeq.set(seq, sent.topic);
    const ackedAt = nowEpochMs();
    this.result.ackedBySeq.set(seq, ackedAt);
    this.result.ack.record((ackedAt - sent.at) * 1000);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));

/** Pushes as they arrive: seq and receive time in growable typed arrays (no objects per push). */
class PushLog {
  seq = new Float64Array(1 << 16);
  at = new Float64Array(1 << 16);
  count = 0;

  record(seq: number, receivedEpochMs: number): void {
    if (this.count === this.seq.length) {
      const grownSeq = new Float64Array(this.seq.length * 2);
      grownSeq.set(this.seq);
      this.seq = grownSeq;
      const grownAt = new Float64Array(this.at.length * 2);
      grownAt.set(this.at);
      this.at = grownAt;
    }
    this.seq[this.count] = seq;
    this.at[this.count++] = receivedEpochMs;
  }
}

/** Pushes matched to the writes that caused them: latency from the send and from the ack, and how many arrived of those expected. */
function deliveryOf(pushes: PushLog, w: WriterResult, subscribers: ReadonlyMap<string, number>) {
  const latency = new LatencyHistogram();
  const afterAck = new LatencyHistogram();
  let delivered = 0;
  for (let k = 0; k < pushes.count; k++) {
    const sentAt = w.sentBySeq.get(pushes.seq[k]!);
    if (sentAt === undefined) continue;
    delivered++;
    latency.record((pushes.at[k]! - sentAt) * 1000);
    afterAck.record(Math.max(0, pushes.at[k]! - w.ackedBySeq.get(pushes.seq[k]!)!) * 1000);
  }
  let expected = 0;
  for (const topic of w.topicBySeq.values()) expected += subscribers.get(topic) ?? 0;
  return { latency, afterAck, delivered, expected };
}

/** Which topics listener i subscribes to, and how many listeners each topic has. */
function subscriptions(spec: PubSubSpec, feed: Feed) {
  const topics = feed.topics.length;
  const topicsOf = (i: number): string[] => {
    const out: string[] = [];
    for (let k = 0; k < spec.topicsPerListener; k++) out.push(feed.topics[(i * spec.topicsPerListener + k) % topics]!);
    return out;
  };
  const subscribers = new Map<string, number>();
  for (let i = 0; i < spec.listeners; i++)
    for (const t of new Set(topicsOf(i))) subscribers.set(t, (subscribers.get(t) ?? 0) + 1);
  return { topicsOf, subscribers };
}

function pubSubResult(
  spec: PubSubSpec,
  feed: Feed,
  w: WriterResult,
  listeners: { errors: number; driverCpuPct: number },
  { latency, afterAck, delivered, expected }: ReturnType<typeof deliveryOf>,
  serverCpuPct: number,
): PubSubResult {
  return {
    name: spec.name,
    feed: spec.feed,
    writeOp: feed.writeOp,
    ...(spec.writerRatePerS !== undefined ? { writerRatePerS: spec.writerRatePerS } : {}),
    listeners: spec.listeners,
    topics: feed.topics.length,
    topicsPerListener: spec.topicsPerListener,
    subscribersPerTopic: Math.round((spec.listeners * spec.topicsPerListener) / feed.topics.length),
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
    pushAfterAckUs: afterAck.summary(),
    serverCpuPct,
    driverCpuPct: listeners.driverCpuPct,
  };
}

export async function runPubSub(o: PubSubOptions): Promise<PubSubResult> {
  const { spec } = o;
  const feed = feedOf(spec, o.catalog);
  const topics = feed.topics.length;
  const listenerToken = o.tokens[spec.listenerUsername];
  const writerToken = o.tokens[spec.writerUsername];
  if (listenerToken === undefined || writerToken === undefined) throw new Error('pub/sub: missing session tokens');
  const { topicsOf, subscribers } = subscriptions(spec, feed);

  const pushes = new PushLog();
  const onPush = (topic: string, event: unknown, receivedEpochMs: number): void => {
    if (!subscribers.has(topic)) return;
    // The order feed pushes one batch per commit: each order in it counts as delivered, at the batch's arrival.
    const orders = (event as { orders?: unknown }).orders;
    if (Array.isArray(orders)) {
      for (const order of orders as Array<{ seq?: unknown }>)
        if (typeof order.seq === 'number') pushes.record(order.seq, receivedEpochMs);
      return;
    }
    const seq = (event as { seq?: unknown }).seq;
    if (typeof seq === 'number') pushes.record(seq, receivedEpochMs);
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
    workload: { name: spec.name, mix: [{ weight: 1, op: 'stock.get', args: () => ({ artNo: o.catalog.artNos[0] }) }] },
    ringFrames: 1,
    setup: (i) => [
      { op: 'session.resume', args: { token: listenerToken } },
      ...topicsOf(i).map((topic) => ({ op: 'subscribe', args: { topic } })),
    ],
    onPush,
    onWindow: (edge) => {
      if (edge !== 'start') return;
      serverCpu.start();
      pending.writer = runWriter(
        o.engineUrl,
        writerToken,
        feed,
        spec.writerPipeline,
        spec.writerRatePerS,
        o.warmupMs,
        o.durationMs,
      ).finally(() => serverCpu.end());
    },
  });
  if (pending.writer === undefined) throw new Error('pub/sub: the listeners never opened their window');
  const w = await pending.writer;

  const { latency, afterAck, delivered, expected } = deliveryOf(pushes, w, subscribers);
  const result = pubSubResult(spec, feed, w, listeners, { latency, afterAck, delivered, expected }, serverCpu.pct());
  o.progress?.(
    `  ${spec.listeners} listeners: ${result.writesPerS} writes/s -> ${result.deliveredPerS} pushes/s delivered ` +
      `(${(result.deliveredShare * 100).toFixed(1)}% of expected), push p50 ${result.pushLatencyUs.p50} us p99 ${result.pushLatencyUs.p99} us ` +
      `(after the ack: p50 ${afterAck.summary().p50} us p99 ${afterAck.summary().p99} us); ` +
      `write ack p50 ${result.writeAckUs.p50} us p99 ${result.writeAckUs.p99} us; cpu engine ${result.serverCpuPct}% driver ${result.driverCpuPct}%`,
  );
  return result;
}
