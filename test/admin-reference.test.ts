// Reference data an admin keeps (issue 14, part 2), given / when / then in the core: replacement links and the
// chain view, ISO 9999 titles, suppliers; every rejection in order, and the derived indexes a restart rebuilds.
import { describe, expect, it } from 'vitest';
import { replacementChain, replacementCheck } from '../engine/core/articles/replacement-chain.ts';
import { catalogSearch } from '../engine/core/catalog-search.ts';
import type { Command } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { proposeReplacement } from '../engine/core/orders/replacement.ts';
import { listSuppliers } from '../engine/core/reference/queries.ts';
import { type State, TABLE_NAMES, type Tables } from '../engine/core/state.ts';
import { OPS } from '../schemas/ops.ts';
import { REPLACEMENT_HOPS_MAX } from '../schemas/limits.ts';
import { article } from './helpers/fixture.ts';
import { ART, codeOf, firstEvent, orderState, run } from './helpers/order-fixture.ts';

const replace = (artNo: string, replacedBy: string | null): Command => ({
  type: 'replacement.set',
  userId: 'admin',
  artNo,
  replacedBy,
});
const isoTitle = (code: string, titleSv: string): Command => ({ type: 'iso.setTitle', userId: 'admin', code, titleSv });
const supplier = (id: string, name: string, expectNew?: boolean): Command => ({
  type: 'supplier.upsert',
  userId: 'admin',
  supplier: { id, name, url: null, country: 'Sverige' },
  ...(expectNew === undefined ? {} : { expectNew }),
});

function chainOf(state: State, artNo: string) {
  const result = replacementChain(state, 'ot', OPS['catalog.replacementChain'].args.parse({ artNo }));
  if (!result.ok) throw new Error(result.message);
  return result.result;
}

function checkOf(state: State, artNo: string, replacedBy: string | null) {
  const result = replacementCheck(state, { artNo, replacedBy });
  if (!result.ok) throw new Error(result.message);
  return result.result;
}

function searchArtNos(state: State, text: string): string[] {
  const args = OPS['catalog.search'].args.parse({ text, includeDiscontinued: true, limit: 100 });
  const result = catalogSearch(state, null, args);
  if (!result.ok) throw new Error(result.message);
  return result.result.hits.map((hit) => hit.artNo).sort();
}

/** The indexes a restart would build from the tables must equal the ones apply kept. */
function expectIndexesRebuilt(state: State): void {
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, state[name]])) as unknown as Tables;
  const rebuilt = stateFromTables(tables, state.seq);
  expect(rebuilt.predecessorsOf).toEqual(state.predecessorsOf);
  expect(rebuilt.articlesBySupplier).toEqual(state.articlesBySupplier);
}

describe('catalog.replacementChain', () => {
  it('given futura → 100002 → 100001, when the middle is viewed, then both directions with stock per warehouse', () => {
    const state = orderState();
    const chain = chainOf(state, ART.rollatorOld);
    expect(chain.predecessors.map((hop) => [hop.artNo, hop.hops])).toEqual([[ART.futura, -1]]);
    expect(chain.successors.map((hop) => [hop.artNo, hop.hops, hop.status])).toEqual([[ART.rollator, 1, 'active']]);
    const rollator = chain.successors[0];
    expect(rollator.available).toBe(rollator.stock.find((row) => row.warehouse === '10')?.available);
    expect(rollator.totalAvailable).toBe(rollator.stock.reduce((sum, row) => sum + row.available, 0));
  });

  it('given the chain, when its end is viewed, then every article it replaces, nearest first', () => {
    const state = orderState();
    const chain = chainOf(state, ART.rollator);
    expect(chain.predecessors.map((hop) => [hop.artNo, hop.hops])).toEqual([
      [ART.rollatorOld, -1],
      [ART.futura, -2],
    ]);
    expect(chain.successors).toEqual([]);
  });

  it('given futura without stock, when viewed, then each profession gets what planLine would propose', () => {
    const state = orderState();
    const chain = chainOf(state, ART.futura);
    const ot = chain.proposals.find((p) => p.profession === 'ot')!;
    const expected = proposeReplacement(state, '10', ART.futura, 1, 'ot', new Map());
    expect(ot).toEqual({ profession: 'ot', outcome: 'proposal', artNo: expected!.artNo, hops: expected!.hops });
    expect(chain.proposals[0].profession).toBe('ot');
    expect(chainOf(state, ART.rollator).proposals.find((p) => p.profession === 'ot')?.outcome).toBe('available');
    const slp = chain.proposals.find((p) => p.profession === 'slp');
    expect(slp?.outcome).toBe('forbidden'); // speech therapists do not prescribe rollators
  });

  it('given an unknown article, when viewed, then not_found', () => {
    const result = replacementChain(orderState(), 'ot', { artNo: '999999' });
    expect(codeOf(result)).toBe('not_found');
  });
});

