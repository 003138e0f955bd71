// Closed-loop WebSocket load generator: N connections x P in flight, pre-encoded frames, one write per incoming chunk.
import { performance } from 'node:perf_hooks';
import { RawWsClient, type RawWsHandlers } from '../../common/ws-client-raw.ts';
import { LatencyHistogram, type LatencySummaryUs } from './histogram.ts';
import {
  buildFrameRing,
  encodeMessage,
  ID_MAX,
  ID_MIN,
  readId,
  RING_FRAMES,
  writeId,
  type Encoding,
  type FrameRing,
  type Workload,
} from './workload.ts';
import {
  classifyDecoded,
  decodeMessage,
  scanJsonReply,
  scanMsgpackReply,
  scanned,
  SCAN_NOT_OK,
  SCAN_OK,
} from './reply-scan.ts';

export type { Workload, WorkloadOp, Encoding } from './workload.ts';
export { stockGetWorkload } from './workload.ts';

export const CONNECTIONS_MAX = 1024;
export const PIPELINE_MAX = 1024;
export const WARMUP_MS_MAX = 60_000;
export const DURATION_MS_MAX = 600_000;
/** After the measured window, how long to wait for in-flight replies before closing. */
export const DRAIN_MS_MAX = 2_000;
const DRAIN_POLL_MS = 10;
/** Timeout of each login/setup request (before the clock). */
export const PREP_REQUEST_TIMEOUT_MS = 10_000;
/** Connections opened concurrently while preparing. */
const CONNECT_BATCH = 64;
/** Echoed payloads up to this size are compared byte by byte in JS; longer ones with Buffer#compare. */
const ECHO_COMPARE_JS_BYTES_MAX = 256;
/** Ring frames between the starting points of consecutive connections in a default-size ring. */
const RING_SPREAD_STRIDE = 997;

export interface LoadOptions {
  /** ws://127.0.0.1:PORT/ws; other hosts are refused. */
  url: string;
  connections: number;
  /** Requests in flight per connection (closed loop). 0 = connection only listens for pushes. */
  pipeline: number;
  warmupMs: number;
  durationMs: number;
  /** Log in each connection before the clock starts (ignored in echo mode). */
  login?: { username: string; password: string };
  encoding: Encoding;
  workload: Workload;
  /** 'reply': engine replies { id, ok, ... }; 'echo': the server returns the request bytes. */
  mode: 'reply' | 'echo';
  /** Requests sent per connection after login and before the clock, e.g. topic subscriptions (reply mode). */
  setup?: (connectionIndex: number) => Array<{ op: string; args: unknown }>;
  /**
   * Called for every push ({ topic, event }, no id) received in the measured window, with the receive
   * time as epoch ms (performance.timeOrigin + performance.now(), sub-ms resolution; see nowEpochMs()).
   */
  onPush?: (topic: string, event: unknown, receivedEpochMs: number) => void;
  /**
   * If set, pushes whose event has a number at this key (publish time as nowEpochMs()) feed the
   * pushLatencyUs histogram.
   */
  pushTimestampKey?: string;
  /** Called when the measured window opens and closes (e.g. to sample the server's CPU time). */
  onWindow?: (edge: 'start' | 'end') => void;
  /** Distinct pre-encoded requests (power of two); default RING_FRAMES. */
  ringFrames?: number;
}

export interface LoadResult {
  workload: string;
  mode: 'reply' | 'echo';
  encoding: Encoding;
  connections: number;
  pipeline: number;
  durationS: number;
  /** Successful replies (ok: true, or an exact echo) received in the measured window. */
  requests: number;
  /** Failed replies (ok: false, bad echo, unknown id, undecodable frame, lost connection). */
  errors: number;
  errorCodes: Record<string, number>;
  throughputPerS: number;
  latencyUs: LatencySummaryUs;
  latencyUsMean: number;
  pushes: number;
  pushesByTopic: Record<string, number>;
  pushLatencyUs?: LatencySummaryUs;
  /** Issue 17: a mix's latency per op (e.g. order.place among searches), only for workloads of several ops. */
  latencyUsByOp?: Record<string, LatencySummaryUs>;
  /** Replies that arrived in a different order than their requests were sent (matched by id anyway). */
  outOfOrder: number;
  /** Messages (pushes included) decoded in full in the measured window because the byte scan was ambiguous (reply mode). */
  slowPathDecodes: number;
  payloadBytesAvg: number;
  /** Average replies per socket read and requests per socket write: how well batching works. */
  repliesPerRead: number;
  requestsPerWrite: number;
  /** Driver process CPU (user + system) during the measured window, as % of one core. */
  driverCpuPct: number;
  /** The driver's own ceiling: successful requests per driver CPU-second (what one full core would push if the server were free). */
  driverCeilingPerS: number;
}

