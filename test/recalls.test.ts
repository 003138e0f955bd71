// Recalls (säkerhetsmeddelande) in the pure core, given / when / then: a recall blocks ordering and picking, lists
// every holder kind, messages each prescriber once, tracks progress and closes (complete, or forced with a reason).
// Rejections in the order the checks run; the rebuild from tables agrees with the live index.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { previewRecall, recallDetail, listRecalls, recallNotices } from '../engine/core/recalls/queries.ts';
import { TABLE_NAMES, type State, type Tables } from '../engine/core/state.ts';
import { availability } from '../engine/core/views.ts';
import { OPS } from '../schemas/ops.ts';
import { ART, codeOf, firstEvent, orderState, place, placedNo, PNR, run, tablesOf } from './helpers/order-fixture.ts';

const step = (orderNo: number, s: 'pick' | 'dispatch' | 'deliver' | 'cancel'): Command => ({
  type: 'fulfil.step',
  userId: 'hmc1',
  step: s,
  orderNo,
  lineNos: null,
});
const recall = (over: Partial<Extract<Command, { type: 'recall.create' }>> = {}): Command => ({
  type: 'recall.create',
  userId: 'hmc1',
  artNo: ART.rollator,
  notice: 'Bromsen kan släppa; byt enheten.',
  ...over,
});
const progress = (
  recallNo: number,
  entries: { holderKey: string; progress: 'none' | 'contacted' | 'replaced' | 'returned' }[],
): Command => ({
  type: 'recall.setProgress',
  userId: 'hmc1',
  recallNo,
  entries,
});
const close = (recallNo: number, force = false, reason?: string): Command => ({
  type: 'recall.close',
  userId: 'hmc1',
  recallNo,
  force,
  ...(reason === undefined ? {} : { reason }),
});

/** Places an order and moves it through `until` (each step accepted). */
function orderThrough(
  state: State,
  over: Parameters<typeof place>[0],
  until: 'pick' | 'dispatch' | 'deliver' | null,
): number {
  const orderNo = placedNo(run(state, place(over)));
  for (const s of ['pick', 'dispatch', 'deliver'] as const) {
    if (until === null) break;
    expect(codeOf(run(state, step(orderNo, s)))).toBe('accepted');
    if (s === until) break;
  }
  return orderNo;
}

/** Rollators everywhere: ot1 delivered two (two patients), pt1 one to a care unit... see the comments per line. */
function rollatorWorld(): { state: State; orders: Record<string, number> } {
  const state = orderState();
  const orders = {
    ot1a: orderThrough(state, {}, 'deliver'), // 70001 to the resident
    ot1b: orderThrough(state, { recipient: { kind: 'patient', pnr: PNR.otherResident } }, 'deliver'), // 70002
    ot2: orderThrough(state, { userId: 'ot2', recipient: { kind: 'careUnit', customerNo: '130002' } }, 'deliver'), // 70003 care unit
    pt1: orderThrough(state, { userId: 'pt1', recipient: { kind: 'patient', pnr: PNR.palliative } }, 'dispatch'), // 70004 transit
  };
  return { state, orders };
}

