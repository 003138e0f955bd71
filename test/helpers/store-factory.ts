// What every store-level contract suite runs against: a way to make a store and to open its data again. A leaf.
import type { Store } from '../../engine/store/store.ts';

export interface StoreFactory {
  /** A new empty store. */
  create(): Store;
  /** The same data opened again, as after a process restart (closes the given store first). */
  reopen(store: Store): Promise<Store>;
}
