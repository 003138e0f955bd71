// The demo users (password `demo`): four prescribers of different professions, an HMC staff member, an administrator
// and a log reviewer.
import { createHash, scryptSync } from 'node:crypto';
import type { User, Workplace } from '../../schemas/entities.ts';
import type { Profession, Role } from '../../schemas/primitives.ts';
import { CARE_UNITS, type CareUnit } from './care-units.ts';
import type { Prng } from './prng.ts';
import { DEMO_BUFFER_WAREHOUSE } from './warehouses.ts';

export const DEMO_PASSWORD = 'demo';
export const SCRYPT_KEY_BYTES = 32;
const SALT_BYTES = 16;
const EMAIL_DOMAIN = 'regionhalland.se';
const PHONE_PREFIX = '035-13';
/** HSA-ids of the demo users: the region's prefix and a running number (what SITHS would state in the claim). */
const HSA_ID_PREFIX = 'SE2321000131-E';
const ASCII_FOLDS: Readonly<Record<string, string>> = { å: 'a', ä: 'a', ö: 'o', é: 'e' };

/** `scrypt$<saltHex>$<hashHex>`, scrypt with Node's default cost and a 32-byte key; the salt is the hex-decoded bytes. */
export function scryptHash(password: string, saltHex: string): string {
  const hash = scryptSync(password, Buffer.from(saltHex, 'hex'), SCRYPT_KEY_BYTES);
  return `scrypt$${saltHex}$${hash.toString('hex')}`;
}

/** Deterministic salt, so the same seed gives byte-identical users. */
function seedSalt(seed: number, username: string): string {
  return createHash('sha256')
    .update(`aidstock-seed:${seed}:${username}`)
    .digest('hex')
    .slice(0, SALT_BYTES * 2);
}

function emailOf(name: string): string {
  const local = name
    .toLowerCase()
    .replace(/[åäöé]/g, (ch) => ASCII_FOLDS[ch])
    .split(' ')
    .join('.');
  return `${local}@${EMAIL_DOMAIN}`;
}

/** A user's workplace at `unit`, with the buffer warehouse it withdraws from (or null). */
export function workplace(unit: CareUnit, bufferWarehouse: string | null): Workplace {
  return {
    id: unit.id,
    name: unit.name,
    customerNo: unit.customerNo,
    deliveryAddress: { ...unit.address },
    bufferWarehouse,
    careProvider: { ...unit.careProvider },
  };
}

interface DemoUser {
  username: string;
  name: string;
  profession: Profession;
  roles: Role[];
  workplaces: Workplace[];
}

const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'ot1',
    name: 'Anna Bergström',
    profession: 'ot',
    roles: ['prescriber'],
    workplaces: [
      workplace(CARE_UNITS.rehabHalmstad, DEMO_BUFFER_WAREHOUSE),
      workplace(CARE_UNITS.hemsjukvardKungsbacka, null),
    ],
  },
  {
    username: 'pt1',
    name: 'Johan Mårtensson',
    profession: 'pt',
    roles: ['prescriber'],
    workplaces: [workplace(CARE_UNITS.rehabVarberg, null)],
  },
  {
    username: 'slp1',
    name: 'Sara Lindgren',
    profession: 'slp',
    roles: ['prescriber'],
    workplaces: [workplace(CARE_UNITS.logopedHalmstad, null)],
  },
  {
    username: 'nurse1',
    name: 'Eva Nilsson',
    profession: 'nurse',
    roles: ['prescriber'],
    workplaces: [workplace(CARE_UNITS.vcFalkenberg, null)],
  },
  {
    username: 'hmc1',
    name: 'Per Holmberg',
    profession: 'hmc',
    roles: ['staff'],
    workplaces: [workplace(CARE_UNITS.hmcHalland, null)],
  },
  {
    username: 'admin',
    name: 'Maria Sjöberg',
    profession: 'admin',
    roles: ['admin', 'staff'],
    workplaces: [workplace(CARE_UNITS.hmcHalland, null)],
  },
  // Access log part of issue 13: the log reviewer (Loggranskare), who reads and spot-checks the access log only.
  {
    username: 'log1',
    name: 'Lena Granström',
    profession: 'admin',
    roles: ['logReviewer'],
    workplaces: [workplace(CARE_UNITS.hmcHalland, null)],
  },
];

export function phone(prng: Prng): string {
  const pair = () => String(prng.int(10, 99));
  return `${PHONE_PREFIX} ${pair()} ${pair()}`;
}

/** The demo user at `index`'s HSA-id: SE2321000131-E000000000001 for the first. */
export function demoHsaId(index: number): string {
  return `${HSA_ID_PREFIX}${String(index + 1).padStart(12, '0')}`;
}

/** The demo users; ids equal usernames. */
export function generateUsers(prng: Prng, seed: number): User[] {
  return DEMO_USERS.map((u, i) => ({
    id: u.username,
    username: u.username,
    name: u.name,
    profession: u.profession,
    roles: [...u.roles],
    workplaces: u.workplaces.map((w) => ({ ...w, deliveryAddress: { ...w.deliveryAddress } })),
    email: emailOf(u.name),
    phone: phone(prng),
    passwordHash: scryptHash(DEMO_PASSWORD, seedSalt(seed, u.username)),
    hsaId: demoHsaId(i),
  }));
}
