// Cheap classification of engine replies by byte scan ({ id, ok: true|false, ... } prefix); anything else falls back to a full decode.
import { unpack } from 'msgpackr';

export const SCAN_AMBIGUOUS = 0;
export const SCAN_OK = 1;
export const SCAN_NOT_OK = 2;

/** Id found by the last successful scan (module-level to keep the hot path allocation-free). */
export const scanned = { id: -1 };

/**
 * msgpack reply prefix: map header, fixstr "id", an unsigned int, fixstr "ok", true/false.
 * That is what msgpackr `pack({ id, ok, ... })` produces; any other shape returns SCAN_AMBIGUOUS.
 */
export function scanMsgpackReply(buf: Buffer, start: number, end: number): number {
  let p = start;
  const b0 = buf[p]!;
  if ((b0 & 0xf0) === 0x80) p += 1;
  else if (b0 === 0xde) p += 3;
  else if (b0 === 0xdf) p += 5;
  else return SCAN_AMBIGUOUS;
  if (p + 8 > end || buf[p] !== 0xa2 || buf[p + 1] !== 0x69 || buf[p + 2] !== 0x64) return SCAN_AMBIGUOUS;
  p += 3;
  const t = buf[p]!;
  let id: number;
  if (t < 0x80) {
    id = t;
    p += 1;
  } else if (t === 0xcc) {
    id = buf[p + 1]!;
    p += 2;
  } else if (t === 0xcd) {
    id = (buf[p + 1]! << 8) | buf[p + 2]!;
    p += 3;
  } else if (t === 0xce) {
    if (p + 5 > end) return SCAN_AMBIGUOUS;
    id = ((buf[p + 1]! << 24) >>> 0) + (buf[p + 2]! << 16) + (buf[p + 3]! << 8) + buf[p + 4]!;
    p += 5;
  } else return SCAN_AMBIGUOUS;
  if (p + 4 > end || buf[p] !== 0xa2 || buf[p + 1] !== 0x6f || buf[p + 2] !== 0x6b) return SCAN_AMBIGUOUS;
  const okByte = buf[p + 3];
  scanned.id = id;
  return okByte === 0xc3 ? SCAN_OK : okByte === 0xc2 ? SCAN_NOT_OK : SCAN_AMBIGUOUS;
}

const JSON_ID_PREFIX = Buffer.from('{"id":', 'latin1');
const JSON_OK_TRUE = Buffer.from(',"ok":true', 'latin1');
const JSON_OK_FALSE = Buffer.from(',"ok":false', 'latin1');
const JSON_ID_DIGITS_MAX = 15;

function matchesAt(buf: Buffer, at: number, end: number, pattern: Buffer): boolean {
  if (at + pattern.length > end) return false;
  for (let i = 0; i < pattern.length; i++) if (buf[at + i] !== pattern[i]) return false;
  return true;
}

/** JSON reply prefix as JSON.stringify({ id, ok, ... }) writes it: `{"id":123,"ok":true`. */
export function scanJsonReply(buf: Buffer, start: number, end: number): number {
  if (!matchesAt(buf, start, end, JSON_ID_PREFIX)) return SCAN_AMBIGUOUS;
  let p = start + JSON_ID_PREFIX.length;
  let id = 0;
  const digitsEnd = Math.min(end, p + JSON_ID_DIGITS_MAX);
  const digitsStart = p;
  while (p < digitsEnd) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) break;
    id = id * 10 + d;
    p++;
  }
  if (p === digitsStart) return SCAN_AMBIGUOUS;
  scanned.id = id;
  if (matchesAt(buf, p, end, JSON_OK_TRUE)) return SCAN_OK;
  if (matchesAt(buf, p, end, JSON_OK_FALSE)) return SCAN_NOT_OK;
  return SCAN_AMBIGUOUS;
}

/** Full decode of one message (msgpack for binary frames, JSON for text); undefined if undecodable. */
export function decodeMessage(isBinary: boolean, buf: Buffer, start: number, end: number): unknown {
  try {
    return isBinary ? unpack(buf.subarray(start, end)) : JSON.parse(buf.toString('utf8', start, end));
  } catch {
    return undefined;
  }
}

export interface DecodedReply {
  kind: 'reply';
  id: number;
  ok: boolean;
  errorCode: string;
}
export interface DecodedPush {
  kind: 'push';
  topic: string;
  event: unknown;
}
export interface DecodedOther {
  kind: 'other';
}

/** Classify a fully decoded message as reply ({ id }), push ({ topic, event }, no id) or other. */
export function classifyDecoded(msg: unknown): DecodedReply | DecodedPush | DecodedOther {
  if (msg === null || typeof msg !== 'object') return { kind: 'other' };
  const m = msg as Record<string, unknown>;
  // `id: null` is the engine's reply to a request it could not read: an error that frees no slot (id -1).
  if (typeof m.id === 'number' || (m.id === null && m.ok === false)) {
    const ok = m.ok === true;
    let errorCode = '';
    if (!ok) {
      const err = m.error as Record<string, unknown> | undefined;
      errorCode = err !== null && typeof err === 'object' && typeof err.code === 'string' ? err.code : 'BAD_REPLY';
    }
    return { kind: 'reply', id: typeof m.id === 'number' ? m.id : -1, ok, errorCode };
  }
  if (typeof m.topic === 'string') return { kind: 'push', topic: m.topic, event: m.event };
  return { kind: 'other' };
}
