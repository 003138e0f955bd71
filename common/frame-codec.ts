// WebSocket frame codec (RFC 6455): incremental parser for server frames and encoder for masked client frames.
import { randomFillSync } from 'node:crypto';

/** Largest frame payload accepted from the server; larger frames are a protocol error. */
export const FRAME_BYTES_MAX = 16 * 1024 * 1024;
/** Largest possible frame header: 2 base + 8 extended length + 4 mask key. */
export const FRAME_HEADER_BYTES_MAX = 14;

export const OPCODE_CONTINUATION = 0x0;
export const OPCODE_TEXT = 0x1;
export const OPCODE_BINARY = 0x2;
export const OPCODE_CLOSE = 0x8;
export const OPCODE_PING = 0x9;
export const OPCODE_PONG = 0xa;

/**
 * Called once per complete frame. The payload is buf[start, end); the bytes are only valid during the
 * call (they may live in a reused read buffer or in the parser's scratch buffer), so copy what you keep.
 */
export type FrameHandler = (fin: boolean, opcode: number, buf: Buffer, start: number, end: number) => void;

/**
 * Incremental frame parser. Complete frames inside a chunk are handed out zero-copy; only a frame that
 * straddles chunk boundaries is copied, into a scratch buffer that grows to the largest such frame.
 * Server frames must be unmasked (RFC 6455 5.1); a masked frame is reported as an error.
 */
export class FrameParser {
  private scratch: Buffer = Buffer.allocUnsafe(4096);
  private pendingBytes = 0;
  /** Total byte length of the pending frame once its header is known, else -1. */
  private pendingFrameBytes = -1;
  private pendingHeaderBytes = 0;
  private failed: Error | null = null;

  constructor(private readonly onFrame: FrameHandler) {}

  get error(): Error | null {
    return this.failed;
  }

  /** Feed buf[start, end). Returns false once a protocol error has been seen (see `error`). */
  push(buf: Buffer, start = 0, end = buf.length): boolean {
    if (this.failed !== null) return false;
    let pos = start;
    if (this.pendingBytes > 0) {
      pos = this.completePending(buf, pos, end);
      if (pos < 0) return this.failed === null;
    }
    while (pos < end) {
      const available = end - pos;
      if (available < 2) break;
      const b1 = buf[pos + 1]!;
      if ((b1 & 0x80) !== 0) return this.fail('server frame is masked');
      const len7 = b1 & 0x7f;
      let headerBytes = 2;
      let payloadBytes = len7;
      if (len7 === 126) {
        headerBytes = 4;
        if (available < 4) break;
        payloadBytes = (buf[pos + 2]! << 8) | buf[pos + 3]!;
      } else if (len7 === 127) {
        headerBytes = 10;
        if (available < 10) break;
        const hi = buf.readUInt32BE(pos + 2);
        if (hi !== 0) return this.fail('frame length exceeds 32 bits');
        payloadBytes = buf.readUInt32BE(pos + 6);
      }
      if (payloadBytes > FRAME_BYTES_MAX) return this.fail(`frame payload ${payloadBytes} B > FRAME_BYTES_MAX`);
      const frameBytes = headerBytes + payloadBytes;
      if (available < frameBytes) break;
      const b0 = buf[pos]!;
      this.onFrame((b0 & 0x80) !== 0, b0 & 0x0f, buf, pos + headerBytes, pos + frameBytes);
      pos += frameBytes;
    }
    if (pos < end) this.stash(buf, pos, end);
    return this.failed === null;
  }

  private fail(message: string): false {
    this.failed = new Error(`websocket protocol error: ${message}`);
    this.pendingBytes = 0;
    return false;
  }

  private ensureScratch(bytes: number): void {
    if (this.scratch.length >= bytes) return;
    const grown = Buffer.allocUnsafe(Math.max(bytes, this.scratch.length * 2));
    this.scratch.copy(grown, 0, 0, this.pendingBytes);
    this.scratch = grown;
  }

  private stash(buf: Buffer, start: number, end: number): void {
    const bytes = end - start;
    this.pendingBytes = 0;
    this.ensureScratch(bytes);
    buf.copy(this.scratch, 0, start, end);
    this.pendingBytes = bytes;
    this.pendingFrameBytes = -1;
    this.pendingHeaderBytes = 0;
    this.resolvePendingHeader();
  }

