// register.search pages with offset/limit: `total` counts every match, pages are disjoint and in register order, and
// the schema bounds how deep a caller may page.
import { describe, expect, it } from 'vitest';
import { searchRegister } from '../engine/core/register-queries.ts';
import type { State } from '../engine/core/state.ts';
import { REGISTER_OFFSET_MAX } from '../schemas/limits.ts';
import { OPS } from '../schemas/ops.ts';
import { orderState, PNR, T0 } from './helpers/order-fixture.ts';

const EXTRA = 25;

/** The fixture plus 25 more Karlssons (the fixture has 3), so a search for "Karlsson" has 28 matches. */
function world(): State {
  const state = orderState();
  const anna = state.persons.get(PNR.resident)!;
  for (let i = 0; i < EXTRA; i++) {
    const pnr = `1950010${String(1000 + i).padStart(5, '0')}`;
    state.persons.set(pnr, { ...anna, pnr, givenName: `Person${String(i).padStart(2, '0')}` });
  }
  return state;
}

function page(state: State, offset: number, limit = 10) {
  const out = searchRegister(state, OPS['register.search'].args.parse({ text: 'Karlsson', offset, limit }), T0);
  if (!out.ok) throw new Error('search failed');
  return out.result;
}

describe('register.search paging', () => {
  it('given 28 matches, when paged by 10, then total is 28 and the pages are disjoint and cover every match in order', () => {
    const state = world();
    const all = page(state, 0, 100);
    expect(all.total).toBe(EXTRA + 3);
    const pages = [page(state, 0), page(state, 10), page(state, 20)];
    expect(pages.map((p) => p.total)).toEqual([28, 28, 28]);
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 8]);
    expect(pages.flatMap((p) => p.hits.map((h) => h.pnr))).toEqual(all.hits.map((h) => h.pnr));
  });

  it('given an offset past the end, then no hits but the same total', () => {
    const result = page(world(), 40);
    expect(result).toEqual({ total: 28, hits: [] });
  });

  it('given an exact personnummer, then offset pages that single hit too', () => {
    const state = world();
    const text = PNR.resident;
    const first = searchRegister(state, OPS['register.search'].args.parse({ text }), T0);
    const second = searchRegister(state, OPS['register.search'].args.parse({ text, offset: 1 }), T0);
    expect(first.ok && first.result.hits.length).toBe(1);
    expect(second.ok && second.result).toEqual({ total: 1, hits: [] });
  });

  it('the schema defaults offset to 0 and refuses one beyond REGISTER_OFFSET_MAX', () => {
    const args = OPS['register.search'].args;
    expect(args.parse({ text: 'Karlsson' }).offset).toBe(0);
    expect(args.safeParse({ text: 'Karlsson', offset: REGISTER_OFFSET_MAX }).success).toBe(true);
    expect(args.safeParse({ text: 'Karlsson', offset: REGISTER_OFFSET_MAX + 1 }).success).toBe(false);
    expect(args.safeParse({ text: 'Karlsson', offset: -1 }).success).toBe(false);
  });
});
