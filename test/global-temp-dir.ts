// Vitest global setup: every temporary directory of a run (the engines' data directories, NATS servers' stores,
// Chromium profiles, uploads) goes under one directory made here, removed when the run ends, so repeated runs on a
// developer's machine do not pile up gigabytes in the system's temp directory. Forks and the processes they spawn
// inherit TMPDIR, and os.tmpdir() follows it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
