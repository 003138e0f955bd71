// Starts Aidstock: opens LMDB (seeding demo data on first start), loads the state, serves /ws, HTTP and the portal.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, configFromEnv } from './config.ts';
import { Engine } from './engine.ts';
import { PasswordAuthenticator } from './io/auth.ts';
import { ReadPool } from './io/read-pool.ts';
import { startServer } from './io/server.ts';
import { loadNativeUws } from './io/uws.ts';
import { seedStore, terminalProgress } from './seed/seed-store.ts';
import { backupConfigFromEnv, scheduleBackups } from './store/lmdb-backup.ts';
import { LmdbStore } from './store/lmdb-store.ts';
import { MemoryStore } from './store/memory-store.ts';
import { isLmdbCommitFailure } from './store/write-failure.ts';
import type { Loaded, Store } from './store/store.ts';
// Issue 15, loans:
import { startLoanSweep } from './io/loan-sweep.ts';
// Issue 17, primary and standby (the NATS code itself is imported only with REPLICATION=jetstream):
import { replicationConfigFromEnv } from './replication/config.ts';
import type { ReplicationNode } from './replication/node.ts';

const PORTAL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'portal');

/** PASSWORD_SIGNIN decides; unset, password sign-in is on only for demo data (seeded users carry password hashes)
 * and only without OIDC, so a production start with its IdP never accepts passwords by default. */
function passwordSignInOn(config: Config, engine: Engine): boolean {
  if (config.passwordSignIn !== 'auto') return config.passwordSignIn === 'on';
  if (config.oidc !== null) return false;
  for (const user of engine.state.users.values()) if (user.passwordHash !== '') return true;
  return false;
}

/**
 * Issue 17: the read workers, started before the server listens, so no command changes the tables while they load.
 * The memory store has no files to load a replica from: there every op stays on the writer thread.
 */
async function startReadPool(config: Config, engine: Engine): Promise<ReadPool | null> {
  if (config.readWorkers === 0) return null;
  if (config.store === 'memory') {
    console.log(
      `aidstock: READ_WORKERS=${config.readWorkers} ignored: the memory store has no tables to load replicas from`,
    );
    return null;
  }
  const startedMs = performance.now();
  const pool = await ReadPool.start(engine, config.dataDir, config.readWorkers);
  const loads = pool.startFigures.map((f) => f.loadMs).join('/');
  console.log(
    `aidstock: ${pool.size} read worker(s) ready in ${Math.round(performance.now() - startedMs)} ms ` +
      `(replica load ${loads} ms, rss +${(pool.rssPerReplicaBytes / 2 ** 20).toFixed(0)} MB per replica)`,
  );
  return pool;
}

async function main(): Promise<void> {
  const config = configFromEnv();
  const backupConfig = backupConfigFromEnv(process.env);
  loadNativeUws(); // fail fast, before any seeding, if only the slow fallback is there

  const replication = await connectReplication(config);
  const seedsDemoData = replication === null ? true : (await replication.prepareDataDir(config.dataDir)).seed;
  const store: Store = config.store === 'memory' ? new MemoryStore() : new LmdbStore(config.dataDir);
  let preloaded: Loaded | undefined;
  if (store.isEmpty() && !seedsDemoData) throw new Error('a standby cannot start on an empty store');
  if (store.isEmpty()) {
    console.log(`aidstock: empty store, seeding ${config.seedScale} demo data (seed ${config.seed})`);
    preloaded = await seedStore(store, config.seedScale, config.seed, terminalProgress(), config.historyYears);
  }
  const clockMs = () => Date.now() + config.clockOffsetMs;
  const engine = new Engine(store, clockMs, preloaded);
  replication?.attach(engine, store instanceof LmdbStore ? store : null); // commands: read_only until it leads
  const auth = new PasswordAuthenticator((username) => {
    const id = engine.state.usersByUsername.get(username);
    return id === undefined ? undefined : engine.state.users.get(id);
  });
  const passwordSignIn = passwordSignInOn(config, engine);
  console.log(
    `aidstock: sign-in: password ${passwordSignIn ? 'on' : 'off'}, OIDC ${config.oidc === null ? 'off' : `on (${config.oidc.issuer})`}`,
  );
  const signInOptions = { passwordSignIn, oidc: config.oidc, nodeUrls: config.nodeUrls };
  const readPool = await startReadPool(config, engine);
  const server = await startServer({
    port: config.port,
    engine,
    auth,
    portalDir: PORTAL_DIR,
    clockMs,
    allowedOrigins: config.allowedOrigins,
    ...signInOptions,
    readPool,
  });
  // performance.now() counts from process start, so this includes module loading: the honest cold start.
  const seconds = (performance.now() / 1000).toFixed(2);
  const rssMb = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  const s = engine.state;
  console.log(
    `aidstock ready on http://localhost:${server.port} in ${seconds} s, rss ${rssMb} MB ` +
      `(seq ${s.seq}, ${s.articles.size} articles, ${s.persons.size} persons, ${s.individuals.size} individuals, store ${store.kind})`,
  );

  await replication?.start(`http://localhost:${server.port}`);
  const loanSweep = startLoanSweep(engine, clockMs); // Issue 15, loans: due messages, at start and on a timer
  const backups =
    store instanceof LmdbStore && backupConfig !== null ? scheduleBackups(store, backupConfig, clockMs) : null;

  const shutdown = async (signal: string) => {
    console.log(`aidstock: ${signal}, closing`);
    backups?.stop();
    loanSweep.stop();
    server.close();
    await readPool?.close();
    await replication?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** Issue 17: with REPLICATION=jetstream, connects to NATS (a dynamic import: without it no NATS code loads). */
async function connectReplication(config: Config): Promise<ReplicationNode | null> {
  const replicationConfig = replicationConfigFromEnv(process.env);
  if (replicationConfig === null) return null;
  if (config.store !== 'lmdb') throw new Error('REPLICATION=jetstream needs STORE=lmdb (snapshots copy the LMDB file)');
  const { ReplicationNode } = await import('./replication/node.ts');
  const node = await ReplicationNode.connect(replicationConfig, (error) => {
    console.error('aidstock: replication failed, stopping:', error.message);
    process.exit(70);
  });
  console.log(`aidstock: replication: jetstream, role ${replicationConfig.role}, node ${replicationConfig.nodeId}`);
  return node;
}

// A broken invariant must stop the engine loudly, never limp on. A failed commit is not one: the store reports it to
// the engine (which refuses writes until the disk takes them again); lmdb-js also rejects promises of its own for it.
process.on('unhandledRejection', (error) => {
  if (isLmdbCommitFailure(error)) return;
  console.error('aidstock: fatal', error);
  process.exit(70);
});

main().catch((error: unknown) => {
  console.error('aidstock: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
