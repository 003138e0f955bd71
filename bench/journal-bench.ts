// Issue 14's journal reads in the benchmark: before the clock, one article gets JOURNAL_CHANGES stock changes (and
// the change log as many entries, plus minimum-level changes by the admin), then every page cursor of its ledger and
// of the change log is collected, so the `stock.ledger` and `admin.changeLog` workloads read pages at every depth,
// not only the first (a journal scan would show as deep pages costing more).
import { BenchClient } from './engine-client.ts';
import { type BenchJournal, MAIN_WAREHOUSE } from './workloads.ts';

/** Stock changes of the ledger's article (the "an article with 10 000 changes"). */
export const JOURNAL_CHANGES = 10_000;
/** Adjustments in flight while filling: enough to share group commits, so filling takes seconds. */
const FILL_IN_FLIGHT = 64;
/** Minimum-level changes by the admin, so the change log has more than one entity kind and user. */
const MIN_LEVEL_CHANGES = 200;
/** The portal's page size for both. */
export const JOURNAL_PAGE_LIMIT = 50;

/** Runs `count` calls of `make(i)`, `inFlight` at a time. */
async function pipelined(count: number, inFlight: number, make: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await make(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

async function cursors(
  client: BenchClient,
  op: string,
  args: Record<string, unknown>,
): Promise<Array<string | undefined>> {
  const found: Array<string | undefined> = [undefined];
  for (;;) {
    const cursor = found[found.length - 1];
    const page = await client.call<{ next: string | null }>(op, {
      ...args,
      limit: JOURNAL_PAGE_LIMIT,
      ...(cursor ? { cursor } : {}),
    });
    if (page.next === null) return found;
    found.push(page.next);
  }
}

/** Fills the journal for `artNo` as `adminToken`'s session (an admin is staff too) and collects the page cursors. */
export async function prepareJournal(
  url: string,
  adminToken: string,
  artNo: string,
  changes = JOURNAL_CHANGES,
): Promise<BenchJournal> {
  const client = await BenchClient.connect(url);
  try {
    await client.call('session.resume', { token: adminToken });
    // +1 received, then −1 counted away: the balance stays where it was, and no change is ever refused.
    await pipelined(changes, FILL_IN_FLIGHT, (i) =>
      client.call('admin.stockAdjust', {
        warehouse: MAIN_WAREHOUSE,
        artNo,
        delta: i % 2 === 0 ? 1 : -1,
        reason: i % 2 === 0 ? 'received' : 'inventory',
      }),
    );
    for (let i = 0; i < Math.min(MIN_LEVEL_CHANGES, changes); i++) {
      await client.call('admin.stockMinSet', { warehouse: MAIN_WAREHOUSE, artNo, minLevel: i % 7 });
    }
    const ledgerCursors = await cursors(client, 'stock.ledger', { artNo });
    const unfiltered = await cursors(client, 'admin.changeLog', {});
    const byEntity = await cursors(client, 'admin.changeLog', { entityKind: 'stock', entityId: artNo });
    const byUser = await cursors(client, 'admin.changeLog', { userId: 'admin' });
    const changeLogArgs = [
      ...unfiltered.map((cursor) => (cursor ? { cursor } : {})),
      ...byEntity.map((cursor) => ({ entityKind: 'stock', entityId: artNo, ...(cursor ? { cursor } : {}) })),
      ...byUser.map((cursor) => ({ userId: 'admin', ...(cursor ? { cursor } : {}) })),
    ];
    return { artNo, ledgerCursors, changeLogArgs };
  } finally {
    await client.close();
  }
}