/** Wall-clock epoch ms with sub-ms resolution, comparable across processes on this machine. */
export function nowEpochMs(): number {
  return performance.timeOrigin + performance.now();
}

const PHASE_PREP = 0;
const PHASE_WARMUP = 1;
const PHASE_MEASURE = 2;
const PHASE_DRAIN = 3;

class RunState {
  phase = PHASE_PREP;
  requests = 0;
  errors = 0;
  errorCodes: Record<string, number> = {};
  pushes = 0;
  pushesByTopic: Record<string, number> = {};
  outOfOrder = 0;
  slowPathDecodes = 0;
  /** Socket reads and writes (batches) during the measured window. */
  reads = 0;
  writes = 0;
  readonly latency = new LatencyHistogram();
  readonly pushLatency = new LatencyHistogram();
  /** Per entry of the workload's mix (ring.ops), so an op that queues behind others shows in its own tail. */
  readonly latencyByOp: LatencyHistogram[];

  constructor(
    readonly ring: FrameRing,
    readonly echo: boolean,
    readonly pipeline: number,
    readonly connections: number,
    readonly options: LoadOptions,
  ) {
    this.latencyByOp = ring.ops.map(() => new LatencyHistogram());
  }

  /** Errors count only inside the measured window, like requests. */
  error(code: string): void {
    if (this.phase !== PHASE_MEASURE) return;
    this.errors++;
    this.errorCodes[code] = (this.errorCodes[code] ?? 0) + 1;
  }

  push(topic: string, event: unknown): void {
    if (this.phase !== PHASE_MEASURE) return;
    this.pushes++;
    this.pushesByTopic[topic] = (this.pushesByTopic[topic] ?? 0) + 1;
    const { onPush, pushTimestampKey } = this.options;
    if (onPush === undefined && pushTimestampKey === undefined) return;
    const receivedEpochMs = nowEpochMs();
    if (pushTimestampKey !== undefined && event !== null && typeof event === 'object') {
      const sentEpochMs = (event as Record<string, unknown>)[pushTimestampKey];
      if (typeof sentEpochMs === 'number') this.pushLatency.record((receivedEpochMs - sentEpochMs) * 1000);
    }
    onPush?.(topic, event, receivedEpochMs);
  }
}

type PrepWaiter = { id: number; resolve: (msg: unknown) => void };

class LoadConnection implements RawWsHandlers {
  client: RawWsClient | null = null;
  lost = false;
  /** Per slot (0..P-1): id in flight (-1 = free), send time, ring frame. Id = ID_MIN + seq * P + slot. */
  private readonly slotId: Float64Array;
  private readonly slotSentMs: Float64Array;
  private readonly slotRing: Int32Array;
  private readonly freeSlots: Int32Array;
  freeCount: number;
  private seq = 0;
  private readonly seqWrap: number;
  private lastId = -1;
  private ringCursor: number;
  private chunkNowMs = -1;
  private prepWaiter: PrepWaiter | null = null;

  constructor(
    private readonly run: RunState,
    readonly index: number,
  ) {
    const p = run.pipeline;
    this.slotId = new Float64Array(p).fill(-1);
    this.slotSentMs = new Float64Array(p);
    this.slotRing = new Int32Array(p);
    this.freeSlots = new Int32Array(p);
    for (let s = 0; s < p; s++) this.freeSlots[s] = p - 1 - s;
    this.freeCount = p;
    this.seqWrap = Math.floor((ID_MAX - ID_MIN + 1) / Math.max(1, p));
    // Spread connections over the ring so they do not all send the same request at once. A ring bigger than the
    // default is split into equal stretches, one per connection: no frame is sent twice while each connection sends
    // fewer than frames / connections requests (order workloads: one idempotency key per frame).
    const stretch = run.ring.frames > RING_FRAMES ? Math.floor(run.ring.frames / run.connections) : RING_SPREAD_STRIDE;
    this.ringCursor = (index * stretch) & (run.ring.frames - 1);
  }

