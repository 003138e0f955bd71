// The access log over a real WebSocket against the real engine (LMDB): every op that shows a person writes exactly one
// entry per person shown (the oracle: every `pnr` in the reply), ops that show none write none; the reviewer's ops;
// and after kill -9 right after five answered patient.get, all five entries are there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, tempDataDir, type EngineProcess } from './helpers/engine-process.ts';
import { heldDevice } from './helpers/held-device.ts';
import { type DecodedResult, TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const ROLLATOR = '100104';
const ALL_TIME = { fromMs: 0, toMs: 2 ** 52 };

/** Every personnummer a reply shows: the values of `pnr` keys, anywhere in it. */
function pnrsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) pnrsIn(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const [key, v] of Object.entries(value)) {
      if (key === 'pnr' && typeof v === 'string' && /^\d{12}$/.test(v)) out.add(v);
      else pnrsIn(v, out);
    }
  return out;
}

interface Entry {
  id: number;
  pnr: string;
  action: string;
  userId: string;
  workplaceId: string;
  workplaceName: string;
  shown: { kind: string; no: number | null };
}

/** Every entry of a user, through the reviewer's paged query. */
async function entriesOf(reviewer: TestClient, userId: string): Promise<Entry[]> {
  const all: Entry[] = [];
  let after: string | undefined;
  do {
    const page = await reviewer.call('accessLog.user', { userId, ...ALL_TIME, limit: 500, after });
    all.push(...page.entries);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return all;
}

let engine: EngineProcess;
let ot: TestClient;
let staff: TestClient;
let reviewer: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [ot, staff, reviewer] = await Promise.all([
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
  ]);
  await Promise.all([ot.login('ot1'), staff.login('hmc1'), reviewer.login('log1')]);
});
afterAll(async () => {
  await Promise.all([ot?.close(), staff?.close(), reviewer?.close()]);
  await engine?.stop();
});

/** Calls the op and returns the new entries it wrote and the persons its reply shows. */
async function logged(client: TestClient, userId: string, op: string, args: unknown) {
  const before = (await entriesOf(reviewer, userId)).length;
  const reply = await client.request(op, args);
  const entries = (await entriesOf(reviewer, userId)).slice(before);
  const shown = reply.ok ? pnrsIn(reply.result) : new Set<string>();
  return { reply, entries, shown, result: (reply.ok ? reply.result : null) as DecodedResult };
}

