// The two stores every store-level contract suite runs against: the memory store and an LMDB store in a temp dir that
// can be closed and opened again (the restart half of a contract).
import { LmdbStore } from '../../engine/store/lmdb-store.ts';
import { MemoryStore } from '../../engine/store/memory-store.ts';
import type { StoreFactory } from '../store-contract.ts';
import { tempDataDir } from './engine-process.ts';

export const memoryStoreFactory: StoreFactory = {
  create: () => new MemoryStore(),
  // The memory store survives only within the process: "reopening" hands back the same instance.
  reopen: async (store) => store,
};

/** LMDB stores in fresh temp dirs named after `label`; reopen closes the store and opens its dir again. */
export function lmdbStoreFactory(label: string): StoreFactory {
  const dirs = new WeakMap<object, string>();
  return {
    create: () => {
      const dir = tempDataDir(label);
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
  };
}
