// Work order attachments over HTTP against the real engine: upload with the session token (limits and status codes),
// download as the uploader or HMC staff only, attach to workorder.create, and the file still there after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES_MAX } from '../schemas/limits.ts';
import { startEngine, tempDataDir, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const dataDir = tempDataDir('attachments');
let engine: EngineProcess;
const tokens: Record<string, string> = {};
let ot1: TestClient;

async function signIn(username: string): Promise<TestClient> {
  const client = await TestClient.connect(engine.wsUrl);
  tokens[username] = (await client.login(username)).token;
  return client;
}

const upload = (token: string | null, body: Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${engine.url}/api/attachments`, {
    method: 'POST',
    body: Buffer.from(body),
    headers: {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('Blankett åtgärd.pdf'),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  });
const download = (token: string, id: string) =>
  fetch(`${engine.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny', dataDir });
  ot1 = await signIn('ot1');
  await signIn('pt1');
  await signIn('hmc1');
});

afterAll(async () => {
  await engine.stop();
});

describe('work order attachments', () => {
  const pdf = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) & 0xff);
  let id = '';

  it('refuses an upload without a session, over the size limit, of another type, or without a name', async () => {
    expect((await upload(null, pdf)).status).toBe(401);
    expect((await upload(tokens.ot1!, new Uint8Array(ATTACHMENT_BYTES_MAX + 1))).status).toBe(413);
    expect((await upload(tokens.ot1!, pdf, { 'content-type': 'application/x-msdownload' })).status).toBe(415);
    expect((await upload(tokens.ot1!, pdf, { 'x-file-name': '' })).status).toBe(400);
  });

  it('stores a file durably and gives it back byte for byte to its uploader and to HMC, not to another prescriber', async () => {
    const res = await upload(tokens.ot1!, pdf);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; name: string; bytes: number };
    expect(body).toMatchObject({ name: 'Blankett åtgärd.pdf', bytes: pdf.length });
    id = body.id;
    const mine = await download(tokens.ot1!, id);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(pdf);
    expect((await download(tokens.hmc1!, id)).status).toBe(200);
    expect((await download(tokens.pt1!, id)).status).toBe(403); // another prescriber
    expect((await download(tokens.ot1!, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it("goes with workorder.create; someone else's or an unknown id is refused; the file survives a restart", async () => {
    const { workOrder } = await ot1.call('workorder.create', {
      destination: 'consultant',
      title: 'Utprovning',
      attachments: [id],
    });
    expect(workOrder.attachments).toEqual([
      { id, name: 'Blankett åtgärd.pdf', contentType: 'application/pdf', bytes: pdf.length },
    ]);
    const pt1 = await TestClient.connect(engine.wsUrl);
    await pt1.call('session.resume', { token: tokens.pt1 });
    const refused = await pt1.request('workorder.create', {
      destination: 'consultant',
      title: 'Lånad bilaga',
      attachments: [id],
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('not_found');

    await engine.stop();
    engine = await startEngine({ scale: 'tiny', dataDir });
    const again = await TestClient.connect(engine.wsUrl);
    const token = (await again.login('hmc1')).token;
    const listed = await again.call('workorder.list', {});
    expect(listed.workOrders[0].attachments[0].id).toBe(id);
    expect(new Uint8Array(await (await download(token, id)).arrayBuffer())).toEqual(pdf);
  });
});
