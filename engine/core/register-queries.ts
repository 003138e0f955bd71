// Population register (CFR) search and the patient view. Protected identities are never listed;
// residents of other regions are shown but marked not prescribable.
import type { Address, Person } from '../../schemas/entities.ts';
import type { OpArgs } from '../../schemas/ops.ts';
import type { Order } from '../../schemas/orders.ts';
import { words } from './fold.ts';
import { formatPnr, parsePnr } from './personnummer.ts';
import { found, type QueryResult } from './query-result.ts';
import { buildRegisterIndex, matchPrefix, personTokens, type RegisterIndex } from './register-index.ts';
import { reject } from './rejections.ts';
import type { State } from './state.ts';
import type { Acting } from './patient-access/care-provider.ts';
import { canReadEntry } from './patient-access/boundary.ts';
// Issue 15, patient:
import { devicePayer, type PatientOverview, patientOverview } from './patient-overview/overview.ts';
import type { PayerView } from './payers/payer-rules.ts';
// Issue 15, loans:
import { deviceLoan } from './loans/queries.ts';
// Issue 15, returns:
import { saleArticlesOf, type SaleArticleView } from './returns/sale-articles.ts';

/** Halland's county code: only its residents can be prescribed to. */
export const HOME_COUNTY = '13';
/** A search term shorter than this matches too much to be useful. */
const TERM_CHARS_MIN = 2;

export interface PersonView {
  pnr: string;
  pnrDisplay: string;
  givenName: string;
  familyName: string;
  address: Address | null;
  municipality: string;
  prescribable: boolean;
  protectedIdentity: boolean;
  palliative: boolean;
}

export function personView(person: Person): PersonView {
  const hidden = person.protectedIdentity;
  return {
    pnr: person.pnr,
    pnrDisplay: formatPnr(person.pnr),
    givenName: hidden ? 'Skyddad' : person.givenName,
    familyName: hidden ? 'identitet' : person.familyName,
    address: hidden ? null : person.address,
    municipality: hidden ? '' : person.municipality,
    prescribable: person.countyCode === HOME_COUNTY,
    protectedIdentity: hidden,
    palliative: person.palliative,
  };
}

const registerIndexes = new WeakMap<State, RegisterIndex>();

function registerIndex(state: State): RegisterIndex {
  let index = registerIndexes.get(state);
  if (index === undefined) {
    index = buildRegisterIndex(state.persons.values());
    registerIndexes.set(state, index);
  }
  return index;
}

/** A term is a personnummer (exact), a birth date (6 or 8 digits) or a word prefix. */
function termKey(term: string, nowMs: number): string | null {
  const digits = term.replace(/[-+]/g, '');
  if (/^\d{10}$|^\d{12}$/.test(digits)) {
    const parsed = parsePnr(term, nowMs);
    return parsed.ok ? parsed.pnr12.slice(0, 8) : null;
  }
  return term;
}

export function searchRegister(
  state: State,
  args: OpArgs<'register.search'>,
  nowMs: number,
): QueryResult<{ total: number; hits: PersonView[] }> {
  const exact = parsePnr(args.text.replace(/\s+/g, ''), nowMs);
  if (exact.ok) {
    const person = state.persons.get(exact.pnr12);
    const match = person !== undefined && !person.protectedIdentity ? [personView(person)] : [];
    return found({ total: match.length, hits: match.slice(args.offset, args.offset + args.limit) });
  }
  const terms = args.text
    .split(/[\s,]+/)
    .flatMap((t) => (/\d/.test(t) ? [t] : words(t)))
    .filter((t) => t.length >= TERM_CHARS_MIN);
  if (terms.length === 0) return found({ total: 0, hits: [] });
  const index = registerIndex(state);
  const keys = terms.map((t) => termKey(t, nowMs));
  if (keys.some((k) => k === null)) return found({ total: 0, hits: [] });
  const sets = (keys as string[]).map((k) => matchPrefix(index, k)).sort((a, b) => a.size - b.size);
  const matches: Person[] = [];
  for (const pnr of sets[0]) {
    if (!sets.every((set) => set.has(pnr))) continue;
    const person = state.persons.get(pnr)!;
    if (!person.protectedIdentity) matches.push(person);
  }
  matches.sort(
    (a, b) =>
      a.familyName.localeCompare(b.familyName, 'sv') ||
      a.givenName.localeCompare(b.givenName, 'sv') ||
      (a.pnr < b.pnr ? -1 : 1),
  );
  return found({ total: matches.length, hits: matches.slice(args.offset, args.offset + args.limit).map(personView) });
}

export interface DeviceView {
  indNo: number;
  artNo: string;
  name: string;
  isoCode: string;
  kind: string;
  /** The order that delivered the unit to this patient, when Aidstock delivered it (newest such order). */
  delivery: { orderNo: number; deliveredDate: string | null; prescriberName: string; placedDate: string } | null;
  /** Betalare: the region or the patient's municipality, by the article's ISO code (issue 15, patient). */
  payer: PayerView;
}

type Delivery = NonNullable<DeviceView['delivery']>;

/**
 * indNo → the newest of the patient's orders whose line carried the unit (one pass over the patient's orders). The
 * devices are shared across care providers; the delivering order is shown only where the boundary lets `acting` read it.
 */
function deliveriesOf(
  state: State,
  pnr: string,
  orders: readonly Order[],
  acting: Acting | undefined,
): Map<number, Delivery> {
  const out = new Map<number, Delivery>();
  for (const order of orders) {
    const orderNo = order.orderNo;
    if (acting !== undefined && !canReadEntry(state, acting, { ...order, pnr })) continue;
    const prescriberName = state.users.get(order.prescriberId)?.name ?? order.prescriberId;
    for (const line of order.lines) {
      for (const indNo of line.individuals)
        out.set(indNo, { orderNo, deliveredDate: line.deliveredDate, prescriberName, placedDate: order.placedDate });
    }
  }
  return out;
}

export function patientView(
  state: State,
  args: OpArgs<'patient.get'>,
  nowMs: number,
  acting?: Acting,
): QueryResult<{ person: PersonView; devices: DeviceView[]; saleArticles: SaleArticleView[] } & PatientOverview> {
  const parsed = parsePnr(args.pnr, nowMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  const person = state.persons.get(parsed.pnr12);
  if (person === undefined) return reject('not_found', `Ingen person med personnummer ${formatPnr(parsed.pnr12)}.`);
  // The patient's orders, decoded once for the devices and the sale articles (issue 16: packed rows).
  const orders = (state.orderIndex.byPnr.get(person.pnr) ?? []).map((orderNo) => state.orders.get(orderNo)!);
  const deliveries = deliveriesOf(state, person.pnr, orders, acting);
  const devices = (state.individualsByPnr.get(person.pnr) ?? []).map((indNo) => {
    const ind = state.individuals.get(indNo)!;
    const article = state.articles.get(ind.artNo)!;
    return {
      indNo,
      artNo: ind.artNo,
      name: article.name,
      isoCode: article.isoCode,
      kind: article.kind,
      delivery: deliveries.get(indNo) ?? null,
      payer: devicePayer(state, article.isoCode, person),
      loan: deviceLoan(state, indNo), // Issue 15, loans: the unit's open loan (type, due date) or null
    };
  });
  return found({
    person: personView(person),
    devices,
    saleArticles: saleArticlesOf(state, person.pnr, orders), // Issue 15, returns
    ...patientOverview(state, person, acting),
  });
}

export { personTokens };
