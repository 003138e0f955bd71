// Runs the store contract against the in-memory store and the LMDB store.
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import { tempDataDir } from './helpers/engine-process.ts';
import { storeContract } from './store-contract.ts';

storeContract('memory', {
  create: () => new MemoryStore(),
  // The memory store survives only within the process: "reopening" hands back the same instance.
  reopen: async (store) => store,
});

const dirs = new WeakMap<object, string>();
storeContract('lmdb', {
  create: () => {
    const dir = tempDataDir('store');
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
