// The login seam. Today: username + scrypt password against the users table. In production a region puts its
// identity provider (SITHS card sign-in via SAML/OIDC at a reverse proxy) in front and implements `Authenticator`
// to map the verified identity to a user id; nothing else in the engine changes.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { User } from '../../schemas/entities.ts';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keyLength: number) => Promise<Buffer>;
const HASH_BYTES = 32;

export interface Credentials {
  username: string;
  password: string;
}

export interface Authenticator {
  /** The user id for valid credentials, or null. Must not reveal which part was wrong. */
  authenticate(credentials: Credentials): Promise<string | null>;
}

export function scryptHashSync(password: string, saltHex: string): string {
  const hash = crypto.scryptSync(password, Buffer.from(saltHex, 'hex'), HASH_BYTES);
  return `scrypt$${saltHex}$${hash.toString('hex')}`;
}

/** A new password's stored form with a fresh random salt (issue 14, admin.passwordReset); off the event loop. */
export async function scryptHash(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, HASH_BYTES);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scrypt(password, Buffer.from(saltHex, 'hex'), expected.length);
  return crypto.timingSafeEqual(actual, expected);
}

/** Password sign-in against the users the engine holds (demo and test set-ups). */
export class PasswordAuthenticator implements Authenticator {
  constructor(private readonly findUser: (username: string) => User | undefined) {}

  async authenticate({ username, password }: Credentials): Promise<string | null> {
    const user = this.findUser(username);
    // Verify against a dummy hash for unknown users so timing does not tell which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return ok && user !== undefined ? user.id : null;
  }
}

const DUMMY_HASH = scryptHashSync('not-a-password', '00'.repeat(16));
