// What a cluster shares besides the journal (issue 17): attachments and the patient-data access log. An upload to any
// node is in the shared bucket before it is acknowledged and is copied to every node, so a work order on the primary
// may name a file uploaded to a standby, and a standby that takes over after kill -9 of the primary still serves the
// files the old primary acknowledged. A read logged on any node is in every node's log with the same id, and the old
// primary's reads are in the new primary's log after a failover.
import { describe, expect, it } from 'vitest';
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import type { AccessEntry } from '../schemas/access-log.ts';
import type { EngineProcess } from './helpers/engine-process.ts';
import { clusterForFile, health, startNode, uniquePrefix, waitForHealth } from './helpers/replication-nodes.ts';
import { TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const ALL_TIME = { fromMs: 0, toMs: 2 ** 52 };

const { cluster: natsCluster, started } = clusterForFile();

const upload = (engine: EngineProcess, token: string, body: Uint8Array, name: string) =>
  fetch(`${engine.url}/api/attachments`, {
    method: 'POST',
    body: Buffer.from(body),
    headers: {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(name),
      authorization: `Bearer ${token}`,
    },
  });

async function uploaded(engine: EngineProcess, token: string, body: Uint8Array, name: string): Promise<string> {
  const res = await upload(engine, token, body, name);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function downloaded(engine: EngineProcess, token: string, id: string): Promise<Uint8Array> {
  const res = await fetch(`${engine.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** A signed-in client on `engine` with a session made elsewhere (shared through the sessions bucket). */
async function resumed(engine: EngineProcess, token: string): Promise<TestClient> {
  const client = await TestClient.connect(engine.wsUrl);
  const until = Date.now() + 10_000;
  for (;;) {
    const reply = await client.request('session.resume', { token });
    if (reply.ok) return client;
    if (Date.now() > until) throw new Error(`session not shared with ${engine.url}: ${JSON.stringify(reply)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function patientLog(reviewer: TestClient): Promise<AccessEntry[]> {
  const extract = await reviewer.call('accessLog.patient', { pnr: ERIK, ...ALL_TIME, limit: 500 });
  return extract.entries as AccessEntry[];
}

/** Every entry of a stopped node's access log, in id order. */
async function accessLogOf(dataDir: string): Promise<AccessEntry[]> {
  const store = new LmdbStore(dataDir);
  try {
    const entries: AccessEntry[] = [];
    for (let id = 1; id <= store.accessLog.count(); id++) entries.push(store.accessLog.get(id)!);
    return entries;
  } finally {
    await store.close();
  }
}

describe('attachments and the access log in a cluster', () => {
  it('are shared by every node and survive kill -9 of the primary', async () => {
    const prefix = uniquePrefix('side');
    const primary = await started(
      startNode(natsCluster(), { role: 'primary', prefix, nodeId: 'p', leaseTtlMs: 1_500 }),
    );
    await waitForHealth(primary.url, (h) => h.replication.state === 'leading');
    const standby = await started(
      startNode(natsCluster(), { role: 'standby', prefix, nodeId: 's', leaseTtlMs: 1_500 }),
    );
    await waitForHealth(standby.url, (h) => h.replication.state === 'following');

    const ot = await TestClient.connect(primary.wsUrl);
    const otToken = (await ot.login('ot1')).token;
    const reviewerOnPrimary = await TestClient.connect(primary.wsUrl);
    const reviewerToken = (await reviewerOnPrimary.login('log1')).token;
    const otOnStandby = await resumed(standby, otToken);

    // Uploads to either node; each is served by the other, byte for byte.
    const onPrimary = Uint8Array.from({ length: 700_000 }, (_, i) => (i * 13) & 0xff);
    const onStandby = Uint8Array.from({ length: 150_000 }, (_, i) => (i * 5 + 1) & 0xff);
    const primaryId = await uploaded(primary, otToken, onPrimary, 'Intyg.pdf');
    const standbyId = await uploaded(standby, otToken, onStandby, 'Bild från besöket.pdf');
    expect(await downloaded(standby, otToken, primaryId)).toEqual(onPrimary);
    expect(await downloaded(primary, otToken, standbyId)).toEqual(onStandby);
    // A work order on the primary names the file uploaded to the standby.
    const { workOrder } = await ot.call('workorder.create', {
      destination: 'consultant',
      title: 'Utprovning',
      attachments: [standbyId, primaryId],
    });
    expect(workOrder.attachments.map((a: { bytes: number }) => a.bytes)).toEqual([onStandby.length, onPrimary.length]);

    // A read on the standby is in the primary's log, with the same id on both nodes.
    await otOnStandby.call('patient.get', { pnr: ERIK });
    const onPrimaryLog = await patientLog(reviewerOnPrimary);
    const standbyRead = onPrimaryLog.find((e) => e.action === 'patient.get' && e.userId === 'ot1');
    expect(standbyRead).toMatchObject({ pnr: ERIK12 });
    const reviewerOnStandby = await resumed(standby, reviewerToken);
    const onStandbyLog = await patientLog(reviewerOnStandby);
    // The standby's view also holds the reviewer's own read on the primary just now, and then its own read.
    expect(onStandbyLog.slice(0, onPrimaryLog.length)).toEqual(onPrimaryLog);
    const position = ((await health(primary.url)).replication as { accessLogPosition?: number }).accessLogPosition;
    expect(position).toBeGreaterThan(0);

    // kill -9 of the primary: the standby takes over with every file and every logged read of the old primary.
    const lastOnPrimary = await patientLog(reviewerOnPrimary);
    for (const c of [ot, reviewerOnPrimary, otOnStandby, reviewerOnStandby]) await c.close();
    await primary.kill9();
    await waitForHealth(standby.url, (h) => h.replication.state === 'leading', 20_000);
    const hmc = await TestClient.connect(standby.wsUrl);
    const hmcToken = (await hmc.login('hmc1')).token;
    expect(await downloaded(standby, hmcToken, primaryId)).toEqual(onPrimary);
    const reviewer = await TestClient.connect(standby.wsUrl);
    await reviewer.login('log1');
    const afterFailover = await patientLog(reviewer);
    expect(afterFailover.slice(0, lastOnPrimary.length)).toEqual(lastOnPrimary);
    await hmc.close();
    await reviewer.close();

    // On disk: the old primary's log is a prefix of the new primary's, entry for entry (ids included).
    await standby.stop();
    const [oldLog, newLog] = await Promise.all([accessLogOf(primary.dataDir), accessLogOf(standby.dataDir)]);
    expect(newLog.length).toBeGreaterThan(oldLog.length);
    expect(newLog.slice(0, oldLog.length)).toEqual(oldLog);
  }, 90_000);
});
