// REPLICATION=jetstream and its settings (issue 17), read once at start. No NATS import here: with REPLICATION unset
// main.ts never loads the replication code.
import { randomUUID } from 'node:crypto';
import {
  LEASE_TTL_MS_DEFAULT,
  LEASE_TTL_MS_MIN,
  SNAPSHOT_INTERVAL_MS_DEFAULT,
  STREAM_MAX_AGE_MS_DEFAULT,
} from '../../schemas/limits.ts';

export interface ReplicationConfig {
  /** NATS_URL: one or more servers of the JetStream cluster, comma-separated. */
  natsUrl: string[];
  /** ROLE: a primary seeds an empty data directory; a standby fills an empty one from the latest snapshot. */
  role: 'primary' | 'standby';
  /** NODE_ID: names this node in the lease (default: a random id per start). */
  nodeId: string;
  /** ADVERTISE_URL: where clients reach this node (in the lease, and in `read_only` replies); default from PORT. */
  advertiseUrl: string | null;
  leaseTtlMs: number;
  snapshotIntervalMs: number;
  streamMaxAgeMs: number;
  /** REPLICATION_PREFIX: names of the stream and buckets, so several clusters can share one NATS account (tests). */
  prefix: string;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name} must be an integer ≥ ${min}, got ${env[name]}`);
  return value;
}

/** Null without REPLICATION: the engine runs on its local store alone, exactly as before. */
export function replicationConfigFromEnv(env: NodeJS.ProcessEnv): ReplicationConfig | null {
  const mode = env.REPLICATION ?? '';
  if (mode === '' || mode === 'off') return null;
  if (mode !== 'jetstream') throw new Error(`REPLICATION must be jetstream (or unset), got ${mode}`);
  const natsUrl = (env.NATS_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (natsUrl.length === 0) throw new Error('NATS_URL must be set when REPLICATION=jetstream');
  const role = (env.ROLE ?? 'primary') as ReplicationConfig['role'];
  if (role !== 'primary' && role !== 'standby') throw new Error(`ROLE must be primary or standby, got ${env.ROLE}`);
  const prefix = env.REPLICATION_PREFIX ?? 'aidstock';
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(prefix)) throw new Error(`REPLICATION_PREFIX must be 1–32 of A-Z a-z 0-9 _ -`);
  return {
    natsUrl,
    role,
    nodeId: env.NODE_ID || randomUUID().slice(0, 8),
    advertiseUrl: env.ADVERTISE_URL || null,
    leaseTtlMs: positiveInt(env, 'LEASE_TTL_MS', LEASE_TTL_MS_DEFAULT, LEASE_TTL_MS_MIN),
    snapshotIntervalMs: positiveInt(env, 'SNAPSHOT_INTERVAL_MS', SNAPSHOT_INTERVAL_MS_DEFAULT, 1_000),
    streamMaxAgeMs: positiveInt(env, 'STREAM_MAX_AGE_MS', STREAM_MAX_AGE_MS_DEFAULT, 60_000),
    prefix,
  };
}
