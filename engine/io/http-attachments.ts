// Work order attachments over HTTP (a WebSocket frame is capped at 64 KiB; a form may be 2 MiB): POST the file's bytes
// with the session token, get an id to put in workorder.create; GET it back as its uploader or as HMC staff.
// The upload is acknowledged only once the file is durable. Limits: ATTACHMENT_BYTES_MAX per file, the name's length,
// and the bytes stored per user and in all (attachment-quota.ts: 413 or 507 `quota_exceeded`). A failed write is a
// 507 `storage_unavailable` reply, never an unhandled rejection (which would stop the engine).
//
// Contract: the request and each body chunk belong to uWS and live only during their callback, so headers are read
// at once and chunks are copied into a buffer this module owns (sized from content-length, never grown). An upload
// attaches its abort handler before anything else and replies only if the client is still there once the blob is
// durable; a download replies synchronously. Each reply is one corked write; uWS buffers what the socket cannot
// take yet.
import { randomUUID } from 'node:crypto';
import { ATTACHMENT_BYTES_MAX, ATTACHMENT_NAME_CHARS_MAX } from '../../schemas/limits.ts';
import { isStaff } from '../core/users/roles.ts';
import type { Engine } from '../engine.ts';
import { STORAGE_UNAVAILABLE } from '../storage-health.ts';
import type { AttachmentQuota } from './attachment-quota.ts';
import { refuseOtherMethods, writeSecurityHeaders } from './http-security.ts';
import type { StoredBlob } from '../store/store.ts';
import type { Session, Sessions } from './sessions.ts';

type App = import('uWebSockets.js').TemplatedApp;
type Res = import('uWebSockets.js').HttpResponse;
type Req = import('uWebSockets.js').HttpRequest;

const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);
const ID_PATTERN = /^[0-9a-f-]{36}$/;

function json(res: Res, status: string, body: unknown): void {
  res.cork(() =>
    writeSecurityHeaders(res.writeStatus(status))
      .writeHeader('content-type', 'application/json; charset=utf-8')
      .end(JSON.stringify(body)),
  );
}

function refuse(res: Res, status: string, code: string, message: string): void {
  json(res, status, { error: { code, message } });
}

