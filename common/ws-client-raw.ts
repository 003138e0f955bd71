// Minimal WebSocket client on raw node:net sockets, built for load generation: zero-copy frame parsing and caller-batched writes.
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import {
  FrameParser,
  encodeClientFrame,
  OPCODE_BINARY,
  OPCODE_CLOSE,
  OPCODE_CONTINUATION,
  OPCODE_PING,
  OPCODE_PONG,
  OPCODE_TEXT,
} from './frame-codec.ts';

export { FrameParser, encodeClientFrame, FRAME_BYTES_MAX, MASK_KEY_ZERO } from './frame-codec.ts';

/** The driver only ever connects to the local machine. */
export const LOOPBACK_HOST = '127.0.0.1';
export const CONNECT_TIMEOUT_MS = 5_000;
export const CLOSE_TIMEOUT_MS = 1_000;
export const HANDSHAKE_BYTES_MAX = 16 * 1024;
/** Per-socket read buffer handed to libuv (net `onread`), reused for every chunk: no allocation per read. */
export const READ_BUFFER_BYTES = 64 * 1024;
/** Largest message reassembled from fragments. */
export const MESSAGE_BYTES_MAX = 16 * 1024 * 1024;
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CLOSE_NORMAL = 1000;
const CLOSE_NO_STATUS = 1005;

export interface RawWsHandlers {
  /** One complete data message; the payload is buf[start, end) and is only valid during the call. */
  onMessage(isBinary: boolean, buf: Buffer, start: number, end: number): void;
  /** Called after every incoming TCP chunk has been parsed: the place to batch replies into one write. */
  onChunkEnd?(): void;
  onClose?(code: number, reason: string): void;
  onError?(err: Error): void;
}

export interface LoopbackWsUrl {
  host: string;
  port: number;
  path: string;
}

/** Parse ws://127.0.0.1:PORT/path (or ws://localhost:...); any other host is refused. */
export function parseLoopbackUrl(url: string): LoopbackWsUrl {
  const u = new URL(url);
  if (u.protocol !== 'ws:') throw new Error(`only ws:// urls are supported, got ${u.protocol}`);
  if (u.hostname !== LOOPBACK_HOST && u.hostname !== 'localhost') {
    throw new Error(`refusing to connect to ${u.hostname}: the driver only connects to ${LOOPBACK_HOST}`);
  }
  const port = Number(u.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`bad port in ${url}`);
  return { host: LOOPBACK_HOST, port, path: (u.pathname || '/') + u.search };
}

type ClientState = 'handshake' | 'open' | 'closing' | 'closed';

export class RawWsClient {
  handlers: RawWsHandlers;
  closeCode = 0;
  closeReason = '';
  private state: ClientState = 'handshake';
  private readonly socket: net.Socket;
  private readonly readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  private readonly parser: FrameParser;
  private handshakeBytes: Buffer = Buffer.alloc(0);
  private readonly key = randomBytes(16).toString('base64');
  private fragments: Buffer[] | null = null;
  private fragmentsBytes = 0;
  private fragmentsBinary = false;
  private closeTimer: NodeJS.Timeout | null = null;
  private readonly opened: Promise<void>;
  private readonly closed: Promise<void>;
  private readonly resolveOpen: () => void;
  private readonly rejectOpen: (err: Error) => void;

  private constructor(target: LoopbackWsUrl, handlers: RawWsHandlers) {
    this.handlers = handlers;
    this.parser = new FrameParser(this.onFrame);
    let resolveOpen!: () => void;
    let rejectOpen!: (err: Error) => void;
    this.opened = new Promise<void>((res, rej) => {
      resolveOpen = res;
      rejectOpen = rej;
    });
    let resolveClosed!: () => void;
    this.closed = new Promise<void>((res) => (resolveClosed = res));
    this.resolveOpen = resolveOpen;
    this.rejectOpen = rejectOpen;

    const timer = setTimeout(
      () => this.abort(new Error(`connect/handshake timeout after ${CONNECT_TIMEOUT_MS} ms`)),
      CONNECT_TIMEOUT_MS,
    );
    this.opened.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );

