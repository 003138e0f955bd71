// Engines in REPLICATION=jetstream mode for the issue-17 tests: start a primary or a standby against a NATS cluster,
// read their /health replication block, wait for a state, place orders and hash journals.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { Packr } from 'msgpackr';
import { LmdbStore } from '../../engine/store/lmdb-store.ts';
import { type EngineProcess, startEngine, tempDataDir } from './engine-process.ts';
import { type NatsCluster, startNatsCluster } from './nats-cluster.ts';

export interface ReplicationHealth {
  seq: number;
  replication: {
    role: 'primary' | 'standby';
    state: string;
    primary: string | null;
    url: string;
    appliedSeq: number;
    lagEntries: number;
    lagMsP50: number | null;
    lagMsP99: number | null;
    snapshots: number;
  };
}

export interface NodeOptions {
  role: 'primary' | 'standby';
  prefix: string;
  nodeId: string;
  dataDir?: string;
  leaseTtlMs?: number;
  env?: Record<string, string>;
}

let prefixes = 0;
/** A stream and bucket prefix of its own per test: tests share one cluster without seeing each other's journal. */
export function uniquePrefix(label: string): string {
  return `t${process.pid}${label}${prefixes++}`;
}

export function startNode(cluster: NatsCluster, options: NodeOptions): Promise<EngineProcess> {
  return startEngine({
    dataDir: options.dataDir ?? tempDataDir(options.nodeId),
    scale: 'tiny',
    env: {
      REPLICATION: 'jetstream',
      NATS_URL: cluster.url,
      ROLE: options.role,
      NODE_ID: options.nodeId,
      REPLICATION_PREFIX: options.prefix,
      LEASE_TTL_MS: String(options.leaseTtlMs ?? 1_000),
      READ_WORKERS: '1', // a standby's replicas follow what it applies from the stream (the failover test sets 0)
      ...options.env,
    },
  });
}

export async function health(url: string): Promise<ReplicationHealth> {
  const response = await fetch(`${url}/health`);
  return (await response.json()) as ReplicationHealth;
}

/** Polls /health until `ok` holds; fails with the last health seen. */
export async function waitForHealth(
  url: string,
  ok: (h: ReplicationHealth) => boolean,
  timeoutMs = 20_000,
): Promise<ReplicationHealth> {
  const until = Date.now() + timeoutMs;
  let last: ReplicationHealth | null = null;
  while (Date.now() < until) {
    try {
      last = await health(url);
      if (ok(last)) return last;
    } catch {
      // not listening (yet, or any more)
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url}: condition not met in ${timeoutMs} ms; last health ${JSON.stringify(last)}`);
}

const canonical = new Packr({ useRecords: false });

/** SHA-256 of a stopped node's journal entries 1..upTo, decoded and re-encoded one way (LMDB's own record structures
 * differ between nodes; the entries must not). */
export async function journalHash(dataDir: string, upTo: number): Promise<string> {
  const store = new LmdbStore(dataDir);
  try {
    const hash = createHash('sha256');
    let seq = 0;
    for (const entry of store.journal(1)) {
      if (entry.seq > upTo) break;
      if (entry.seq !== seq + 1) throw new Error(`${dataDir}: journal gap after ${seq}`);
      seq = entry.seq;
      hash.update(canonical.pack(entry));
    }
    if (seq !== upTo) throw new Error(`${dataDir}: journal ends at ${seq}, expected ${upTo}`);
    return hash.digest('hex');
  } finally {
    await store.close();
  }
}

/**
 * A 3-node NATS cluster for the tests of one file (started before them, stopped after), and `started`, which records
 * an engine so it is stopped (woken first, if a test paused it) and its data directory removed after them too.
 */
export function clusterForFile(): {
  cluster: () => NatsCluster;
  started: (p: Promise<EngineProcess>) => Promise<EngineProcess>;
} {
  let cluster: NatsCluster | null = null;
  const engines: EngineProcess[] = [];
  beforeAll(async () => {
    cluster = await startNatsCluster();
  });
  afterAll(async () => {
    for (const engine of engines) {
      engine.child.kill('SIGCONT');
      await engine.stop();
      fs.rmSync(engine.dataDir, { recursive: true, force: true });
    }
    await cluster?.stop();
  });
  return {
    cluster: () => {
      if (cluster === null) throw new Error('the NATS cluster starts in beforeAll');
      return cluster;
    },
    started: async (promise) => {
      const engine = await promise;
      engines.push(engine);
      return engine;
    },
  };
}