describe('recall.create', () => {
  it('given rollators with patients, a care unit, in transit and on the shelf, then every holder is listed and each prescriber gets one message', () => {
    const { state, orders } = rollatorWorld();
    const before = state.orderIndex.nextMessageNo;
    const decision = run(state, recall());
    expect(codeOf(decision)).toBe('accepted');
    const created = firstEvent(decision, 'recall.created').recall;
    expect(created).toMatchObject({
      recallNo: 1,
      artNo: ART.rollator,
      indNoFrom: null,
      holdersAtCreate: 6,
      prescribersMessaged: 3,
    });
    const detail = recallDetail(state, { recallNo: 1, limit: 50, offset: 0 });
    if (!detail.ok) throw new Error('recall.get');
    const byUnit = Object.fromEntries(detail.result.holders.map((h) => [h.indNo, [h.kind, h.orderNo]]));
    expect(byUnit).toEqual({
      56314: ['patient', null], // seeded as held: no order known, no message
      70001: ['patient', orders.ot1a],
      70002: ['patient', orders.ot1b],
      70003: ['careUnit', orders.ot2],
      70004: ['transit', orders.pt1],
      70005: ['warehouse', null],
    });
    const messages = decision.ok ? decision.events.filter((e) => e.type === 'message.created') : [];
    expect(messages.map((e) => e.type === 'message.created' && [e.message.userId, e.message.messageNo])).toEqual([
      ['ot1', before],
      ['ot2', before + 1],
      ['pt1', before + 2],
    ]);
    const ot1 = state.messages.get(before)!;
    expect(ot1).toMatchObject({ kind: 'recall', recallNo: 1, artNo: ART.rollator });
    expect(ot1.text).toContain('återkallelse 1');
    expect(ot1.text).toContain('2 enheter');
    expect(ot1.text).not.toContain('Karlsson'); // never the patient
    expect(ot1.text).not.toContain(PNR.resident.slice(2, 8));
  });

  it('given a sale article, then its warehouses, buffers and delivered lines are the holders', () => {
    const state = orderState();
    const orderNo = orderThrough(state, { lines: [{ artNo: ART.basket, quantity: 2 }] }, 'deliver');
    run(state, recall({ artNo: ART.basket }));
    const detail = recallDetail(state, { recallNo: 1, limit: 50, offset: 0 });
    if (!detail.ok) throw new Error('recall.get');
    expect(detail.result.holders.map((h) => [h.key, h.kind, h.quantity])).toEqual([
      ['w:10', 'warehouse', 18],
      ['w:B101', 'buffer', 4],
      [`o:${orderNo}:1`, 'patient', 2],
    ]);
    expect(detail.result.recall.byKind).toEqual({ patient: 1, careUnit: 0, buffer: 1, warehouse: 1, transit: 0 });
  });

  it('given a protected identity holds a unit, then recall.get shows Skyddad identitet and the personnummer to act on', () => {
    const state = orderState();
    const ind = { indNo: 70001, artNo: ART.rollator, location: { kind: 'patient' as const, pnr: PNR.protected } };
    state.individuals.set(70001, ind);
    run(state, recall({ indNoFrom: 70001, indNoTo: 70001 }));
    const detail = recallDetail(state, { recallNo: 1, limit: 50, offset: 0 });
    expect(detail.ok && detail.result.holders).toMatchObject([
      { kind: 'patient', name: 'Skyddad identitet', pnr: PNR.protected },
    ]);
    expect(JSON.stringify(detail)).not.toContain('Hemlig');
  });

  it('rejects in order: not_found, no_individual (range of a sale article), recall_overlaps', () => {
    const state = orderState();
    expect(codeOf(run(state, recall({ artNo: '999999' })))).toBe('not_found');
    expect(codeOf(run(state, recall({ artNo: ART.stocking, indNoFrom: 1, indNoTo: 2 })))).toBe('no_individual');
    expect(codeOf(run(state, recall({ indNoFrom: 70001, indNoTo: 70002 })))).toBe('accepted');
    expect(codeOf(run(state, recall({ indNoFrom: 70002, indNoTo: 70003 })))).toBe('recall_overlaps');
    expect(codeOf(run(state, recall()))).toBe('recall_overlaps');
    expect(codeOf(run(state, recall({ indNoFrom: 70003, indNoTo: 70003 })))).toBe('accepted');
  });

  it('validates at the edge: a notice, a whole range (from ≤ to), a forced close with a reason', () => {
    const create = OPS['recall.create'].args;
    expect(create.safeParse({ artNo: ART.rollator, notice: 'x' }).success).toBe(true);
    expect(create.safeParse({ artNo: ART.rollator, notice: ' ' }).success).toBe(false);
    expect(create.safeParse({ artNo: ART.rollator, notice: 'x', indNoFrom: 5 }).success).toBe(false);
    expect(create.safeParse({ artNo: ART.rollator, notice: 'x', indNoFrom: 5, indNoTo: 4 }).success).toBe(false);
    expect(create.safeParse({ artNo: ART.rollator, notice: 'x'.repeat(1001) }).success).toBe(false);
    expect(OPS['recall.close'].args.safeParse({ recallNo: 1, force: true }).success).toBe(false);
    expect(
      OPS['recall.close'].args.safeParse({ recallNo: 1, force: true, reason: 'Leverantören tar över' }).success,
    ).toBe(true);
    expect(
      OPS['recall.setProgress'].args.safeParse({ recallNo: 1, entries: [{ holderKey: 'x:1', progress: 'contacted' }] })
        .success,
    ).toBe(false);
    expect(OPS['recall.create'].roles).not.toContain('prescriber');
  });
});

