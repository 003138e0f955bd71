// Issue 15, recalls: one push on the staff topic `recalls` per committed command that created, progressed or closed a
// recall (the recall screen re-reads its list or page). Taken from the entry's events, not its rows: a progress batch
// writes up to 500 rows and still pushes once.
import type { JournalEntry } from '../../schemas/events.ts';
import { RECALLS_TOPIC } from './topic-access.ts';

export function recallPushOf(
  entry: JournalEntry,
  listened: (topic: string) => boolean,
): { topic: string; event: { type: 'recall'; seq: number; recallNo: number } } | null {
  for (const event of entry.events) {
    let recallNo: number | null = null;
    if (event.type === 'recall.created') recallNo = event.recall.recallNo;
    else if (event.type === 'recall.progressSet' || event.type === 'recall.closed') recallNo = event.recallNo;
    if (recallNo === null) continue;
    if (!listened(RECALLS_TOPIC)) return null;
    return { topic: RECALLS_TOPIC, event: { type: 'recall', seq: entry.seq, recallNo } };
  }
  return null;
}
