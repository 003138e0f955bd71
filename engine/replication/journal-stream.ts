// The journal stream (issue 17): the journal in order, one message per event-loop turn of the primary (the entries it
// decided in that turn), plus one leadership marker per new primary. Fencing: every publish expects the stream's last sequence AND last msg id to be the ones this primary wrote
// (or drained) just before; a newer primary's marker changes both, so a deposed primary's pipelined publishes are all
// refused — lastSequence alone would let one through once the marker has taken the slot it expected.
import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { REPLICATION_PUBLISH_TIMEOUT_MS, STREAM_DUPLICATE_WINDOW_MS, STREAM_REPLICAS } from '../../schemas/limits.ts';

/**
 * `entry` carries the journal entries one primary decided in one event-loop turn (one raft proposal, one ack for the
 * burst), `marker` a new primary's claim (no entry; its seq is the last entry before it).
 */
export type MessageKind = 'entry' | 'marker';
export const HEADER_KIND = 'Aidstock-Kind';
/** The journal seq of the message's last entry (of the last entry before it, for a marker): monotone along the stream,
 * so it can be searched. */
export const HEADER_SEQ = 'Aidstock-Seq';
/** The journal seq of the message's first entry. */
export const HEADER_FIRST_SEQ = 'Aidstock-First-Seq';
export const HEADER_TERM = 'Aidstock-Term';
export const HEADER_URL = 'Aidstock-Url';

export interface StreamNames {
  stream: string;
  subject: string;
  leaseBucket: string;
  snapshotBucket: string;
  sessionBucket: string;
  blobBucket: string;
  accessStream: string;
  accessSubject: string;
}

export function streamNames(prefix: string): StreamNames {
  return {
    stream: `${prefix}-journal`,
    subject: `${prefix}.journal`,
    leaseBucket: `${prefix}-leader`,
    snapshotBucket: `${prefix}-snapshots`,
    sessionBucket: `${prefix}-sessions`,
    blobBucket: `${prefix}-attachments`,
    accessStream: `${prefix}-access`,
    accessSubject: `${prefix}.access`,
  };
}

/**
 * Creates a stream if missing: R3, bounded by age (older entries are in the snapshots). Used for the journal stream
 * and the access-log stream (access-stream.ts). Two nodes racing both succeed: the config is the same.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  stream: { name: string; subject: string },
  maxAgeMs: number,
): Promise<void> {
  try {
    await jsm.streams.info(stream.name);
    return;
  } catch {
    // not there yet: create it
  }
  await jsm.streams.add({
    name: stream.name,
    subjects: [stream.subject],
    num_replicas: STREAM_REPLICAS,
    max_age: maxAgeMs * 1_000_000,
    duplicate_window: STREAM_DUPLICATE_WINDOW_MS * 1_000_000,
  });
}

/** Where the chain stands: the stream's last sequence and msg id as this node last wrote or read them. */
export interface ChainHead {
  streamSeq: number;
  msgId: string | null;
}

function msgHeaders(kind: MessageKind, firstSeq: number, seq: number, term: number, url: string): MsgHdrs {
  const h = headers();
  h.set(HEADER_KIND, kind);
  h.set(HEADER_FIRST_SEQ, String(firstSeq));
  h.set(HEADER_SEQ, String(seq));
  h.set(HEADER_TERM, String(term));
  h.set(HEADER_URL, url);
  return h;
}

/**
 * Publishes with the fencing expectations; pipelined: the head advances when a publish is sent, not when it is acked,
 * so a burst of one event-loop turn goes out without waiting. Resolves with the stream sequence; rejects when refused.
 */
export class ChainPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly names: StreamNames,
    private head: ChainHead,
    private readonly term: number,
    private readonly url: string,
  ) {}

  get chainHead(): ChainHead {
    return { ...this.head };
  }

  /** The msg id of this term's marker. */
  get markerId(): string {
    return `${this.term}.marker`;
  }

  /** `firstSeq`..`seq`: the journal seqs the message carries (a marker: seq twice, the last entry before it). */
  publish(kind: MessageKind, firstSeq: number, seq: number, data: Uint8Array): Promise<number> {
    const msgID = kind === 'entry' ? `${this.term}.${seq}` : this.markerId;
    const expect =
      this.head.msgId === null
        ? { lastSequence: this.head.streamSeq }
        : { lastSequence: this.head.streamSeq, lastMsgID: this.head.msgId };
    const expected = this.head.streamSeq + 1;
    this.head = { streamSeq: expected, msgId: msgID };
    return this.js
      .publish(this.names.subject, data, {
        msgID,
        expect,
        headers: msgHeaders(kind, firstSeq, seq, this.term, this.url),
        timeout: REPLICATION_PUBLISH_TIMEOUT_MS,
      })
      .then((ack) => {
        // A duplicate ack means the msg id was there already: not this publish's content; never count it as ours.
        if (ack.duplicate || ack.seq !== expected) throw new Error(`stream seq ${ack.seq} (expected ${expected})`);
        return ack.seq;
      });
  }
}

