// Backup and restore (issue 13): scheduled backups (BACKUP_DIR, BACKUP_INTERVAL_MS, BACKUPS_KEPT) and one on demand
// (`npm run backup`, beside the running engine) taken while commands keep coming; each restored with `npm run restore`
// into a fresh data directory starts an engine at exactly the backup's state: its seq, the balance the acknowledged
// command of that seq reported, and the live journal's entries up to it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../engine/store/lmdb-backup.ts';
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { REPO_ROOT, startEngine, tempDataDir, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const work = tempDataDir('backup');
const scheduledDir = path.join(work, 'scheduled');
const onDemandDir = path.join(work, 'on-demand');
const KEPT = 2;
const engines: EngineProcess[] = [];

afterAll(async () => {
  for (const e of engines) await e.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs an npm script's entry (as `npm run <name>` does) and resolves with its output; rejects on a non-zero exit. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} exited ${code}: ${output}`)),
    );
  });
}

async function journalOf(dataDir: string): Promise<unknown[]> {
  const store = new LmdbStore(dataDir);
  const entries = [...store.journal(1)];
  await store.close();
  return entries;
}

describe('backup and restore', () => {
  it('backs up online while commands keep coming; a restore starts an engine at the backup state', async () => {
    const live = await startEngine({
      dataDir: path.join(work, 'live'),
      env: { BACKUP_DIR: scheduledDir, BACKUP_INTERVAL_MS: '300', BACKUPS_KEPT: String(KEPT) },
    });
    engines.push(live);
    const staff = await TestClient.connect(live.wsUrl);
    await staff.login('hmc1');
    const { articles } = await staff.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
    const artNo = articles[0].artNo as string;

    // The writer: rounds of pipelined adjustments until told to stop; every acknowledged seq with its balance.
    const onHandAt = new Map<number, number>();
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const replies = await Promise.all(
          Array.from({ length: 50 }, () =>
            staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 1, reason: 'received' }),
          ),
        ).catch((error: unknown) => {
          // A refused command is a failure of the engine, not of the wait: say what the engine said.
          throw new Error(`writer: ${error instanceof Error ? error.message : error}\n${live.output().slice(-2_000)}`);
        });
        for (const r of replies) onHandAt.set(r.seq as number, r.onHand as number);
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const onDemand = await runScript('backup', [onDemandDir], { DATA_DIR: live.dataDir });
    expect(onDemand).toMatch(/backup written/);
    while ((live.output().match(/backup written/g) ?? []).length < KEPT + 2)
      await new Promise((r) => setTimeout(r, 100));
    // Two more rounds acknowledged after the last backup was written, so a command surely follows its snapshot (a fixed
    // wait was not enough on a slow, busy machine).
    const ackedAtLastBackup = onHandAt.size;
    let writerFailed: unknown = null;
    writer.catch((error: unknown) => (writerFailed = error));
    while (onHandAt.size < ackedAtLastBackup + 100 && writerFailed === null)
      await new Promise((r) => setTimeout(r, 50));
    writing = false;
    await writer;
    await staff.close();
    await live.stop();
    engines.pop();

    const scheduled = listBackups(scheduledDir);
    expect(scheduled).toHaveLength(KEPT); // older ones pruned
    expect(fs.readdirSync(scheduledDir).filter((n) => n.endsWith('.partial'))).toEqual([]);
    const liveJournal = await journalOf(live.dataDir);
    const seqs = [...onHandAt.keys()].sort((a, b) => a - b);

    const onDemandBackups = listBackups(onDemandDir);
    for (const backup of [...onDemandBackups, scheduled.at(-1)!]) {
      const dataDir = tempDataDir('restored');
      const restored = await runScript('restore', [backup], { DATA_DIR: dataDir });
      const seq = Number(/\(seq (\d+)\)/.exec(restored)![1]);
      // Taken mid-stream: commands were acknowledged before and after the on-demand one. The scheduler keeps going
      // until the engine stops, so the newest scheduled backup may follow the last command.
      expect(seq).toBeGreaterThan(seqs[0]!);
      if (onDemandBackups.includes(backup)) expect(seq).toBeLessThan(seqs.at(-1)!);
      else expect(seq).toBeLessThanOrEqual(seqs.at(-1)!);
      const engine = await startEngine({ dataDir });
      engines.push(engine);
      expect(engine.output()).not.toMatch(/seeding/);
      expect(((await (await fetch(`${engine.url}/health`)).json()) as { seq: number }).seq).toBe(seq);
      const client = await TestClient.connect(engine.wsUrl);
      await client.login('hmc1');
      const stock = await client.call('stock.get', { artNo, warehouse: '10' });
      const lastAcked = seqs.filter((s) => s <= seq).at(-1)!;
      expect(stock.rows[0].onHand).toBe(onHandAt.get(lastAcked));
      await client.close();
      await engine.stop();
      engines.pop();
      expect(await journalOf(dataDir)).toEqual(liveJournal.slice(0, seq));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('restore refuses a data directory that already holds a store, and a missing file', async () => {
    const dataDir = tempDataDir('restore-refuse');
    fs.writeFileSync(path.join(dataDir, 'aidstock.mdb'), 'live data');
    const backup = path.join(work, 'some.mdb');
    fs.writeFileSync(backup, 'x');
    await expect(runScript('restore', [backup], { DATA_DIR: dataDir })).rejects.toThrow(/exists/);
    expect(fs.readFileSync(path.join(dataDir, 'aidstock.mdb'), 'utf8')).toBe('live data');
    await expect(runScript('restore', [path.join(work, 'nope.mdb')], { DATA_DIR: tempDataDir('r') })).rejects.toThrow(
      /no backup file/,
    );
  });
});
