// A real OpenID Connect provider (oidc-provider) in the test process on 127.0.0.1: one confidential client
// registered for the engine's callback, PKCE required, and accounts whose ID token carries the `hsa_id` claim. Its
// dev interactions are the sign-in screen: any login name is an account id, then a consent "Continue".
import http from 'node:http';
import type net from 'node:net';
import Provider from 'oidc-provider';

export const IDP_CLIENT_ID = 'aidstock';
export const IDP_CLIENT_SECRET = 'aidstock-test-secret-0123456789abcdef';

export interface TestIdp {
  issuer: string;
  close(): Promise<void>;
}

export { freePort } from './free-port.ts';

/** `accounts`: login name → the HSA-id its ID token states (null: no claim at all). */
export async function startTestIdp(redirectUri: string, accounts: Record<string, string | null>): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT_ID,
        client_secret: IDP_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub', 'hsa_id'] },
    // The HSA-id in the ID token itself (the relying party reads no userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ['aidstock-test-cookie-key'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => {
        const hsaId = accounts[id];
        return typeof hsaId === 'string' ? { sub: id, hsa_id: hsaId } : { sub: id };
      },
    }),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