  onMessage(isBinary: boolean, buf: Buffer, start: number, end: number): void {
    const run = this.run;
    if (run.phase === PHASE_PREP) {
      this.onPrepMessage(isBinary, buf, start, end);
      return;
    }
    let now = this.chunkNowMs;
    if (now < 0) now = this.chunkNowMs = performance.now();
    if (run.echo) this.onEcho(isBinary, buf, start, end, now);
    else this.onReply(isBinary, buf, start, end, now);
  }

  onChunkEnd(): void {
    this.chunkNowMs = -1;
    const phase = this.run.phase;
    if (phase === PHASE_MEASURE) this.run.reads++;
    if ((phase === PHASE_WARMUP || phase === PHASE_MEASURE) && this.freeCount > 0) this.sendBatch();
  }

  onClose(): void {
    if (this.run.phase !== PHASE_DRAIN) {
      this.lost = true;
      this.run.error('CONNECTION_LOST');
    }
  }

  onError(err: Error): void {
    if (this.run.phase !== PHASE_DRAIN)
      process.stderr.write(`bench driver: connection ${this.index}: ${err.message}\n`);
  }

  /** Fill every free slot with the next ring frames: one buffer, one socket write, one clock read. */
  sendBatch(): void {
    const run = this.run;
    const ring = run.ring;
    const ringMask = ring.frames - 1;
    const n = this.freeCount;
    const first = this.ringCursor;
    const last = (first + n - 1) & ringMask;
    // Consecutive ring frames are contiguous in ring.bytes: copy the batch in one piece (two if it wraps).
    const firstStart = ring.frameStart[first]!;
    const lastEnd = ring.frameStart[last]! + ring.frameBytes[last]!;
    const wraps = last < first;
    const headBytes = wraps ? ring.bytes.length - firstStart : lastEnd - firstStart;
    const out = Buffer.allocUnsafe(wraps ? headBytes + lastEnd : headBytes);
    ring.bytes.copy(out, 0, firstStart, firstStart + headBytes);
    if (wraps) ring.bytes.copy(out, headBytes, 0, lastEnd);
    const encoding = ring.encoding;
    const p = run.pipeline;
    const idOffsetPayload = ring.idOffsetPayload;
    let pos = 0;
    let cursor = first;
    for (let k = 0; k < n; k++) {
      const slot = this.freeSlots[--this.freeCount]!;
      if (this.seq >= this.seqWrap) this.seq = 0;
      const id = ID_MIN + this.seq++ * p + slot;
      writeId(encoding, out, pos + ring.headerBytes[cursor]! + idOffsetPayload, id);
      this.slotId[slot] = id;
      this.slotRing[slot] = cursor;
      pos += ring.frameBytes[cursor]!;
      cursor = (cursor + 1) & ringMask;
    }
    this.ringCursor = cursor;
    const sentMs = performance.now();
    if (run.phase === PHASE_MEASURE) run.writes++;
    for (let k = this.freeCount; k < this.freeCount + n; k++) this.slotSentMs[this.freeSlots[k]!] = sentMs;
    this.client?.writeRaw(out);
  }

  /** Match a reply to its slot by id; returns the slot or -1 (counted as UNKNOWN_ID). */
  private slotOf(id: number): number {
    const p = this.run.pipeline;
    if (id < ID_MIN || id > ID_MAX || p === 0) return -1;
    const slot = (id - ID_MIN) % p;
    if (this.slotId[slot] !== id) return -1;
    if (id < this.lastId && this.lastId - id < (ID_MAX - ID_MIN) / 2) this.run.outOfOrder++;
    this.lastId = id;
    return slot;
  }

  private release(slot: number, nowMs: number, errorCode: string | null): void {
    const run = this.run;
    if (run.phase === PHASE_MEASURE) {
      const us = (nowMs - this.slotSentMs[slot]!) * 1000;
      run.latency.record(us);
      run.latencyByOp[run.ring.opIndex[this.slotRing[slot]!]!]!.record(us);
      if (errorCode === null) run.requests++;
      else run.error(errorCode);
    }
    this.slotId[slot] = -1;
    this.freeSlots[this.freeCount++] = slot;
  }

  private onEcho(isBinary: boolean, buf: Buffer, start: number, end: number, nowMs: number): void {
    const ring = this.run.ring;
    const idAt = ring.idOffsetPayload;
    const slot = this.slotOf(readId(ring.encoding, buf, start + idAt, end));
    if (slot < 0) {
      this.run.error('UNKNOWN_ID');
      return;
    }
    const frame = this.slotRing[slot]!;
    const payloadStart = ring.frameStart[frame]! + ring.headerBytes[frame]!;
    const payloadBytes = ring.frameBytes[frame]! - ring.headerBytes[frame]!;
    let same = isBinary === ring.isBinary && end - start === payloadBytes;
    if (same) {
      // The id was checked by slotOf; compare the bytes before and after it.
      const idEnd = idAt + (ring.encoding === 'msgpack' ? 4 : 10);
      same =
        bytesEqual(buf, start, ring.bytes, payloadStart, idAt) &&
        bytesEqual(buf, start + idEnd, ring.bytes, payloadStart + idEnd, payloadBytes - idEnd);
    }
    this.release(slot, nowMs, same ? null : 'ECHO_MISMATCH');
  }

