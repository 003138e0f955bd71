// HMC news in the core, given / when / then: publish, list newest first, withdraw; the edge's limits.
import { describe, expect, it } from 'vitest';
import { listNews } from '../engine/core/news/queries.ts';
import { OPS } from '../schemas/ops.ts';
import { codeOf, orderState, run, T0 } from './helpers/order-fixture.ts';

describe('HMC news', () => {
  it('given two published items, then the list has the newest first; a withdrawn one is gone, and cannot be withdrawn twice', () => {
    const state = orderState();
    expect(
      run(state, { type: 'news.publish', userId: 'hmc1', title: 'Inventering', text: 'Lagret är stängt fredag.' }).ok,
    ).toBe(true);
    expect(
      run(state, { type: 'news.publish', userId: 'hmc1', title: 'Ny katalog', text: 'Nya sängar.' }, T0 + 1000).ok,
    ).toBe(true);
    const titles = () => {
      const r = listNews(state, 10);
      return r.ok ? r.result.news.map((n) => n.title) : [];
    };
    expect(titles()).toEqual(['Ny katalog', 'Inventering']);
    expect(run(state, { type: 'news.delete', userId: 'hmc1', newsNo: 1 }).ok).toBe(true);
    expect(titles()).toEqual(['Ny katalog']);
    expect(state.news.get(1)!.deletedMs).toBe(T0);
    expect(codeOf(run(state, { type: 'news.delete', userId: 'hmc1', newsNo: 1 }))).toBe('not_found');
    expect(run(state, { type: 'news.publish', userId: 'hmc1', title: 'Tredje', text: 'x' }).ok).toBe(true);
    expect(state.news.get(3)!.title).toBe('Tredje');
  });

  it('refuses at the edge an empty title, an over-long text, and prescribers publishing', () => {
    const args = OPS['admin.newsPublish'].args;
    expect(args.safeParse({ title: 'Rubrik', text: 'Text' }).success).toBe(true);
    expect(args.safeParse({ title: '  ', text: 'Text' }).success).toBe(false);
    expect(args.safeParse({ title: 'Rubrik', text: 'x'.repeat(1001) }).success).toBe(false);
    expect(OPS['admin.newsPublish'].roles).not.toContain('prescriber');
  });
});
