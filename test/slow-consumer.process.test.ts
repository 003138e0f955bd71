// Slow consumers (issue 13): a subscriber that stops reading is closed once uWS holds BACKPRESSURE_BYTES_MAX for it,
// while a subscriber that reads keeps receiving every push. The stalled client is a raw TCP socket that subscribes and
// then never reads again (paused: Node stops reading at its 16 KiB buffer, the kernel's window closes), and the writes
// go on until far more than the limit plus every kernel buffer was pushed to it.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeClientFrame, OPCODE_TEXT } from '../common/frame-codec.ts';
import { BACKPRESSURE_BYTES_MAX } from '../schemas/limits.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

let engine: EngineProcess;
/** Commands pipelined per round (under IN_FLIGHT_PER_CONNECTION_MAX). */
const ROUND_COMMANDS = 1_000;
/** Bytes pushed to the stalled client before the test gives up: the limit plus generous kernel buffers. */
const PUSHED_BYTES_ENOUGH = BACKPRESSURE_BYTES_MAX + 16 * 1024 * 1024;

beforeAll(async () => {
  engine = await startEngine({ store: 'memory' });
});

afterAll(async () => {
  await engine?.stop();
});

/** A raw WebSocket that resumes `token`'s session, subscribes to `topic` (JSON), then stops reading for good. */
function stalledSubscriber(port: number, token: string, topic: string): Promise<net.Socket> {
  const requests = [
    { id: 1, op: 'session.resume', args: { token } },
    { id: 2, op: 'subscribe', args: { topic } },
  ];
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let seen = '';
    let sent = 0;
    const sendNext = () => {
      const request = Buffer.from(JSON.stringify(requests[sent++]));
      socket.write(encodeClientFrame(OPCODE_TEXT, request, Buffer.from([1, 2, 3, 4])));
    };
    socket.on('error', () => {}); // reset by the server is the expected end
    socket.on('data', (chunk) => {
      seen += chunk.toString('latin1');
      if (sent === 0 && seen.startsWith('HTTP/1.1 101') && seen.includes('\r\n\r\n')) sendNext();
      else if (sent === 1 && seen.includes('"id":1,"ok":true')) sendNext();
      else if (sent === 2 && seen.includes('"id":2,"ok":true')) {
        socket.pause();
        socket.removeAllListeners('data');
        resolve(socket);
      }
    });
    setTimeout(() => reject(new Error(`no subscribe reply: ${seen}`)), 10_000);
    socket.write(
      'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}

async function connections(): Promise<number> {
  return ((await (await fetch(`${engine.url}/health`)).json()) as { connections: number }).connections;
}

describe('slow consumer', () => {
  it('is closed at the backpressure limit; a reading subscriber gets every push', async () => {
    const staff = await TestClient.connect(engine.wsUrl);
    await staff.login('hmc1');
    const { articles } = await staff.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
    const artNo = articles[0].artNo as string;
    const topic = `stock/${artNo}`;
    const reader = await TestClient.connect(engine.wsUrl, 'json');
    const { token } = await reader.login('ot1');
    await reader.call('subscribe', { topic });
    const stalled = await stalledSubscriber(engine.port, token, topic);
    const before = await connections();
    expect(before).toBe(3);

    let lastSeq = 0;
    let pushedBytes = 0;
    let rounds = 0;
    while ((await connections()) === before) {
      const replies = await Promise.all(
        Array.from({ length: ROUND_COMMANDS }, () =>
          staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 1, reason: 'received' }),
        ),
      );
      lastSeq = Math.max(...replies.map((r) => r.seq as number));
      const push = reader.pushes.at(-1);
      pushedBytes += ROUND_COMMANDS * (push === undefined ? 100 : JSON.stringify(push).length + 6);
      rounds++;
      if (pushedBytes > PUSHED_BYTES_ENOUGH) break;
    }
    // The stalled subscriber is gone; the writer and the reader are still connected.
    expect(await connections()).toBe(before - 1);
    expect(pushedBytes).toBeGreaterThan(BACKPRESSURE_BYTES_MAX);
    expect(pushedBytes).toBeLessThan(PUSHED_BYTES_ENOUGH);
    // The reader saw every push, up to the last command's seq, and keeps receiving after the close.
    await reader.waitForPush((p) => p.topic === topic && p.event.seq === lastSeq);
    const pushSeqs = reader.pushes.filter((p) => p.topic === topic).map((p) => p.event.seq);
    expect(pushSeqs.length).toBe(rounds * ROUND_COMMANDS);
    const after = await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 1, reason: 'received' });
    await reader.waitForPush((p) => p.topic === topic && p.event.seq === after.seq);
    stalled.destroy();
    await Promise.all([staff.close(), reader.close()]);
  });
});
