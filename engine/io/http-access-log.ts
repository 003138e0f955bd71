// GET /api/access-log.csv: the log reviewer's CSV export of one patient's or one user's accesses, authorised by the
// session token (`authorization: Bearer <token>`) of a logReviewer. A patient's export is itself logged, durably,
// before the file is sent; the reply is an attachment with nosniff.
import { AccessLogCsvParams } from '../../schemas/access-log.ts';
import type { AccessEntry } from '../../schemas/access-log.ts';
import { HTTP_QUERY_CHARS_MAX } from '../../schemas/http.ts';
import { ACCESS_LOG_CSV_ROWS_MAX, ACCESS_LOG_PAGE_MAX } from '../../schemas/limits.ts';
import { parsePnr } from '../core/personnummer.ts';
import type { User } from '../../schemas/entities.ts';
import type { Engine } from '../engine.ts';
import { STORAGE_UNAVAILABLE } from '../storage-health.ts';
import type { AccessPage, AccessRange } from '../store/access-log.ts';
import { accessLogCsv } from './access-log-csv.ts';
import type { Sessions } from './sessions.ts';

type App = import('uWebSockets.js').TemplatedApp;
type Res = import('uWebSockets.js').HttpResponse;
type Req = import('uWebSockets.js').HttpRequest;

function refuse(res: Res, status: string, code: string, message: string): void {
  res.cork(() =>
    res
      .writeStatus(status)
      .writeHeader('content-type', 'application/json; charset=utf-8')
      .writeHeader('x-content-type-options', 'nosniff')
      .end(JSON.stringify({ error: { code, message } })),
  );
}

/** Every entry of the query, page by page, up to the row limit. */
function allEntries(query: (range: AccessRange) => AccessPage, fromMs: number, toMs: number): AccessEntry[] {
  const entries: AccessEntry[] = [];
  let after: string | undefined;
  do {
    const page = query({ fromMs, toMs, limit: ACCESS_LOG_PAGE_MAX, after });
    entries.push(...page.entries);
    after = page.next ?? undefined;
  } while (after !== undefined && entries.length < ACCESS_LOG_CSV_ROWS_MAX);
  return entries.slice(0, ACCESS_LOG_CSV_ROWS_MAX);
}

type Aborted = { aborted: boolean };
interface Period {
  fromMs: number;
  toMs: number;
  nowMs: number;
}

interface CsvRequest {
  userId: string | null;
  query: string;
}

function readRequest(req: Req, sessions: Sessions): CsvRequest {
  const header = req.getHeader('authorization');
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return { userId: sessions.get(token)?.userId ?? null, query: req.getQuery() ?? '' };
}

function sendCsv(res: Res, aborted: Aborted, name: string, body: string): void {
  if (aborted.aborted) return;
  res.cork(() =>
    res
      .writeStatus('200 OK')
      .writeHeader('content-type', 'text/csv; charset=utf-8')
      .writeHeader('content-disposition', `attachment; filename="${name}"`)
      .writeHeader('x-content-type-options', 'nosniff')
      .writeHeader('cache-control', 'no-store')
      .end(body),
  );
}

/** The signed-in log reviewer, or null after sending the refusal. */
function reviewerOf(res: Res, request: CsvRequest, engine: Engine): User | null {
  const reviewer = request.userId === null ? undefined : engine.state.users.get(request.userId);
  if (reviewer === undefined) refuse(res, '401 Unauthorized', 'unauthorized', 'Logga in först.');
  else if (!reviewer.roles.includes('logReviewer'))
    refuse(res, '403 Forbidden', 'forbidden', 'Endast loggranskare får ta ut loggen.');
  else if (request.query.length > HTTP_QUERY_CHARS_MAX)
    refuse(res, '414 URI Too Long', 'invalid_request', 'Frågan är för lång.');
  else return reviewer;
  return null;
}

/** A patient's extract as CSV, sent once the export itself is logged (durably). */
function exportPatient(res: Res, aborted: Aborted, engine: Engine, reviewer: User, pnr12: string, range: Period): void {
  const log = engine.accessLog;
  const body = accessLogCsv(allEntries((r) => log.byPatient(pnr12, r), range.fromMs, range.toMs));
  const workplace = reviewer.workplaces[0];
  const entry = {
    timeMs: range.nowMs,
    userId: reviewer.id,
    userName: reviewer.name,
    workplaceId: workplace?.id ?? '',
    workplaceName: workplace?.name ?? '',
    pnr: pnr12,
    action: 'accessLog.csv',
    shown: { kind: 'accessLog' as const, no: null },
  };
  log.append([entry]).then(
    () => sendCsv(res, aborted, `loggutdrag-${pnr12}.csv`, body),
    (error: unknown) => {
      // Not logged (full disk, or in a cluster the stream did not take it): the extract is not sent.
      console.error(
        'aidstock: access log write failed, export withheld:',
        error instanceof Error ? error.message : error,
      );
      if (!aborted.aborted) refuse(res, '503 Service Unavailable', 'storage_unavailable', STORAGE_UNAVAILABLE.message);
    },
  );
}

function exportCsv(res: Res, request: CsvRequest, engine: Engine, clockMs: () => number): void {
  const aborted = { aborted: false };
  res.onAborted(() => {
    aborted.aborted = true;
  });
  const reviewer = reviewerOf(res, request, engine);
  if (reviewer === null) return;
  const parsed = AccessLogCsvParams.safeParse(Object.fromEntries(new URLSearchParams(request.query)));
  if (!parsed.success) {
    refuse(res, '400 Bad Request', 'invalid_request', 'Ogiltiga parametrar.');
    return;
  }
  const { fromMs, toMs, userId } = parsed.data;
  if (userId !== undefined) {
    const entries = allEntries((r) => engine.accessLog.byUser(userId, r), fromMs, toMs);
    sendCsv(res, aborted, `atkomster-${userId}.csv`, accessLogCsv(entries));
    return;
  }
  const nowMs = clockMs();
  const pnr = parsePnr(parsed.data.pnr!, nowMs);
  if (pnr.ok) exportPatient(res, aborted, engine, reviewer, pnr.pnr12, { fromMs, toMs, nowMs });
  else refuse(res, '400 Bad Request', 'invalid_pnr', `Ogiltigt personnummer: ${pnr.reason}.`);
}

export function serveAccessLogCsv(app: App, engine: Engine, sessions: Sessions, clockMs: () => number): void {
  app.get('/api/access-log.csv', (res, req) => exportCsv(res, readRequest(req, sessions), engine, clockMs));
}
