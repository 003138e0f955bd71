// Unit tests of the access log's edge helpers: a reply that shows nobody costs nothing (synchronous, no write), one
// that shows people is answered only after their entries are appended; the spot check's sample is reproducible.
import { describe, expect, it, vi } from 'vitest';
import type { User } from '../schemas/entities.ts';
import { OP_NAMES, OPS } from '../schemas/ops.ts';
import { replyLogged } from '../engine/io/access-log.ts';
import { actingWorkplace } from '../engine/io/acting-workplace.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { emptyTables } from '../engine/core/state.ts';
import { accessLogCsv } from '../engine/io/access-log-csv.ts';
import { samplePositions } from '../engine/io/access-log-sample.ts';
import type { HandlerContext } from '../engine/io/handler-types.ts';
import { MemoryAccessLog } from '../engine/store/access-log-memory.ts';

const user = {
  id: 'ot1',
  name: 'Anna Bergström',
  workplaces: [
    { id: 'w1', name: 'Rehab Halmstad' },
    { id: 'w2', name: 'Hemsjukvård' },
  ],
} as unknown as User;

function context(): { ctx: HandlerContext; log: MemoryAccessLog; appends: number[] } {
  const log = new MemoryAccessLog();
  const appends: number[] = [];
  const counting = {
    append: (entries: Parameters<MemoryAccessLog['append']>[0]) => {
      appends.push(entries.length);
      return log.append(entries);
    },
  };
  const state = stateFromTables(emptyTables(), 0);
  const engine = { state, accessLog: counting };
  const ctx = { user, nowMs: 1_000, workplaceId: null, engine } as unknown as HandlerContext;
  return { ctx, log, appends };
}

describe('replyLogged', () => {
  it('answers a reply that shows nobody synchronously, without a write', () => {
    const { ctx, appends } = context();
    const outcome = { ok: true as const, result: { hits: [] as string[] } };
    expect(
      replyLogged(ctx, 'register.search', outcome, (r) => r.hits.map((pnr) => ({ pnr, kind: 'person', no: null }))),
    ).toBe(outcome);
    const refused = { ok: false as const, code: 'not_found' as const, message: 'x' };
    expect(replyLogged(ctx, 'patient.get', refused, () => [{ pnr: '1', kind: 'person', no: null }])).toBe(refused);
    expect(appends).toEqual([]);
  });

  it('answers a reply that shows people after one append of one entry per distinct person', async () => {
    const { ctx, log, appends } = context();
    const outcome = { ok: true as const, result: ['194001011234', '195002022345', '194001011234'] };
    const reply = replyLogged(ctx, 'order.list', outcome, (r) => r.map((pnr) => ({ pnr, kind: 'order', no: 7 })));
    expect(reply).toBeInstanceOf(Promise);
    expect(await reply).toBe(outcome);
    expect(appends).toEqual([2]);
    expect(log.get(1)).toEqual({
      id: 1,
      timeMs: 1_000,
      userId: 'ot1',
      userName: 'Anna Bergström',
      workplaceId: 'w1',
      workplaceName: 'Rehab Halmstad',
      pnr: '194001011234',
      action: 'order.list',
      shown: { kind: 'order', no: 7 },
    });
  });

  it('withholds the person with storage_unavailable when the log cannot be written (full disk), never crashing', async () => {
    const { ctx } = context();
    const failing = { append: () => Promise.reject(new Error('MDB_MAP_FULL: simulated')) };
    const engine = { ...(ctx.engine as object), accessLog: failing };
    const broken = { ...ctx, engine } as unknown as HandlerContext;
    const outcome = { ok: true as const, result: { pnr: '194001011234' } };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await replyLogged(broken, 'patient.get', outcome, (r) => [{ pnr: r.pnr, kind: 'person', no: null }]);
    errors.mockRestore();
    expect(reply).toMatchObject({ ok: false, code: 'storage_unavailable' });
  });

  it("the acting workplace is the user's first", () => {
    expect(actingWorkplace(context().ctx)?.id).toBe('w1');
  });
});

describe('samplePositions', () => {
  it('gives the same distinct, in-range positions for the same seed, others for another', () => {
    const a = samplePositions(1_000, 20, 7);
    expect(samplePositions(1_000, 20, 7)).toEqual(a);
    expect(new Set(a).size).toBe(20);
    expect(a.every((p) => p >= 0 && p < 1_000)).toBe(true);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(samplePositions(1_000, 20, 8)).not.toEqual(a);
  });

  it('takes the whole population when it is smaller than the sample', () => {
    expect(samplePositions(3, 10, 1)).toEqual([0, 1, 2]);
    expect(samplePositions(0, 10, 1)).toEqual([]);
  });

  it('draws every position about equally often', () => {
    const counts = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 2_000; seed++) for (const p of samplePositions(10, 3, seed)) counts[p]!++;
    for (const c of counts) expect(c).toBeGreaterThan(450); // 600 expected each
  });
});

describe('accessLogCsv', () => {
  it('quotes separators and quotes, defuses formulas, and starts with a BOM and the Swedish header', () => {
    const csv = accessLogCsv([
      {
        id: 1,
        timeMs: Date.UTC(2026, 0, 2, 3, 4, 5),
        userId: 'ot1',
        userName: '=HYPERLINK("x")',
        workplaceId: 'w1',
        workplaceName: 'Rehab; Halmstad',
        pnr: '194001011234',
        action: 'order.get',
        shown: { kind: 'order', no: 12 },
        grounds: 'emergency',
      },
    ]);
    expect(csv.startsWith('\uFEFFTid (UTC);Användare;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      `2026-01-02T03:04:05.000Z;"'=HYPERLINK(""x"")";ot1;"Rehab; Halmstad";w1;19400101-1234;order.get;Order 12;emergency`,
    );
  });
});

describe('accessLog.* arguments', () => {
  it('accept a period, a page and a cursor; refuse what is out of bounds', () => {
    const period = { fromMs: 0, toMs: 10 };
    expect(OPS['accessLog.patient'].args.safeParse({ pnr: '19811218-9876', ...period }).success).toBe(true);
    expect(OPS['accessLog.patient'].args.safeParse({ pnr: '1981', ...period }).success).toBe(false);
    expect(OPS['accessLog.user'].args.safeParse({ userId: 'ot1', ...period, after: '5.3' }).success).toBe(true);
    expect(OPS['accessLog.user'].args.safeParse({ userId: 'ot1', ...period, after: 'x' }).success).toBe(false);
    expect(OPS['accessLog.user'].args.safeParse({ userId: 'ot1', ...period, limit: 501 }).success).toBe(false);
    expect(OPS['accessLog.sample'].args.safeParse({ ...period, size: 200, seed: 1 }).success).toBe(true);
    expect(OPS['accessLog.sample'].args.safeParse({ ...period, size: 201, seed: 1 }).success).toBe(false);
    expect(OPS['accessLog.review'].args.safeParse({ entryId: 1, comment: ' ' }).success).toBe(false);
    expect(OPS['accessLog.review'].args.safeParse({ entryId: 1, comment: 'x'.repeat(501) }).success).toBe(false);
  });

  it('are for the log reviewer only, and no op edits or deletes an entry', () => {
    const logOps = OP_NAMES.filter((op) => op.startsWith('accessLog.'));
    expect(logOps.sort()).toEqual(['accessLog.patient', 'accessLog.review', 'accessLog.sample', 'accessLog.user']);
    for (const op of logOps) expect(OPS[op].roles).toEqual(['logReviewer']);
  });
});