describe('replacement.set', () => {
  it('given the basket without a link, when replaced by the rollator, then article.upserted with before', () => {
    const state = orderState();
    const decision = run(state, replace(ART.basket, ART.rollator));
    const event = firstEvent(decision, 'article.upserted');
    expect(event.before?.replacedBy).toBeNull();
    expect(event.article).toEqual({ ...event.before, replacedBy: ART.rollator });
    expect(state.articles.get(ART.basket)?.replacedBy).toBe(ART.rollator);
    expect(state.predecessorsOf.get(ART.rollator)).toEqual([ART.rollatorOld, ART.basket].sort());
    expectIndexesRebuilt(state);
  });

  it('given 100002 → 100001, when the link is cleared, then the chain from futura ends at 100002', () => {
    const state = orderState();
    expect(run(state, replace(ART.rollatorOld, null)).ok).toBe(true);
    expect(state.predecessorsOf.has(ART.rollator)).toBe(false);
    expect(chainOf(state, ART.futura).successors.map((hop) => hop.artNo)).toEqual([ART.rollatorOld]);
    expectIndexesRebuilt(state);
  });

  // Every rejection in the order the checks run; the screen's check query says the same before anything is saved.
  const refusals: Array<[string, string, string | null, string]> = [
    ['an unknown article', '999999', ART.rollator, 'unknown_article'],
    ['an unknown replacement', ART.basket, '999998', 'unknown_article'],
    ['itself', ART.rollator, ART.rollator, 'replacement_cycle'],
    ['a link back into its own chain', ART.rollator, ART.futura, 'replacement_cycle'],
  ];
  for (const [what, artNo, replacedBy, code] of refusals) {
    it(`given the chain, when linking ${what}, then ${code} and the check query agrees`, () => {
      const state = orderState();
      const before = state.articles.get(artNo);
      expect(checkOf(state, artNo, replacedBy)).toMatchObject({ allowed: false, code });
      expect(codeOf(run(state, replace(artNo, replacedBy)))).toBe(code);
      expect(state.articles.get(artNo)).toBe(before);
    });
  }

  it('given a chain of REPLACEMENT_HOPS_MAX + 1 hops, when one more points at its head, then replacement_too_long', () => {
    const state = orderState();
    let previous: string | null = null;
    for (let i = 0; i <= REPLACEMENT_HOPS_MAX; i++) {
      const artNo = String(300000 + i);
      expect(run(state, { type: 'article.upsert', userId: 'admin', article: article(artNo) }).ok).toBe(true);
      if (previous !== null) expect(run(state, replace(artNo, previous)).ok).toBe(true);
      previous = artNo;
    }
    const check = checkOf(state, ART.basket, previous);
    expect(check).toMatchObject({ allowed: false, code: 'replacement_too_long' });
    expect(check.message).toContain(`${REPLACEMENT_HOPS_MAX} steg`);
    expect(codeOf(run(state, replace(ART.basket, previous)))).toBe('replacement_too_long');
    expect(checkOf(state, ART.basket, '300001')).toMatchObject({ allowed: true });
  });

  it('given an allowed link, when checked, then allowed with the chain it would give and nothing saved', () => {
    const state = orderState();
    expect(checkOf(state, ART.basket, ART.rollatorOld)).toEqual({
      allowed: true,
      chain: [ART.basket, ART.rollatorOld, ART.rollator],
    });
    expect(state.articles.get(ART.basket)?.replacedBy).toBeNull();
  });
});

describe('iso.setTitle', () => {
  it('given Rollatorer, when retitled, then the node, the event before and search see the new title', () => {
    const state = orderState();
    const event = firstEvent(run(state, isoTitle('12 06 06', 'Xylorollatorer')), 'iso.titleSet');
    expect(event.before.titleSv).toBe('Rollatorer');
    expect(event.node).toEqual({ ...event.before, titleSv: 'Xylorollatorer' });
    expect(state.iso.get('12 06 06')?.titleSv).toBe('Xylorollatorer');
    const under = [...state.articlesByIso.get('12 06 06')!].sort();
    expect(searchArtNos(state, 'xylorollatorer')).toEqual(under);
  });

  it('given a class, when retitled, then every article under it is found by the new title', () => {
    const state = orderState();
    expect(searchArtNos(state, 'kvastskaft')).toEqual([]);
    expect(run(state, isoTitle('12', 'Kvastskaft')).ok).toBe(true);
    const under = [...state.articles.values()].filter((a) => a.isoCode.startsWith('12')).map((a) => a.artNo);
    expect(searchArtNos(state, 'kvastskaft')).toEqual(under.sort());
  });

  it('given the tree, when an unknown code is retitled, then not_found', () => {
    expect(codeOf(run(orderState(), isoTitle('12 99', 'Nytt')))).toBe('not_found');
  });
});

