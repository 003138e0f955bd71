// Configuration from the environment, checked once at start.
import os from 'node:os';
import { READ_WORKERS_MAX } from '../schemas/limits.ts';
import { allowedOriginsFromEnv } from './io/ws-admission.ts';
import type { OidcSettings } from './io/oidc.ts';
import { SEED_DEFAULT, type SeedScale } from './seed/seed-store.ts';
import { isSeedScale } from './seed/seed-scale.ts';
import { NODE_URLS_MAX } from '../schemas/limits.ts';

export interface Config {
  port: number;
  dataDir: string;
  seedScale: SeedScale;
  seed: number;
  /** `memory` keeps nothing on disk (tests, tools); the default is LMDB in dataDir. */
  store: 'lmdb' | 'memory';
  /** ALLOWED_ORIGINS: browser origins allowed to open /ws; null means the engine's own (issue 13, hardening). */
  allowedOrigins: string[] | null;
  /** PASSWORD_SIGNIN: `on`/`off`; `auto` (unset): on only without OIDC and when the store holds the demo users. */
  passwordSignIn: 'on' | 'off' | 'auto';
  /** From OIDC_*; null (no OIDC_ISSUER): the OIDC routes are off. */
  oidc: OidcSettings | null;
  /** CLOCK_OFFSET_MS (issue 14): added to the engine's clock, so a test or demo can run days ahead (default 0). */
  clockOffsetMs: number;
  // Issue 16, history: SEED_HISTORY_YEARS, the years of history the `history` seed scale generates (default 10).
  historyYears: number;
  /** Issue 17: NODE_URLS, the base URLs of every node of a primary/standby set; the portal reconnects through them. */
  nodeUrls: string[];
  /** Issue 17: READ_WORKERS, threads that answer read-only queries from a replica of the state; 0: all on one thread. */
  readWorkers: number;
}

/** NODE_URLS: comma-separated http(s) base URLs (no path), each checked, at most NODE_URLS_MAX. */
export function nodeUrlsFromEnv(value: string | undefined): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (urls.length > NODE_URLS_MAX)
    throw new Error(`NODE_URLS lists at most ${NODE_URLS_MAX} nodes, got ${urls.length}`);
  return urls.map((url) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Error(`NODE_URLS: ${url} is not an http(s) URL`);
    return parsed.origin;
  });
}

/** OIDC_ISSUER turns OIDC sign-in on; then the client id, secret and redirect URI are required. */
function oidcFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  const issuer = env.OIDC_ISSUER ?? '';
  if (issuer === '') return null;
  const required = (name: string): string => {
    const value = env[name] ?? '';
    if (value === '') throw new Error(`${name} must be set when OIDC_ISSUER is`);
    return value;
  };
  return {
    issuer,
    clientId: required('OIDC_CLIENT_ID'),
    clientSecret: required('OIDC_CLIENT_SECRET'),
    redirectUri: new URL(required('OIDC_REDIRECT_URI')).href,
    hsaClaim: env.OIDC_HSA_CLAIM || 'hsa_id',
    scope: env.OIDC_SCOPE || 'openid',
    idpName: env.OIDC_IDP_NAME || 'SITHS',
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  const seedScale = (env.SEED_SCALE ?? 'demo') as SeedScale;
  if (!isSeedScale(seedScale))
    throw new Error(`SEED_SCALE must be demo, large, history or history-stockholm (or tiny), got ${seedScale}`);
  const store = (env.STORE ?? 'lmdb') as Config['store'];
  if (store !== 'lmdb' && store !== 'memory') throw new Error(`STORE must be lmdb or memory, got ${store}`);
  const seed = Number(env.SEED ?? SEED_DEFAULT);
  if (!Number.isSafeInteger(seed)) throw new Error(`SEED must be an integer, got ${env.SEED}`);
  const allowedOrigins = allowedOriginsFromEnv(env.ALLOWED_ORIGINS);
  const passwordSignIn = (env.PASSWORD_SIGNIN || 'auto') as Config['passwordSignIn'];
  if (!['on', 'off', 'auto'].includes(passwordSignIn))
    throw new Error(`PASSWORD_SIGNIN must be on or off, got ${env.PASSWORD_SIGNIN}`);
  const oidc = oidcFromEnv(env);
  const clockOffsetMs = Number(env.CLOCK_OFFSET_MS ?? 0);
  if (!Number.isSafeInteger(clockOffsetMs))
    throw new Error(`CLOCK_OFFSET_MS must be an integer, got ${env.CLOCK_OFFSET_MS}`);
  const dataDir = env.DATA_DIR ?? './data';
  // Issue 16, history:
  const historyYears = Number(env.SEED_HISTORY_YEARS ?? 10);
  if (!Number.isInteger(historyYears) || historyYears < 1 || historyYears > 30)
    throw new Error(`SEED_HISTORY_YEARS must be an integer 1–30, got ${env.SEED_HISTORY_YEARS}`);
  const nodeUrls = nodeUrlsFromEnv(env.NODE_URLS);
  const readWorkers = readWorkersFromEnv(env.READ_WORKERS);
  return {
    port,
    dataDir,
    seedScale,
    seed,
    store,
    allowedOrigins,
    passwordSignIn,
    oidc,
    clockOffsetMs,
    historyYears,
    nodeUrls,
    readWorkers,
  };
}

/** Unset: one core stays the writer's, every other core gets a read worker (at least one, so queries never wait
 * behind commands); 0 keeps the single thread. */
function readWorkersFromEnv(value: string | undefined): number {
  if (value === undefined || value === '')
    return Math.min(READ_WORKERS_MAX, Math.max(1, os.availableParallelism() - 1));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > READ_WORKERS_MAX)
    throw new Error(`READ_WORKERS must be an integer 0–${READ_WORKERS_MAX}, got ${value}`);
  return n;
}
