// Pushes after commit: every stock row a command wrote goes to `stock/<artNo>`, order events to the order feed's
// topics, pickup rows to the staff topic `pickups`, article rows to `articles`. One encode per encoding; uWS fans the
// bytes out to every subscriber within its backpressure limit.
// Nothing is built for a topic without subscribers (most topics, most of the time, under write load).
// Contract: pushes go out only after the entry is durable (engine.onCommitted), so no client sees a change that a
// crash could undo. `app.publish` copies the bytes to every subscriber; uWS closes a subscriber past its backpressure
// limit (closeOnBackpressureLimit, server.ts), so no client misses pushes silently. Every push carries `seq`.
import type { JournalEntry } from '../../schemas/events.ts';
import type { Engine } from '../engine.ts';
import type { RowWrite } from '../store/store.ts';
import { encodeFrame, type Encoding } from './codec.ts';
import { wireTopic } from './connection.ts';
import type { Metrics } from './metrics.ts';
import { OrderFeed } from './order-feed.ts';
import { articleView } from '../core/articles/queries.ts';
import type { Article } from '../../schemas/entities.ts';
import { ARTICLES_TOPIC, ORDERS_TOPIC, PICKUPS_TOPIC } from './topic-access.ts';
// Issue 15, desk:
import { deviationPushes } from './deviation-feed.ts';
// Issue 15, loans:
import { LOANS_TOPIC } from './topic-access.ts';
// Issue 15, recalls:
import { recallPushOf } from './recall-push.ts';
// Issue 15, returns:
import { RETURNS_TOPIC } from './topic-access.ts';

type App = import('uWebSockets.js').TemplatedApp;

const ENCODINGS: readonly Encoding[] = ['msgpack', 'json'];
/** Topics whose wire names are kept (asked for per written row: no two strings per row); cleared when full. */
const WIRE_NAMES_CACHED_MAX = 4_096;

export function publishCommits(app: App, engine: Engine, metrics: Metrics): void {
  const wireNames = new Map<string, readonly string[]>();
  const wireNamesOf = (topic: string): readonly string[] => {
    let names = wireNames.get(topic);
    if (names === undefined) {
      if (wireNames.size >= WIRE_NAMES_CACHED_MAX) wireNames.clear();
      names = ENCODINGS.map((encoding) => wireTopic(topic, encoding));
      wireNames.set(topic, names);
    }
    return names;
  };
  const listened = (topic: string): boolean => {
    for (const wire of wireNamesOf(topic)) if (app.numSubscribers(wire) > 0) return true;
    return false;
  };
  const publish = (topic: string, event: unknown) => {
    for (const encoding of ENCODINGS) {
      const wire = wireTopic(topic, encoding);
      const subscribers = app.numSubscribers(wire);
      if (subscribers === 0) continue;
      app.publish(wire, encodeFrame({ topic, event }, encoding), encoding === 'msgpack');
      metrics.pushes += subscribers;
    }
  };
  const publishSetting = (seq: number, setting: { key: string; value: number }) => {
    const event = { type: 'setting', seq, key: setting.key, value: setting.value };
    for (const topic of [ORDERS_TOPIC, PICKUPS_TOPIC]) if (listened(topic)) publish(topic, event);
  };
  const orderFeed = new OrderFeed(engine.state);
  let scheduled = false;
  // The entries of one group commit become durable together and their listeners run in one go of microtasks; the
  // next tick comes after all of them, so the order feed publishes once per commit (as the reply batch answers).
  const flushFeed = () => {
    scheduled = false;
    for (const push of orderFeed.take()) publish(push.topic, push.event);
  };
  engine.onCommitted((entry: JournalEntry, rows: readonly RowWrite[]) => {
    for (const row of rows) {
      if (row.table === 'pickups' && listened(PICKUPS_TOPIC)) {
        const pickup = row.value as { pickupNo: number; status: string };
        publish(PICKUPS_TOPIC, { type: 'pickup', seq: entry.seq, pickupNo: pickup.pickupNo, status: pickup.status });
      }
      if (row.table === 'articles' && listened(ARTICLES_TOPIC)) {
        const article = articleView(engine.state, row.value as Article, null);
        publish(ARTICLES_TOPIC, { type: 'article', seq: entry.seq, article });
      }
      // Issue 14, HMC oversight: a changed threshold, so open staff lists re-read their ages and flags.
      if (row.table === 'settings') publishSetting(entry.seq, row.value as { key: string; value: number });
      // Issue 15, loans: a changed loan, by number only, so open loan lists read their rows again.
      if (row.table === 'loans' && listened(LOANS_TOPIC))
        publish(LOANS_TOPIC, { type: 'loan', seq: entry.seq, loanNo: (row.value as { loanNo: number }).loanNo });
      // Issue 15, returns: a sent-back return registered or received, for the staff list Returer från förråd.
      if (row.table === 'returns' && listened(RETURNS_TOPIC)) {
        const record = row.value as { returnNo: number; status: string; disposition: string };
        if (record.disposition === 'sendBack')
          publish(RETURNS_TOPIC, { type: 'return', seq: entry.seq, returnNo: record.returnNo, status: record.status });
      }
      if (row.table !== 'stock') continue;
      const stock = row.value as { warehouse: string; artNo: string; onHand: number; reserved: number };
      const topic = `stock/${stock.artNo}`;
      if (listened(topic))
        publish(topic, { type: 'stock', seq: entry.seq, ...stock, available: stock.onHand - stock.reserved });
    }
    // Issue 15, recalls:
    const recallPush = recallPushOf(entry, listened);
    if (recallPush !== null) publish(recallPush.topic, recallPush.event);
    orderFeed.add(entry, rows, listened);
    // Issue 15, desk:
    for (const push of deviationPushes(entry, rows, listened)) publish(push.topic, push.event);
    if (!scheduled) {
      scheduled = true;
      process.nextTick(flushFeed);
    }
  });
}
