// One access-log contract, run against the memory and the LMDB store's log: ids, periods, paging, indexes, reviews,
// durability across reopening, and no way to edit or delete an entry.
import { describe, expect, it } from 'vitest';
import type { NewAccessEntry } from '../schemas/access-log.ts';
import type { Store } from '../engine/store/store.ts';
import type { StoreFactory } from './store-contract.ts';

const PNR_A = '194001011234';
const PNR_B = '195002022345';

export function look(timeMs: number, pnr: string, userId = 'ot1'): NewAccessEntry {
  return {
    timeMs,
    userId,
    userName: userId === 'ot1' ? 'Anna Bergström' : 'Johan Mårtensson',
    workplaceId: 'rehab-halmstad',
    workplaceName: 'Rehab Halmstad',
    pnr,
    action: 'patient.get',
    shown: { kind: 'person', no: null },
  };
}

async function withEntries(factory: StoreFactory): Promise<Store> {
  const store = factory.create();
  await store.accessLog.append([look(10, PNR_A), look(20, PNR_B), look(20, PNR_A, 'pt1')]);
  await store.accessLog.append([look(30, PNR_A), look(5, PNR_A)]);
  return store;
}

export function accessLogContract(name: string, factory: StoreFactory): void {
  describe(`access log contract: ${name}`, () => {
    it('gives monotonic ids that go on after reopening, and keeps every field', async () => {
      let store = await withEntries(factory);
      expect(store.accessLog.count()).toBe(5);
      store = await factory.reopen(store);
      expect(store.accessLog.get(3)).toEqual({ ...look(20, PNR_A, 'pt1'), id: 3 });
      await store.accessLog.append([look(40, PNR_B)]);
      expect(store.accessLog.count()).toBe(6);
      expect(store.accessLog.get(6)!.timeMs).toBe(40);
      expect(store.accessLog.get(7)).toBeUndefined();
      await store.close();
    });

    it('keeps the stream position written with entries and reviews (issue 17), across reopening', async () => {
      let store = await withEntries(factory);
      expect(store.accessLog.position()).toBe(0); // written without a stream
      await store.accessLog.append([look(50, PNR_A)], 7);
      expect(store.accessLog.position()).toBe(7);
      await store.accessLog.addReview(
        { entryId: 6, reviewerId: 'log1', reviewerName: 'Granskare', timeMs: 60, comment: '' },
        8,
      );
      store = await factory.reopen(store);
      expect(store.accessLog.position()).toBe(8);
      expect(store.accessLog.get(6)!.timeMs).toBe(50);
      await store.close();
    });

    it("a patient's extract: only that patient, in time order, the period half-open", async () => {
      const store = await withEntries(factory);
      const page = store.accessLog.byPatient(PNR_A, { fromMs: 5, toMs: 30, limit: 10 });
      expect(page.entries.map((e) => [e.timeMs, e.id])).toEqual([
        [5, 5],
        [10, 1],
        [20, 3],
      ]);
      expect(page.next).toBeNull();
      expect(store.accessLog.byPatient(PNR_B, { fromMs: 0, toMs: 100, limit: 10 }).entries.map((e) => e.id)).toEqual([
        2,
      ]);
      expect(store.accessLog.byPatient('190001010000', { fromMs: 0, toMs: 100, limit: 10 }).entries).toEqual([]);
      await store.close();
    });

    it('pages with the cursor until the last page, without gaps or repeats', async () => {
      const store = await withEntries(factory);
      const ids: number[] = [];
      let after: string | undefined;
      for (let i = 0; i < 5; i++) {
        const page = store.accessLog.byPatient(PNR_A, { fromMs: 0, toMs: 100, limit: 2, after });
        ids.push(...page.entries.map((e) => e.id));
        if (page.next === null) break;
        after = page.next;
      }
      expect(ids).toEqual([5, 1, 3, 4]);
      await store.close();
    });

    it("a user's accesses and the period's population come from their own indexes", async () => {
      const store = await withEntries(factory);
      expect(store.accessLog.byUser('ot1', { fromMs: 0, toMs: 100, limit: 10 }).entries.map((e) => e.id)).toEqual([
        5, 1, 2, 4,
      ]);
      expect(store.accessLog.byUser('pt1', { fromMs: 0, toMs: 20, limit: 10 }).entries).toEqual([]);
      expect(store.accessLog.idsInPeriod(10, 30)).toEqual([1, 2, 3]);
      // A reviewer's own read of the log is not a care access: it stays out of the spot check's population.
      await store.accessLog.append([{ ...look(15, PNR_A, 'log1'), shown: { kind: 'accessLog', no: 1 } }]);
      expect(store.accessLog.idsInPeriod(10, 30)).toEqual([1, 2, 3]);
      expect(store.accessLog.byUser('log1', { fromMs: 0, toMs: 100, limit: 10 }).entries.map((e) => e.id)).toEqual([6]);
      await store.close();
    });

    it('keeps every review of an entry (two in one turn too), also after reopening', async () => {
      let store = await withEntries(factory);
      const mark = (comment: string) => ({
        entryId: 2,
        reviewerId: 'log1',
        reviewerName: 'Lena Granström',
        timeMs: 50,
        comment,
      });
      await Promise.all([store.accessLog.addReview(mark('ok')), store.accessLog.addReview(mark('följs upp'))]);
      store = await factory.reopen(store);
      expect(store.accessLog.reviewsOf(2).map((r) => r.comment)).toEqual(['ok', 'följs upp']);
      expect(store.accessLog.reviewsOf(1)).toEqual([]);
      await store.close();
    });

    it('has no way to edit or delete an entry', async () => {
      const store = factory.create();
      const proto = Object.getPrototypeOf(store.accessLog) as object;
      const methods = Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor' && !n.startsWith('page'));
      expect(methods.sort()).toEqual(
        ['addReview', 'append', 'byPatient', 'byUser', 'count', 'get', 'idsInPeriod', 'position', 'reviewsOf'].sort(),
      );
      await store.close();
    });
  });
}