describe('what an open recall blocks', () => {
  it('given a whole-article recall, then ordering is refused, earlier orders are not picked or dispatched, and the catalog offers nothing', () => {
    const state = orderState();
    const waiting = placedNo(run(state, place()));
    const picked = orderThrough(state, { recipient: { kind: 'patient', pnr: PNR.otherResident } }, 'pick');
    run(state, recall());
    expect(codeOf(run(state, place()))).toBe('article_recalled');
    expect(codeOf(run(state, step(waiting, 'pick')))).toBe('article_recalled');
    expect(codeOf(run(state, step(picked, 'dispatch')))).toBe('article_recalled');
    expect(codeOf(run(state, step(waiting, 'cancel')))).toBe('accepted'); // cancelling stays possible
    expect(availability(state, ART.rollator, null)).toEqual({ main: 0, recallNo: 1 });
    const notice = recallNotices(state, { artNo: ART.rollator });
    expect(notice.ok && notice.result.recalls.map((r) => r.recallNo)).toEqual([1]);
  });

  it('given a range recall, then only its units are blocked: never picked, and not offered to new orders', () => {
    const state = orderState(); // 70001..70005 on the shelf
    run(state, recall({ indNoFrom: 70001, indNoTo: 70002 }));
    expect(availability(state, ART.rollator, null).main).toBe(5); // the article is not recalled as a whole
    const four = run(state, place({ lines: [{ artNo: ART.rollator, quantity: 4 }] }));
    expect(firstEvent(four, 'order.placed').order.lines[0]!.status).toBe('backorder'); // 3 pickable units, not 4
    run(state, step(placedNo(four), 'cancel'));
    const three = placedNo(
      run(
        state,
        place({
          lines: [{ artNo: ART.rollator, quantity: 3 }],
          recipient: { kind: 'patient', pnr: PNR.otherResident },
        }),
      ),
    );
    const pick = run(state, step(three, 'pick'));
    expect(firstEvent(pick, 'order.linePicking').individuals).toEqual([70003, 70004, 70005]);
    const notice = recallNotices(state, { artNo: ART.rollator, indNo: 70003 });
    expect(notice.ok && notice.result.recalls).toEqual([]);
  });

  it('given a range recall after an order reserved every unit, then its pick is refused with article_recalled', () => {
    const state = orderState();
    const all = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 5 }] })));
    run(state, recall({ indNoFrom: 70005, indNoTo: 70005 }));
    expect(codeOf(run(state, step(all, 'pick')))).toBe('article_recalled');
  });

  it('given a recalled set part, then it is not reserved: the line waits as a backorder until the recall closes', () => {
    const state = orderState();
    run(state, recall({ artNo: ART.mattress }));
    const bed = run(state, place({ lines: [{ artNo: ART.bed, quantity: 1 }] }));
    const lines = firstEvent(bed, 'order.placed').order.lines;
    expect(lines.map((l) => [l.artNo, l.status])).toEqual([
      [ART.bed, 'registered'],
      [ART.mattress, 'backorder'],
    ]);
    const closed = run(state, close(1, true, 'Felaktig återkallelse'));
    expect(firstEvent(closed, 'recall.closed').forcedReason).toBe('Felaktig återkallelse');
    const served = closed.ok ? closed.events.filter((e) => e.type === 'order.lineServed') : [];
    expect(served).toMatchObject([{ artNo: ART.mattress, quantity: 1 }]); // the close serves what it held back
  });
});

