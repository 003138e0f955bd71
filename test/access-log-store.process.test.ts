// Runs the access-log contract against the memory store's log and the LMDB store's log.
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import { accessLogContract } from './access-log-contract.ts';
import { tempDataDir } from './helpers/engine-process.ts';

accessLogContract('memory', {
  create: () => new MemoryStore(),
  reopen: async (store) => store,
});

const dirs = new WeakMap<object, string>();
accessLogContract('lmdb', {
  create: () => {
    const dir = tempDataDir('access-log');
    const store = new LmdbStore(dir);
    dirs.set(store, dir);
    return store;
  },
  reopen: async (store) => {
    const dir = dirs.get(store)!;
    await store.close();
    const reopened = new LmdbStore(dir);
    dirs.set(reopened, dir);
    return reopened;
  },
});
