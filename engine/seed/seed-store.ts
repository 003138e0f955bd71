// Seeds an empty store with the deterministic demo data, table by table, with progress on the terminal.
import { TABLE_NAMES, type Tables } from '../core/state.ts';
import type { Loaded, Store } from '../store/store.ts';
import { generateTables } from './generate.ts';
// Issue 16, history:
import type { NewAccessEntry } from '../../schemas/access-log.ts';
import { historyAccessEntries, historyAccessEstimate } from './history/history-access-log.ts';
import type { HistorySummary } from './history/generate-history.ts';

import type { SeedScale } from './seed-scale.ts';

export type { SeedScale };
export const SEED_DEFAULT = 20_26_11_25;

type Progress = (stage: string, done: number, total: number) => void;

export async function seedStore(
  store: Store,
  scale: SeedScale,
  seed: number,
  progress: Progress,
  historyYears?: number, // Issue 16, history: SEED_HISTORY_YEARS
): Promise<Loaded> {
  let history: HistorySummary | undefined;
  const tables = generateTables({
    scale,
    seed,
    historyYears,
    onHistory: (summary) => (history = summary),
    onProgress: (stage, done, total) => progress(`skapar ${stage}`, done, total),
  });
  await writeTables(store, tables, progress);
  if (history !== undefined) await appendAccessLog(store, tables, history.ranges, seed, progress); // Issue 16, history
  return { tables: tables as Tables, seq: 0 };
}

/** Writes every table into an empty store, table by table (seeding, and benchmarks that prepare a data dir). */
export async function writeTables(store: Store, tables: Tables, progress: Progress = () => {}): Promise<void> {
  for (const name of TABLE_NAMES) {
    const table = tables[name] as Map<string | number, unknown>;
    const rows = (function* () {
      for (const [key, value] of table) yield { table: name, key, value };
    })();
    await store.bulkLoad(name, rows, (written) => progress(`sparar ${name}`, written, table.size));
  }
}

/** Entries per append: one LMDB transaction each, so memory stays flat however long the history is. */
const ACCESS_LOG_BATCH = 20_000;

/** The history's access-log entries, generated in time order and appended batch by batch (never all held). */
export async function appendAccessLog(
  store: Store,
  tables: Tables,
  ranges: HistorySummary['ranges'],
  seed: number,
  progress: Progress,
): Promise<void> {
  const estimate = historyAccessEstimate(ranges);
  let batch: NewAccessEntry[] = [];
  let written = 0;
  for (const entry of historyAccessEntries(tables, ranges, seed)) {
    batch.push(entry);
    if (batch.length < ACCESS_LOG_BATCH) continue;
    await store.accessLog.append(batch);
    written += batch.length;
    batch = [];
    progress('sparar åtkomstlogg', written, Math.max(estimate, written + 1));
  }
  if (batch.length > 0) await store.accessLog.append(batch);
  written += batch.length;
  progress('sparar åtkomstlogg', written, written);
}

/** A progress bar on stderr for interactive starts; one line per stage otherwise. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastStage = '';
  let lastDrawMs = 0;
  return (stage, done, total) => {
    const now = Date.now();
    const finished = done >= total;
    if (stage === lastStage && !finished && now - lastDrawMs < 100) return;
    lastDrawMs = now;
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
    const line = `[${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${stage} ${done}/${total}`;
    if (stream.isTTY) stream.write(`\r${line}${finished ? '\n' : ''}`);
    else if (finished || stage !== lastStage) stream.write(`${line}\n`);
    lastStage = stage;
  };
}