    this.socket = net.connect({
      host: target.host,
      port: target.port,
      noDelay: true,
      onread: {
        buffer: this.readBuffer,
        callback: (bytes: number): boolean => {
          this.onRead(bytes);
          return true;
        },
      },
    });
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${target.path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${this.key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on('error', (err) => {
      if (this.state === 'handshake') rejectOpen(err);
      else this.handlers.onError?.(err);
    });
    this.socket.on('close', () => {
      if (this.state === 'handshake') rejectOpen(new Error('socket closed during handshake'));
      this.state = 'closed';
      if (this.closeTimer !== null) clearTimeout(this.closeTimer);
      if (this.closeCode === 0) this.closeCode = CLOSE_NO_STATUS;
      this.handlers.onClose?.(this.closeCode, this.closeReason);
      resolveClosed();
    });
  }

  /** Connect and complete the HTTP upgrade; rejects on refusal, bad accept key or timeout. */
  static async connect(url: string, handlers: RawWsHandlers): Promise<RawWsClient> {
    const client = new RawWsClient(parseLoopbackUrl(url), handlers);
    await client.opened;
    return client;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Write pre-encoded (already masked) frame bytes. The buffer must not be modified afterwards. */
  writeRaw(frames: Uint8Array): void {
    if (this.state === 'open') this.socket.write(frames);
  }

  /** Encode and send one message with a fresh random mask key (not for the hot path). */
  send(payload: Uint8Array | string, isBinary: boolean): void {
    const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    this.writeRaw(encodeClientFrame(isBinary ? OPCODE_BINARY : OPCODE_TEXT, bytes));
  }

  /** Start the closing handshake; resolves when the TCP socket is closed (forced after CLOSE_TIMEOUT_MS). */
  close(code = CLOSE_NORMAL): Promise<void> {
    if (this.state === 'open') {
      const body = Buffer.allocUnsafe(2);
      body.writeUInt16BE(code, 0);
      this.socket.write(encodeClientFrame(OPCODE_CLOSE, body));
      this.state = 'closing';
      this.armCloseTimer();
    } else if (this.state === 'handshake') {
      this.socket.destroy();
    }
    return this.closed;
  }

  destroy(): void {
    this.socket.destroy();
  }

  private armCloseTimer(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = setTimeout(() => this.socket.destroy(), CLOSE_TIMEOUT_MS);
    this.closeTimer.unref();
  }

  private abort(err: Error): void {
    if (this.state === 'handshake') this.rejectOpen(err);
    this.socket.destroy();
  }

  private onRead(bytes: number): void {
    if (this.state === 'handshake') {
      this.onHandshakeBytes(Buffer.from(this.readBuffer.subarray(0, bytes)));
      return;
    }
    if (!this.parser.push(this.readBuffer, 0, bytes)) {
      this.handlers.onError?.(this.parser.error ?? new Error('websocket protocol error'));
      this.socket.destroy();
      return;
    }
    this.handlers.onChunkEnd?.();
  }

  private onHandshakeBytes(chunk: Buffer): void {
    this.handshakeBytes = Buffer.concat([this.handshakeBytes, chunk]);
    const headerEnd = this.handshakeBytes.indexOf('\r\n\r\n');
    if (headerEnd < 0) {
      if (this.handshakeBytes.length > HANDSHAKE_BYTES_MAX) this.abort(new Error('handshake response too large'));
      return;
    }
    const head = this.handshakeBytes.toString('latin1', 0, headerEnd);
    const rest = this.handshakeBytes.subarray(headerEnd + 4);
    const lines = head.split('\r\n');
    const status = lines[0] ?? '';
    if (!/^HTTP\/1\.1 101 /.test(status)) {
      this.abort(new Error(`websocket upgrade refused: ${status}`));
      return;
    }
    const expected = createHash('sha1')
      .update(this.key + WS_GUID)
      .digest('base64');
    const acceptLine = lines.find((l) => l.toLowerCase().startsWith('sec-websocket-accept:'));
    const accept = acceptLine?.slice(acceptLine.indexOf(':') + 1).trim();
    if (accept !== expected) {
      this.abort(new Error('websocket upgrade: bad Sec-WebSocket-Accept'));
      return;
    }
    this.state = 'open';
    this.handshakeBytes = Buffer.alloc(0);
    this.resolveOpen();
    if (rest.length > 0) {
      // Frames that arrived with the 101 response: parse them after the caller has the client object.
      const early = Buffer.from(rest);
      queueMicrotask(() => {
        if (this.parser.push(early)) this.handlers.onChunkEnd?.();
        else this.socket.destroy();
      });
    }
  }

  private readonly onFrame = (fin: boolean, opcode: number, buf: Buffer, start: number, end: number): void => {
    if (opcode === OPCODE_BINARY || opcode === OPCODE_TEXT) {
      if (this.fragments !== null) {
        this.protocolError('new message inside a fragmented message');
        return;
      }
      if (fin) {
        this.handlers.onMessage(opcode === OPCODE_BINARY, buf, start, end);
        return;
      }
      this.fragments = [Buffer.from(buf.subarray(start, end))];
      this.fragmentsBytes = end - start;
      this.fragmentsBinary = opcode === OPCODE_BINARY;
      return;
    }
    if (opcode === OPCODE_CONTINUATION) {
      if (this.fragments === null) {
        this.protocolError('continuation without a first fragment');
        return;
      }
      this.fragments.push(Buffer.from(buf.subarray(start, end)));
      this.fragmentsBytes += end - start;
      if (this.fragmentsBytes > MESSAGE_BYTES_MAX) {
        this.protocolError('fragmented message too large');
        return;
      }
      if (fin) {
        const message = Buffer.concat(this.fragments, this.fragmentsBytes);
        this.fragments = null;
        this.handlers.onMessage(this.fragmentsBinary, message, 0, message.length);
      }
      return;
    }
    if (opcode === OPCODE_PING) {
      if (this.state === 'open') this.socket.write(encodeClientFrame(OPCODE_PONG, buf.subarray(start, end)));
      return;
    }
    if (opcode === OPCODE_PONG) return;
    if (opcode === OPCODE_CLOSE) {
      this.closeCode = end - start >= 2 ? buf.readUInt16BE(start) : CLOSE_NO_STATUS;
      this.closeReason = end - start > 2 ? buf.toString('utf8', start + 2, end) : '';
      if (this.state === 'open') {
        // Echo the close frame as the RFC asks, then let the server close TCP.
        const body = Buffer.from(buf.subarray(start, Math.min(end, start + 2)));
        this.socket.write(encodeClientFrame(OPCODE_CLOSE, body));
        this.state = 'closing';
      }
      this.socket.end();
      this.armCloseTimer();
      return;
    }
    this.protocolError(`unknown opcode ${opcode}`);
  };

  private protocolError(message: string): void {
    this.handlers.onError?.(new Error(`websocket protocol error: ${message}`));
    this.socket.destroy();
  }
}
