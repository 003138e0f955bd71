// Mina anteckningar and Avvikelse / reklamation over a real WebSocket against the engine process: bad input and
// wrong roles refused, another user's note `not_found`, access logging of every reply that shows a person (one entry
// per person, durable before the reply), protected identity hidden, the reporter's message and the live topics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_NAME } from '../engine/core/patient-access/protected-identity.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { heldDevice } from './helpers/held-device.ts';
import { TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const KARIN = '19450312-2345';
const ALL_TIME = { fromMs: 0, toMs: 2 ** 52 };

let engine: EngineProcess;
let ot: TestClient;
let pt: TestClient;
let hmc: TestClient;
let reviewer: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [ot, pt, hmc, reviewer] = await Promise.all([
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
  ]);
  await Promise.all([ot.login('ot1'), pt.login('pt1'), hmc.login('hmc1'), reviewer.login('log1')]);
});
afterAll(async () => {
  await Promise.all([ot?.close(), pt?.close(), hmc?.close(), reviewer?.close()]);
  await engine?.stop();
});

async function codeOf(client: TestClient, op: string, args: unknown): Promise<string> {
  const reply = await client.request(op, args);
  return reply.ok ? 'ok' : reply.error.code;
}

interface Entry {
  pnr: string;
  action: string;
  shown: { kind: string; no: number | null };
}

/** The entries a user's calls wrote, newest last. */
async function entriesOf(userId: string): Promise<Entry[]> {
  const page = await reviewer.call('accessLog.user', { userId, ...ALL_TIME, limit: 500 });
  return page.entries;
}

/** Calls the op and returns its result and the access-log entries it wrote. */
async function logged(client: TestClient, userId: string, op: string, args: unknown) {
  const before = (await entriesOf(userId)).length;
  const result = await client.call(op, args);
  return { result, entries: (await entriesOf(userId)).slice(before) };
}

describe('Mina anteckningar over WebSocket', () => {
  it('refuses bad input and other roles', async () => {
    expect(await codeOf(ot, 'note.create', { text: '' })).toBe('invalid_request');
    expect(await codeOf(ot, 'note.create', { text: 'x'.repeat(2001) })).toBe('invalid_request');
    expect(await codeOf(ot, 'note.create', { text: 'x', pnr: ERIK, orderNo: 1 })).toBe('invalid_request');
    expect(await codeOf(ot, 'note.create', { text: 'x', extra: 1 })).toBe('invalid_request');
    expect(await codeOf(ot, 'note.update', { noteNo: 'ett', text: 'x' })).toBe('invalid_request');
    expect(await codeOf(ot, 'note.create', { text: 'x', pnr: '19811218-9875' })).toBe('invalid_pnr');
    expect(await codeOf(hmc, 'note.create', { text: 'x' })).toBe('forbidden');
    expect(await codeOf(hmc, 'note.list', {})).toBe('forbidden');
    expect(await codeOf(reviewer, 'note.list', {})).toBe('forbidden');
  });

  it("answers another user's note with not_found, and lists each user's own only", async () => {
    const { note } = await ot.call('note.create', { text: 'Ring om rollatorn' });
    expect(await codeOf(pt, 'note.update', { noteNo: note.noteNo, text: 'Kapad' })).toBe('not_found');
    expect(await codeOf(pt, 'note.delete', { noteNo: note.noteNo })).toBe('not_found');
    const theirs = await pt.call('note.list', {});
    expect(theirs.notes.map((n: { noteNo: number }) => n.noteNo)).not.toContain(note.noteNo);
    const updated = await ot.call('note.update', { noteNo: note.noteNo, text: 'Ring om rollatorn i morgon' });
    expect(updated.note.text).toBe('Ring om rollatorn i morgon');
    await ot.call('note.delete', { noteNo: note.noteNo });
    expect(await codeOf(ot, 'note.delete', { noteNo: note.noteNo })).toBe('not_found');
  });

  it('logs each reply that shows a patient (create, update, list), and none for a free note', async () => {
    const created = await logged(ot, 'ot1', 'note.create', { text: 'Erik behöver ny dyna', pnr: ERIK });
    expect(created.result.note.patient).toMatchObject({ pnr: ERIK12 });
    expect(created.entries).toEqual([
      expect.objectContaining({
        pnr: ERIK12,
        action: 'note.create',
        shown: { kind: 'note', no: created.result.note.noteNo },
      }),
    ]);
    const updated = await logged(ot, 'ot1', 'note.update', {
      noteNo: created.result.note.noteNo,
      text: 'Dyna beställd',
    });
    expect(updated.entries.map((e) => e.action)).toEqual(['note.update']);
    const listed = await logged(ot, 'ot1', 'note.list', { pnr: ERIK });
    expect(listed.result.notes.length).toBeGreaterThan(0);
    expect(listed.entries).toEqual([expect.objectContaining({ pnr: ERIK12, action: 'note.list' })]);
    const free = await logged(ot, 'ot1', 'note.create', { text: 'Fri anteckning' });
    expect(free.entries).toEqual([]);
  });

  it('hides a protected identity in a note', async () => {
    const { note } = await ot.call('note.create', { text: 'Hembesök', pnr: KARIN });
    expect(note.patient.name).toBe(PROTECTED_NAME);
    expect(JSON.stringify(await ot.call('note.list', { pnr: KARIN }))).not.toMatch(/Karin/);
  });
});

