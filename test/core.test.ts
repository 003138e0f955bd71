// Core state machine, given / when / then: every rejection code of the slice, and the events that acceptance applies.
import { describe, expect, it } from 'vitest';
import { apply } from '../engine/core/apply.ts';
import { AssertionError } from '../engine/core/assert.ts';
import type { Command } from '../engine/core/commands.ts';
import { decide } from '../engine/core/decide.ts';
import { stockKey } from '../engine/core/keys.ts';
import type { State } from '../engine/core/state.ts';
import { article, fixtureState } from './helpers/fixture.ts';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

function when(state: State, command: Command) {
  const decision = decide(state, command, { timeMs: T0, seq: state.seq + 1 });
  if (decision.ok) {
    for (const event of decision.events) apply(state, event);
    state.seq++;
  }
  return decision;
}

const adjust = (over: Partial<Extract<Command, { type: 'stock.adjust' }>> = {}): Command => ({
  type: 'stock.adjust',
  userId: 'hmc1',
  warehouse: '10',
  artNo: '100001',
  delta: 3,
  reason: 'received',
  note: '',
  ...over,
});

describe('stock.adjust', () => {
  it('given 5 on hand, when +3 received, then 8 on hand and one stock.adjusted event', () => {
    const state = fixtureState();
    const decision = when(state, adjust());
    expect(decision).toEqual({
      ok: true,
      events: [expect.objectContaining({ type: 'stock.adjusted', delta: 3, onHandAfter: 8 })],
    });
    expect(state.stock.get(stockKey('10', '100001'))!.onHand).toBe(8);
    expect(state.seq).toBe(1);
  });

  it('given no row yet, when stock arrives, then a row is created and indexed by article', () => {
    const state = fixtureState();
    when(state, adjust({ warehouse: 'B101', artNo: '100001', delta: 2 }));
    expect(
      state.stockByArticle
        .get('100001')!
        .map((r) => r.warehouse)
        .sort(),
    ).toEqual(['10', 'B101']);
  });

  const rejections: Array<[string, Partial<Extract<Command, { type: 'stock.adjust' }>>, string]> = [
    ['unknown warehouse', { warehouse: '77' }, 'not_found'],
    ['unknown article', { artNo: '999999' }, 'not_found'],
    ['below zero', { delta: -6 }, 'insufficient_stock'],
    ['below reserved', { artNo: '100003', delta: -19 }, 'insufficient_stock'],
    ['over the stock limit', { delta: 1_000_000 }, 'stock_limit'],
  ];
  for (const [what, over, code] of rejections) {
    it(`given the fixture, when adjusting ${what}, then ${code} and nothing changes`, () => {
      const state = fixtureState();
      const before = JSON.stringify([...state.stock.values()]);
      const decision = when(state, adjust(over));
      expect(decision.ok).toBe(false);
      if (!decision.ok) {
        expect(decision.code).toBe(code);
        expect(decision.message.length).toBeGreaterThan(5);
      }
      expect(JSON.stringify([...state.stock.values()])).toBe(before);
      expect(state.seq).toBe(0);
    });
  }

  it('given reserved 2 of 20, when removing down to exactly reserved, then accepted', () => {
    const state = fixtureState();
    expect(when(state, adjust({ artNo: '100003', delta: -18 })).ok).toBe(true);
  });
});

describe('article.upsert', () => {
  const upsert = (a = article('100100')): Command => ({ type: 'article.upsert', userId: 'admin', article: a });

  it('given a new article, when upserted, then it is listed under its ISO code in name order', () => {
    const state = fixtureState();
    expect(when(state, upsert(article('100100', { name: 'Aaa rollator' }))).ok).toBe(true);
    expect(state.articlesByIso.get('12 06 06')![0]).toBe('100100');
  });

  it('given an article, when moved to another ISO code and renamed, then both lists are right', () => {
    const state = fixtureState();
    when(state, upsert(article('100001', { name: 'Zeta', isoCode: '12 22 03' })));
    expect(state.articlesByIso.get('12 06 06')).not.toContain('100001');
    expect(state.articlesByIso.get('12 22 03')).toEqual(['100004', '100001']);
  });

  const rejections: Array<[string, Partial<ReturnType<typeof article>>, string]> = [
    ['an unknown supplier', { supplierId: 'nobody' }, 'unknown_supplier'],
    ['an unknown ISO code', { isoCode: '12 06 99' }, 'unknown_iso_code'],
    ['a class instead of a division', { isoCode: '12' }, 'unknown_iso_code'],
    ['a missing set part', { setParts: ['999998'] }, 'unknown_article'],
    ['a missing accessory', { accessories: ['999997'] }, 'unknown_article'],
    ['itself as replacement', { replacedBy: '100100' }, 'unknown_article'],
  ];
  for (const [what, over, code] of rejections) {
    it(`given the fixture, when upserting with ${what}, then ${code}`, () => {
      const state = fixtureState();
      const decision = when(state, upsert(article('100100', over)));
      expect(decision.ok ? 'accepted' : decision.code).toBe(code);
      expect(state.articles.has('100100')).toBe(false);
    });
  }

  it('given 100002 → 100001, when 100001 is made to point at 100002, then replacement_cycle', () => {
    const state = fixtureState();
    const decision = when(state, upsert(article('100001', { replacedBy: '100002' })));
    expect(decision.ok ? 'accepted' : decision.code).toBe('replacement_cycle');
  });

  it('given a chain of 17 hops, when one more article points at its head, then replacement_too_long', () => {
    const state = fixtureState();
    let previous: string | null = null;
    for (let i = 0; i < 17; i++) {
      const artNo = String(200000 + i);
      expect(when(state, upsert(article(artNo, { replacedBy: previous }))).ok).toBe(true);
      previous = artNo;
    }
    const decision = when(state, upsert(article('299999', { replacedBy: previous })));
    expect(decision.ok ? 'accepted' : decision.code).toBe('replacement_too_long');
  });
});

describe('invariants', () => {
  it('given a command with a stale seq, then decide asserts (programmer error, not a rejection)', () => {
    const state = fixtureState();
    expect(() => decide(state, adjust(), { timeMs: T0, seq: 5 })).toThrow(AssertionError);
  });

  it('given an event whose onHandAfter disagrees with the state, then apply asserts', () => {
    const state = fixtureState();
    expect(() =>
      apply(state, {
        type: 'stock.adjusted',
        userId: 'x',
        warehouse: '10',
        artNo: '100001',
        delta: 1,
        reason: 'received',
        note: '',
        onHandAfter: 99,
        individuals: [],
      }),
    ).toThrow(AssertionError);
  });

  it('decide is deterministic and does not change the state', () => {
    const state = fixtureState();
    const before = JSON.stringify([...state.stock.values()]);
    const a = decide(state, adjust(), { timeMs: T0, seq: 1 });
    const b = decide(state, adjust(), { timeMs: T0, seq: 1 });
    expect(a).toEqual(b);
    expect(JSON.stringify([...state.stock.values()])).toBe(before);
  });
});