describe('every op that shows a person logs exactly one entry per person shown', () => {
  const expectOnePerPerson = (run: Awaited<ReturnType<typeof logged>>, action: string) => {
    expect(run.reply.ok, JSON.stringify(run.reply)).toBe(true);
    expect(run.shown.size).toBeGreaterThan(0);
    expect(run.entries.map((e) => e.pnr).sort()).toEqual([...run.shown].sort());
    for (const e of run.entries) expect(e.action).toBe(action);
  };

  it('patient.get, with the user and the acting care unit', async () => {
    const run = await logged(ot, 'ot1', 'patient.get', { pnr: ERIK });
    expectOnePerPerson(run, 'patient.get');
    expect(run.entries[0]).toMatchObject({
      pnr: ERIK12,
      userId: 'ot1',
      workplaceName: expect.stringMatching(/\S/),
      shown: { kind: 'person', no: null },
    });
  });

  it('register.search by text (one entry per person listed) and by exact personnummer', async () => {
    const byText = await logged(ot, 'ot1', 'register.search', { text: 'Halmstad', limit: 7 });
    expectOnePerPerson(byText, 'register.search');
    expect(byText.entries).toHaveLength(byText.result.hits.length);
    expectOnePerPerson(await logged(ot, 'ot1', 'register.search', { text: ERIK }), 'register.search');
  });

  it('individual.get of a device a patient holds', async () => {
    const { device } = await heldDevice(ot);
    const run = await logged(ot, 'ot1', 'individual.get', { indNo: device.indNo });
    expectOnePerPerson(run, 'individual.get');
    expect(run.entries[0]!.shown).toEqual({ kind: 'individual', no: device.indNo });
  });

  it('order.quote, order.get and order.list with a patient', async () => {
    const recipient = { kind: 'patient', pnr: ERIK };
    const lines = [{ artNo: ROLLATOR, quantity: 1 }];
    expectOnePerPerson(await logged(ot, 'ot1', 'order.quote', { recipient, lines }), 'order.quote');
    const placed = await logged(ot, 'ot1', 'order.place', { idempotencyKey: 'log-1', recipient, lines });
    expect(placed.shown.size).toBe(placed.entries.length);
    const got = await logged(staff, 'hmc1', 'order.get', { orderNo: placed.result.orderNo });
    expectOnePerPerson(got, 'order.get');
    expect(got.entries[0]!.shown).toEqual({ kind: 'order', no: placed.result.orderNo });
    expectOnePerPerson(await logged(ot, 'ot1', 'order.list', { mine: true, limit: 50 }), 'order.list');
    expectOnePerPerson(await logged(staff, 'hmc1', 'order.list', { pnr: ERIK, limit: 50 }), 'order.list');
  });

  it('pickup.create and pickup.list', async () => {
    const { holder, device } = await heldDevice(ot);
    const created = await logged(ot, 'ot1', 'pickup.create', { pnr: holder.pnr, indNos: [device.indNo], reason: 'x' });
    expectOnePerPerson(created, 'pickup.create');
    expect(created.entries[0]!.shown).toEqual({ kind: 'pickup', no: created.result.pickup.pickupNo });
    expectOnePerPerson(await logged(staff, 'hmc1', 'pickup.list', { limit: 50 }), 'pickup.list');
  });

  it('workorder.create, workorder.list and workorder.update with a patient', async () => {
    const args = { destination: 'technicalService', pnr: ERIK, title: 'Kontroll' };
    const created = await logged(ot, 'ot1', 'workorder.create', args);
    expectOnePerPerson(created, 'workorder.create');
    const woNo = created.result.workOrder.woNo;
    expect(created.entries[0]!.shown).toEqual({ kind: 'workOrder', no: woNo });
    expectOnePerPerson(await logged(staff, 'hmc1', 'workorder.list', { limit: 50 }), 'workorder.list');
    expectOnePerPerson(await logged(staff, 'hmc1', 'workorder.update', { woNo, comment: 'ok' }), 'workorder.update');
  });
});

describe('ops that show nobody write nothing', () => {
  // [op, args, answered ok]: a refusal shows nobody either, but the ok cases must really answer.
  const cases: Array<[string, unknown, boolean?]> = [
    ['catalog.isoTree', { depth: 1 }],
    ['catalog.search', { text: 'rollator' }],
    ['catalog.article', { artNo: ROLLATOR }],
    ['stock.get', { artNo: ROLLATOR }],
    ['news.list', {}],
    ['message.list', {}],
    ['prescribingRule.list', {}],
    ['patient.get', { pnr: '19000101-0008' }, false],
    ['register.search', { text: 'Zzyzx Qwerty' }],
    ['workorder.create', { destination: 'technicalService', title: 'Utan patient' }],
  ];
  for (const [op, args, ok = true] of cases)
    it(op, async () => {
      const run = await logged(ot, 'ot1', op, args);
      expect(run.reply.ok, JSON.stringify(run.reply)).toBe(ok);
      expect(run.shown.size).toBe(0);
      expect(run.entries).toEqual([]);
    });
});

