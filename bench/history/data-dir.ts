// The history data dir the bench measures: reused when it holds data (`--data-dir`: seeding Halland takes minutes,
// Stockholm much longer), else seeded by a first engine start, so the cold start measured later is a restart on
// existing data. `--small` writes a small history instead (a few thousand persons, for developing the bench itself).
import fs from 'node:fs';
import path from 'node:path';
import type { Tables } from '../../engine/core/state.ts';
import { generateTables, SCALES } from '../../engine/seed/generate.ts';
import { writeTables } from '../../engine/seed/seed-store.ts';
import { FILE_NAME, LmdbStore } from '../../engine/store/lmdb-store.ts';
import { startBenchEngine, type EngineScale } from '../start-engine.ts';

/** The small history of `--small`: the size test/history-seed.test.ts uses, a few times over. */
export const SMALL_HISTORY_SIZE = {
  ...SCALES.history,
  articles: 2_000,
  persons: 6_000,
  individuals: 4_000,
  buffers: 6,
  investigationArticles: 3,
};
/** Years of the small history unless SEED_HISTORY_YEARS says otherwise. */
const SMALL_HISTORY_YEARS_DEFAULT = 2;
/** Seeding Stockholm's ten years: generate, write every table, load (Halland took 131 s on 2 cores). */
export const SEEDING_MS_MAX = 90 * 60_000;
/** The history engine's heap limit: the row-object tables of ten years need more than Node's default. */
export const HISTORY_HEAP_MB = 16_000;

export const historyNodeFlags = (): string[] =>
  (process.env.NODE_OPTIONS ?? '').includes('--max-old-space-size') ? [] : [`--max-old-space-size=${HISTORY_HEAP_MB}`];

/** True when the data dir holds a written store (the engine would load it, not seed). */
export async function holdsData(dataDir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dataDir, FILE_NAME))) return false;
  const store = new LmdbStore(dataDir);
  const empty = store.isEmpty();
  await store.close();
  return !empty;
}

async function writeSmallHistory(dataDir: string): Promise<void> {
  const years = Number(process.env.SEED_HISTORY_YEARS ?? SMALL_HISTORY_YEARS_DEFAULT);
  const tables: Tables = generateTables({ scale: 'history', size: SMALL_HISTORY_SIZE, historyYears: years });
  const store = new LmdbStore(dataDir);
  await writeTables(store, tables);
  await store.close();
}

/**
 * Seeds `dataDir` unless it holds data; the seconds it took, or null when reused. Seeding runs the engine itself
 * (its first start on an empty data dir), stopped again once ready.
 */
export async function prepareDataDir(
  scale: EngineScale,
  dataDir: string,
  small: boolean,
  progress: (line: string) => void,
): Promise<number | null> {
  if (await holdsData(dataDir)) {
    progress(`data dir holds a store: reused (no seeding)`);
    return null;
  }
  const startMs = performance.now();
  if (small) {
    progress(`writing a small history (${SMALL_HISTORY_SIZE.persons} persons) into the data dir`);
    await writeSmallHistory(dataDir);
  } else {
    progress(`seeding ${scale} by a first engine start on the empty data dir (minutes)`);
    const seeding = await startBenchEngine({
      scale,
      dataDir,
      nodeFlags: historyNodeFlags(),
      readyMsMax: SEEDING_MS_MAX,
    });
    await seeding.stop();
  }
  const seconds = Math.round(performance.now() - startMs) / 1000;
  progress(`  seeded in ${seconds} s`);
  return seconds;
}
