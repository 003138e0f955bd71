// Workload description and the pre-encoded frame ring: requests are encoded once before the clock, only ids are patched per send.
import { pack } from 'msgpackr';
import { mulberry32 } from '../../common/prng.ts';
import {
  clientHeaderBytes,
  encodeClientFrame,
  MASK_KEY_ZERO,
  OPCODE_BINARY,
  OPCODE_TEXT,
} from '../../common/frame-codec.ts';

export type Encoding = 'msgpack' | 'json';

export interface WorkloadOp {
  /** Relative frequency of this op in the mix. */
  weight: number;
  op: string;
  /** Arguments of the i-th pre-encoded request (i = ring slot, 0 <= i < ring size). */
  args: (i: number) => unknown;
}

export interface Workload {
  name: string;
  mix: WorkloadOp[];
}

/** Default number of distinct pre-encoded requests cycled through by every connection. */
export const RING_FRAMES = 4096;
/**
 * Load requests use ids in [ID_MIN, ID_MAX]: every such id is a msgpack uint32 (0xce + 4 bytes) and a
 * 10-digit JSON number, so ids have a fixed width and are patched in place in a copied frame.
 * Ids below ID_MIN are free for login/setup requests.
 */
export const ID_MIN = 1_000_000_000;
export const ID_MAX = 2_147_483_647;
/** Bytes of the fixed-width id inside the payload: msgpack uint32 value / JSON decimal digits. */
export const ID_BYTES_MSGPACK = 4;
export const ID_BYTES_JSON = 10;
const ID_PLACEHOLDER = ID_MIN;
const RING_SEED = 0x5eed;

export interface FrameRing {
  encoding: Encoding;
  isBinary: boolean;
  /** Number of frames; a power of two. */
  frames: number;
  /** All frames back to back, masked with the zero key so payload bytes equal the plain message. */
  bytes: Buffer;
  frameStart: Int32Array;
  frameBytes: Int32Array;
  headerBytes: Int32Array;
  /** Offset of the fixed-width id value within every payload (the same for all frames). */
  idOffsetPayload: number;
  opIndex: Uint16Array;
  ops: string[];
  payloadBytesAvg: number;
}

export function encodeMessage(encoding: Encoding, message: unknown): Buffer {
  return encoding === 'msgpack' ? pack(message) : Buffer.from(JSON.stringify(message), 'utf8');
}

/** Deterministic, so a workload's op sequence is reproducible. */
const prng = mulberry32;

/** Where the id value starts in an encoded `{ id, op, args }` payload; throws if not at the expected place. */
function findIdOffset(encoding: Encoding, payload: Buffer): number {
  if (encoding === 'json') {
    const prefix = `{"id":${ID_PLACEHOLDER}`;
    if (payload.toString('latin1', 0, prefix.length) !== prefix)
      throw new Error('json request does not start with {"id":');
    return 6;
  }
  // msgpack map header (fixmap 1 byte, map16 3 bytes, map32 5 bytes), then fixstr "id", then 0xce uint32.
  const b0 = payload[0]!;
  const keyAt = (b0 & 0xf0) === 0x80 ? 1 : b0 === 0xde ? 3 : b0 === 0xdf ? 5 : -1;
  if (keyAt < 0) throw new Error('msgpack request is not a map');
  const ok =
    payload[keyAt] === 0xa2 &&
    payload[keyAt + 1] === 0x69 &&
    payload[keyAt + 2] === 0x64 &&
    payload[keyAt + 3] === 0xce &&
    payload.readUInt32BE(keyAt + 4) === ID_PLACEHOLDER;
  if (!ok) throw new Error('msgpack request does not start with id as uint32');
  return keyAt + 4;
}

