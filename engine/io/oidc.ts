// The OpenID Connect relying party (openid-client): authorization code flow with PKCE. `begin` keeps the state,
// nonce and PKCE verifier server-side (bounded, expiring after OIDC_PENDING_MS_MAX) and returns the IdP's URL;
// `finish` takes them back by the callback's state (once), redeems the code and verifies the ID token (issuer,
// audience, signature, nonce) and returns the configured HSA-id claim. Discovery runs at the first sign-in and is
// retried after a failure, so the engine starts while the IdP is down.
import * as client from 'openid-client';
import { OIDC_PENDING_MAX, OIDC_PENDING_MS_MAX } from '../../schemas/limits.ts';
import { ExpiringMap } from './expiring-map.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This engine's /auth/callback as registered with the IdP. */
  redirectUri: string;
  /** The ID-token claim holding the HSA-id. */
  hsaClaim: string;
  scope: string;
  /** The name the login button shows ("Logga in med …"). */
  idpName: string;
}

interface Pending {
  codeVerifier: string;
  nonce: string;
}

export type OidcResult =
  | { ok: true; hsaId: string }
  | { ok: false; reason: 'state' | 'rejected' | 'no_claim'; detail: string };

/** Plain http only to a loopback IdP (tests, a developer's machine); any other issuer must be https. */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export class OidcRelyingParty {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly pending: ExpiringMap<Pending>;

  constructor(
    readonly settings: OidcSettings,
    clockMs: () => number,
  ) {
    this.pending = new ExpiringMap<Pending>(OIDC_PENDING_MS_MAX, OIDC_PENDING_MAX, clockMs);
  }

  /** The IdP's authorization URL for a new sign-in. */
  async begin(): Promise<URL> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    this.pending.set(state, { codeVerifier, nonce });
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /** The verified HSA-id of a callback (its query string), or why not. */
  async finish(query: string): Promise<OidcResult> {
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = query;
    const state = callbackUrl.searchParams.get('state');
    const pending = state === null ? undefined : this.pending.take(state);
    if (state === null || pending === undefined) {
      return { ok: false, reason: 'state', detail: 'unknown or expired state' };
    }
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(await this.config(), callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      return { ok: false, reason: 'rejected', detail: error instanceof Error ? error.message : String(error) };
    }
    const hsaId = claims?.[this.settings.hsaClaim];
    if (typeof hsaId !== 'string' || hsaId === '') {
      return { ok: false, reason: 'no_claim', detail: `no ${this.settings.hsaClaim} claim` };
    }
    return { ok: true, hsaId };
  }

  private config(): Promise<client.Configuration> {
    if (this.configuration === null) {
      const issuer = new URL(this.settings.issuer);
      const options = isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
      const found = client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, options);
      // A failed discovery (IdP down) is forgotten, so the next sign-in tries again.
      found.catch(() => {
        if (this.configuration === found) this.configuration = null;
      });
      this.configuration = found;
    }
    return this.configuration;
  }
}
