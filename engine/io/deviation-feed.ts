// Live pushes of deviation reports (issue 15, desk): each written deviation row goes to the staff desk topic and to
// its reporter's own topic, as `{ type: "deviation", seq, deviationNo, status }` — no patient data in a push (the
// screen reads the report again with deviation.get or deviation.list, which are access-logged).
import type { Deviation } from '../../schemas/deviations.ts';
import type { JournalEntry } from '../../schemas/events.ts';
import type { RowWrite } from '../store/store.ts';
import type { FeedPush } from './order-feed.ts';
import { DEVIATIONS_TOPIC, deviationsTopicOf } from './topic-access.ts';

export function deviationPushes(
  entry: JournalEntry,
  rows: readonly RowWrite[],
  listened: (topic: string) => boolean,
): FeedPush[] {
  const pushes: FeedPush[] = [];
  for (const row of rows) {
    if (row.table !== 'deviations') continue;
    const deviation = row.value as Deviation;
    const event = { type: 'deviation', seq: entry.seq, deviationNo: deviation.deviationNo, status: deviation.status };
    for (const topic of [DEVIATIONS_TOPIC, deviationsTopicOf(deviation.reporterId)])
      if (listened(topic)) pushes.push({ topic, event });
  }
  return pushes;
}
