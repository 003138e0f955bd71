// Frame codec: binary frames are msgpack (standard maps, readable by any msgpack library), text frames JSON.
// Decoding happens inside the uWS callback, while the message ArrayBuffer is still alive. msgpackr returns a binary
// (bin) value as a view into that buffer; no op's args accept bytes, so zod refuses such a value before any handler
// could keep it. `encodeFrame` returns fresh bytes (or a string) that uWS copies in `send`.
import { pack, unpack } from 'msgpackr';

export type Encoding = 'msgpack' | 'json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeFrame(message: ArrayBuffer, isBinary: boolean): unknown {
  if (isBinary) return unpack(new Uint8Array(message));
  return JSON.parse(utf8.decode(message));
}

export function encodeFrame(value: unknown, encoding: Encoding): Uint8Array | string {
  return encoding === 'msgpack' ? pack(value) : JSON.stringify(value);
}
