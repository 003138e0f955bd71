// Online backups of the live LMDB file (issue 13): lmdb-js's `backup` copies the environment under one read
// transaction, so a backup is the consistent state at one seq while commands keep committing. Scheduled inside the
// engine (BACKUP_DIR, BACKUP_INTERVAL_MS, BACKUPS_KEPT), on demand with `npm run backup` (scripts/backup.ts opens the
// same data directory beside the running engine: LMDB is safe across processes), and restored with `npm run restore`
// (scripts/restore.ts) into an empty data directory, with the engine stopped.
import fs from 'node:fs';
import path from 'node:path';
import { open } from 'lmdb';
import { BACKUP_INTERVAL_MS_DEFAULT, BACKUPS_KEPT_DEFAULT } from '../../schemas/limits.ts';
import { FILE_NAME, LMDB_DBS_MAX } from './lmdb-store.ts';

export interface BackupConfig {
  dir: string;
  intervalMs: number;
  keep: number;
}

/** Something that can copy itself consistently to a file (LmdbStore, or a root opened by the backup script). */
export interface Backupable {
  backup(file: string): Promise<void>;
}

const BACKUP_PREFIX = 'aidstock-';
const BACKUP_SUFFIX = '.mdb';
/** Written first, renamed when complete: a crash mid-copy never leaves a file that looks like a whole backup. */
const PARTIAL_SUFFIX = '.partial';

/** BACKUP_DIR (unset: no scheduled backups), BACKUP_INTERVAL_MS, BACKUPS_KEPT. */
export function backupConfigFromEnv(env: NodeJS.ProcessEnv): BackupConfig | null {
  if (env.BACKUP_DIR === undefined || env.BACKUP_DIR === '') return null;
  const intervalMs = Number(env.BACKUP_INTERVAL_MS ?? BACKUP_INTERVAL_MS_DEFAULT);
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 100)
    throw new Error(`BACKUP_INTERVAL_MS must be an integer ≥ 100, got ${env.BACKUP_INTERVAL_MS}`);
  const keep = Number(env.BACKUPS_KEPT ?? BACKUPS_KEPT_DEFAULT);
  if (!Number.isSafeInteger(keep) || keep < 1)
    throw new Error(`BACKUPS_KEPT must be an integer ≥ 1, got ${env.BACKUPS_KEPT}`);
  return { dir: env.BACKUP_DIR, intervalMs, keep };
}

/** `aidstock-20261204T235959123Z.mdb`: names sort by time. */
export function backupFileName(timeMs: number): string {
  return `${BACKUP_PREFIX}${new Date(timeMs).toISOString().replace(/[-:.]/g, '')}${BACKUP_SUFFIX}`;
}

/** Complete backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(BACKUP_PREFIX) && name.endsWith(BACKUP_SUFFIX))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Writes one backup into `dir`, then removes all but the newest `keep`. Resolves with the backup's path. */
export async function writeBackup(source: Backupable, dir: string, timeMs: number, keep: number): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(timeMs));
  const partial = `${file}${PARTIAL_SUFFIX}`;
  fs.rmSync(partial, { force: true });
  await source.backup(partial);
  fs.renameSync(partial, file);
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(old, { force: true });
  return file;
}

/** Backups every `intervalMs` while the engine runs; a failed one is logged and the next is tried (never fatal). */
export function scheduleBackups(
  source: Backupable,
  config: BackupConfig,
  clockMs: () => number,
  log: (line: string) => void = console.log,
): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a backup slower than the interval: skip a turn rather than pile up copies
    running = true;
    writeBackup(source, config.dir, clockMs(), config.keep)
      .then((file) => log(`aidstock: backup written: ${file}`))
      .catch((error: unknown) => log(`aidstock: backup failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        running = false;
      });
  }, config.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** On demand, beside a running engine: opens the LMDB environment in `dataDir` (shared, as LMDB allows) and backs it up. */
export async function backupDataDir(dataDir: string, dir: string, timeMs: number, keep: number): Promise<string> {
  const live = path.join(dataDir, FILE_NAME);
  if (!fs.existsSync(live)) throw new Error(`no LMDB file at ${live}`);
  const root = open({ path: live, maxDbs: LMDB_DBS_MAX });
  try {
    return await writeBackup({ backup: (file) => root.backup(file, false) }, dir, timeMs, keep);
  } finally {
    await root.close();
  }
}

/** Restore: the backup becomes `dataDir`'s LMDB file. Refuses a data directory that already holds one (stop the
 * engine and move its file away first: a restore never overwrites live data). */
export function restoreBackup(backupFile: string, dataDir: string): string {
  if (!fs.existsSync(backupFile)) throw new Error(`no backup file at ${backupFile}`);
  const target = path.join(dataDir, FILE_NAME);
  if (fs.existsSync(target)) throw new Error(`${target} exists: restore into an empty data directory`);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(backupFile, `${target}${PARTIAL_SUFFIX}`);
  fs.renameSync(`${target}${PARTIAL_SUFFIX}`, target);
  return target;
}
