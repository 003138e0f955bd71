// Vitest global setup: every temporary directory of a run (the engines' data directories, NATS servers' stores,
// Chromium profiles, uploads) goes under one directory made here, removed when the run ends, so repeated runs on a
// developer's machine do not pile up gigabytes in the system's temp directory. Forks and the processes they spawn
// inherit TMPDIR, and os.tmpdir() follows it.
// Vitest calls a global setup once per project (tier) in the same process: the first call makes the directory, the
// others find it and leave it alone. One short path matters: Chromium puts a Unix socket (at most 107 bytes of path)
// in its profile under TMPDIR, and nested directories made it fail to start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MARKER = 'AIDSTOCK_TEST_TMPDIR';

export default function setup(): () => void {
  if (process.env[MARKER] !== undefined) return () => {};
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-t-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  process.env[MARKER] = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env[MARKER];
    fs.rmSync(root, { recursive: true, force: true });
  };
}