  private onReply(isBinary: boolean, buf: Buffer, start: number, end: number, nowMs: number): void {
    const run = this.run;
    const scan = isBinary ? scanMsgpackReply(buf, start, end) : scanJsonReply(buf, start, end);
    if (scan === SCAN_OK) {
      const slot = this.slotOf(scanned.id);
      if (slot < 0) run.error('UNKNOWN_ID');
      else this.release(slot, nowMs, null);
      return;
    }
    // ok: false, pushes and unusual shapes: decode fully (rare on the success path).
    if (scan !== SCAN_NOT_OK && run.phase === PHASE_MEASURE) run.slowPathDecodes++;
    const msg = classifyDecoded(decodeMessage(isBinary, buf, start, end));
    if (msg.kind === 'reply') {
      if (msg.id < 0) {
        run.error(msg.errorCode);
        return;
      }
      const slot = this.slotOf(msg.id);
      if (slot < 0) run.error('UNKNOWN_ID');
      else this.release(slot, nowMs, msg.ok ? null : msg.errorCode);
    } else if (msg.kind === 'push') run.push(msg.topic, msg.event);
    else run.error('BAD_FRAME');
  }

  private onPrepMessage(isBinary: boolean, buf: Buffer, start: number, end: number): void {
    const waiter = this.prepWaiter;
    if (waiter === null) return;
    const msg = decodeMessage(isBinary, buf, start, end);
    const c = classifyDecoded(msg);
    if (c.kind === 'reply' && c.id === waiter.id) {
      this.prepWaiter = null;
      waiter.resolve(msg);
    }
  }

  /** One request/reply before the clock (login, setup); rejects on timeout or ok: false. */
  async prepRequest(id: number, op: string, args: unknown): Promise<unknown> {
    const client = this.client;
    if (client === null) throw new Error('not connected');
    const encoding = this.run.ring.encoding;
    let timer: NodeJS.Timeout | undefined;
    const reply = await new Promise<unknown>((resolve, reject) => {
      this.prepWaiter = { id, resolve };
      timer = setTimeout(
        () => reject(new Error(`${op}: no reply within ${PREP_REQUEST_TIMEOUT_MS} ms`)),
        PREP_REQUEST_TIMEOUT_MS,
      );
      client.send(encodeMessage(encoding, { id, op, args }), encoding === 'msgpack');
    }).finally(() => clearTimeout(timer));
    const c = classifyDecoded(reply);
    if (c.kind !== 'reply' || !c.ok) throw new Error(`${op} failed: ${c.kind === 'reply' ? c.errorCode : 'bad reply'}`);
    return reply;
  }
}

