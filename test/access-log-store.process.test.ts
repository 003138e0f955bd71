// Runs the access-log contract against the memory store's log and the LMDB store's log.
import { accessLogContract } from './access-log-contract.ts';
import { lmdbStoreFactory, memoryStoreFactory } from './helpers/store-factories.ts';

accessLogContract('memory', memoryStoreFactory);
accessLogContract('lmdb', lmdbStoreFactory('access-log'));