describe('recall.setProgress and recall.close', () => {
  it('given holders, when progress is set in a batch, then counts follow; close needs every holder done or a forced reason', () => {
    const { state } = rollatorWorld();
    run(state, recall());
    expect(codeOf(run(state, close(1)))).toBe('recall_not_done');
    const keys = ['i:56314', 'i:70001', 'i:70002', 'i:70003', 'i:70004', 'i:70005'];
    const contacted = keys.map((k) => ({ holderKey: k, progress: 'contacted' as const }));
    expect(codeOf(run(state, progress(1, contacted)))).toBe('accepted');
    expect(codeOf(run(state, progress(1, [{ holderKey: 'i:70001', progress: 'replaced' }])))).toBe('accepted');
    const listed = listRecalls(state, { limit: 10 });
    expect(listed.ok && listed.result.recalls[0]!.byProgress).toEqual({
      none: 0,
      contacted: 5,
      replaced: 1,
      returned: 0,
    });
    const filtered = recallDetail(state, { recallNo: 1, progress: 'replaced', limit: 50, offset: 0 });
    expect(filtered.ok && filtered.result.holders.map((h) => h.indNo)).toEqual([70001]);
    expect(state.recallProgress.size).toBe(6); // rows only for holders set, one per holder
    run(
      state,
      progress(
        1,
        keys.map((k) => ({ holderKey: k, progress: 'returned' })),
      ),
    );
    expect(codeOf(run(state, close(1)))).toBe('accepted');
    expect(state.recalls.get(1)).toMatchObject({ closedBy: 'hmc1', forcedReason: null });
    expect(codeOf(run(state, place()))).toBe('accepted'); // the block is lifted
  });

  it('rejects in order: not_found, recall_closed; per entry duplicate_line, not_found (a key not of this recall)', () => {
    const state = orderState();
    expect(codeOf(run(state, progress(9, [{ holderKey: 'i:70001', progress: 'contacted' }])))).toBe('not_found');
    run(state, recall({ indNoFrom: 70001, indNoTo: 70002 }));
    const twice = [
      { holderKey: 'i:70001', progress: 'contacted' as const },
      { holderKey: 'i:70001', progress: 'returned' as const },
    ];
    expect(codeOf(run(state, progress(1, twice)))).toBe('duplicate_line');
    expect(codeOf(run(state, progress(1, [{ holderKey: 'i:70003', progress: 'contacted' }])))).toBe('not_found');
    expect(codeOf(run(state, progress(1, [{ holderKey: 'w:10', progress: 'contacted' }])))).toBe('not_found');
    expect(codeOf(run(state, close(1, true, 'Leverantören hämtar själv')))).toBe('accepted');
    expect(state.recalls.get(1)!.forcedReason).toBe('Leverantören hämtar själv');
    expect(codeOf(run(state, progress(1, [{ holderKey: 'i:70001', progress: 'contacted' }])))).toBe('recall_closed');
    expect(codeOf(run(state, close(1)))).toBe('recall_closed');
    expect(codeOf(run(state, close(2)))).toBe('not_found');
  });

  it('the preview counts what a recall would touch, and the rebuild from tables agrees with the live index', () => {
    const { state } = rollatorWorld();
    const preview = previewRecall(state, { artNo: ART.rollator });
    expect(preview.ok && preview.result).toMatchObject({
      holders: 6,
      prescribers: 3,
      byKind: { patient: 3, careUnit: 1, transit: 1, warehouse: 1, buffer: 0 },
    });
    run(state, recall({ indNoFrom: 70001, indNoTo: 70002 }));
    run(state, recall({ indNoFrom: 70004, indNoTo: 70005 }));
    run(state, progress(1, [{ holderKey: 'i:70001', progress: 'contacted' }]));
    run(state, close(2, true, 'Felregistrerad'));
    const tables = {} as Record<string, unknown>;
    for (const name of TABLE_NAMES) tables[name] = state[name];
    const rebuilt = stateFromTables(tables as unknown as Tables, state.seq);
    expect(rebuilt.recallIndex).toEqual(state.recallIndex);
  });
});

// Lead, issue 15: the catalog's "i lager" filter follows the recall, as ordering and picking do.
describe('a whole-article recall and the catalog search', () => {
  it('leaves the in-stock filter while open and comes back when closed; a rebuild agrees', async () => {
    const { catalogSearch } = await import('../engine/core/catalog-search.ts');
    const state = orderState();
    const name = state.articles.get(ART.rollator)!.name;
    const inStockHits = (s: State) => {
      const args = OPS['catalog.search'].args.parse({ text: name, inStockOnly: true });
      const result = catalogSearch(s, null, args);
      if (!result.ok) throw new Error(result.message);
      return result.result.hits.map((h) => h.artNo);
    };
    expect(inStockHits(state)).toContain(ART.rollator);
    run(state, recall());
    expect(inStockHits(state)).not.toContain(ART.rollator);
    const tables = tablesOf(state);
    expect(inStockHits(stateFromTables(tables, state.seq))).not.toContain(ART.rollator);
    run(state, close(1, true, 'Felaktigt larm'));
    expect(inStockHits(state)).toContain(ART.rollator);
  });
});
