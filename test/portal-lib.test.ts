// The portal's plain modules in Node: Swedish formats, hash routes, and the WebSocket client against a fake socket
// (pipelining by id, error codes, reconnect with session.resume and re-subscribe).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The portal's browser modules (typed by their JSDoc), imported when a test runs: api.js needs the stubbed globals.
const lib = {
  format: () => import('../portal/lib/format.js'),
  routes: () => import('../portal/lib/routes.js'),
  api: () => import('../portal/lib/api.js'),
};

const NBSP = '\u00a0';

describe('portal format', () => {
  it('formats kronor from öre with Swedish grouping and decimals', async () => {
    const { kr } = await lib.format();
    expect(kr(199_500)).toBe(`1${NBSP}995,00${NBSP}kr`);
    expect(kr(0)).toBe(`0,00${NBSP}kr`);
    expect(kr(5)).toBe(`0,05${NBSP}kr`);
    expect(kr(123_456_789)).toBe(`1${NBSP}234${NBSP}567,89${NBSP}kr`);
    expect(kr(Number.NaN)).toBe('–');
  });

  it('inflects a counted noun: singular for exactly one, plural otherwise', async () => {
    const { countOf } = await lib.format();
    expect(countOf(1, 'träff', 'träffar')).toBe('1 träff');
    expect([0, 2, 1000].map((n) => countOf(n, 'rad', 'rader'))).toEqual(['0 rader', '2 rader', `1${NBSP}000 rader`]);
  });

  it('labels status, kind and profession in Swedish, keeps ISO codes together', async () => {
    const f = await lib.format();
    expect([f.statusLabel('active'), f.statusLabel('outgoing'), f.statusLabel('discontinued')]).toEqual([
      'Aktiv',
      'Utgående',
      'Utgått',
    ]);
    expect([f.kindLabel('rental'), f.kindLabel('sale')]).toEqual(['Hyresartikel', 'Försäljningsartikel']);
    expect(['ot', 'pt', 'slp', 'nurse', 'hmc', 'admin'].map(f.professionLabel)).toEqual([
      'Arbetsterapeut',
      'Fysioterapeut',
      'Logoped',
      'Sjuksköterska',
      'HMC-personal',
      'Administratör',
    ]);
    expect(f.isoCode('12 06 06')).toBe(`12${NBSP}06${NBSP}06`);
    expect(f.isoClass('22 09 06')).toBe('22');
    expect(f.bufferWarehouseOf({ workplaces: [{ bufferWarehouse: null }, { bufferWarehouse: 'B101' }] })).toBe('B101');
    expect(f.bufferWarehouseOf({ workplaces: [] })).toBeNull();
  });
});

