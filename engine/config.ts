// Configuration from the environment, checked once at start.
import { allowedOriginsFromEnv } from './io/ws-admission.ts';
import { SEED_DEFAULT, type SeedScale } from './seed/seed-store.ts';

export interface Config {
  port: number;
  dataDir: string;
  seedScale: SeedScale;
  seed: number;
  /** `memory` keeps nothing on disk (tests, tools); the default is LMDB in dataDir. */
  store: 'lmdb' | 'memory';
  /** ALLOWED_ORIGINS: browser origins allowed to open /ws; null means the engine's own (issue 13, hardening). */
  allowedOrigins: string[] | null;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  const seedScale = (env.SEED_SCALE ?? 'demo') as SeedScale;
  if (!['tiny', 'demo', 'large'].includes(seedScale))
    throw new Error(`SEED_SCALE must be demo or large (or tiny), got ${seedScale}`);
  const store = (env.STORE ?? 'lmdb') as Config['store'];
  if (store !== 'lmdb' && store !== 'memory') throw new Error(`STORE must be lmdb or memory, got ${store}`);
  const seed = Number(env.SEED ?? SEED_DEFAULT);
  if (!Number.isSafeInteger(seed)) throw new Error(`SEED must be an integer, got ${env.SEED}`);
  const allowedOrigins = allowedOriginsFromEnv(env.ALLOWED_ORIGINS);
  return { port, dataDir: env.DATA_DIR ?? './data', seedScale, seed, store, allowedOrigins };
}
