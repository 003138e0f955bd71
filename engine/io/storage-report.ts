// Full disk on /health and /metrics: whether the store takes writes, why not, and how often commits failed.
import type { StorageStatus } from '../storage-health.ts';

/** The `/health` fields: status `storage_unavailable` (HTTP stays 200: reads are served; see README "Full disk"). */
export function storageHealth(storage: StorageStatus): { status: string; storage: StorageStatus } {
  return { status: storage.writable ? 'ok' : 'storage_unavailable', storage: { ...storage } };
}

/** Prometheus lines appended to /metrics. */
export function storageMetrics(storage: StorageStatus): string {
  return [
    '# HELP aidstock_storage_writable 1 while commands are accepted, 0 while the store refuses writes (disk full).',
    '# TYPE aidstock_storage_writable gauge',
    `aidstock_storage_writable ${storage.writable ? 1 : 0}`,
    '# HELP aidstock_commit_failures_total Commands whose commit failed (disk full, I/O error) and were not applied.',
    '# TYPE aidstock_commit_failures_total counter',
    `aidstock_commit_failures_total ${storage.failedCommits}`,
    '# HELP aidstock_storage_recoveries_total Times writing came back after a failure.',
    '# TYPE aidstock_storage_recoveries_total counter',
    `aidstock_storage_recoveries_total ${storage.recoveries}`,
    '',
  ].join('\n');
}
