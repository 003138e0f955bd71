// Security headers on every HTTP reply (issue 13): a Content-Security-Policy that allows no inline script but the
// portal's one import map (by its hash, computed at start from the file served), no framing, no MIME sniffing, no
// referrer. Portal pages get the portal's policy; JSON and attachments the strictest one (they are never rendered).
// Also the 405 answer for a method a route does not take: uWS would otherwise match no handler and drop the socket.
import { createHash } from 'node:crypto';
import { guardAbort } from './http-abort.ts';

type Res = import('uWebSockets.js').HttpResponse;
type App = import('uWebSockets.js').TemplatedApp;

/** Inline <script> blocks of an HTML page (the import map): the only inline script the policy allows, by hash. */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** Headers common to every reply. */
const COMMON_HEADERS: readonly (readonly [string, string])[] = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
];

/** JSON, metrics and attachments: nothing in them may load or run anything, nor be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** sha256 source expressions of a page's inline scripts, hashed over their exact text as the browser does. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`,
  );
}

/** The portal's policy: its own origin only (WebSockets to it included), images also from https (supplier pictures,
 * with a placeholder when they fail), inline script only the given hashes, no inline style. With a primary/standby set
 * (issue 17, NODE_URLS) the portal may also open the WebSocket of the other nodes, and nothing else of theirs. */
export function portalPolicy(indexHtml: string | undefined, nodeUrls: readonly string[] = []): string {
  const hashes = indexHtml === undefined ? [] : inlineScriptHashes(indexHtml);
  const sockets = nodeUrls.map((url) => ` ${url.replace(/^http/, 'ws')}/ws`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.map((h) => ` ${h}`).join('')}`,
    "img-src 'self' https: data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Writes the security headers; call inside the reply's cork, after writeStatus and before end. */
export function writeSecurityHeaders(res: Res, policy: string = API_POLICY): Res {
  res.writeHeader('content-security-policy', policy);
  for (const [name, value] of COMMON_HEADERS) res.writeHeader(name, value);
  return res;
}

/** Answers every other method on `pattern` with 405 and the methods it takes (registered after the real routes). */
export function refuseOtherMethods(app: App, pattern: string, allow: string): void {
  app.any(pattern, (res, req) => {
    guardAbort(res);
    const method = req.getMethod();
    res.cork(() => {
      writeSecurityHeaders(res.writeStatus('405 Method Not Allowed'))
        .writeHeader('allow', allow)
        .writeHeader('content-type', 'application/json; charset=utf-8')
        .end(
          JSON.stringify({
            error: {
              code: 'method_not_allowed',
              message: `Metoden ${method.toUpperCase()} stöds inte här (${allow}).`,
            },
          }),
        );
    });
  });
}
