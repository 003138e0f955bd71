// Full disk on /health and /metrics: whether the store takes writes, why not, and how often commits failed.
import type { StorageStatus } from '../storage-health.ts';
import { family } from './metrics.ts';

/** The `/health` fields: status `storage_unavailable` (HTTP stays 200: reads are served; see README "Full disk"). */
export function storageHealth(storage: StorageStatus): { status: string; storage: StorageStatus } {
  return { status: storage.writable ? 'ok' : 'storage_unavailable', storage: { ...storage } };
}

/** Prometheus lines appended to /metrics. */
export function storageMetrics(storage: StorageStatus): string {
  const lines = [
    ...family(
      'aidstock_storage_writable',
      'gauge',
      '1 while commands are accepted, 0 while the store refuses writes (disk full).',
      storage.writable ? 1 : 0,
    ),
    ...family(
      'aidstock_commit_failures_total',
      'counter',
      'Commands whose commit failed (disk full, I/O error) and were not applied.',
      storage.failedCommits,
    ),
    ...family(
      'aidstock_storage_recoveries_total',
      'counter',
      'Times writing came back after a failure.',
      storage.recoveries,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
