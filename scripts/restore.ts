// `npm run restore -- <backup file>`: makes a backup the LMDB file of DATA_DIR (default ./data), with the engine
// stopped. Refuses a data directory that already has one. Prints the journal seq the restored store starts at.
import { restoreBackup } from '../engine/store/lmdb-backup.ts';
import { LmdbStore } from '../engine/store/lmdb-store.ts';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: npm run restore -- <backup file>   (DATA_DIR: the target)');
  const dataDir = process.env.DATA_DIR ?? './data';
  const target = restoreBackup(file, dataDir);
  const store = new LmdbStore(dataDir); // opens it once: a backup that is not an Aidstock store fails here
  const { journalEntries } = store.stats();
  await store.close();
  console.log(`aidstock: restored ${file} into ${target} (seq ${journalEntries})`);
}

main().catch((error: unknown) => {
  console.error(`aidstock: restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
