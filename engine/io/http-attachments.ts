// Work order attachments over HTTP (a WebSocket frame is capped at 64 KiB; a form may be 2 MiB): POST the file's bytes
// with the session token, get an id to put in workorder.create; GET it back as its uploader or as HMC staff.
// The upload is acknowledged only once the file is durable. Limits: ATTACHMENT_BYTES_MAX per file, the name's length.
import { randomUUID } from 'node:crypto';
import { ATTACHMENT_BYTES_MAX, ATTACHMENT_NAME_CHARS_MAX } from '../../schemas/limits.ts';
import { isStaff } from '../core/users/roles.ts';
import type { Engine } from '../engine.ts';
import { guardAbort } from './http-abort.ts';
import type { Sessions } from './sessions.ts';

type App = import('uWebSockets.js').TemplatedApp;
type Res = import('uWebSockets.js').HttpResponse;

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
    res.writeStatus(status).writeHeader('content-type', 'application/json; charset=utf-8').end(JSON.stringify(body)),
  );
}

function refuse(res: Res, status: string, code: string, message: string): void {
  json(res, status, { error: { code, message } });
}

function bearer(header: string): string {
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

export function serveAttachments(app: App, engine: Engine, sessions: Sessions, clockMs: () => number): void {
  app.post('/api/attachments', (res, req) => {
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    const session = sessions.get(bearer(req.getHeader('authorization')));
    const length = Number(req.getHeader('content-length'));
    const contentType = req.getHeader('content-type').split(';')[0]!.trim().toLowerCase();
    let name = '';
    try {
      name = decodeURIComponent(req.getHeader('x-file-name')).trim();
    } catch {
      name = '';
    }
    if (session === null) return refuse(res, '401 Unauthorized', 'unauthorized', 'Logga in först.');
    if (!Number.isInteger(length) || length <= 0)
      return refuse(res, '411 Length Required', 'invalid_request', 'Filens storlek saknas.');
    if (length > ATTACHMENT_BYTES_MAX)
      return refuse(
        res,
        '413 Payload Too Large',
        'invalid_request',
        `Filen är större än ${ATTACHMENT_BYTES_MAX / 1024 / 1024} MB.`,
      );
    if (!ALLOWED_TYPES.has(contentType))
      return refuse(
        res,
        '415 Unsupported Media Type',
        'invalid_request',
        'Bifoga PDF, bild (PNG/JPEG), text eller Word.',
      );
    if (name === '' || name.length > ATTACHMENT_NAME_CHARS_MAX)
      return refuse(
        res,
        '400 Bad Request',
        'invalid_request',
        `Filnamnet saknas eller är längre än ${ATTACHMENT_NAME_CHARS_MAX} tecken.`,
      );
    const bytes = new Uint8Array(length);
    let received = 0;
    res.onData((chunk, isLast) => {
      // The chunk dies when this callback returns: copy it now. More bytes than announced is a broken client.
      if (received + chunk.byteLength > length) {
        if (!aborted) {
          aborted = true;
          refuse(res, '400 Bad Request', 'invalid_request', 'Fler byte än content-length.');
        }
        return;
      }
      bytes.set(new Uint8Array(chunk), received);
      received += chunk.byteLength;
      if (!isLast || aborted) return;
      const id = randomUUID();
      void engine.store
        .putBlob(id, { ownerId: session.userId, name, contentType, timeMs: clockMs(), bytes })
        .then(() => {
          if (!aborted) json(res, '201 Created', { id, name, contentType, bytes: length });
        });
    });
  });

  app.get('/api/attachments/:id', (res, req) => {
    guardAbort(res);
    const session = sessions.get(bearer(req.getHeader('authorization')));
    const id = req.getParameter(0) ?? '';
    if (session === null) return refuse(res, '401 Unauthorized', 'unauthorized', 'Logga in först.');
    const blob = ID_PATTERN.test(id) ? engine.store.getBlob(id) : undefined;
    if (blob === undefined) return refuse(res, '404 Not Found', 'not_found', 'Bilagan finns inte.');
    const user = engine.state.users.get(session.userId);
    if (blob.ownerId !== session.userId && (user === undefined || !isStaff(user)))
      return refuse(res, '403 Forbidden', 'forbidden', 'Bilagan tillhör en annan förskrivare.');
    res.cork(() =>
      res
        .writeStatus('200 OK')
        .writeHeader('content-type', blob.contentType)
        .writeHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(blob.name)}`)
        .end(blob.bytes),
    );
    return undefined;
  });
}