describe('the log reviewer', () => {
  it('only logReviewer may read the log', async () => {
    const denied = await ot.request('accessLog.user', { userId: 'ot1', ...ALL_TIME });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    const reviewerCannotSearch = await reviewer.request('register.search', { text: 'Halmstad' });
    expect(reviewerCannotSearch.ok ? 'ok' : reviewerCannotSearch.error.code).toBe('forbidden');
  });

  it("a patient's extract names the users and care units that looked, and is itself logged", async () => {
    const extract = await reviewer.call('accessLog.patient', { pnr: ERIK, ...ALL_TIME, limit: 500 });
    expect(extract.pnr).toBe(ERIK12);
    const users = new Set(extract.entries.map((e: Entry) => e.userId));
    expect([...users].sort()).toEqual(['hmc1', 'ot1']);
    expect(extract.entries.every((e: Entry) => e.pnr === ERIK12 && e.workplaceId !== '')).toBe(true);
    const own = await entriesOf(reviewer, 'log1');
    expect(own.at(-1)).toMatchObject({ action: 'accessLog.patient', pnr: ERIK12 });
  });

  it('the spot check is reproducible; a review is stored and logged', async () => {
    const args = { ...ALL_TIME, size: 3, seed: 42 };
    const first = await reviewer.call('accessLog.sample', args);
    expect(first.entries).toHaveLength(3);
    expect(await reviewer.call('accessLog.sample', args)).toEqual(first);
    const other = await reviewer.call('accessLog.sample', { ...args, seed: 43 });
    expect(other.total).toBe(first.total);
    const entry = first.entries[0];
    const reviewed = await reviewer.call('accessLog.review', { entryId: entry.id, comment: 'Befogad åtkomst' });
    expect(reviewed.reviews).toMatchObject([{ reviewerId: 'log1', comment: 'Befogad åtkomst' }]);
    const own = await entriesOf(reviewer, 'log1');
    expect(own.at(-1)).toMatchObject({ action: 'accessLog.review', pnr: entry.pnr, shown: { no: entry.id } });
    // The review is logged, yet the sample stays the same (the reviewers' own entries are not in the population).
    expect((await reviewer.call('accessLog.sample', args)).entries.map((e: Entry) => e.id)).toEqual(
      first.entries.map((e: Entry) => e.id),
    );
    const missing = await reviewer.request('accessLog.review', { entryId: 10 ** 9, comment: 'x' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });
});

describe('CSV export over HTTP', () => {
  const csvUrl = (query: string) => `${engine.url}/api/access-log.csv?${query}`;
  const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it("gives a patient's extract as an attachment to a log reviewer only, and logs the export", async () => {
    const other = await TestClient.connect(engine.wsUrl);
    const { token } = await other.login('log1');
    const query = `pnr=${ERIK12}&fromMs=0&toMs=${2 ** 52}`;
    const res = await fetch(csvUrl(query), auth(token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="loggutdrag-${ERIK12}.csv"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Tid (UTC);Användare;Användar-id;Vårdenhet;Vårdenhets-id;Personnummer;Åtgärd;Visat;Grund');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1).every((l) => l.includes(';19811218-9876;'))).toBe(true);
    const own = await entriesOf(reviewer, 'log1');
    expect(own.at(-1)).toMatchObject({ action: 'accessLog.csv', pnr: ERIK12 });
    const byUser = await fetch(csvUrl('userId=ot1&fromMs=0&toMs=9999999999999'), auth(token));
    expect(byUser.headers.get('content-disposition')).toBe('attachment; filename="atkomster-ot1.csv"');
    expect((await byUser.text()).split('\r\n').length).toBeGreaterThan(5);
    expect((await fetch(csvUrl(query))).status).toBe(401);
    const prescriber = await TestClient.connect(engine.wsUrl);
    const ot1 = await prescriber.login('ot1');
    expect((await fetch(csvUrl(query), auth(ot1.token))).status).toBe(403);
    expect((await fetch(csvUrl('fromMs=0&toMs=1'), auth(token))).status).toBe(400);
    await Promise.all([other.close(), prescriber.close()]);
  });
});

describe('durable before sent', () => {
  it('after kill -9 right after five answered patient.get, the log holds all five', async () => {
    const dataDir = tempDataDir('access-kill9');
    let victim = await startEngine({ scale: 'tiny', dataDir });
    const c = await TestClient.connect(victim.wsUrl);
    await c.login('ot1');
    const hits = (await c.call('register.search', { text: 'Halmstad', limit: 5 })).hits as Array<{ pnr: string }>;
    expect(hits).toHaveLength(5);
    await Promise.all(hits.map((h) => c.call('patient.get', { pnr: h.pnr })));
    await victim.kill9();
    victim = await startEngine({ scale: 'tiny', dataDir });
    const r = await TestClient.connect(victim.wsUrl);
    await r.login('log1');
    const gets = (await entriesOf(r, 'ot1')).filter((e) => e.action === 'patient.get');
    expect(gets.map((e) => e.pnr).sort()).toEqual(hits.map((h) => h.pnr).sort());
    await r.close();
    await victim.stop();
  });
});
