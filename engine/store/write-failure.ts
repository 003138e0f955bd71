// Store write failures: the error a failed commit rejects with (disk full, quota, I/O), and how to recognise
// lmdb-js's own rejection of a failed transaction (it also rejects promises it never hands out).

/** A commit that did not reach the disk, or was skipped because an earlier one did not. */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
}

/** lmdb-js rejects every write of a failed transaction with an error carrying `commitError` (the cause, as a promise). */
export function isLmdbCommitFailure(error: unknown): boolean {
  return error instanceof Error && 'commitError' in error;
}

/** Silences the cause promise lmdb-js attaches (it rejects too) and wraps the failure as a StoreWriteError. */
export function storeWriteErrorOf(error: unknown): StoreWriteError {
  if (isLmdbCommitFailure(error)) {
    (error as { commitError: Promise<unknown> }).commitError.catch(() => {});
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreWriteError(`commit failed: ${message}`, { cause: error });
}