function bearer(header: string): string {
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

/** Everything a POST announces in its headers, read inside the uWS handler (the request dies when it returns). */
interface Upload {
  session: Session | null;
  length: number;
  contentType: string;
  name: string;
}

function uploadOf(req: Req, sessions: Sessions): Upload {
  let name = '';
  try {
    name = decodeURIComponent(req.getHeader('x-file-name')).trim();
  } catch {
    name = '';
  }
  return {
    session: sessions.get(bearer(req.getHeader('authorization'))),
    length: Number(req.getHeader('content-length')),
    contentType: req.getHeader('content-type').split(';')[0]!.trim().toLowerCase(),
    name,
  };
}

/** True when the upload may go on; else its headers already rule it out and the refusal is sent. */
function admitted(res: Res, upload: Upload): upload is Upload & { session: Session } {
  const { session, length, contentType, name } = upload;
  if (session === null) refuse(res, '401 Unauthorized', 'unauthorized', 'Logga in först.');
  else if (!Number.isInteger(length) || length <= 0)
    refuse(res, '411 Length Required', 'invalid_request', 'Filens storlek saknas.');
  else if (length > ATTACHMENT_BYTES_MAX)
    refuse(
      res,
      '413 Payload Too Large',
      'invalid_request',
      `Filen är större än ${ATTACHMENT_BYTES_MAX / 1024 / 1024} MB.`,
    );
  else if (!ALLOWED_TYPES.has(contentType))
    refuse(res, '415 Unsupported Media Type', 'invalid_request', 'Bifoga PDF, bild (PNG/JPEG), text eller Word.');
  else if (name === '' || name.length > ATTACHMENT_NAME_CHARS_MAX)
    refuse(
      res,
      '400 Bad Request',
      'invalid_request',
      `Filnamnet saknas eller är längre än ${ATTACHMENT_NAME_CHARS_MAX} tecken.`,
    );
  else return true;
  return false;
}

/** The client went away or the upload ended early: `onAbort` gives back its quota reservation. */
interface Abort {
  aborted: boolean;
  onAbort?: () => void;
}

/** Reserves the announced bytes against the quotas; else refuses (413 for the user's, 507 for the total). */
function reserved(res: Res, upload: Upload & { session: Session }, quota: AttachmentQuota): boolean {
  const refusal = quota.reserve(upload.session.userId, upload.length);
  if (refusal === null) return true;
  const status = refusal.scope === 'user' ? '413 Payload Too Large' : '507 Insufficient Storage';
  refuse(res, status, 'quota_exceeded', refusal.message);
  return false;
}

/** The body in chunks (each valid only during its callback), then the blob; acknowledged once it is durable. */
function receiveUpload(
  res: Res,
  abort: Abort,
  upload: Upload & { session: Session },
  engine: Engine,
  clockMs: () => number,
  quota: AttachmentQuota,
): void {
  const { session, length, contentType, name } = upload;
  // The reservation is this upload's until the write starts; an end before that gives it back, once.
  let holding = true;
  const giveBack = () => {
    if (holding) quota.release(session.userId, length);
    holding = false;
  };
  abort.onAbort = giveBack;
  const bytes = new Uint8Array(length);
  let received = 0;
  res.onData((chunk, isLast) => {
    // The chunk dies when this callback returns: copy it now. More bytes than announced is a broken client.
    if (received + chunk.byteLength > length) {
      if (!abort.aborted) {
        abort.aborted = true;
        giveBack();
        refuse(res, '400 Bad Request', 'invalid_request', 'Fler byte än content-length.');
      }
      return;
    }
    bytes.set(new Uint8Array(chunk), received);
    received += chunk.byteLength;
    if (!isLast || abort.aborted) return;
    holding = false; // the blob is being stored: the bytes count even if the client leaves now
    storeUpload(
      res,
      abort,
      upload,
      { ownerId: session.userId, name, contentType, timeMs: clockMs(), bytes },
      engine,
      quota,
    );
  });
}

/** Writes the blob; 201 once it is durable, 507 if the write fails (a sync throw too), then the quota is given back. */
function storeUpload(
  res: Res,
  abort: Abort,
  upload: Upload & { session: Session },
  blob: StoredBlob,
  engine: Engine,
  quota: AttachmentQuota,
): void {
  const id = randomUUID();
  const { name, contentType, length } = upload;
  Promise.resolve()
    .then(() => engine.attachments.put(id, blob))
    .then(
      () => {
        if (!abort.aborted) json(res, '201 Created', { id, name, contentType, bytes: length });
      },
      (error: unknown) => {
        quota.release(upload.session.userId, length);
        console.error('aidstock: attachment write failed:', error instanceof Error ? error.message : error);
        if (!abort.aborted)
          // The same answer as a refused command on a full disk (README "Full disk"); the bytes were given back.
          refuse(res, '503 Service Unavailable', 'storage_unavailable', STORAGE_UNAVAILABLE.message);
      },
    );
}

/**
 * GET: the blob's bytes to its uploader or to HMC staff. Answered synchronously from the local store; a blob another
 * node of a cluster stored and this one has not copied yet is fetched from the bucket first (then the reply waits).
 */
function download(res: Res, req: Req, engine: Engine, sessions: Sessions): void {
  const abort = { aborted: false };
  res.onAborted(() => {
    abort.aborted = true;
  });
  const session = sessions.get(bearer(req.getHeader('authorization')));
  const id = req.getParameter(0) ?? '';
  if (session === null) {
    refuse(res, '401 Unauthorized', 'unauthorized', 'Logga in först.');
    return;
  }
  if (!ID_PATTERN.test(id)) refuse(res, '404 Not Found', 'not_found', 'Bilagan finns inte.');
  else if (engine.store.hasBlob(id) || engine.replication === null)
    sendBlob(res, engine, session, engine.store.getBlob(id));
  else
    engine.attachments.get(id).then(
      (blob) => !abort.aborted && sendBlob(res, engine, session, blob),
      (error: unknown) => {
        console.error('aidstock: attachment fetch failed:', error instanceof Error ? error.message : error);
        if (!abort.aborted) refuse(res, '503 Service Unavailable', 'storage_unavailable', STORAGE_UNAVAILABLE.message);
      },
    );
}

function sendBlob(res: Res, engine: Engine, session: Session, blob: StoredBlob | undefined): void {
  const user = engine.state.users.get(session.userId);
  if (blob === undefined) refuse(res, '404 Not Found', 'not_found', 'Bilagan finns inte.');
  else if (blob.ownerId !== session.userId && (user === undefined || !isStaff(user)))
    refuse(res, '403 Forbidden', 'forbidden', 'Bilagan tillhör en annan förskrivare.');
  else
    res.cork(() =>
      writeSecurityHeaders(res.writeStatus('200 OK'))
        .writeHeader('content-type', blob.contentType)
        .writeHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(blob.name)}`)
        .end(blob.bytes),
    );
}

export function serveAttachments(app: App, engine: Engine, sessions: Sessions, clockMs: () => number): void {
  const quota = engine.attachments.quota;
  app.post('/api/attachments', (res, req) => {
    // The abort handler comes first: uWS must see one before this handler may return without a reply.
    const abort: Abort = { aborted: false };
    res.onAborted(() => {
      abort.aborted = true;
      abort.onAbort?.();
    });
    const upload = uploadOf(req, sessions);
    if (admitted(res, upload) && reserved(res, upload, quota))
      receiveUpload(res, abort, upload, engine, clockMs, quota);
  });
  app.get('/api/attachments/:id', (res, req) => download(res, req, engine, sessions));
  refuseOtherMethods(app, '/api/attachments', 'POST');
  refuseOtherMethods(app, '/api/attachments/:id', 'GET');
}