/** The journal seq a stored message carries (an entry's own; a marker's last entry before it). */
function seqOf(h: MsgHdrs | undefined): number {
  const value = Number(h?.get(HEADER_SEQ));
  if (!Number.isSafeInteger(value)) throw new Error('journal stream message without Aidstock-Seq');
  return value;
}

/**
 * Where a node whose journal ends at `seq` starts consuming: the stream sequence of entry seq+1, found by bisection on
 * the Aidstock-Seq header (monotone along the stream), or the sequence after the last message when the stream does not
 * reach it yet. Throws when the stream no longer holds seq+1 (trimmed by age: start from a newer snapshot) or when the
 * local journal is ahead of a stream that is not empty (it is not this cluster's journal).
 */
export async function resumePoint(jsm: JetStreamManager, names: StreamNames, seq: number): Promise<number> {
  const info = await jsm.streams.info(names.stream);
  const { first_seq: first, last_seq: last, messages } = info.state;
  if (messages === 0) return last + 1;
  const at = async (streamSeq: number) =>
    seqOf((await jsm.streams.getMessage(names.stream, { seq: streamSeq }))?.header);
  const lastSeq = await at(last);
  if (lastSeq === seq) return last + 1;
  if (lastSeq < seq) throw new Error(`the local journal (seq ${seq}) is ahead of the stream (seq ${lastSeq})`);
  // Smallest stream seq whose last journal seq is > seq: the message holding entry seq+1 (markers carry the seq of the
  // entry before them; the follower skips the message's entries up to seq).
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await at(mid)) <= seq) lo = mid + 1;
    else hi = mid;
  }
  const found = await jsm.streams.getMessage(names.stream, { seq: lo });
  const firstSeq = Number(found?.header.get(HEADER_FIRST_SEQ));
  if (!(firstSeq <= seq + 1) || found?.header.get(HEADER_KIND) !== 'entry')
    throw new Error(
      `the journal stream no longer holds entry ${seq + 1} (first kept: stream seq ${first}); start this node on an ` +
        'empty DATA_DIR (it fills from the latest snapshot)',
    );
  return lo;
}

/** The stream's last message as a chain head (a new primary expects it when it publishes its marker). */
export async function streamHead(jsm: JetStreamManager, names: StreamNames): Promise<ChainHead & { seq: number }> {
  const info = await jsm.streams.info(names.stream);
  if (info.state.messages === 0) return { streamSeq: info.state.last_seq, msgId: null, seq: -1 };
  const last = await jsm.streams.getMessage(names.stream, { seq: info.state.last_seq });
  return {
    streamSeq: info.state.last_seq,
    msgId: last?.header.get('Nats-Msg-Id') || null,
    seq: seqOf(last?.header),
  };
}

/** A stream being read in order by `consumeFrom`; `stop` resolves once the last delivered message was handled. */
export interface Consuming {
  stop(): Promise<void>;
}

/**
 * Reads `stream` in order from `fromStreamSeq` (an ordered consumer), handing each message to `handle` synchronously;
 * a consumer that fails calls `onFatal` (the journal follower and the access-log stream both stop the node then).
 */
export async function consumeFrom(
  js: JetStreamClient,
  stream: string,
  fromStreamSeq: number,
  handle: (message: JsMsg) => void,
  onFatal: (error: Error) => void,
): Promise<Consuming> {
  const consumer = await js.consumers.get(stream, {
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: fromStreamSeq,
  });
  const messages = await consumer.consume();
  const running = (async () => {
    for await (const message of messages) handle(message);
  })().catch((error: unknown) => onFatal(error instanceof Error ? error : new Error(String(error))));
  return {
    stop: async () => {
      messages.stop();
      await running;
    },
  };
}
