// How long the `history` seed scale takes to generate (tables in memory, no store), for README and the issue 16 report:
// `node --max-old-space-size=8000 --import tsx scripts/history-seed-timing.ts [persons] [years]` (default Halland, 10).
import { generateTables, SCALES } from '../engine/seed/generate.ts';

const persons = Number(process.argv[2] ?? SCALES.history.persons);
const years = Number(process.argv[3] ?? 10);
/** Units per resident as in the history scale, so a smaller run is a scaled-down Halland. */
const size = {
  ...SCALES.history,
  persons,
  individuals: Math.round((persons * SCALES.history.individuals) / SCALES.history.persons),
};
const startMs = performance.now();
const seconds = () => ((performance.now() - startMs) / 1000).toFixed(1);
const tables = generateTables({
  scale: 'history',
  size,
  historyYears: years,
  onProgress: (stage, done, total) => {
    if (done === total) console.log(`${seconds()} s  ${stage} ${total}`);
  },
  onHistory: (summary) => console.log(summary),
});
const rssMb = Math.round(process.memoryUsage().rss / 1e6);
console.log(`${persons} persons, ${years} years: ${seconds()} s, ${tables.orders.size} orders, RSS ${rssMb} MB`);