describe('portal routes', () => {
  it('parses and builds hash routes with url-encoded ISO codes', async () => {
    const { parseRoute, href } = await lib.routes();
    expect(parseRoute('')).toEqual({ name: 'start' });
    expect(parseRoute('#/')).toEqual({ name: 'start' });
    expect(parseRoute('#/katalog')).toEqual({ name: 'katalog', code: null });
    expect(parseRoute('#/katalog/12%2006%2006')).toEqual({ name: 'katalog', code: '12 06 06' });
    expect(parseRoute('#/artikel/123456')).toEqual({ name: 'artikel', artNo: '123456' });
    expect(parseRoute('#/nowhere').name).toBe('notfound');
    expect(href.katalog('12 06 06')).toBe('#/katalog/12%2006%2006');
    expect(parseRoute(href.katalog('22 09'))).toEqual({ name: 'katalog', code: '22 09' });
    expect(href.artikel('100001')).toBe('#/artikel/100001');
    expect(parseRoute('#/individ')).toEqual({ name: 'individ', indNo: null });
    expect(parseRoute(href.individ(56314))).toEqual({ name: 'individ', indNo: 56314 });
    expect(parseRoute('#/individ/K-1').name).toBe('notfound');
    expect(parseRoute(href.hjalpmedel('19400101-1230'))).toEqual({ name: 'hjalpmedel', pnr: '19400101-1230' });
    expect(parseRoute('#/hjalpmedel')).toEqual({ name: 'hjalpmedel', pnr: null });
  });

  it('opens the order wizard for a patient and/or starting with an article', async () => {
    const { parseRoute, href } = await lib.routes();
    expect(parseRoute('#/bestall')).toEqual({ name: 'bestall', pnr: null, artNo: null });
    expect(href.bestall()).toBe('#/bestall');
    expect(href.bestall('19811218-9876')).toBe('#/bestall?pnr=19811218-9876');
    expect(href.bestall(null, '100101')).toBe('#/bestall?artikel=100101');
    expect(parseRoute(href.bestall(null, '100101'))).toEqual({ name: 'bestall', pnr: null, artNo: '100101' });
    expect(parseRoute(href.bestall('19811218-9876', '100101'))).toEqual({
      name: 'bestall',
      pnr: '19811218-9876',
      artNo: '100101',
    });
    expect(parseRoute('#/bestall?artikel=%20&pnr=')).toEqual({ name: 'bestall', pnr: null, artNo: null });
  });

  it('reads an individual number as typed, with or without the K- of component orders', async () => {
    const { parseIndNo } = await lib.format();
    expect(['56314', 'K-56314', ' k 56314 ', 'k56314'].map(parseIndNo)).toEqual([56314, 56314, 56314, 56314]);
    expect(['', 'K-', '56 314', '123456789', 'X-1', '-5'].map(parseIndNo)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

/** A request as the client sent it; `answered` is the test's own mark. */
interface SentFrame {
  id: number;
  op: string;
  args: Record<string, unknown>;
  answered?: boolean;
}

/** A scripted stand-in for the browser WebSocket: the test plays the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  sent: SentFrame[] = [];
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.onclose?.();
  }
  open() {
    this.onopen?.();
  }
  reply(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  /** The next request with this op that has not been answered yet. */
  take(op: string): SentFrame {
    const index = this.sent.findIndex((frame) => frame.op === op && !frame.answered);
    if (index < 0) throw new Error(`no ${op} sent; sent: ${this.sent.map((f) => f.op).join(', ')}`);
    this.sent[index].answered = true;
    return this.sent[index];
  }
}

describe('portal api client', () => {
  const store = new Map<string, string>();
  let api: Awaited<ReturnType<typeof lib.api>>;

  beforeAll(async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: 'aidstock.test' });
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => {
        store.set(key, value);
      },
      removeItem: (key: string) => {
        store.delete(key);
      },
    });
    api = await lib.api();
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('pipelines calls by id, rejects with the error code, resumes and re-subscribes after a reconnect', async () => {
    const states: string[] = [];
    api.on('state', (state: string) => states.push(state));
    const connected = api.connect();
    const first = FakeSocket.all[0];
    expect(first.url).toBe('ws://aidstock.test/ws');

    // Calls made before the socket opens wait, then go out in order.
    const login = api.login('ot1', 'demo');
    first.open();
    await connected;
    const loginFrame = first.take('session.login');
    first.reply({ id: loginFrame.id, ok: true, result: { token: 't-1', user: { id: 'ot1' } } });
    expect(await login).toEqual({ id: 'ot1' });
    expect(store.get('aidstock.token')).toBe('t-1');

    // Two calls in flight, answered out of order.
    const a = api.call('catalog.article', { artNo: '100001' });
    const b = api.call('stock.get', { artNo: '100001' });
    const frameA = first.take('catalog.article');
    const frameB = first.take('stock.get');
    expect(frameA.id).not.toBe(frameB.id);
    first.reply({ id: frameB.id, ok: false, error: { code: 'not_found', message: 'Artikel finns inte.' } });
    first.reply({ id: frameA.id, ok: true, result: { name: 'A' } });
    expect(await a).toEqual({ name: 'A' });
    await expect(b).rejects.toMatchObject({ code: 'not_found', message: 'Artikel finns inte.' });

    // Pushes reach the topic's handlers.
    const events: unknown[] = [];
    const stop = api.subscribe('stock/100001', (event: unknown) => events.push(event));
    first.take('subscribe');
    first.reply({ topic: 'stock/100001', event: { type: 'stock', warehouse: '10', available: 4 } });
    expect(events).toEqual([{ type: 'stock', warehouse: '10', available: 4 }]);
    // An order topic's batch (one push per commit) reaches the handlers one order at a time, counts on the last.
    const orders: unknown[] = [];
    const stopOrders = api.subscribe('orders', (event: unknown) => orders.push(event));
    first.take('subscribe');
    const counts = { registered: 2 };
    first.reply({
      topic: 'orders',
      event: {
        type: 'orders',
        seq: 8,
        orders: [
          { type: 'order', seq: 7, orderNo: 1 },
          { type: 'order', seq: 8, orderNo: 2 },
        ],
        counts,
      },
    });
    expect(orders).toEqual([
      { type: 'order', seq: 7, orderNo: 1 },
      { type: 'order', seq: 8, orderNo: 2, counts },
    ]);
    stopOrders();
    first.take('unsubscribe');

    // A read in flight when the connection drops is sent again on the next connection; a command fails.
    const read = api.call('catalog.article', { artNo: '100002' });
    const command = api.call('admin.stockAdjust', { warehouse: '10', artNo: '100001', delta: 1, reason: 'received' });
    first.close();
    expect(api.connectionState()).toBe('reconnecting');
    await expect(command).rejects.toMatchObject({ code: 'connection_lost' });
    const reconnected = vi.fn();
    api.on('reconnected', reconnected);
    await vi.advanceTimersByTimeAsync(1_000);
    const second = FakeSocket.all[1];
    expect(second).toBeDefined();
    second.open();
    // session.resume goes first, before anything else.
    expect(second.sent.map((f) => f.op)).toEqual(['session.resume']);
    const resume = second.take('session.resume');
    expect(resume.args).toEqual({ token: 't-1' });
    second.reply({ id: resume.id, ok: true, result: { user: { id: 'ot1' } } });
    await vi.advanceTimersByTimeAsync(0);
    expect(second.sent.map((f) => f.op)).toEqual(['session.resume', 'subscribe', 'catalog.article']);
    expect(second.take('subscribe').args).toEqual({ topic: 'stock/100001' });
    const again = second.take('catalog.article');
    second.reply({ id: again.id, ok: true, result: { name: 'B' } });
    expect(await read).toEqual({ name: 'B' });
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);

    // Unsubscribing the last handler tells the server.
    stop();
    expect(second.take('unsubscribe').args).toEqual({ topic: 'stock/100001' });
  });
});

