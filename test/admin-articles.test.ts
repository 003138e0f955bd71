// Artiklar (issue 14), given / when / then: a create (expectNew) never replaces an existing article, and the impact
// of making an article outgoing or discontinued: open orders, backorders, holders (counts only) and referring articles.
import { describe, expect, it } from 'vitest';
import { articleImpact } from '../engine/core/articles/article-impact.ts';
import type { Command } from '../engine/core/commands.ts';
import { ARTICLE_IMPACT_ORDERS_SHOWN } from '../schemas/limits.ts';
import { article, fixtureState } from './helpers/fixture.ts';
import { ART, codeOf, orderState, PNR, place, placedNo, run } from './helpers/order-fixture.ts';

const upsert = (a: ReturnType<typeof article>, expectNew?: boolean): Command => ({
  type: 'article.upsert',
  userId: 'admin',
  article: a,
  ...(expectNew === undefined ? {} : { expectNew }),
});

describe('article.upsert with expectNew', () => {
  it('given article 100001, when created again with expectNew, then article_exists and nothing changes', () => {
    const state = fixtureState();
    const before = state.articles.get('100001');
    const decision = run(state, upsert(article('100001', { name: 'Överskriven' }), true));
    expect(codeOf(decision)).toBe('article_exists');
    expect(!decision.ok && decision.message).toContain('100001');
    expect(state.articles.get('100001')).toBe(before);
    expect(state.seq).toBe(0);
  });

  it('given article_exists is checked first, when the duplicate also names an unknown supplier, then article_exists', () => {
    const state = fixtureState();
    expect(codeOf(run(state, upsert(article('100001', { supplierId: 'nobody' }), true)))).toBe('article_exists');
  });

  it('given a new article number, when created with expectNew, then accepted with before null', () => {
    const state = fixtureState();
    const decision = run(state, upsert(article('100100', { name: 'Ny rollator' }), true));
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'article.upserted',
          userId: 'admin',
          article: expect.objectContaining({ artNo: '100100' }),
          before: null,
        },
      ],
    });
    expect(state.articles.get('100100')?.name).toBe('Ny rollator');
  });

  it('given an existing article, when upserted without expectNew (or false), then it is replaced as before', () => {
    const state = fixtureState();
    expect(run(state, upsert(article('100001', { name: 'Nytt namn' }))).ok).toBe(true);
    expect(run(state, upsert(article('100001', { name: 'Nytt namn 2' }), false)).ok).toBe(true);
    expect(state.articles.get('100001')?.name).toBe('Nytt namn 2');
  });
});

describe('admin.articleImpact', () => {
  it('given an unknown article, then not_found', () => {
    expect(codeOf(articleImpact(orderState(), '999999'))).toBe('not_found');
  });

  it('given nothing refers to the shower chair and nobody holds or ordered it, then every count is zero', () => {
    const impact = articleImpact(orderState(), ART.showerChair);
    expect(impact).toEqual({
      ok: true,
      result: {
        artNo: ART.showerChair,
        openOrders: { orders: 0, lines: 0, orderNos: [] },
        backorderLines: 0,
        heldByPatients: 0,
        heldByCareUnits: 0,
        setPartOf: { count: 0, articles: [] },
        accessoryOf: { count: 0, articles: [] },
        replacementFor: { count: 0, articles: [] },
      },
    });
  });

  it('given two open rollator orders and one cancelled, then two open orders are counted, in number order', () => {
    const state = orderState();
    const first = placedNo(run(state, place()));
    const second = placedNo(run(state, place({ userId: 'ot2' })));
    const third = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 1 }] })));
    expect(run(state, { type: 'order.cancel', userId: 'ot1', orderNo: third } as Command).ok).toBe(true);
    const impact = articleImpact(state, ART.rollator);
    expect(impact.ok && impact.result.openOrders).toEqual({ orders: 2, lines: 2, orderNos: [first, second] });
  });

  it('given more open orders than are listed, then the count covers all and the list stops at the limit', () => {
    const state = orderState();
    for (let i = 0; i < ARTICLE_IMPACT_ORDERS_SHOWN + 2; i++)
      run(state, place({ lines: [{ artNo: ART.basket, quantity: 1 }] }));
    const impact = articleImpact(state, ART.basket);
    expect(impact.ok && impact.result.openOrders.orders).toBe(ARTICLE_IMPACT_ORDERS_SHOWN + 2);
    expect(impact.ok && impact.result.openOrders.orderNos.length).toBe(ARTICLE_IMPACT_ORDERS_SHOWN);
  });

  it('given two backorders of the outgoing bag, then backorderLines is 2', () => {
    const state = orderState();
    run(state, place({ lines: [{ artNo: ART.outgoing, quantity: 1 }] }));
    run(state, place({ userId: 'ot2', lines: [{ artNo: ART.outgoing, quantity: 1 }] }));
    const impact = articleImpact(state, ART.outgoing);
    expect(impact.ok && impact.result.backorderLines).toBe(2);
    expect(impact.ok && impact.result.openOrders.orders).toBe(2);
  });

  it('given a rollator held by a patient, then one holder is counted and no person is named', () => {
    const state = orderState();
    const impact = articleImpact(state, ART.rollator);
    expect(impact.ok && [impact.result.heldByPatients, impact.result.heldByCareUnits]).toEqual([1, 0]);
    const text = JSON.stringify(impact);
    expect(text).not.toContain(PNR.resident);
    expect(text).not.toContain('Karlsson');
  });

  it('given a unit delivered to a care unit, then it counts as held by a care unit', () => {
    const state = orderState();
    state.individuals.set(70001, {
      indNo: 70001,
      artNo: ART.rollator,
      location: { kind: 'careUnit', customerNo: '130001' },
    });
    const impact = articleImpact(state, ART.rollator);
    expect(impact.ok && [impact.result.heldByPatients, impact.result.heldByCareUnits]).toEqual([1, 1]);
  });

  it('given the bed names the mattress and 100002 is replaced by 100001, then the referrers are listed by kind', () => {
    const state = orderState();
    run(state, upsert(article('100200', { name: 'Rollatorkorg-set', accessories: [ART.mattress] })));
    const mattress = articleImpact(state, ART.mattress);
    expect(mattress.ok && mattress.result.setPartOf).toEqual({
      count: 1,
      articles: [{ artNo: ART.bed, name: 'Säng Etude' }],
    });
    expect(mattress.ok && mattress.result.accessoryOf.articles.map((a) => a.artNo)).toEqual(['100200']);
    const rollator = articleImpact(state, ART.rollator);
    expect(rollator.ok && rollator.result.replacementFor.articles.map((a) => a.artNo)).toEqual([ART.rollatorOld]);
  });
});
