// Attachment quotas and failed writes over real HTTP (uWS in this process, the store faked where a test needs it to
// fail or to hold much): per user 413, in total 507, both `quota_exceeded` with a Swedish message; a rejected putBlob
// is a 503 `storage_unavailable` reply (as on a full disk) and gives the bytes back; usage is counted from the blobs stored at start.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES_MAX, ATTACHMENT_BYTES_PER_USER_MAX, ATTACHMENT_BYTES_TOTAL_MAX } from '../schemas/limits.ts';
import { Attachments } from '../engine/attachments.ts';
import type { Engine } from '../engine/engine.ts';
import { AttachmentQuota } from '../engine/io/attachment-quota.ts';
import { serveAttachments } from '../engine/io/http-attachments.ts';
import { Sessions } from '../engine/io/sessions.ts';
import { loadNativeUws } from '../engine/io/uws.ts';
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import type { StoredBlob } from '../engine/store/store.ts';
import { STORAGE_UNAVAILABLE } from '../engine/storage-health.ts';
import { user } from './helpers/fixture.ts';
import { tempDataDir } from './helpers/engine-process.ts';

const uws = loadNativeUws();
let closeServer: (() => void) | null = null;

afterEach(() => {
  closeServer?.();
  closeServer = null;
});

/** Serves the attachment routes of a fake engine over `store`; returns the URL and two users' tokens. */
async function serve(store: MemoryStore): Promise<{ url: string; ot1: string; pt1: string }> {
  const users = new Map([
    ['ot1', user('ot1')],
    ['pt1', user('pt1')],
  ]);
  const engine = {
    store,
    state: { users },
    attachments: new Attachments(store),
    replication: null,
  } as unknown as Engine;
  const sessions = new Sessions(() => Date.now());
  const app = uws.App();
  serveAttachments(app, engine, sessions, () => Date.now());
  const port = await new Promise<number>((resolve, reject) =>
    app.listen('127.0.0.1', 0, (socket) => {
      if (!socket) return reject(new Error('cannot listen'));
      closeServer = () => uws.us_listen_socket_close(socket);
      resolve(uws.us_socket_local_port(socket));
    }),
  );
  return { url: `http://127.0.0.1:${port}`, ot1: sessions.create('ot1').token, pt1: sessions.create('pt1').token };
}

const upload = (url: string, token: string, bytes: number) =>
  fetch(`${url}/api/attachments`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'blankett.pdf', authorization: `Bearer ${token}` },
  });

type ErrorReply = { error: { code: string; message: string } };

describe('attachment quotas', () => {
  it('per user: full-size files until the quota, then 413 quota_exceeded; another user may still upload', async () => {
    const server = await serve(new MemoryStore());
    const fit = Math.floor(ATTACHMENT_BYTES_PER_USER_MAX / ATTACHMENT_BYTES_MAX);
    for (let i = 0; i < fit; i++) expect((await upload(server.url, server.ot1, ATTACHMENT_BYTES_MAX)).status).toBe(201);
    const over = await upload(server.url, server.ot1, ATTACHMENT_BYTES_MAX);
    expect(over.status).toBe(413);
    const body = (await over.json()) as ErrorReply;
    expect(body.error.code).toBe('quota_exceeded');
    expect(body.error.message).toMatch(/gränsen för bilagor/);
    const stored = await upload(server.url, server.pt1, 1000);
    expect(stored.status).toBe(201);
    // Served as a download, never rendered or sniffed.
    const { id } = (await stored.json()) as { id: string };
    const file = await fetch(`${server.url}/api/attachments/${id}`, {
      headers: { authorization: `Bearer ${server.pt1}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''blankett.pdf");
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('in total: counted from the blobs stored at start; past it 507 quota_exceeded', async () => {
    const store = new MemoryStore();
    // Others' blobs as the store reports them at start (sizes only: no need to hold 2 GiB in the test).
    store.blobSizes = function* () {
      yield { ownerId: 'others', bytes: ATTACHMENT_BYTES_TOTAL_MAX - 1_000_000 };
    };
    const server = await serve(store);
    expect((await upload(server.url, server.ot1, 900_000)).status).toBe(201);
    const over = await upload(server.url, server.pt1, 200_000);
    expect(over.status).toBe(507);
    expect(((await over.json()) as ErrorReply).error).toMatchObject({ code: 'quota_exceeded' });
  });

  it('a failed blob write is a 503 storage_unavailable reply, not an unhandled rejection, and frees the bytes', async () => {
    const store = new MemoryStore();
    let failing = true;
    const put = store.putBlob.bind(store);
    store.putBlob = (id: string, blob: StoredBlob) =>
      failing ? Promise.reject(new Error('MDB_MAP_FULL: simulated')) : put(id, blob);
    const server = await serve(store);
    const res = await upload(server.url, server.ot1, ATTACHMENT_BYTES_MAX);
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorReply).error).toMatchObject({
      code: 'storage_unavailable',
      message: STORAGE_UNAVAILABLE.message,
    });
    // A synchronous throw is caught the same way.
    store.putBlob = () => {
      throw new Error('simulated throw');
    };
    expect((await upload(server.url, server.ot1, 1000)).status).toBe(503);
    failing = false;
    store.putBlob = (id: string, blob: StoredBlob) => put(id, blob);
    const fit = Math.floor(ATTACHMENT_BYTES_PER_USER_MAX / ATTACHMENT_BYTES_MAX);
    for (let i = 0; i < fit; i++) expect((await upload(server.url, server.ot1, ATTACHMENT_BYTES_MAX)).status).toBe(201);
  });

  it('LMDB reports the stored blobs after a reopen, so a restart keeps the usage', async () => {
    const dir = tempDataDir('quota');
    const first = new LmdbStore(dir);
    const blob = (ownerId: string, bytes: number) => ({
      ownerId,
      name: 'a.pdf',
      contentType: 'application/pdf',
      timeMs: 1,
      bytes: new Uint8Array(bytes),
    });
    await first.putBlob('00000000-0000-0000-0000-000000000001', blob('ot1', 300_000));
    await first.putBlob('00000000-0000-0000-0000-000000000002', blob('ot1', 200_000));
    await first.putBlob('00000000-0000-0000-0000-000000000003', blob('pt1', 1_000));
    await first.close();
    const reopened = new LmdbStore(dir);
    const quota = new AttachmentQuota(reopened, { perUserBytes: 600_000, totalBytes: 10_000_000 });
    expect(quota.used('ot1')).toBe(500_000);
    expect(quota.used('pt1')).toBe(1_000);
    expect(quota.reserve('ot1', 100_001)?.scope).toBe('user');
    expect(quota.reserve('ot1', 100_000)).toBeNull();
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
