// Issue 16's figures at a history scale: `npm run bench:history -- <history|history-stockholm> [--data-dir DIR]
// [--small] [--warmup MS] [--duration MS]`. Cold start, RSS, heap, LMDB size and an online backup; the reads with the
// longest histories at 1x1 against echo p99 + 200 µs; stock.get, catalog.search and order.place at 16x16 against a
// demo engine of the same run; the engine's GC under the read load. Writes bench/results/history-<scale>.json and .md
// (bench/report.ts puts the .md into REPORT.md). `--data-dir` reuses a seeded data dir (seeded on the first run if
// empty; then kept); without it the run seeds a temp dir and removes it. `--small` seeds a small history (developing).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { historyMarkdown } from './history/markdown.ts';
import { runHistory } from './history/run-history.ts';
import type { EngineScale } from './start-engine.ts';

const SCALES: readonly EngineScale[] = ['history', 'history-stockholm'];
const WARMUP_MS_DEFAULT = 500;
const DURATION_MS_DEFAULT = 3_000;
const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));
const USAGE =
  'usage: npm run bench:history -- <history|history-stockholm> [--data-dir DIR] [--small] [--warmup MS] [--duration MS]\n';

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      small: { type: 'boolean', default: false },
      warmup: { type: 'string', default: String(WARMUP_MS_DEFAULT) },
      duration: { type: 'string', default: String(DURATION_MS_DEFAULT) },
    },
  });
  const scale = positionals[0] as EngineScale | undefined;
  const warmupMs = Number(values.warmup);
  const durationMs = Number(values.duration);
  if (scale === undefined || !SCALES.includes(scale) || positionals.length > 1) return null;
  if (!Number.isInteger(warmupMs) || !Number.isInteger(durationMs) || durationMs <= 0) return null;
  const dataDir = values['data-dir'] === undefined ? null : path.resolve(values['data-dir']);
  return { scale, dataDir, small: values.small === true, warmupMs, durationMs };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parse(argv);
  if (args === null) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const startMs = performance.now();
  const progress = (line: string): void => {
    process.stdout.write(`[${((performance.now() - startMs) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  };
  // The data dir's path is this machine's: the results (committed) name it DIR.
  const shown = argv.map((a, i) =>
    argv[i - 1] === '--data-dir' ? 'DIR' : a.startsWith('--data-dir=') ? '--data-dir=DIR' : a,
  );
  const years =
    process.env.SEED_HISTORY_YEARS === undefined ? '' : `SEED_HISTORY_YEARS=${process.env.SEED_HISTORY_YEARS} `;
  const command = `${years}npm run bench:history -- ${shown.join(' ')}`;
  const result = await runHistory({ ...args, command, progress });
  if (args.small) result.notes.push('`--small`: a small history written for developing the bench, not a region.');
  if (args.dataDir !== null)
    result.notes.push(
      "The data dir is reused between runs: it keeps the orders placed by earlier runs (`order.place` at 16x16), their access-log entries and the ledger article's changes.",
    );
  const base = path.join(RESULTS_DIR, `history-${args.scale}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `${historyMarkdown(result)}\n`);
  progress(`wrote bench/results/history-${args.scale}.json and .md`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:history failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