  /** Work out the pending frame's total size once enough header bytes are buffered. */
  private resolvePendingHeader(): void {
    if (this.pendingFrameBytes >= 0 || this.pendingBytes < 2) return;
    const s = this.scratch;
    const b1 = s[1]!;
    if ((b1 & 0x80) !== 0) {
      this.fail('server frame is masked');
      return;
    }
    const len7 = b1 & 0x7f;
    const headerBytes = len7 === 126 ? 4 : len7 === 127 ? 10 : 2;
    if (this.pendingBytes < headerBytes) return;
    let payloadBytes = len7;
    if (len7 === 126) payloadBytes = s.readUInt16BE(2);
    else if (len7 === 127) {
      if (s.readUInt32BE(2) !== 0) {
        this.fail('frame length exceeds 32 bits');
        return;
      }
      payloadBytes = s.readUInt32BE(6);
    }
    if (payloadBytes > FRAME_BYTES_MAX) {
      this.fail(`frame payload ${payloadBytes} B > FRAME_BYTES_MAX`);
      return;
    }
    this.pendingHeaderBytes = headerBytes;
    this.pendingFrameBytes = headerBytes + payloadBytes;
    this.ensureScratch(this.pendingFrameBytes);
  }

  /** Top up the straddling frame from buf; returns the new read position, or -1 if buf ran out. */
  private completePending(buf: Buffer, start: number, end: number): number {
    let pos = start;
    while (this.pendingFrameBytes < 0) {
      if (pos >= end) return -1;
      // Header incomplete: copy one header byte at a time (at most FRAME_HEADER_BYTES_MAX times).
      this.ensureScratch(this.pendingBytes + 1);
      this.scratch[this.pendingBytes++] = buf[pos++]!;
      this.resolvePendingHeader();
      if (this.failed !== null) return -1;
    }
    const need = this.pendingFrameBytes - this.pendingBytes;
    const take = Math.min(need, end - pos);
    buf.copy(this.scratch, this.pendingBytes, pos, pos + take);
    this.pendingBytes += take;
    pos += take;
    if (this.pendingBytes < this.pendingFrameBytes) return -1;
    const s = this.scratch;
    const frameBytes = this.pendingFrameBytes;
    const headerBytes = this.pendingHeaderBytes;
    this.pendingBytes = 0;
    this.pendingFrameBytes = -1;
    this.onFrame((s[0]! & 0x80) !== 0, s[0]! & 0x0f, s, headerBytes, frameBytes);
    return pos;
  }
}

/** Header length of a client (masked) frame carrying payloadBytes. */
export function clientHeaderBytes(payloadBytes: number): number {
  return (payloadBytes < 126 ? 2 : payloadBytes < 0x10000 ? 4 : 10) + 4;
}

/**
 * Encode one masked client frame (FIN set). RFC 6455 5.3 requires every client frame to be masked.
 * With `maskKey` omitted a random key is drawn (the RFC's intent: defeat cache poisoning by proxies).
 * A zero mask key is still a valid masked frame and leaves the payload bytes equal to the plain
 * message: the load driver pre-encodes frames that way so ids can be patched in place and echoed
 * payloads compared byte for byte. That is safe here because the driver only talks to 127.0.0.1,
 * with no intermediary whose cache could be poisoned.
 */
export function encodeClientFrame(opcode: number, payload: Uint8Array, maskKey?: Uint8Array): Buffer {
  const payloadBytes = payload.length;
  const headerBytes = clientHeaderBytes(payloadBytes);
  const frame = Buffer.allocUnsafe(headerBytes + payloadBytes);
  frame[0] = 0x80 | (opcode & 0x0f);
  let pos = 2;
  if (payloadBytes < 126) frame[1] = 0x80 | payloadBytes;
  else if (payloadBytes < 0x10000) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(payloadBytes, 2);
    pos = 4;
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(payloadBytes / 0x100000000), 2);
    frame.writeUInt32BE(payloadBytes >>> 0, 6);
    pos = 10;
  }
  const key = maskKey ?? randomFillSync(Buffer.allocUnsafe(4));
  frame[pos] = key[0]!;
  frame[pos + 1] = key[1]!;
  frame[pos + 2] = key[2]!;
  frame[pos + 3] = key[3]!;
  pos += 4;
  for (let i = 0; i < payloadBytes; i++) frame[pos + i] = payload[i]! ^ key[i & 3]!;
  return frame;
}

/** Zero mask key: see encodeClientFrame for why it is acceptable for pre-encoded benchmark frames. */
export const MASK_KEY_ZERO: Uint8Array = new Uint8Array(4);