function bytesEqual(a: Buffer, aStart: number, b: Buffer, bStart: number, bytes: number): boolean {
  if (bytes > ECHO_COMPARE_JS_BYTES_MAX) return a.compare(b, bStart, bStart + bytes, aStart, aStart + bytes) === 0;
  for (let i = 0; i < bytes; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer in [${min}, ${max}], got ${value}`);
}

const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));

/** Run one closed-loop load test and return its measurements. Stops by itself after warmupMs + durationMs. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  checkLoadOptions(options);
  const echo = options.mode === 'echo';
  const ring = buildFrameRing(options.workload, options.encoding, options.ringFrames ?? RING_FRAMES);
  const run = new RunState(ring, echo, options.pipeline, options.connections, options);
  const conns: LoadConnection[] = [];
  for (let i = 0; i < options.connections; i++) conns.push(new LoadConnection(run, i));
  try {
    await prepareConnections(conns, options, echo);
    const window = await measureWindow(run, conns, options);
    run.phase = PHASE_DRAIN;
    await drainConnections(conns, options.pipeline);
    return loadResult(options, run, window);
  } finally {
    run.phase = PHASE_DRAIN;
    await Promise.all(conns.map((c) => c.client?.close() ?? Promise.resolve()));
  }
}

function checkLoadOptions(options: LoadOptions): void {
  checkInt('connections', options.connections, 1, CONNECTIONS_MAX);
  checkInt('pipeline', options.pipeline, 0, PIPELINE_MAX);
  checkInt('warmupMs', options.warmupMs, 0, WARMUP_MS_MAX);
  checkInt('durationMs', options.durationMs, 1, DURATION_MS_MAX);
  const ringFrames = options.ringFrames ?? RING_FRAMES;
  if (ringFrames < options.pipeline)
    throw new Error(`ringFrames (${ringFrames}) must be >= pipeline (${options.pipeline})`);
}

/** Connect, log in, run setup requests, CONNECT_BATCH connections at a time. None of this is measured. */
async function prepareConnections(conns: LoadConnection[], options: LoadOptions, echo: boolean): Promise<void> {
  for (let b = 0; b < conns.length; b += CONNECT_BATCH) {
    const settled = await Promise.allSettled(
      conns.slice(b, b + CONNECT_BATCH).map(async (c) => {
        c.client = await RawWsClient.connect(options.url, c);
        let prepId = 1;
        if (!echo && options.login !== undefined) await c.prepRequest(prepId++, 'session.login', options.login);
        if (!echo && options.setup !== undefined) {
          for (const req of options.setup(c.index)) await c.prepRequest(prepId++, req.op, req.args);
        }
      }),
    );
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }
}

interface MeasuredWindow {
  durationS: number;
  /** The driver's own CPU seconds inside the window (user + system). */
  driverCpuS: number;
}

/** Warm up, then the measured window; the phase flips on the RunState are what the connections count by. */
async function measureWindow(run: RunState, conns: LoadConnection[], options: LoadOptions): Promise<MeasuredWindow> {
  run.phase = PHASE_WARMUP;
  for (const c of conns) if (c.freeCount > 0) c.sendBatch();
  await sleep(options.warmupMs);
  run.phase = PHASE_MEASURE;
  options.onWindow?.('start');
  const measureStartMs = performance.now();
  const cpuStart = process.cpuUsage();
  await sleep(options.durationMs);
  const measureEndMs = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  options.onWindow?.('end');
  return { durationS: (measureEndMs - measureStartMs) / 1000, driverCpuS: (cpu.user + cpu.system) / 1e6 };
}

/** Waits (bounded) until every connection has its requests back or is lost. */
async function drainConnections(conns: LoadConnection[], pipeline: number): Promise<void> {
  for (let waitedMs = 0; waitedMs < DRAIN_MS_MAX; waitedMs += DRAIN_POLL_MS) {
    if (conns.every((c) => c.lost || c.freeCount === pipeline)) break;
    await sleep(DRAIN_POLL_MS);
  }
}

function loadResult(options: LoadOptions, run: RunState, window: MeasuredWindow): LoadResult {
  const { durationS, driverCpuS } = window;
  const result: LoadResult = {
    workload: options.workload.name,
    mode: options.mode,
    encoding: options.encoding,
    connections: options.connections,
    pipeline: options.pipeline,
    durationS: Math.round(durationS * 1000) / 1000,
    requests: run.requests,
    errors: run.errors,
    errorCodes: run.errorCodes,
    throughputPerS: Math.round(run.requests / durationS),
    latencyUs: run.latency.summary(),
    latencyUsMean: Math.round(run.latency.meanUs() * 10) / 10,
    pushes: run.pushes,
    pushesByTopic: run.pushesByTopic,
    outOfOrder: run.outOfOrder,
    slowPathDecodes: run.slowPathDecodes,
    payloadBytesAvg: Math.round(run.ring.payloadBytesAvg * 10) / 10,
    repliesPerRead: run.reads > 0 ? Math.round((run.requests / run.reads) * 10) / 10 : 0,
    requestsPerWrite: run.writes > 0 ? Math.round((run.requests / run.writes) * 10) / 10 : 0,
    driverCpuPct: Math.round((driverCpuS / durationS) * 1000) / 10,
    driverCeilingPerS: driverCpuS > 0 ? Math.round(run.requests / driverCpuS) : 0,
  };
  if (options.pushTimestampKey !== undefined) result.pushLatencyUs = run.pushLatency.summary();
  if (run.ring.ops.length > 1) {
    result.latencyUsByOp = {};
    run.ring.ops.forEach((op, k) => {
      result.latencyUsByOp![op in result.latencyUsByOp! ? `${op}#${k}` : op] = run.latencyByOp[k]!.summary();
    });
  }
  return result;
}