describe('portal api client with a primary and a standby (issue 17)', () => {
  const store = new Map<string, string>();
  let api: Awaited<ReturnType<typeof lib.api>>;

  beforeAll(async () => {
    vi.useFakeTimers();
    vi.resetModules(); // a fresh client: it asks GET /auth/config for the nodes once per page
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: 'standby.test:8081' });
    vi.stubGlobal('fetch', async (path: string) => {
      expect(path).toBe('/auth/config');
      return { ok: true, json: async () => ({ nodes: ['http://primary.test:8080', 'http://standby.test:8081'] }) };
    });
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    });
    api = await lib.api();
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends a command refused read_only again on the primary it names; a drop tries the next node', async () => {
    store.set('aidstock.token', 't-9');
    const connected = api.connect();
    const standby = FakeSocket.all[0];
    expect(standby.url).toBe('ws://standby.test:8081/ws');
    standby.open();
    const resume = standby.take('session.resume');
    standby.reply({ id: resume.id, ok: true, result: { user: { id: 'ot1' } } });
    await connected;

    // A read is answered by the standby; a command comes back read_only (it did not run there) and moves.
    const read = api.call('catalog.article', { artNo: '100001' });
    const command = api.call('admin.stockAdjust', { warehouse: '10', artNo: '100001', delta: 1, reason: 'received' });
    const readFrame = standby.take('catalog.article');
    standby.reply({ id: readFrame.id, ok: true, result: { name: 'A' } });
    expect(await read).toEqual({ name: 'A' });
    const refused = standby.take('admin.stockAdjust');
    standby.reply({
      id: refused.id,
      ok: false,
      error: { code: 'read_only', message: 'Skrivskyddad nod.', primary: 'http://primary.test:8080' },
    });
    expect(api.connectionState()).toBe('reconnecting');
    const primary = FakeSocket.all[1];
    expect(primary.url).toBe('ws://primary.test:8080/ws'); // at once, no backoff
    primary.open();
    const resumed = primary.take('session.resume');
    expect(resumed.args).toEqual({ token: 't-9' });
    primary.reply({ id: resumed.id, ok: true, result: { user: { id: 'ot1' } } });
    await vi.advanceTimersByTimeAsync(0);
    const again = primary.take('admin.stockAdjust');
    expect(again.args).toEqual(refused.args);
    primary.reply({ id: again.id, ok: true, result: { seq: 5 } });
    expect(await command).toEqual({ seq: 5 });

    // During a failover the refusing node may name a primary that is gone: the call follows it, and keeps trying
    // (here the old standby took over), until it runs.
    const during = api.call('admin.stockAdjust', { warehouse: '10', artNo: '100001', delta: 2, reason: 'received' });
    const first = primary.take('admin.stockAdjust');
    primary.reply({
      id: first.id,
      ok: false,
      error: { code: 'read_only', message: 'x', primary: 'http://standby.test:8081' },
    });
    const third = FakeSocket.all[2];
    expect(third.url).toBe('ws://standby.test:8081/ws');
    third.open();
    third.reply({ id: third.take('session.resume').id, ok: true, result: { user: { id: 'ot1' } } });
    await vi.advanceTimersByTimeAsync(0);
    // It names itself: it is still taking the lease over; the call goes again a moment later on the same socket.
    const early = third.take('admin.stockAdjust');
    third.reply({
      id: early.id,
      ok: false,
      error: { code: 'read_only', message: 'x', primary: 'http://standby.test:8081' },
    });
    await vi.advanceTimersByTimeAsync(500);
    const ran = third.take('admin.stockAdjust');
    third.reply({ id: ran.id, ok: true, result: { seq: 6 } });
    expect(await during).toEqual({ seq: 6 });
    expect(FakeSocket.all).toHaveLength(3);

    // Without a primary the command may have run (or no node leads): the caller gets the refusal, nothing is resent.
    const unknown = api.call('admin.stockAdjust', { warehouse: '10', artNo: '100001', delta: 3, reason: 'received' });
    const maybe = third.take('admin.stockAdjust');
    third.reply({ id: maybe.id, ok: false, error: { code: 'read_only', message: 'Kan ha sparats.', primary: null } });
    await expect(unknown).rejects.toMatchObject({ code: 'read_only', message: 'Kan ha sparats.' });
    // A refusal that lasts past the failover wait reaches the caller too.
    const stuck = api.call('admin.stockAdjust', { warehouse: '10', artNo: '100001', delta: 4, reason: 'received' });
    const stuckFrame = third.take('admin.stockAdjust');
    third.reply({
      id: stuckFrame.id,
      ok: false,
      error: { code: 'read_only', message: 'x', primary: 'http://standby.test:8081' },
    });
    await vi.advanceTimersByTimeAsync(16_000);
    const late = third.take('admin.stockAdjust');
    third.reply({
      id: late.id,
      ok: false,
      error: { code: 'read_only', message: 'Skrivskyddad.', primary: 'http://standby.test:8081' },
    });
    await expect(stuck).rejects.toMatchObject({ code: 'read_only' });

    // The node drops (killed): the client tries the next node of the set after its backoff.
    expect(third.url).toBe('ws://standby.test:8081/ws');
    third.close();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeSocket.all[3].url).toBe('ws://primary.test:8080/ws');
  });
});
