// The stock ledger the history bench pages: the history seed writes rows, not journal entries, so no article has a
// ledger until commands make one. As the quick bench does (journal-bench.ts), one article gets JOURNAL_CHANGES
// changes before the clock — but only once per data dir: a reused data dir keeps the changes of the first run.
import { STOCK_LEDGER_PAGE_MAX } from '../../schemas/limits.ts';
import { BenchClient } from '../engine-client.ts';
import { JOURNAL_CHANGES, prepareJournal } from '../journal-bench.ts';
import type { BenchJournal } from '../workloads.ts';

/** Ledger lines of `artNo`, counted up to `atLeast` (large pages; stops early). */
async function ledgerLines(url: string, staffToken: string, artNo: string, atLeast: number): Promise<number> {
  const client = await BenchClient.connect(url);
  try {
    await client.call('session.resume', { token: staffToken });
    let lines = 0;
    let cursor: string | null = null;
    do {
      const page: { lines: unknown[]; next: string | null } = await client.call('stock.ledger', {
        artNo,
        limit: STOCK_LEDGER_PAGE_MAX,
        ...(cursor === null ? {} : { cursor }),
      });
      lines += page.lines.length;
      cursor = page.next;
    } while (cursor !== null && lines < atLeast);
    return lines;
  } finally {
    await client.close();
  }
}

/** The article's ledger with at least JOURNAL_CHANGES lines (filled if short), and its page cursors. */
export async function prepareLedger(url: string, adminToken: string, artNo: string): Promise<BenchJournal> {
  const lines = await ledgerLines(url, adminToken, artNo, JOURNAL_CHANGES);
  return prepareJournal(url, adminToken, artNo, lines >= JOURNAL_CHANGES ? 0 : JOURNAL_CHANGES);
}
