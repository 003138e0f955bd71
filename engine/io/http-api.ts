// Read-only JSON API over HTTP for integrators and load tools: search, article, ISO node. No personal data, no
// session; every handler answers synchronously from memory (the abort guard is for uWS, see http-abort.ts).
// Contract: the request object is read only inside its handler (uWS reuses it); each reply is one corked `end`, which
// uWS buffers in full when the socket cannot take it yet (replies are small: pages are capped by the schemas).
import type { z } from 'zod';
import { ArticleParams, HTTP_QUERY_CHARS_MAX, IsoParams, SearchParams } from '../../schemas/http.ts';
import { articlePage, isoTree, listArticles } from '../core/articles/queries.ts';
import { catalogSearch } from '../core/catalog-search.ts';
import type { QueryResult } from '../core/query-result.ts';
import type { Engine } from '../engine.ts';
import { guardAbort } from './http-abort.ts';
import { refuseOtherMethods, writeSecurityHeaders } from './http-security.ts';

type App = import('uWebSockets.js').TemplatedApp;
type Res = import('uWebSockets.js').HttpResponse;

function reply(res: Res, status: string, body: unknown): void {
  res.cork(() =>
    writeSecurityHeaders(res.writeStatus(status))
      .writeHeader('content-type', 'application/json; charset=utf-8')
      .writeHeader('access-control-allow-origin', '*')
      .end(JSON.stringify(body)),
  );
}

function params<T extends z.ZodType>(res: Res, schema: T, raw: Record<string, string>): z.output<T> | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  reply(res, '400 Bad Request', { error: { code: 'invalid_request', message: 'Ogiltiga parametrar.', issues } });
  return null;
}

function query(res: Res, text: string): Record<string, string> | null {
  if (text.length > HTTP_QUERY_CHARS_MAX) {
    reply(res, '414 URI Too Long', {
      error: { code: 'invalid_request', message: `Frågan är längre än ${HTTP_QUERY_CHARS_MAX} tecken.` },
    });
    return null;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) out[key] = value;
  return out;
}

function answer<T>(res: Res, outcome: QueryResult<T>): void {
  if (outcome.ok) reply(res, '200 OK', outcome.result);
  else
    reply(res, outcome.code === 'not_found' ? '404 Not Found' : '400 Bad Request', {
      error: { code: outcome.code, message: outcome.message },
    });
}

export function serveHttpApi(app: App, engine: Engine): void {
  app.get('/api/search', (res, req) => {
    guardAbort(res);
    const raw = query(res, req.getQuery() ?? '');
    const p = raw && params(res, SearchParams, raw);
    if (!p) return;
    answer(
      res,
      catalogSearch(engine.state, null, {
        text: p.q,
        supplier: p.supplier,
        isoCode: p.iso,
        inStockOnly: p.inStock,
        includeDiscontinued: p.discontinued,
        limit: p.limit,
        offset: p.offset,
      }),
    );
  });
  app.get('/api/articles/:artNo', (res, req) => {
    guardAbort(res);
    const p = params(res, ArticleParams, { artNo: req.getParameter(0) ?? '' });
    if (p) answer(res, articlePage(engine.state, null, p));
  });
  app.get('/api/iso/:code', (res, req) => {
    guardAbort(res);
    const raw = query(res, req.getQuery() ?? '');
    const p = raw && params(res, IsoParams, { ...raw, code: decodeURIComponent(req.getParameter(0) ?? '') });
    if (!p) return;
    const tree = isoTree(engine.state, { code: p.code, depth: 2, includeStock: true });
    if (!tree.ok) return answer(res, tree);
    const list = listArticles(engine.state, null, {
      isoCode: p.code,
      inStockOnly: p.inStock,
      includeDiscontinued: false,
      limit: p.limit,
      offset: p.offset,
    });
    if (!list.ok) return answer(res, list);
    reply(res, '200 OK', { node: tree.result.nodes[0], children: tree.result.nodes.slice(1), ...list.result });
  });
  for (const pattern of ['/api/search', '/api/articles/:artNo', '/api/iso/:code'])
    refuseOtherMethods(app, pattern, 'GET');
  app.any('/api/*', (res) => {
    guardAbort(res);
    reply(res, '404 Not Found', { error: { code: 'not_found', message: 'Okänd resurs.' } });
  });
}
