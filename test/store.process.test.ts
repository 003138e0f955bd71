// Runs the store contract against the in-memory store and the LMDB store.
import { lmdbStoreFactory, memoryStoreFactory } from './helpers/store-factories.ts';
import { storeContract } from './store-contract.ts';

storeContract('memory', memoryStoreFactory);
storeContract('lmdb', lmdbStoreFactory('store'));
