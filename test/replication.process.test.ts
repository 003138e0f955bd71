// Primary and standby on NATS JetStream (issue 17), on a 3-node cluster started here: a standby bootstrapped from the
// primary's snapshot follows its orders, refuses commands with `read_only` and the primary's address, reports its lag;
// a standby that joins later catches up from a newer snapshot; the journals are identical by hash. A paused primary
// (SIGSTOP past its lease) acknowledges nothing after it wakes up, and every order it did acknowledge is on the new one.
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
import { linesOf, type Placed, placeOrders, prescriber } from './helpers/replication-orders.ts';
import { TestClient } from './helpers/ws-client.ts';

const { cluster: natsCluster, started } = clusterForFile();

describe('replication on JetStream', () => {
  it('a standby follows the primary, refuses commands with the primary’s address, and journals agree', async () => {
    const prefix = uniquePrefix('follow');
    // A lease long enough that a busy machine (the test tiers run in parallel) never loses it here.
    const primary = await started(
      startNode(natsCluster(), {
        role: 'primary',
        prefix,
        nodeId: 'p',
        leaseTtlMs: 5_000,
        env: { SNAPSHOT_INTERVAL_MS: '1000' },
      }),
    );
    await waitForHealth(primary.url, (h) => h.replication.state === 'leading');
    const standby = await started(
      startNode(natsCluster(), { role: 'standby', prefix, nodeId: 's1', leaseTtlMs: 5_000 }),
    );

    const { client, ordering, token } = await prescriber(primary);
    const placed = await placeOrders(client, ordering, 300);
    const seq = (await health(primary.url)).seq;
    const caughtUp = await waitForHealth(standby.url, (h) => h.replication.appliedSeq === seq);
    expect(caughtUp.replication).toMatchObject({
      role: 'standby',
      state: 'following',
      primary: `http://localhost:${primary.port}`,
      lagEntries: 0,
    });
    expect(caughtUp.replication.lagMsP99).toBeGreaterThanOrEqual(0);

    // The session made on the primary is resumed on the standby (shared through the sessions bucket).
    const reader = await TestClient.connect(standby.wsUrl);
    expect((await reader.request('session.resume', { token })).ok).toBe(true);
    for (const order of placed) {
      const got = (await reader.call('order.get', { orderNo: order.orderNo })) as { lines: Placed['lines'] };
      expect(linesOf(got.lines)).toEqual(order.lines);
    }
    const refused = await reader.request('order.place', placeArgs(ordering, 10_000));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('read_only');
      expect((refused.error as { primary?: string }).primary).toBe(`http://localhost:${primary.port}`);
    }
    const metrics = await (await fetch(`${standby.url}/metrics`)).text();
    expect(metrics).toMatch(/aidstock_replication_lag_ms_p99 \d/);
    expect(metrics).toMatch(/aidstock_replication_leading 0/);

    // A standby joining later starts from a newer snapshot (SNAPSHOT_INTERVAL_MS) and the stream after it.
    await waitForHealth(
      primary.url,
      (h) => (h.replication as { lastSnapshotSeq?: number }).lastSnapshotSeq! >= seq,
      10_000,
    );
    await placeOrders(client, ordering, 50, 16, 300);
    const late = await started(startNode(natsCluster(), { role: 'standby', prefix, nodeId: 's2', leaseTtlMs: 5_000 }));
    const finalSeq = (await health(primary.url)).seq;
    await waitForHealth(late.url, (h) => h.replication.appliedSeq === finalSeq);
    await waitForHealth(standby.url, (h) => h.replication.appliedSeq === finalSeq);
    await client.close();
    await reader.close();

    for (const engine of [primary, standby, late]) await engine.stop();
    const hashes = await Promise.all([primary, standby, late].map((e) => journalHash(e.dataDir, finalSeq)));
    expect(new Set(hashes).size).toBe(1);
  });

  it('a paused primary (SIGSTOP past its lease) acknowledges nothing after it wakes; what it acknowledged survives', async () => {
    const prefix = uniquePrefix('pause');
    const primary = await started(
      startNode(natsCluster(), { role: 'primary', prefix, nodeId: 'p', leaseTtlMs: 2_000 }),
    );
    await waitForHealth(primary.url, (h) => h.replication.state === 'leading');
    const standby = await started(
      startNode(natsCluster(), { role: 'standby', prefix, nodeId: 's', leaseTtlMs: 2_000 }),
    );
    const { client, ordering } = await prescriber(primary);

    const acked: Placed[] = [];
    let paused = false;
    let woken = false;
    const afterWake: Array<{ ok: boolean; code?: string }> = [];
    let next = 0;
    let stop = false;
    const loops = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const args = placeArgs(ordering, next++) as Placed['args'];
        const reply = await client.request('order.place', args);
        if (woken) afterWake.push(reply.ok ? { ok: true } : { ok: false, code: reply.error.code });
        if (reply.ok) {
          const result = reply.result as Placed;
          acked.push({ args, orderNo: result.orderNo, lines: linesOf(result.lines) });
        } else if (!paused) throw new Error(`refused before the pause: ${JSON.stringify(reply.error)}`);
        else if (reply.error.code !== 'read_only')
          throw new Error(`unexpected refusal: ${JSON.stringify(reply.error)}`);
      }
    });
    while (acked.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    paused = true;
    primary.child.kill('SIGSTOP');
    await waitForHealth(standby.url, (h) => h.replication.state === 'leading', 15_000);
    woken = true;
    primary.child.kill('SIGCONT');
    await waitForHealth(primary.url, (h) => h.replication.state === 'following', 15_000);
    while (afterWake.length < 50) await new Promise((resolve) => setTimeout(resolve, 5));
    stop = true;
    await Promise.all(loops);
    expect(afterWake.filter((r) => r.ok)).toEqual([]);

    // Every acknowledged order is on the new primary, with its lines: a replay of its key finds it.
    const { client: second } = await prescriber(standby);
    for (const order of acked) {
      const reply = await second.request('order.place', order.args);
      expect(reply.ok).toBe(true);
      if (reply.ok) {
        const result = reply.result as Placed & { replayed: boolean };
        expect(result.replayed).toBe(true);
        expect(result.orderNo).toBe(order.orderNo);
        expect(linesOf(result.lines)).toEqual(order.lines);
      }
    }
    const seq = (await health(standby.url)).seq;
    await waitForHealth(primary.url, (h) => h.replication.appliedSeq === seq);
    await client.close();
    await second.close();
  });
});
