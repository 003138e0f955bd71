// Seeded fuzzing over a real WebSocket: every op gets mutated arguments (missing fields, wrong types, extremes,
// long and odd strings). Each request must get a reply (ok or a typed error) and the engine must keep serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../common/prng.ts';
import { OP_NAMES } from '../schemas/ops.ts';
import { ERROR_CODES } from '../schemas/protocol.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const REQUESTS_PER_OP = 60;
/** Ops that end or change the session are left out, so the fuzzing connection stays signed in as admin. */
const SKIPPED = new Set(['session.logout', 'session.login', 'session.resume']);

const ODD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  2 ** 53,
  -(2 ** 31),
  'x'.repeat(300),
  '',
  'ÅÄÖ åäö é ü ß',
  '12 06 06',
  '100101',
  '10',
  'B101',
  '191212121212',
  '19121212-1212',
  '000000',
  [],
  {},
  ['100101'],
  { kind: 'patient', pnr: '191212121212' },
  '\u0000\uffff',
  'K-10000',
  '2026-11-30',
  'main',
  'buffer',
  'accept',
];

function mutate(rand: () => number, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  const keys = Object.keys(out);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const roll = rand();
  if (roll < 0.3 && keys.length > 0) delete out[pick(keys)];
  else if (roll < 0.8 && keys.length > 0) out[pick(keys)] = pick(ODD_VALUES);
  else out[`extra${Math.floor(rand() * 3)}`] = pick(ODD_VALUES);
  return out;
}

const SAMPLES: Record<string, Record<string, unknown>> = {
  'order.place': {
    idempotencyKey: 'fuzz-1',
    recipient: { kind: 'patient', pnr: '198112189876' },
    lines: [{ artNo: '100101', quantity: 1 }],
    delivery: { partial: true, contactName: 'Anna', contactPhone: '035-123' },
    otherInfo: 'x',
  },
  'order.cancel': { orderNo: 1 },
  'admin.prescribingRuleSet': { profession: 'ot', isoPrefixes: ['12'] },
  'fulfil.setDeliveryDate': { orderNo: 1, date: '2026-12-01' },
  'catalog.isoTree': { code: '12', depth: 2, includeStock: true },
  'catalog.list': { isoCode: '12 06 06', inStockOnly: true, limit: 5, offset: 0 },
  'catalog.article': { artNo: '100101' },
  'catalog.search': { text: 'rolator', inStockOnly: true, limit: 5 },
  'catalog.suggest': { text: 'rolla' },
  'stock.get': { artNo: '100101', warehouse: '10' },
  'register.search': { text: 'Karlsson Halmstad' },
  'patient.get': { pnr: '19121212-1212' },
  subscribe: { topic: 'stock/100101' },
  unsubscribe: { topic: 'stock/100101' },
  'admin.stockAdjust': { warehouse: '10', artNo: '100101', delta: 1, reason: 'received' },
  'order.quote': { recipient: { kind: 'patient', pnr: '198112189876' }, lines: [{ artNo: '100101', quantity: 1 }] },
  'order.list': { open: true, limit: 5 },
  'order.get': { orderNo: 1 },
  'fulfil.pick': { orderNo: 1 },
  'message.list': {},
};

let engine: EngineProcess;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny', store: 'memory' });
});
afterAll(async () => {
  await engine?.stop();
});

describe(`fuzzing every op (FUZZ_SEED=${SEED})`, () => {
  it('answers every mutated request with ok or a known error code, and keeps serving', async () => {
    const rand = mulberry32(SEED);
    const codes = new Set<string>(ERROR_CODES);
    // The administrator reaches staff and admin ops, the prescriber the ordering ops.
    for (const username of ['admin', 'ot1']) {
      const client = await TestClient.connect(engine.wsUrl, 'msgpack');
      await client.login(username);
      for (const op of OP_NAMES) {
        if (SKIPPED.has(op)) continue;
        const base = SAMPLES[op] ?? {};
        const replies = await Promise.all(
          Array.from({ length: REQUESTS_PER_OP }, () => client.request(op, mutate(rand, base))),
        );
        for (const reply of replies) {
          if (!reply.ok)
            expect(codes.has(reply.error.code), `${op}: ${reply.error.code} (FUZZ_SEED=${SEED})`).toBe(true);
        }
      }
      await client.close();
    }
    const other = await TestClient.connect(engine.wsUrl, 'json');
    await other.login('ot1');
    expect((await other.call('catalog.isoTree', { depth: 1 })).nodes.length).toBeGreaterThan(5);
    await other.close();
  });
});
