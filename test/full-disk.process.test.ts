// Full disk, for real: the engine's data directory on a small tmpfs filled to the last byte. Commands come back
// storage_unavailable (never a crash, never an ok that is lost), the balances read over the API are the durable ones
// (as a restart reads them), reads and pushes go on, /health and /metrics say so, a restart on the full disk serves
// reads, and once the filler is deleted the engine takes commands again by itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { STORAGE_PROBE_INTERVAL_MS } from '../schemas/limits.ts';
import { type EngineProcess, REPO_ROOT, startEngine, tempDataDir } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const TMPFS_SIZE = '48m';
const IN_FLIGHT = 32;
const COMMANDS_MAX = 50_000;
const WAREHOUSE = '10';
/** Left free after filling: some commits still fit, as on a disk that fills up under load. */
const SLACK_BYTES = 256 * 1024;
/** More than the slack: cannot fit once the disk is full. */
const UPLOAD_BYTES = 1024 * 1024;

/** Mounts a tmpfs of its own, or says why it cannot (not root, no mount in a container): the test is then skipped. */
function mountTmpfs(): { dir: string; skip: string | null } {
  const dir = tempDataDir('fulldisk');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir, skip: null };
  } catch (error) {
    const reason = `cannot mount a tmpfs (${(error as Error).message.split('\n')[0]}): full-disk test skipped`;
    console.warn(reason);
    return { dir, skip: reason };
  }
}