describe('Avvikelse / reklamation over WebSocket', () => {
  it('refuses bad input and wrong roles', async () => {
    expect(await codeOf(ot, 'deviation.create', { category: 'incident', text: 'Föll' })).toBe('invalid_request');
    expect(await codeOf(ot, 'deviation.create', { category: 'x', text: 'Föll', artNo: '100104' })).toBe(
      'invalid_request',
    );
    expect(
      await codeOf(ot, 'deviation.create', { category: 'risk', text: 'Föll', artNo: '100104', attachments: ['nope'] }),
    ).toBe('invalid_request');
    const missing = '0b8d5a4e-7c65-4c1b-9a0e-3f3f3f3f3f3f';
    expect(
      await codeOf(ot, 'deviation.create', { category: 'risk', text: 'Föll', artNo: '100104', attachments: [missing] }),
    ).toBe('not_found');
    expect(await codeOf(ot, 'deviation.create', { category: 'risk', text: 'Föll', artNo: '000000' })).toBe(
      'unknown_article',
    );
    expect(await codeOf(ot, 'deviation.setStatus', { deviationNo: 1, status: 'closed' })).toBe('forbidden');
    expect(await codeOf(ot, 'deviation.countsByArticle', {})).toBe('forbidden');
    expect(await codeOf(reviewer, 'deviation.list', {})).toBe('forbidden');
    expect(await codeOf(hmc, 'deviation.setStatus', { deviationNo: 1, status: 'done' })).toBe('invalid_request');
    expect(await codeOf(ot, 'subscribe', { topic: 'deviations' })).toBe('forbidden');
    expect(await codeOf(ot, 'subscribe', { topic: 'deviations/pt1' })).toBe('forbidden');
    expect(await codeOf(ot, 'subscribe', { topic: 'deviations/ot1' })).toBe('ok');
    expect(await codeOf(hmc, 'subscribe', { topic: 'deviations' })).toBe('ok');
  });

  it('files a report from the individual card; HMC answers and moves it, live; the reporter gets a message', async () => {
    const { holder, device } = await heldDevice(ot);
    await ot.call('subscribe', { topic: 'messages/ot1' });
    const filed = await logged(ot, 'ot1', 'deviation.create', {
      category: 'productFault',
      text: 'Bromsen släpper',
      indNo: device.indNo,
      pnr: holder.pnr,
      source: { kind: 'individual', ref: device.indNo },
    });
    const { deviation } = filed.result;
    expect(deviation).toMatchObject({ status: 'new', artNo: device.artNo, indNo: device.indNo, reporterId: 'ot1' });
    expect(filed.entries).toEqual([
      expect.objectContaining({ pnr: holder.pnr, shown: { kind: 'deviation', no: deviation.deviationNo } }),
    ]);
    const deskPush = hmc.waitForPush(
      (p) =>
        p.topic === 'deviations' && p.event.deviationNo === deviation.deviationNo && p.event.status === 'investigating',
    );
    const ownPush = ot.waitForPush((p) => p.topic === 'deviations/ot1' && p.event.status === 'investigating');
    const message = ot.waitForPush((p) => p.topic === 'messages/ot1' && p.event.message?.kind === 'deviationUpdated');
    const moved = await logged(hmc, 'hmc1', 'deviation.setStatus', {
      deviationNo: deviation.deviationNo,
      status: 'investigating',
      comment: 'Vi kontaktar leverantören.',
    });
    expect(moved.entries.map((e) => e.action)).toEqual(['deviation.setStatus']);
    expect((await deskPush).event).toMatchObject({ type: 'deviation', status: 'investigating' });
    await ownPush;
    const pushed = (await message).event.message!;
    expect(pushed).toMatchObject({ deviationNo: deviation.deviationNo, userId: 'ot1' });
    expect(pushed.text).not.toContain(holder.pnr.slice(0, 8));
    const seen = await logged(ot, 'ot1', 'deviation.get', { deviationNo: deviation.deviationNo });
    expect(seen.result.comments.map((c: { text: string }) => c.text)).toEqual(['Vi kontaktar leverantören.']);
    expect(seen.entries.map((e) => [e.action, e.pnr])).toEqual([['deviation.get', holder.pnr]]);
    const answered = await logged(ot, 'ot1', 'deviation.comment', { deviationNo: deviation.deviationNo, text: 'Tack' });
    expect(answered.entries.map((e) => e.action)).toEqual(['deviation.comment']);
    expect(await codeOf(pt, 'deviation.get', { deviationNo: deviation.deviationNo })).toBe('not_found');
    expect(await codeOf(pt, 'deviation.comment', { deviationNo: deviation.deviationNo, text: 'x' })).toBe('not_found');
    expect(await codeOf(hmc, 'deviation.setStatus', { deviationNo: deviation.deviationNo, status: 'new' })).toBe(
      'invalid_transition',
    );
    const listed = await logged(hmc, 'hmc1', 'deviation.list', { status: 'investigating' });
    expect(listed.result.deviations.map((d: { deviationNo: number }) => d.deviationNo)).toContain(
      deviation.deviationNo,
    );
    expect(listed.entries.some((e) => e.action === 'deviation.list' && e.pnr === holder.pnr)).toBe(true);
    const counts = await hmc.call('deviation.countsByArticle', { artNo: device.artNo });
    expect(counts.rows[0]).toMatchObject({ artNo: device.artNo, productFault: 1 });
  });

  it('hides a protected identity in a report', async () => {
    const { deviation } = await ot.call('deviation.create', {
      category: 'incident',
      text: 'Föll i duschen',
      artNo: '100104',
      pnr: KARIN,
      source: { kind: 'patient', ref: null },
    });
    expect(deviation.patient.name).toBe(PROTECTED_NAME);
    expect(JSON.stringify(await hmc.call('deviation.get', { deviationNo: deviation.deviationNo }))).not.toMatch(
      /Karin/,
    );
  });
});
