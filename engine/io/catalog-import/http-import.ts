// Catalog import upload over HTTP (a WebSocket frame is capped at 64 KiB; an import file may be IMPORT_FILE_BYTES_MAX):
// POST /api/imports with the session token (role admin) and the CSV file as the body; the reply is the dry run's
// status (import id, counts per outcome); its lines are read with admin.importLines and it is applied with
// admin.importApply. Nothing is applied here. A file that cannot be read gets 400 `invalid_request` with one Swedish
// message; one file is read at a time (503 `overloaded` for a second).
//
// Contract (as http-attachments.ts): headers are read inside the uWS handler, body chunks are copied into a buffer
// this module owns (sized from content-length, never grown), the abort handler comes first, and the reply is sent
// only if the client is still there once the dry run is done.
import { IMPORT_FILE_BYTES_MAX } from '../../../schemas/limits.ts';
import { planImport } from '../../core/catalog-import/plan.ts';
import type { Engine } from '../../engine.ts';
import { refuseOtherMethods, writeSecurityHeaders } from '../http-security.ts';
import type { Sessions } from '../sessions.ts';
import { statusOf } from './import-job.ts';
import { importsOf } from './imports.ts';
import { readImportFile } from './read-csv.ts';

type App = import('uWebSockets.js').TemplatedApp;
type Res = import('uWebSockets.js').HttpResponse;
type Req = import('uWebSockets.js').HttpRequest;

const FILE_NAME_CHARS_MAX = 200;

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

interface Upload {
  userId: string | null;
  isAdmin: boolean;
  length: number;
  name: string;
}

function uploadOf(req: Req, engine: Engine, sessions: Sessions): Upload {
  const header = req.getHeader('authorization');
  const session = sessions.get(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
  const user = session === null ? undefined : engine.state.users.get(session.userId);
  let name = '';
  try {
    name = decodeURIComponent(req.getHeader('x-file-name')).trim().slice(0, FILE_NAME_CHARS_MAX);
  } catch {
    name = '';
  }
  return {
    userId: user?.id ?? null,
    isAdmin: user?.roles.includes('admin') ?? false,
    // A missing header is not an empty file (411, not 400).
    length: req.getHeader('content-length') === '' ? Number.NaN : Number(req.getHeader('content-length')),
    name: name === '' ? 'import.csv' : name,
  };
}

/** True when the upload may go on; else the refusal is sent. */
function admitted(res: Res, upload: Upload, engine: Engine): upload is Upload & { userId: string } {
  const mb = IMPORT_FILE_BYTES_MAX / 1024 / 1024;
  if (upload.userId === null) refuse(res, '401 Unauthorized', 'unauthorized', 'Logga in först.');
  else if (!upload.isAdmin) refuse(res, '403 Forbidden', 'forbidden', 'Bara administratörer kan importera artiklar.');
  else if (upload.length === 0) refuse(res, '400 Bad Request', 'invalid_request', 'Filen är tom.');
  else if (!Number.isInteger(upload.length) || upload.length < 0)
    refuse(res, '411 Length Required', 'invalid_request', 'Filens storlek saknas.');
  else if (upload.length > IMPORT_FILE_BYTES_MAX)
    refuse(res, '413 Payload Too Large', 'invalid_request', `Filen är större än ${mb} MB; dela upp den.`);
  else if (importsOf(engine).reading)
    refuse(res, '503 Service Unavailable', 'overloaded', 'En annan importfil läses just nu; försök igen om en stund.');
  else return true;
  return false;
}

/** Reads and plans the file; replies 201 with the status, or 400 with why the file cannot be read. */
async function dryRun(
  res: Res,
  aborted: () => boolean,
  upload: Upload & { userId: string },
  bytes: Uint8Array,
  engine: Engine,
  clockMs: () => number,
) {
  const imports = importsOf(engine);
  try {
    const reading = await readImportFile(bytes);
    if (!reading.ok) {
      if (!aborted()) refuse(res, '400 Bad Request', 'invalid_request', reading.message);
      return;
    }
    const plan = planImport(engine.state, reading.records);
    const job = imports.add(upload.userId, { name: upload.name, bytes: bytes.length }, plan, clockMs());
    if (!aborted()) json(res, '201 Created', statusOf(job));
  } finally {
    imports.reading = false;
  }
}

function receive(
  res: Res,
  upload: Upload & { userId: string },
  engine: Engine,
  clockMs: () => number,
  aborted: () => boolean,
) {
  importsOf(engine).reading = true;
  const bytes = new Uint8Array(upload.length);
  let received = 0;
  let done = false;
  res.onData((chunk, isLast) => {
    if (done) return;
    // The chunk dies when this callback returns: copy it now. More bytes than announced is a broken client.
    if (received + chunk.byteLength > upload.length) {
      done = true;
      importsOf(engine).reading = false;
      if (!aborted()) refuse(res, '400 Bad Request', 'invalid_request', 'Fler byte än content-length.');
      return;
    }
    bytes.set(new Uint8Array(chunk), received);
    received += chunk.byteLength;
    if (!isLast) return;
    done = true;
    void dryRun(res, aborted, upload, bytes, engine, clockMs);
  });
  return () => {
    if (!done) importsOf(engine).reading = false;
    done = true;
  };
}

export function serveImports(app: App, engine: Engine, sessions: Sessions, clockMs: () => number): void {
  app.post('/api/imports', (res, req) => {
    // The abort handler comes first: uWS must see one before this handler may return without a reply.
    let aborted = false;
    let onAbort = () => {};
    res.onAborted(() => {
      aborted = true;
      onAbort();
    });
    const upload = uploadOf(req, engine, sessions);
    if (admitted(res, upload, engine)) onAbort = receive(res, upload, engine, clockMs, () => aborted);
  });
  refuseOtherMethods(app, '/api/imports', 'POST');
}
