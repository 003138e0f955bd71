// HTTP and WebSocket hardening against the real engine (issue 13): security headers on every reply, 405 with Allow
// for a method a route does not take, the /ws Origin check (own origin, allow-list, none) and the per-address cap.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIONS_PER_ADDRESS_MAX } from '../schemas/limits.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';

let engine: EngineProcess;
let listed: EngineProcess;
const ALLOWED = 'https://hmc.example.se';

/** Sends a WebSocket upgrade on a raw socket and resolves with the status code; a 101 socket is kept open. */
function upgrade(port: number, headers: Record<string, string> = {}, keep: net.Socket[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let head = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n')) return;
      const status = Number(head.split(' ')[1]);
      if (status === 101) keep.push(socket);
      else socket.destroy();
      resolve(status);
    });
    const lines = [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

beforeAll(async () => {
  [engine, listed] = await Promise.all([
    startEngine({ store: 'memory' }),
    startEngine({ store: 'memory', env: { ALLOWED_ORIGINS: `${ALLOWED}, http://localhost:1` } }),
  ]);
});

afterAll(async () => {
  await Promise.all([engine?.stop(), listed?.stop()]);
});

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('the portal page: default-src self, no inline script but the import map by its hash', async () => {
    const res = await fetch(`${engine.url}/`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(map).digest('base64')}'`);
  });

  it('every kind of reply carries them: static, 404, health, metrics, JSON API, attachments', async () => {
    for (const path of ['/app.js', '/nope', '/health', '/metrics', '/api/search?q=rollator', '/api/nope']) {
      expectSecurityHeaders(await fetch(`${engine.url}${path}`));
    }
    const upload = await fetch(`${engine.url}/api/attachments`, { method: 'POST', body: 'x' });
    expect(upload.status).toBe(401);
    expectSecurityHeaders(upload);
  });
});

describe('405 for a method a route does not take', () => {
  it.each([
    ['POST', '/'],
    ['DELETE', '/app.js'],
    ['PUT', '/health'],
    ['POST', '/metrics'],
    ['POST', '/api/search'],
    ['DELETE', '/api/articles/100101'],
    ['PUT', '/api/attachments', 'POST'],
    ['DELETE', '/api/attachments/00000000-0000-0000-0000-000000000000'],
  ])('%s %s answers 405 with Allow', async (method, path, allow = 'GET') => {
    const res = await fetch(`${engine.url}${path}`, { method, body: method === 'DELETE' ? undefined : 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expectSecurityHeaders(res);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });
});

describe('WebSocket Origin', () => {
  it('default: own origin and no Origin are let in, another origin gets 403', async () => {
    const keep: net.Socket[] = [];
    expect(await upgrade(engine.port, {}, keep)).toBe(101);
    expect(await upgrade(engine.port, { Origin: `http://127.0.0.1:${engine.port}` }, keep)).toBe(101);
    expect(await upgrade(engine.port, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgrade(engine.port, { Origin: `http://127.0.0.1:${engine.port + 1}` })).toBe(403);
    expect(await upgrade(engine.port, { Origin: 'null' })).toBe(403);
    for (const s of keep) s.destroy();
  });

  it('ALLOWED_ORIGINS: only the listed origins (and no Origin)', async () => {
    const keep: net.Socket[] = [];
    expect(await upgrade(listed.port, { Origin: ALLOWED }, keep)).toBe(101);
    expect(await upgrade(listed.port, {}, keep)).toBe(101);
    expect(await upgrade(listed.port, { Origin: `http://127.0.0.1:${listed.port}` })).toBe(403);
    expect(await upgrade(listed.port, { Origin: 'https://hmc.example.se.evil.example' })).toBe(403);
    for (const s of keep) s.destroy();
  });
});

describe('connections per client address', () => {
  it(`the ${CONNECTIONS_PER_ADDRESS_MAX + 1}th from one address gets 429; a closed one frees a place`, async () => {
    const keep: net.Socket[] = [];
    const statuses = await Promise.all(
      Array.from({ length: CONNECTIONS_PER_ADDRESS_MAX }, () => upgrade(engine.port, {}, keep)),
    );
    expect(statuses.every((s) => s === 101)).toBe(true);
    expect(await upgrade(engine.port)).toBe(429);
    const health = (await (await fetch(`${engine.url}/health`)).json()) as { connections: number };
    expect(health.connections).toBe(CONNECTIONS_PER_ADDRESS_MAX);
    keep.pop()!.destroy();
    await waitFor(
      async () =>
        ((await (await fetch(`${engine.url}/health`)).json()) as { connections: number }).connections <
        CONNECTIONS_PER_ADDRESS_MAX,
    );
    expect(await upgrade(engine.port, {}, keep)).toBe(101);
    for (const s of keep) s.destroy();
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
