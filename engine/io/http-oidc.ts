// The OIDC sign-in routes. GET /auth/config tells the portal which sign-in methods are on. GET /auth/login redirects
// to the IdP; GET /auth/callback verifies the answer (oidc.ts), maps the HSA-id claim to a user, records the sign-in
// through the core (a dormant account is refused) and redirects to the portal with a one-time code in the URL
// fragment (never sent to a server, so never in a log); the portal exchanges it over the WebSocket
// (`session.exchange`) for its session token. A refusal redirects with a reason in the fragment instead.
import crypto from 'node:crypto';
import type { User } from '../../schemas/entities.ts';
import type { Engine } from '../engine.ts';
import { guardAbort } from './http-abort.ts';
import { refuseOtherMethods, writeSecurityHeaders } from './http-security.ts';
import type { OidcRelyingParty } from './oidc.ts';
import { recordSignIn, type SignIn } from './sign-in.ts';

type App = import('uWebSockets.js').TemplatedApp;
type Res = import('uWebSockets.js').HttpResponse;

/** Bytes of the one-time code: as strong as a session token. */
const SIGNIN_CODE_BYTES = 32;

/** What GET /auth/config answers. */
export interface AuthConfig {
  password: boolean;
  oidc: boolean;
  idpName: string | null;
  /** Issue 17: the base URLs of every node (NODE_URLS), empty for a single node: where the portal reconnects. */
  nodes: readonly string[];
}

export function userByHsaId(users: ReadonlyMap<string, User>, hsaId: string): User | undefined {
  for (const user of users.values()) if (user.hsaId === hsaId) return user;
  return undefined;
}

function redirect(res: Res, aborted: () => boolean, location: string): void {
  if (aborted()) return;
  res.cork(() => {
    writeSecurityHeaders(res.writeStatus('302 Found'))
      .writeHeader('location', location)
      .writeHeader('cache-control', 'no-store')
      .end();
  });
}

/** Answers later than the request: aborted connections are noted, and nothing is written to them. */
function later(res: Res): () => boolean {
  let aborted = false;
  res.onAborted(() => {
    aborted = true;
  });
  return () => aborted;
}

/** Where the callback sends the browser: a code on success, a reason on refusal. */
async function callbackTarget(
  rp: OidcRelyingParty,
  engine: Engine,
  signIn: SignIn,
  query: string,
  clockMs: () => number,
): Promise<string> {
  const result = await rp.finish(query);
  if (!result.ok) {
    console.log(`aidstock: OIDC sign-in refused (${result.reason}): ${result.detail}`);
    return `/#inloggning-fel=${result.reason}`;
  }
  const user = userByHsaId(engine.state.users, result.hsaId);
  if (user === undefined) {
    console.log(`aidstock: OIDC sign-in refused: no user with HSA-id ${JSON.stringify(result.hsaId)}`);
    return '/#inloggning-fel=unknown_user';
  }
  const recorded = await recordSignIn(engine, user.id, clockMs());
  if (!recorded.ok) {
    console.log(`aidstock: OIDC sign-in refused for ${user.id}: ${recorded.code}`);
    return `/#inloggning-fel=${recorded.code}`;
  }
  const code = crypto.randomBytes(SIGNIN_CODE_BYTES).toString('base64url');
  signIn.codes.set(code, user.id);
  return `/#inloggning-kod=${code}`;
}

export function serveAuthConfig(app: App, signIn: SignIn, rp: OidcRelyingParty | null, nodes: readonly string[]): void {
  const body = JSON.stringify({
    password: signIn.passwordEnabled,
    oidc: rp !== null,
    idpName: rp?.settings.idpName ?? null,
    nodes,
  } satisfies AuthConfig);
  app.get('/auth/config', (res) => {
    guardAbort(res);
    res.cork(() =>
      writeSecurityHeaders(res.writeStatus('200 OK'))
        .writeHeader('content-type', 'application/json')
        .writeHeader('cache-control', 'no-store')
        .end(body),
    );
  });
  refuseOtherMethods(app, '/auth/config', 'GET');
}

export function serveOidc(app: App, engine: Engine, signIn: SignIn, rp: OidcRelyingParty, clockMs: () => number): void {
  app.get('/auth/login', (res) => {
    const aborted = later(res);
    rp.begin().then(
      (url) => redirect(res, aborted, url.href),
      (error: unknown) => {
        console.log(`aidstock: OIDC discovery failed: ${error instanceof Error ? error.message : error}`);
        redirect(res, aborted, '/#inloggning-fel=idp_unavailable');
      },
    );
  });
  app.get('/auth/callback', (res, req) => {
    const aborted = later(res);
    const query = req.getQuery() ?? '';
    callbackTarget(rp, engine, signIn, query, clockMs).then(
      (location) => redirect(res, aborted, location),
      (error: unknown) => {
        console.log(`aidstock: OIDC callback failed: ${error instanceof Error ? error.message : error}`);
        redirect(res, aborted, '/#inloggning-fel=rejected');
      },
    );
  });
  for (const pattern of ['/auth/login', '/auth/callback']) refuseOtherMethods(app, pattern, 'GET');
}
