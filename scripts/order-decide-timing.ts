// Median time of the pure order decision (decide of a typical 2-line order.place) on the demo-scale state, no I/O.
// Run: node --import tsx scripts/order-decide-timing.ts [iterations]. Alternates nothing and consumes every result.
import { decide } from '../engine/core/decide.ts';
import type { OrderPlace } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { generateTables } from '../engine/seed/generate.ts';

const ITERATIONS = Number(process.argv[2] ?? 200_000);
const BATCH = 100;
const state = stateFromTables(generateTables({ scale: 'demo' }), 0);
const timeMs = Date.UTC(2026, 10, 25, 9);
const commands: OrderPlace[] = Array.from({ length: BATCH }, (_, i) => ({
  type: 'order.place',
  userId: 'ot1',
  idempotencyKey: `t-${i}`,
  recipient: { kind: 'patient', pnr: '19811218-9876' },
  source: 'main',
  lines: [
    { artNo: '100104', quantity: 1 },
    { artNo: '100105', quantity: 2 },
  ],
  delivery: { partial: false },
  otherInfo: '',
}));

let accepted = 0;
const perDecideNs: number[] = [];
for (let done = 0; done < ITERATIONS; done += BATCH) {
  const start = process.hrtime.bigint();
  for (const command of commands) if (decide(state, command, { timeMs, seq: 1 }).ok) accepted++;
  perDecideNs.push(Number(process.hrtime.bigint() - start) / BATCH);
}
perDecideNs.sort((a, b) => a - b);
const at = (q: number) => perDecideNs[Math.min(perDecideNs.length - 1, Math.floor(q * perDecideNs.length))];
console.log(
  `order.place decide, 2 lines, demo scale (${state.articles.size} articles, ${state.persons.size} persons): ` +
    `median ${(at(0.5) / 1000).toFixed(2)} µs, p99 ${(at(0.99) / 1000).toFixed(2)} µs over ${ITERATIONS} decisions (batches of ${BATCH}); accepted ${accepted}`,
);
