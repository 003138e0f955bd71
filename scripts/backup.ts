// `npm run backup [-- <backup dir>]`: an online backup of the engine's LMDB file on demand, taken beside the running
// engine (LMDB is safe across processes; the copy is one read transaction, so it is consistent while writes go on).
// DATA_DIR (default ./data) is the engine's; the backup dir is the argument, else BACKUP_DIR, else ./backups.
// Keeps the newest BACKUPS_KEPT (default in schemas/limits.ts), as the engine's scheduled backups do.
import { BACKUPS_KEPT_DEFAULT } from '../schemas/limits.ts';
import { backupDataDir } from '../engine/store/lmdb-backup.ts';

const dataDir = process.env.DATA_DIR ?? './data';
const dir = process.argv[2] ?? process.env.BACKUP_DIR ?? './backups';
const keep = Number(process.env.BACKUPS_KEPT ?? BACKUPS_KEPT_DEFAULT);

backupDataDir(dataDir, dir, Date.now(), keep).then(
  (file) => console.log(`aidstock: backup written: ${file}`),
  (error: unknown) => {
    console.error(`aidstock: backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