/** Takes every free byte of the file system (big chunks, then small ones, until ENOSPC), then gives `slackBytes` back. */
function fillDisk(file: string, slackBytes: number): void {
  const fd = fs.openSync(file, 'w');
  for (const chunk of [1024 * 1024, 4096, 512]) {
    const bytes = Buffer.alloc(chunk, 1);
    try {
      for (;;) fs.writeSync(fd, bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
  fs.closeSync(fd);
  fs.truncateSync(file, Math.max(0, fs.statSync(file).size - slackBytes));
}

const adjust = (client: TestClient, artNo: string) =>
  client.request('admin.stockAdjust', { warehouse: WAREHOUSE, artNo, delta: 1, reason: 'received' });
const onHandOf = async (client: TestClient, artNo: string): Promise<number> =>
  (await client.call('stock.get', { artNo, warehouse: WAREHOUSE })).rows[0].onHand;
const health = async (engine: EngineProcess) => (await fetch(`${engine.url}/health`)).json();

/** Sends +1 adjustments, IN_FLIGHT at a time, until one is refused: how many were acknowledged, and the refusal. */
async function adjustUntilRefused(client: TestClient, artNo: string): Promise<{ acked: number; code: string }> {
  let acked = 0;
  for (let sent = 0; sent < COMMANDS_MAX; sent += IN_FLIGHT) {
    const replies = await Promise.all(Array.from({ length: IN_FLIGHT }, () => adjust(client, artNo)));
    acked += replies.filter((reply) => reply.ok).length;
    const refused = replies.find((reply) => !reply.ok);
    if (refused !== undefined && !refused.ok) return { acked, code: refused.error.code };
  }
  return { acked, code: 'none' };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const tmpfs = mountTmpfs();

describe('full disk', () => {
  const engines: EngineProcess[] = [];
  afterAll(async () => {
    for (const engine of engines) if (engine.child.exitCode === null) await engine.kill9();
    if (tmpfs.skip === null) execFileSync('umount', [tmpfs.dir]);
  });

  it.skipIf(tmpfs.skip !== null)(
    'refuses, keeps serving, loses nothing and resumes by itself',
    async () => {
      const start = async () => {
        const engine = await startEngine({ dataDir: tmpfs.dir });
        engines.push(engine);
        const client = await TestClient.connect(engine.wsUrl);
        await client.login('hmc1');
        return { engine, client };
      };
      let { engine, client } = await start();
      const { articles } = await client.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
      const artNo: string = articles[0].artNo;
      const onHand0 = await onHandOf(client, artNo);
      const watcher = await TestClient.connect(engine.wsUrl);
      const { token } = await watcher.login('ot1');
      await watcher.call('subscribe', { topic: `stock/${artNo}` });
      const filler = path.join(tmpfs.dir, 'filler');
      fillDisk(filler, SLACK_BYTES);

      // Until the first refusal: every ok is durable, the refusal is storage_unavailable, the engine lives on.
      const first = await adjustUntilRefused(client, artNo);
      expect(first.code).toBe('storage_unavailable');
      expect(first.acked).toBeGreaterThan(0);
      expect(engine.child.exitCode).toBeNull();
      const durable1 = onHand0 + first.acked;
      expect(await onHandOf(client, artNo)).toBe(durable1); // nothing of the failed commands left in memory
      const refused = await adjust(client, artNo);
      expect(refused.ok ? 'ok' : refused.error.code).toBe('storage_unavailable');
      expect(await health(engine)).toMatchObject({ status: 'storage_unavailable', storage: { writable: false } });
      const metrics = await (await fetch(`${engine.url}/metrics`)).text();
      expect(metrics).toMatch(/^aidstock_storage_writable 0$/m);
      expect(Number(/^aidstock_commit_failures_total (\d+)$/m.exec(metrics)![1])).toBeGreaterThan(0);
      // An upload that does not fit is an error reply, not a hang or a crash.
      const upload = await fetch(`${engine.url}/api/attachments`, {
        method: 'POST',
        body: Buffer.alloc(UPLOAD_BYTES, 7),
        headers: { 'content-type': 'application/pdf', 'x-file-name': 'blankett.pdf', authorization: `Bearer ${token}` },
      });
      expect(upload.status).toBe(503);
      expect(await upload.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
      // Reads and pushes: the push of the last acknowledged write came, none of a refused one.
      expect((await watcher.call('catalog.article', { artNo })).article.artNo).toBe(artNo);
      const lastStockPush = () =>
        watcher.pushes.filter((p) => p.topic === `stock/${artNo}`).at(-1)?.event as unknown as
          | { onHand: number }
          | undefined;
      await until(async () => lastStockPush()?.onHand === durable1, 5_000);

      // A restart on the still-full disk: no crash, the same balance, reads served; writes refused or accepted, never lost.
      await client.close();
      await watcher.close();
      await engine.stop();
      ({ engine, client } = await start());
      expect(await onHandOf(client, artNo)).toBe(durable1);
      const second = await adjustUntilRefused(client, artNo);
      expect(second.code).toBe('storage_unavailable');
      const durable2 = durable1 + second.acked;
      expect(await onHandOf(client, artNo)).toBe(durable2);
      expect(engine.child.exitCode).toBeNull();

      // Space comes back: the probe finds it and commands are accepted again, with their pushes.
      const watcher2 = await TestClient.connect(engine.wsUrl);
      await watcher2.login('ot1');
      await watcher2.call('subscribe', { topic: `stock/${artNo}` });
      fs.rmSync(filler);
      const freedMs = Date.now();
      await until(async () => (await health(engine)).status === 'ok', STORAGE_PROBE_INTERVAL_MS * 5);
      console.log(
        `full disk: ${first.acked} acknowledged before the first refusal, ${second.acked} after a restart on the full ` +
          `disk; writable again ${Date.now() - freedMs} ms after the filler was deleted`,
      );
      const accepted = await adjust(client, artNo);
      expect(accepted.ok).toBe(true);
      await watcher2.waitForPush(
        (p) => p.topic === `stock/${artNo}` && (p.event as unknown as { onHand: number }).onHand === durable2 + 1,
      );
      await client.close();
      await watcher2.close();
      await engine.stop();

      // Every acknowledged write is on disk, none of the refused ones.
      ({ engine, client } = await start());
      expect(await onHandOf(client, artNo)).toBe(durable2 + 1);
      await client.close();
      await engine.stop();
    },
    240_000,
  );

  it.skipIf(tmpfs.skip !== null)(
    'LMDB writes nothing queued after a failed commit, until the store is re-read',
    async () => {
      const dir = path.join(tmpfs.dir, 'chain');
      const store = new LmdbStore(dir);
      await store.append(
        [
          {
            seq: 1,
            timeMs: 1,
            events: [{ type: 'profile.updated', userId: 'ot1', email: 'durable', phone: '' } as never],
          },
        ],
        [],
      );
      await store.close();
      const filler = path.join(tmpfs.dir, 'chain-filler');
      fillDisk(filler, 64 * 1024);
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/lmdb-chain-check.ts', dir, filler], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({
        settled: ['rejected', 'rejected'], // the small one fitted, but was decided on top of the failed one
        seqAfterFailure: 1,
        journal: ['1:durable', '2:after'],
      });
    },
  );
});
