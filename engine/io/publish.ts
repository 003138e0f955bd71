// Pushes after commit: every stock row a command wrote goes to `stock/<artNo>`, order events to the order feed's
// topics. One encode per encoding; uWS fans the bytes out to every subscriber within its backpressure limit.
import type { JournalEntry } from '../../schemas/events.ts';
import type { Engine } from '../engine.ts';
import type { RowWrite } from '../store/store.ts';
import { encodeFrame } from './codec.ts';
import { wireTopic } from './connection.ts';
import type { Metrics } from './metrics.ts';
import { OrderFeed } from './order-feed.ts';

type App = import('uWebSockets.js').TemplatedApp;

export function publishCommits(app: App, engine: Engine, metrics: Metrics): void {
  const publish = (topic: string, event: unknown) => {
    for (const encoding of ['msgpack', 'json'] as const) {
      const wire = wireTopic(topic, encoding);
      const subscribers = app.numSubscribers(wire);
      if (subscribers === 0) continue;
      app.publish(wire, encodeFrame({ topic, event }, encoding), encoding === 'msgpack');
      metrics.pushes += subscribers;
    }
  };
  const orderFeed = new OrderFeed(engine.state);
  engine.onCommitted((entry: JournalEntry, rows: readonly RowWrite[]) => {
    for (const row of rows) {
      if (row.table !== 'stock') continue;
      const stock = row.value as { warehouse: string; artNo: string; onHand: number; reserved: number };
      publish(`stock/${stock.artNo}`, { type: 'stock', seq: entry.seq, ...stock, available: stock.onHand - stock.reserved });
    }
    for (const push of orderFeed.pushes(entry, rows)) publish(push.topic, push.event);
  });
}
