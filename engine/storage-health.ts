// Full disk: whether the engine accepts commands, and why not. Entered when a commit fails (disk full, I/O error);
// left when a probe write succeeds again. Reads, queries and pushes go on either way.

/** The reply to a command while the store is not writable (or when its own commit failed). */
export interface StorageUnavailable {
  ok: false;
  code: 'storage_unavailable';
  message: string;
}

export const STORAGE_UNAVAILABLE: StorageUnavailable = {
  ok: false,
  code: 'storage_unavailable',
  message:
    'Lagringen är inte tillgänglig (disken kan vara full): ändringen sparades inte. Läsning fungerar; försök igen senare.',
};

/** What /health and /metrics show. */
export interface StorageStatus {
  writable: boolean;
  /** Why not (the store's error), null while writable. */
  reason: string | null;
  /** When writing stopped (clock ms), null while writable. */
  sinceMs: number | null;
  /** Commands whose commit failed (or was skipped after a failed one), since start. */
  failedCommits: number;
  /** Times writing came back after a failure, since start. */
  recoveries: number;
}

export function writableStatus(): StorageStatus {
  return { writable: true, reason: null, sinceMs: null, failedCommits: 0, recoveries: 0 };
}