/** Pre-encode `frames` requests of the workload's mix (weighted, deterministic) into one buffer. */
export function buildFrameRing(workload: Workload, encoding: Encoding, frames = RING_FRAMES): FrameRing {
  if (!Number.isInteger(frames) || frames < 1 || (frames & (frames - 1)) !== 0)
    throw new Error('ring size must be a power of two');
  if (workload.mix.length === 0) throw new Error(`workload ${workload.name} has an empty mix`);
  const weightTotal = workload.mix.reduce((s, m) => s + m.weight, 0);
  if (!(weightTotal > 0)) throw new Error(`workload ${workload.name}: weights must sum to > 0`);
  const next = prng(RING_SEED);
  const payloads: Buffer[] = [];
  const opIndex = new Uint16Array(frames);
  let idOffsetPayload = -1;
  let payloadBytesTotal = 0;
  for (let i = 0; i < frames; i++) {
    let pick = next() * weightTotal;
    let k = 0;
    while (k < workload.mix.length - 1 && pick >= workload.mix[k]!.weight) pick -= workload.mix[k++]!.weight;
    const entry = workload.mix[k]!;
    const payload = encodeMessage(encoding, { id: ID_PLACEHOLDER, op: entry.op, args: entry.args(i) });
    const at = findIdOffset(encoding, payload);
    if (idOffsetPayload >= 0 && at !== idOffsetPayload) throw new Error('id offset differs between requests');
    idOffsetPayload = at;
    payloads.push(payload);
    opIndex[i] = k;
    payloadBytesTotal += payload.length;
  }
  const frameStart = new Int32Array(frames);
  const frameBytes = new Int32Array(frames);
  const headerBytes = new Int32Array(frames);
  let total = 0;
  for (let i = 0; i < frames; i++) {
    headerBytes[i] = clientHeaderBytes(payloads[i]!.length);
    frameBytes[i] = headerBytes[i]! + payloads[i]!.length;
    frameStart[i] = total;
    total += frameBytes[i]!;
  }
  const bytes = Buffer.allocUnsafe(total);
  const opcode = encoding === 'msgpack' ? OPCODE_BINARY : OPCODE_TEXT;
  for (let i = 0; i < frames; i++) encodeClientFrame(opcode, payloads[i]!, MASK_KEY_ZERO).copy(bytes, frameStart[i]!);
  return {
    encoding,
    isBinary: encoding === 'msgpack',
    frames,
    bytes,
    frameStart,
    frameBytes,
    headerBytes,
    idOffsetPayload,
    opIndex,
    ops: workload.mix.map((m) => m.op),
    payloadBytesAvg: payloadBytesTotal / frames,
  };
}

/** Write a load id into its fixed-width slot. */
export function writeId(encoding: Encoding, buf: Buffer, at: number, id: number): void {
  if (encoding === 'msgpack') {
    buf[at] = id >>> 24;
    buf[at + 1] = (id >>> 16) & 0xff;
    buf[at + 2] = (id >>> 8) & 0xff;
    buf[at + 3] = id & 0xff;
    return;
  }
  let v = id;
  for (let i = ID_BYTES_JSON - 1; i >= 0; i--) {
    const q = (v / 10) | 0;
    buf[at + i] = 48 + v - q * 10;
    v = q;
  }
}

/** Read a fixed-width load id; -1 if the bytes are not one. */
export function readId(encoding: Encoding, buf: Buffer, at: number, end: number): number {
  if (encoding === 'msgpack') {
    if (at + ID_BYTES_MSGPACK > end) return -1;
    return ((buf[at]! << 24) >>> 0) + (buf[at + 1]! << 16) + (buf[at + 2]! << 8) + buf[at + 3]!;
  }
  if (at + ID_BYTES_JSON > end) return -1;
  let v = 0;
  for (let i = 0; i < ID_BYTES_JSON; i++) {
    const d = buf[at + i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The typical engine request used for transport benchmarks: `{ id, op: 'stock.get', args: { artNo } }`. */
export const stockGetWorkload: Workload = {
  name: 'stock.get',
  mix: [{ weight: 1, op: 'stock.get', args: (i) => ({ artNo: String(100000 + ((i * 7919) % 900000)) }) }],
};
