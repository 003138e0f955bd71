// The operations of the WebSocket API: arguments, allowed roles and a one-line doc each. The API reference is generated from this table.
import { z } from 'zod';
import {
  PASSWORD_CHARS_MAX, REASON_NOTE_CHARS_MAX, REGISTER_HITS_MAX, SEARCH_TEXT_CHARS_MAX,
  STOCK_DELTA_MAX, TOKEN_CHARS_MAX, USERNAME_CHARS_MAX,
} from './limits.ts';
import { Article } from './entities.ts';
import { ArtNo, IsoCode, Page, PnrInput, Role, StockReason, WarehouseId } from './primitives.ts';

/** Topics a client may subscribe to. `stock/<artNo>`: a push after every committed change of that article's stock. */
export const Topic = z.string().regex(/^stock\/\d{6}$/, 'topic is stock/<artNo>');

const Empty = z.object({}).strict();

export type OpKind = 'session' | 'query' | 'command';
export interface OpSpec<A extends z.ZodType = z.ZodType> {
  args: A;
  kind: OpKind;
  /** Who may call it; `null` means no session is needed (login, resume). */
  roles: readonly Role[] | null;
  doc: string;
}

const everyone: readonly Role[] = ['prescriber', 'staff', 'admin'];
const staff: readonly Role[] = ['staff', 'admin'];
const admin: readonly Role[] = ['admin'];

function op<A extends z.ZodType>(spec: OpSpec<A>): OpSpec<A> {
  return spec;
}

export const OPS = {
  'session.login': op({
    kind: 'session', roles: null,
    args: z.object({ username: z.string().min(1).max(USERNAME_CHARS_MAX), password: z.string().min(1).max(PASSWORD_CHARS_MAX) }).strict(),
    doc: 'Sign in; returns a session token and the user (profession, roles, workplaces). Binds the connection to the session.',
  }),
  'session.resume': op({
    kind: 'session', roles: null,
    args: z.object({ token: z.string().min(1).max(TOKEN_CHARS_MAX) }).strict(),
    doc: 'Bind a new connection (after a reconnect) to an existing session; returns the user.',
  }),
  'session.logout': op({
    kind: 'session', roles: everyone, args: Empty,
    doc: 'End the session; the token stops working on every connection.',
  }),
  'catalog.isoTree': op({
    kind: 'query', roles: everyone,
    args: z.object({
      code: IsoCode.optional(),
      depth: z.number().int().min(1).max(3).default(3),
      includeStock: z.boolean().default(false),
    }).strict(),
    doc: 'The ISO 9999 tree (or the subtree under `code`, `depth` levels down) with Swedish and English titles, article counts and, with includeStock, how many articles have available stock in warehouse 10.',
  }),
  'catalog.list': op({
    kind: 'query', roles: everyone,
    args: z.object({
      isoCode: IsoCode,
      inStockOnly: z.boolean().default(false),
      warehouse: WarehouseId.optional(),
      includeDiscontinued: z.boolean().default(false),
      ...Page,
    }).strict(),
    doc: 'Articles in the subtree of an ISO code, by name, paged; with inStockOnly only those with available stock (warehouse 10 or the given one).',
  }),
  'catalog.article': op({
    kind: 'query', roles: everyone,
    args: z.object({ artNo: ArtNo }).strict(),
    doc: "Everything the article page shows: article, supplier, ISO path, available balance in warehouse 10 and in the caller's buffer, set parts, accessories, replacement.",
  }),
  'stock.get': op({
    kind: 'query', roles: everyone,
    args: z.object({ artNo: ArtNo, warehouse: WarehouseId.optional() }).strict(),
    doc: 'Stock balances (onHand, reserved, available) of an article, per warehouse or in one warehouse.',
  }),
  'register.search': op({
    kind: 'query', roles: everyone,
    args: z.object({
      text: z.string().trim().min(2).max(SEARCH_TEXT_CHARS_MAX),
      limit: z.number().int().min(1).max(REGISTER_HITS_MAX).default(20),
    }).strict(),
    doc: 'Population register (CFR) search by personnummer, name, street or municipality; all terms must match. Residents of other regions are marked not prescribable; protected identities are never listed.',
  }),
  'patient.get': op({
    kind: 'query', roles: everyone,
    args: z.object({ pnr: PnrInput }).strict(),
    doc: 'A person by personnummer with prescribability and the devices (individuals) they hold. Every look-up is logged with the caller.',
  }),
  subscribe: op({
    kind: 'session', roles: everyone, args: z.object({ topic: Topic }).strict(),
    doc: 'Receive pushes `{ topic, event }` on a topic, sent after each committed change.',
  }),
  unsubscribe: op({
    kind: 'session', roles: everyone, args: z.object({ topic: Topic }).strict(),
    doc: 'Stop receiving pushes on a topic.',
  }),
  'admin.stockAdjust': op({
    kind: 'command', roles: staff,
    args: z.object({
      warehouse: WarehouseId,
      artNo: ArtNo,
      delta: z.number().int().min(-STOCK_DELTA_MAX).max(STOCK_DELTA_MAX).refine((d) => d !== 0, 'delta is not 0'),
      reason: StockReason,
      note: z.string().max(REASON_NOTE_CHARS_MAX).default(''),
    }).strict(),
    doc: 'Change onHand of an article in a warehouse with a reason code; refused when it would go below the reserved quantity. Acknowledged after the change is durable.',
  }),
  'admin.articleUpsert': op({
    kind: 'command', roles: admin,
    args: z.object({ article: Article }).strict(),
    doc: 'Create or replace an article; checks supplier, ISO code, referenced articles and that the replacement chain has no cycle.',
  }),
} as const;

export type OpName = keyof typeof OPS;
export type OpArgs<O extends OpName> = z.output<(typeof OPS)[O]['args']>;
export const OP_NAMES = Object.keys(OPS) as OpName[];
export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(OPS, name);
}
