// Tests for the bench load driver: frame parsing across awkward chunk splits, echo runs against a child uWS server, reply-mode accounting.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack, unpack } from 'msgpackr';
import type * as Uws from 'uWebSockets.js';
import { FrameParser, encodeClientFrame, MASK_KEY_ZERO, OPCODE_BINARY, OPCODE_TEXT } from '../common/frame-codec.ts';
import { nowEpochMs, runLoad, stockGetWorkload, type Encoding } from '../bench/driver/load.ts';
import { startEcho, type EchoServer } from '../bench/driver/start-echo.ts';

const TEST_TIMEOUT_MS = 30_000;

/** A server-to-client (unmasked) frame with the length encoding RFC 6455 prescribes for its size. */
function serverFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  let header: Buffer;
  if (payload.length < 126) header = Buffer.from([(fin ? 0x80 : 0) | opcode, payload.length]);
  else if (payload.length < 0x10000) {
    header = Buffer.alloc(4);
    header[0] = (fin ? 0x80 : 0) | opcode;
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = (fin ? 0x80 : 0) | opcode;
    header[1] = 127;
    header.writeUInt32BE(0, 2);
    header.writeUInt32BE(payload.length, 6);
  }
  return Buffer.concat([header, payload]);
}

function patterned(bytes: number, seed: number): Buffer {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

type Parsed = { fin: boolean; opcode: number; payload: Buffer };

function parseInChunks(stream: Buffer, cuts: number[]): Parsed[] {
  const out: Parsed[] = [];
  const parser = new FrameParser((fin, opcode, buf, start, end) => {
    // The payload is only valid during the callback: copy it.
    out.push({ fin, opcode, payload: Buffer.from(buf.subarray(start, end)) });
  });
  let prev = 0;
  for (const cut of [...cuts, stream.length]) {
    // Feed each piece from inside a larger reused buffer, like the socket read buffer.
    const host = Buffer.alloc(cut - prev + 8, 0xee);
    stream.copy(host, 4, prev, cut);
    expect(parser.push(host, 4, 4 + cut - prev)).toBe(true);
    host.fill(0xdd); // the parser must not keep references into the caller's buffer
    prev = cut;
  }
  return out;
}

describe('FrameParser', () => {
  const small = Buffer.from('hello, frame');
  const medium = patterned(300, 7); // 16-bit length
  const large = patterned(70_000, 3); // 64-bit length
  const stream = Buffer.concat([
    serverFrame(OPCODE_TEXT, small),
    serverFrame(OPCODE_BINARY, medium),
    serverFrame(OPCODE_BINARY, large),
  ]);
  const mediumAt = 2 + small.length;
  const largeAt = mediumAt + 4 + medium.length;

  const check = (frames: Parsed[]): void => {
    expect(frames.map((f) => f.opcode)).toEqual([OPCODE_TEXT, OPCODE_BINARY, OPCODE_BINARY]);
    expect(frames.every((f) => f.fin)).toBe(true);
    expect(frames[0]!.payload.equals(small)).toBe(true);
    expect(frames[1]!.payload.equals(medium)).toBe(true);
    expect(frames[2]!.payload.equals(large)).toBe(true);
  };

  it('parses three frames delivered in one chunk', () => check(parseInChunks(stream, [])));

  it('parses frames split inside headers and payloads', () => {
    // Cuts: after 1 byte; inside the 16-bit length; inside the 64-bit length; mid-payload; 1 byte before the end.
    check(
      parseInChunks(stream, [
        1,
        mediumAt + 1,
        mediumAt + 3,
        largeAt + 1,
        largeAt + 5,
        largeAt + 9,
        largeAt + 5_000,
        stream.length - 1,
      ]),
    );
  });

  it('parses the stream fed one byte at a time', () => {
    check(
      parseInChunks(
        stream,
        Array.from({ length: stream.length - 1 }, (_, i) => i + 1),
      ),
    );
  });

  it('parses the stream at every single split point of the first two frames', () => {
    for (let cut = 1; cut < largeAt + 12; cut++) check(parseInChunks(stream, [cut]));
  });

  it('rejects a masked server frame', () => {
    const parser = new FrameParser(() => undefined);
    expect(parser.push(encodeClientFrame(OPCODE_TEXT, Buffer.from('x')))).toBe(false);
    expect(parser.error?.message).toMatch(/masked/);
  });

  it('encodes masked client frames that unmask to the payload', () => {
    const payload = patterned(200, 1);
    const frame = encodeClientFrame(OPCODE_BINARY, payload);
    expect(frame[1]! & 0x80).toBe(0x80);
    expect(frame[1]! & 0x7f).toBe(126);
    const key = frame.subarray(4, 8);
    const unmasked = Buffer.from(frame.subarray(8)).map((b, i) => b ^ key[i & 3]!);
    expect(Buffer.from(unmasked).equals(payload)).toBe(true);
    // Zero mask key: payload bytes appear unchanged (what the pre-encoded ring relies on).
    expect(encodeClientFrame(OPCODE_BINARY, payload, MASK_KEY_ZERO).subarray(8).equals(payload)).toBe(true);
  });
});

describe('runLoad against a child-process uWS echo server', () => {
  let echo: EchoServer;
  beforeAll(async () => {
    echo = await startEcho();
  }, TEST_TIMEOUT_MS);
  afterAll(async () => {
    await echo?.stop();
  });

  for (const encoding of ['msgpack', 'json'] as const) {
    it(
      `runs 2x4 in echo mode (${encoding}) without errors`,
      async () => {
        const result = await runLoad({
          url: echo.url,
          connections: 2,
          pipeline: 4,
          warmupMs: 50,
          durationMs: 300,
          mode: 'echo',
          encoding,
          workload: stockGetWorkload,
        });
        expect(result.requests).toBeGreaterThan(0);
        expect(result.errors).toBe(0);
        expect(result.errorCodes).toEqual({});
        expect(result.throughputPerS).toBeGreaterThan(0);
        expect(result.durationS).toBeGreaterThan(0.25);
        const l = result.latencyUs;
        expect(l.p50).toBeGreaterThan(0);
        expect(l.p50).toBeLessThanOrEqual(l.p90);
        expect(l.p90).toBeLessThanOrEqual(l.p99);
        expect(l.p99).toBeLessThanOrEqual(l.p999);
        expect(l.p999).toBeLessThanOrEqual(l.max);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it(
    'wraps around a tiny frame ring without corrupting frames or ids',
    async () => {
      const result = await runLoad({
        url: echo.url,
        connections: 3,
        pipeline: 5,
        warmupMs: 20,
        durationMs: 200,
        mode: 'echo',
        encoding: 'msgpack',
        ringFrames: 8,
        workload: {
          name: 'varied',
          // Payload sizes on both sides of the 7-bit/16-bit frame length boundary.
          mix: [
            { weight: 1, op: 'small', args: (i) => ({ i }) },
            { weight: 1, op: 'big', args: (i) => ({ blob: 'x'.repeat(100 + i * 10) }) },
          ],
        },
      });
      expect(result.requests).toBeGreaterThan(0);
      expect(result.errors).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'echo server refuses to run on the uWS JS fallback',
    () => {
      const serverPath = fileURLToPath(new URL('../bench/echo-server.ts', import.meta.url));
      const run = spawnSync(process.execPath, ['--import', 'tsx', serverPath, '0'], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, UWS_USE_FALLBACK: '1' },
        encoding: 'utf8',
        timeout: TEST_TIMEOUT_MS,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/fell back to a slow JavaScript shim; refusing to start/);
      expect(run.stdout).not.toMatch(/listening/);
    },
    TEST_TIMEOUT_MS,
  );

  it('refuses non-loopback urls', async () => {
    await expect(
      runLoad({
        url: 'ws://192.0.2.1:1/ws',
        connections: 1,
        pipeline: 1,
        warmupMs: 0,
        durationMs: 10,
        mode: 'echo',
        encoding: 'msgpack',
        workload: stockGetWorkload,
      }),
    ).rejects.toThrow(/only connects to 127\.0\.0\.1/);
  });
});

/**
 * A tiny engine stand-in (in-process; correctness only, not a benchmark): login, `stock.get` -> ok,
 * `stock.fail` -> ok: false with code NOPE plus a timestamped push on topic `t`.
 */
function startFakeEngine(): Promise<{ url: string; close(): void }> {
  const require = createRequire(import.meta.url);
  const uws = require('uWebSockets.js') as typeof Uws;
  return new Promise((resolve, reject) => {
    let loggedIn = 0;
    const app = uws.App().ws<{ authed: boolean }>('/ws', {
      upgrade: (res, req, context) => {
        res.upgrade(
          { authed: false },
          req.getHeader('sec-websocket-key'),
          req.getHeader('sec-websocket-protocol'),
          req.getHeader('sec-websocket-extensions'),
          context,
        );
      },
      message: (ws, message, isBinary) => {
        const bytes = Buffer.from(message);
        const req = (isBinary ? unpack(bytes) : JSON.parse(bytes.toString('utf8'))) as {
          id: number;
          op: string;
          args: unknown;
        };
        const reply = (body: object): void => {
          ws.send(isBinary ? pack(body) : JSON.stringify(body), isBinary);
        };
        const user = ws.getUserData();
        if (req.op === 'session.login') {
          user.authed = true;
          loggedIn++;
          reply({ id: req.id, ok: true, result: { token: `tok${loggedIn}`, user: { name: 'bench' } } });
        } else if (!user.authed)
          reply({ id: req.id, ok: false, error: { code: 'UNAUTHENTICATED', message: 'log in first' } });
        else if (req.op === 'stock.get') reply({ id: req.id, ok: true, result: { qty: 3 } });
        else {
          reply({ topic: 't', event: { publishedEpochMs: nowEpochMs() } });
          reply({ id: req.id, ok: false, error: { code: 'NOPE', message: 'failing on purpose' } });
        }
      },
    });
    app.listen('127.0.0.1', 0, (socket) => {
      if (!socket) return reject(new Error('fake engine cannot listen'));
      resolve({
        url: `ws://127.0.0.1:${uws.us_socket_local_port(socket)}/ws`,
        close: () => uws.us_listen_socket_close(socket),
      });
    });
  });
}

/** In-process echo that corrupts one payload byte (after the id) of every other message. */
function startCorruptingEcho(): Promise<{ url: string; close(): void }> {
  const require = createRequire(import.meta.url);
  const uws = require('uWebSockets.js') as typeof Uws;
  return new Promise((resolve, reject) => {
    let n = 0;
    const app = uws.App().ws('/ws', {
      message: (ws, message, isBinary) => {
        const bytes = Buffer.from(message);
        if (n++ % 2 === 1) bytes[bytes.length - 2] ^= 0x01;
        ws.send(bytes, isBinary);
      },
    });
    app.listen('127.0.0.1', 0, (socket) => {
      if (!socket) return reject(new Error('corrupting echo cannot listen'));
      resolve({
        url: `ws://127.0.0.1:${uws.us_socket_local_port(socket)}/ws`,
        close: () => uws.us_listen_socket_close(socket),
      });
    });
  });
}

describe('runLoad echo verification', () => {
  it(
    'counts corrupted echoes as ECHO_MISMATCH errors',
    async () => {
      const server = await startCorruptingEcho();
      try {
        const result = await runLoad({
          url: server.url,
          connections: 1,
          pipeline: 4,
          warmupMs: 20,
          durationMs: 200,
          mode: 'echo',
          encoding: 'msgpack',
          workload: stockGetWorkload,
        });
        expect(result.errors).toBeGreaterThan(0);
        expect(result.errorCodes).toEqual({ ECHO_MISMATCH: result.errors });
        expect(Math.abs(result.errors - result.requests)).toBeLessThanOrEqual(2);
      } finally {
        server.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});

describe('runLoad in reply mode', () => {
  for (const encoding of ['msgpack', 'json'] as Encoding[]) {
    it(
      `counts ok:false as errors, never as throughput, and measures pushes (${encoding})`,
      async () => {
        const engine = await startFakeEngine();
        try {
          const result = await runLoad({
            url: engine.url,
            connections: 2,
            pipeline: 4,
            warmupMs: 50,
            durationMs: 300,
            mode: 'reply',
            encoding,
            login: { username: 'bench', password: 'secret' },
            pushTimestampKey: 'publishedEpochMs',
            workload: {
              name: 'mixed',
              mix: [
                { weight: 3, op: 'stock.get', args: (i) => ({ artNo: String(100000 + i) }) },
                { weight: 1, op: 'stock.fail', args: () => ({}) },
              ],
            },
          });
          expect(result.requests).toBeGreaterThan(0);
          expect(result.errors).toBeGreaterThan(0);
          expect(result.errorCodes).toEqual({ NOPE: result.errors });
          // Roughly 1 in 4 requests fails; throughput counts only the successes.
          const failShare = result.errors / (result.errors + result.requests);
          expect(failShare).toBeGreaterThan(0.1);
          expect(failShare).toBeLessThan(0.4);
          expect(Math.abs(result.throughputPerS - result.requests / result.durationS)).toBeLessThan(
            result.throughputPerS * 0.01,
          );
          expect(result.pushes).toBeGreaterThan(0);
          expect(result.pushesByTopic.t).toBe(result.pushes);
          expect(result.pushLatencyUs?.p50).toBeGreaterThan(0);
          expect(result.outOfOrder).toBe(0);
          // Successful replies take the byte-scan path; only pushes were decoded in full.
          expect(result.slowPathDecodes).toBe(result.pushes);
        } finally {
          engine.close();
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});