describe('supplier.upsert', () => {
  it('given no supplier abc, when created, then before is null and it is listed with 0 articles', () => {
    const state = orderState();
    const event = firstEvent(run(state, supplier('abc', 'Abc Medical', true)), 'supplier.upserted');
    expect(event.before).toBeNull();
    const list = listSuppliers(state);
    expect(list.ok && list.result.suppliers.find((s) => s.id === 'abc')?.articleCount).toBe(0);
  });

  it('given etac, when created again, then supplier_exists; when a missing one is edited, then not_found', () => {
    const state = orderState();
    expect(codeOf(run(state, supplier('etac', 'Etac 2', true)))).toBe('supplier_exists');
    expect(state.suppliers.get('etac')?.name).toBe('Etac');
    expect(codeOf(run(state, supplier('nobody', 'Ingen', false)))).toBe('not_found');
    expect(state.suppliers.has('nobody')).toBe(false);
  });

  it('given etac, when renamed, then its articles are found by the new name and counted under it', () => {
    const state = orderState();
    const etac = [...state.articles.values()].filter((a) => a.supplierId === 'etac').map((a) => a.artNo);
    const event = firstEvent(run(state, supplier('etac', 'Zorbamedic', false)), 'supplier.upserted');
    expect(event.before?.name).toBe('Etac');
    expect(searchArtNos(state, 'zorbamedic')).toEqual(etac.sort());
    const list = listSuppliers(state);
    expect(list.ok && list.result.suppliers.find((s) => s.id === 'etac')?.articleCount).toBe(etac.length);
  });

  it('given an article, when moved to another supplier, then both counts follow', () => {
    const state = orderState();
    const moved = { ...state.articles.get(ART.basket)!, supplierId: 'invacare' };
    const before = state.articlesBySupplier.get('invacare')?.size ?? 0;
    expect(run(state, { type: 'article.upsert', userId: 'admin', article: moved }).ok).toBe(true);
    expect(state.articlesBySupplier.get('invacare')?.size).toBe(before + 1);
    expectIndexesRebuilt(state);
  });
});

describe('schemas', () => {
  const accepts = (op: keyof typeof OPS, args: unknown) => OPS[op].args.safeParse(args).success;

  it('admin.isoTitleSet trims the title and refuses blank, too long or a malformed code', () => {
    expect(OPS['admin.isoTitleSet'].args.parse({ code: '12 06', titleSv: '  Gåbord ' }).titleSv).toBe('Gåbord');
    expect(accepts('admin.isoTitleSet', { code: '12 06', titleSv: '   ' })).toBe(false);
    expect(accepts('admin.isoTitleSet', { code: '12 06', titleSv: 'x'.repeat(201) })).toBe(false);
    expect(accepts('admin.isoTitleSet', { code: '1206', titleSv: 'Gåbord' })).toBe(false);
  });

  it('admin.supplierUpsert refuses a blank name, a bad id or url, and unknown keys', () => {
    const supplier = { id: 'abc', name: 'Abc', url: null, country: '' };
    expect(accepts('admin.supplierUpsert', { supplier, expectNew: true })).toBe(true);
    expect(accepts('admin.supplierUpsert', { supplier: { ...supplier, name: '  ' } })).toBe(false);
    expect(accepts('admin.supplierUpsert', { supplier: { ...supplier, id: 'A B' } })).toBe(false);
    expect(accepts('admin.supplierUpsert', { supplier: { ...supplier, url: 'ftp://x' } })).toBe(false);
    expect(accepts('admin.supplierUpsert', { supplier, other: 1 })).toBe(false);
  });

  it('admin.replacementSet takes an article number or null', () => {
    expect(accepts('admin.replacementSet', { artNo: '100001', replacedBy: null })).toBe(true);
    expect(accepts('admin.replacementSet', { artNo: '100001', replacedBy: '100002' })).toBe(true);
    expect(accepts('admin.replacementSet', { artNo: '100001' })).toBe(false);
    expect(accepts('admin.replacementSet', { artNo: '100001', replacedBy: '1000' })).toBe(false);
  });
});
