// How long the history seed scales take to generate (tables in memory, no store), for README and the issue 16 report:
// `node --max-old-space-size=8000 --import tsx scripts/history-seed-timing.ts [persons] [years]` (default Halland, 10);
// `… history-seed-timing.ts stockholm [years]` for the Stockholm size. The access-log entries are generated and counted
// (as the seeding streams them into the store), not stored.
import { generateTables, SCALES } from '../engine/seed/generate.ts';
import type { HistorySummary } from '../engine/seed/history/generate-history.ts';
import { historyAccessEntries } from '../engine/seed/history/history-access-log.ts';

const stockholm = process.argv[2] === 'stockholm';
const base = stockholm ? SCALES['history-stockholm'] : SCALES.history;
const persons = stockholm ? base.persons : Number(process.argv[2] ?? base.persons);
const years = Number(process.argv[3] ?? 10);
/** Units per resident as in the history scale, so a smaller run is a scaled-down Halland. */
const size = {
  ...base,
  persons,
  individuals: Math.round((persons * base.individuals) / base.persons),
};
const startMs = performance.now();
const seconds = () => ((performance.now() - startMs) / 1000).toFixed(1);
let peakRssBytes = 0;
const sampleRss = () => {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
};
const sampler = setInterval(sampleRss, 200);
let summary: HistorySummary | undefined;
const tables = generateTables({
  scale: stockholm ? 'history-stockholm' : 'history',
  size,
  historyYears: years,
  onProgress: (stage, done, total) => {
    sampleRss();
    if (done === total) console.log(`${seconds()} s  ${stage} ${total}`);
  },
  onHistory: (s) => {
    summary = s;
    console.log(s);
  },
});
const tablesSeconds = seconds();
sampleRss();
let entries = 0;
for (const _ of historyAccessEntries(tables, summary!.ranges, 0)) if (++entries % 1_000_000 === 0) sampleRss();
clearInterval(sampler);
sampleRss();
const mb = (bytes: number) => Math.round(bytes / 1e6);
console.log(
  `${persons} persons, ${years} years: tables ${tablesSeconds} s, access log ${entries} entries, all ${seconds()} s; ` +
    `${tables.orders.size} orders, ${tables.users.size} users, ${tables.messages.size} messages; peak RSS ${mb(peakRssBytes)} MB`,
);
