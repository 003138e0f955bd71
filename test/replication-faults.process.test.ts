// Faults of the NATS side (issue 17), on a 3-node cluster of this file's own (the tests pause its servers):
// 1. Quorum lost (two of three servers frozen): no command is acknowledged, the engine keeps serving the catalog and
//    withholds patient data it cannot log (storage_unavailable), nothing crashes; once the servers wake, a node leads
//    again and every order acknowledged before is there.
// 2. The journal stream trimmed (as STREAM_MAX_AGE_MS would, here by a purge): a standby whose data directory is older
//    than what the stream keeps stops with a message saying what to do; a new standby on an empty directory joins
//    from the latest snapshot and the stream after it, and its journal is the primary's, by hash.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { placeArgs } from '../bench/workloads.ts';
import {
  clusterForFile,
  health,
  journalHash,
  startNode,
  uniquePrefix,
  waitForHealth,
} from './helpers/replication-nodes.ts';
import { expectAllThere, placeOrders, prescriber } from './helpers/replication-orders.ts';
import { TestClient } from './helpers/ws-client.ts';

const { cluster: natsCluster, started } = clusterForFile();
const ERIK = '19811218-9876';

const lastSnapshotSeq = (h: { replication: unknown }) =>
  (h.replication as { lastSnapshotSeq?: number }).lastSnapshotSeq ?? -1;

describe('replication faults', () => {
  it('quorum lost: nothing acknowledged, reads go on, patient data withheld; afterwards a node leads and nothing is lost', async () => {
    const prefix = uniquePrefix('quorum');
    const cluster = natsCluster();
    const options = { prefix, leaseTtlMs: 1_500 };
    const primary = await started(startNode(cluster, { ...options, role: 'primary', nodeId: 'p' }));
    await waitForHealth(primary.url, (h) => h.replication.state === 'leading');
    const standby = await started(startNode(cluster, { ...options, role: 'standby', nodeId: 's' }));
    await waitForHealth(standby.url, (h) => h.replication.state === 'following');
    const { client, ordering } = await prescriber(primary);
    const acked = await placeOrders(client, ordering, 100);

    cluster.pause(1);
    cluster.pause(2);
    try {
      // Within the publish timeout every command is refused, none acknowledged; the engine answers, never crashes.
      const until = Date.now() + 15_000;
      let refusedAfterLoss = 0;
      for (let i = 0; refusedAfterLoss < 3; i++) {
        if (Date.now() > until) throw new Error('commands still acknowledged without a quorum');
        // One sent as the servers froze may still be acknowledged (replicated just before); not checked below.
        const reply = await client.request('order.place', placeArgs(ordering, 1_000 + i));
        if (!reply.ok) {
          expect(['read_only', 'storage_unavailable']).toContain(reply.error.code);
          refusedAfterLoss++;
        }
      }
      expect((await client.request('catalog.search', { text: 'rollator' })).ok).toBe(true);
      const patient = await client.request('patient.get', { pnr: ERIK });
      expect(patient.ok ? 'shown' : patient.error.code).toBe('storage_unavailable');
      expect(primary.child.exitCode).toBeNull();
      expect(standby.child.exitCode).toBeNull();
    } finally {
      cluster.resume(1);
      cluster.resume(2);
    }

    // A node leads again (either one) and takes orders; every order acknowledged before the loss is on it.
    const leader = await Promise.race(
      [primary, standby].map((node) =>
        waitForHealth(node.url, (h) => h.replication.state === 'leading', 60_000).then(() => node),
      ),
    );
    const { client: again, ordering: orderingAgain } = await prescriber(leader);
    const until = Date.now() + 30_000;
    for (;;) {
      const reply = await again.request('order.place', placeArgs(orderingAgain, 5_000));
      if (reply.ok) break;
      if (Date.now() > until) throw new Error(`no command accepted after the quorum came back: ${reply.error.code}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await expectAllThere(leader, acked)).toEqual([]);
    await client.close();
    await again.close();
  }, 150_000);

  it('a trimmed stream: a stale standby stops and says why; a new one joins from the snapshot', async () => {
    const prefix = uniquePrefix('trim');
    const cluster = natsCluster();
    const options = { prefix, leaseTtlMs: 5_000 };
    const primary = await started(
      startNode(cluster, { ...options, role: 'primary', nodeId: 'p', env: { SNAPSHOT_INTERVAL_MS: '1000' } }),
    );
    await waitForHealth(primary.url, (h) => h.replication.state === 'leading');
    const stale = await started(startNode(cluster, { ...options, role: 'standby', nodeId: 'old' }));
    const { client, ordering } = await prescriber(primary);
    await placeOrders(client, ordering, 50);
    const firstSeq = (await health(primary.url)).seq;
    await waitForHealth(stale.url, (h) => h.replication.appliedSeq === firstSeq);
    await stale.stop();

    // Orders the stale standby never saw, a snapshot that holds them, then the stream trimmed up to there.
    await placeOrders(client, ordering, 50, 16, 50);
    const seq = (await health(primary.url)).seq;
    await waitForHealth(primary.url, (h) => lastSnapshotSeq(h) >= seq, 20_000);
    const nc = await connect({ servers: cluster.urls });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.purge(`${prefix}-journal`);
      expect((await jsm.streams.info(`${prefix}-journal`)).state.messages).toBe(0);
    } finally {
      await nc.close();
    }
    const after = await placeOrders(client, ordering, 20, 4, 100);
    expect(after).toHaveLength(20);

    const restarted = await startNode(cluster, { ...options, role: 'standby', nodeId: 'old', dataDir: stale.dataDir });
    const exitCode = await new Promise<number | null>((resolve) => {
      if (restarted.child.exitCode !== null) resolve(restarted.child.exitCode);
      else restarted.child.once('exit', (code) => resolve(code));
    });
    expect(exitCode).not.toBe(0);
    expect(restarted.output()).toMatch(/no longer holds entry \d+.*empty DATA_DIR/s);

    const fresh = await started(startNode(cluster, { ...options, role: 'standby', nodeId: 'new' }));
    const finalSeq = (await health(primary.url)).seq;
    await waitForHealth(fresh.url, (h) => h.replication.appliedSeq === finalSeq);
    const reader = await TestClient.connect(fresh.wsUrl);
    await reader.login('hmc1');
    expect((await reader.request('catalog.search', { text: 'rollator' })).ok).toBe(true);
    await reader.close();
    await client.close();
    await primary.stop();
    await fresh.stop();
    expect(await journalHash(fresh.dataDir, finalSeq)).toBe(await journalHash(primary.dataDir, finalSeq));
  }, 120_000);
});
