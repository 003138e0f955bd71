// Seeds an empty store with the deterministic demo data, table by table, with progress on the terminal.
import { TABLE_NAMES, type Tables } from '../core/state.ts';
import type { Loaded, Store } from '../store/store.ts';
import { generateTables } from './generate.ts';

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
  const tables = generateTables({
    scale,
    seed,
    historyYears,
    onProgress: (stage, done, total) => progress(`skapar ${stage}`, done, total),
  });
  for (const name of TABLE_NAMES) {
    const table = tables[name] as Map<string | number, unknown>;
    const rows = (function* () {
      for (const [key, value] of table) yield { table: name, key, value };
    })();
    await store.bulkLoad(name, rows, (written) => progress(`sparar ${name}`, written, table.size));
  }
  return { tables: tables as Tables, seq: 0 };
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
