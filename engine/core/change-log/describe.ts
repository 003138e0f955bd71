// The change log's describer: which journal events are administrative changes, and for each the entity it changed
// (kind and id), who changed it, and the entity before and after. A pure table over event types: the journal index
// keys a change by what this returns, and the change log reads the event back and describes it again.
// Adding an event type is one entry in CHANGE_DESCRIBERS (nothing else: the index and the log follow the table).
import type { Event, EventType } from '../../../schemas/events.ts';
import { isSettingKey, SETTINGS } from '../../../schemas/settings.ts';

export interface ChangeDescription {
  /** What kind of entity changed (the change log's filter): `article`, `prescribingRule`, `stock`, `user`, `news`, … */
  entityKind: string;
  entityId: string;
  /** Who made the change. */
  userId: string;
  /** The entity before; null when it is new; undefined when the event does not say (journaled before issue 14). */
  before: unknown;
  /** The entity after; null when it was removed. */
  after: unknown;
  /** What the change was made in or with, not part of the entity (a stock change's warehouse, reason and note). */
  context?: Record<string, string | number>;
}

type Describer<T extends EventType> = (event: Extract<Event, { type: T }>) => ChangeDescription;
type Describers = { [T in EventType]?: Describer<T> };

/** One line per administrative event type. */
export const CHANGE_DESCRIBERS: Describers = {
  'article.upserted': (e) => change('article', e.article.artNo, e.userId, e.before, e.article),
  'prescribingRule.set': (e) => change('prescribingRule', e.rule.profession, e.userId, e.before, e.rule),
  'stock.adjusted': (e) =>
    change('stock', e.artNo, e.userId, { onHand: e.onHandAfter - e.delta }, { onHand: e.onHandAfter }, stockContext(e)),
  'stock.minLevelSet': (e) =>
    change('stock', e.artNo, e.userId, { minLevel: e.before }, { minLevel: e.minLevel }, { warehouse: e.warehouse }),
  'user.reactivated': (e) => change('user', e.userId, e.byUserId, { dormant: true }, { dormant: false }),
  'news.published': (e) =>
    change('news', String(e.item.newsNo), e.item.authorId, null, { title: e.item.title, text: e.item.text }),
  // The event names the item only: what it said is in its news.published entry.
  'news.deleted': (e) => change('news', String(e.newsNo), e.userId, undefined, null),
  // Ersättningskedjor + ISO 9999 + Leverantörer (replacement links are article.upserted):
  'iso.titleSet': (e) =>
    change('iso', e.node.code, e.userId, { titleSv: e.before.titleSv }, { titleSv: e.node.titleSv }),
  'supplier.upserted': (e) => change('supplier', e.supplier.id, e.userId, e.before, e.supplier),
  // Användare och arbetsplatser: profiles carry no hash; a password reset shows that it happened, never the hash.
  'user.upserted': (e) => change('user', e.targetUserId, e.userId, e.before, e.profile),
  'user.deactivated': (e) => change('user', e.targetUserId, e.userId, e.before, e.status),
  'user.activated': (e) => change('user', e.targetUserId, e.userId, e.before, e.status),
  'user.passwordReset': (e) =>
    change('user', e.targetUserId, e.userId, { passwordSetMs: null }, { passwordSetMs: e.timeMs }),
  // HMC oversight: a setting without a row had its default.
  'setting.set': (e) =>
    change('setting', e.key, e.userId, { value: e.before?.value ?? settingDefault(e.key) }, { value: e.value }),
};

/** The default of a setting key (null for a key this version does not know). */
function settingDefault(key: string): number | null {
  return isSettingKey(key) ? SETTINGS[key].defaultValue : null;
}

/** Built field by field, no spreads: the change log describes every change of a page again (50 per request). */
function change(
  entityKind: string,
  entityId: string,
  userId: string,
  before: unknown,
  after: unknown,
  context?: Record<string, string | number>,
): ChangeDescription {
  const described: ChangeDescription = {
    entityKind,
    entityId,
    userId,
    before: withoutSecrets(before),
    after: withoutSecrets(after),
  };
  if (context !== undefined) described.context = context;
  return described;
}

/** A stock adjustment's warehouse, reason and (when given) note. */
function stockContext(e: { warehouse: string; reason: string; note: string }): Record<string, string> {
  const context: Record<string, string> = { warehouse: e.warehouse, reason: e.reason };
  if (e.note !== '') context.note = e.note;
  return context;
}

/** Fields no change log shows, at any depth (a user's password hash). */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['passwordHash']);

function holdsSecret(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(holdsSecret);
  for (const key in value) {
    if (SECRET_FIELDS.has(key) || holdsSecret((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** A copy without secret fields; values that hold none come back as they are (no copy: most hold none). */
export function withoutSecrets(value: unknown): unknown {
  if (!holdsSecret(value)) return value;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (!SECRET_FIELDS.has(key)) out[key] = withoutSecrets(field);
  return out;
}

/** The event as a change, or null when it is not administrative (orders, sign-ins, …). */
export function describeChange(event: Event): ChangeDescription | null {
  const describer = CHANGE_DESCRIBERS[event.type] as Describer<EventType> | undefined;
  return describer === undefined ? null : describer(event as never);
}
