// Planning an order, shared by order.quote and order.place: who it is for, from which warehouse, and for each
// line whether it is reserved, needs a replacement decision, or waits as a backorder. Checks run in a fixed order.
import type { Address, Article, Person, User, Workplace } from '../../../schemas/entities.ts';
import type { OrderSource, Recipient, ReplacementDecision } from '../../../schemas/orders.ts';
import { formatPnr, parsePnr } from '../personnummer.ts';
import { HOME_COUNTY } from '../register-queries.ts';
import { reject, type Rejection } from '../rejections.ts';
import { MAIN_WAREHOUSE } from '../keys.ts';
import type { State } from '../state.ts';
import { mayPrescribe } from '../prescribing-rules/rules.ts';
import { availableForNew, proposeReplacement, type Consumed, type Proposal } from './replacement.ts';
// Issue 15, recalls:
import { articleRecall } from '../recalls/blocks.ts';

export type RecipientInput = { kind: 'patient'; pnr: string } | { kind: 'careUnit'; customerNo: string };

export interface OrderTarget {
  recipient: RecipientInput;
  workplaceId?: string;
  source: OrderSource;
}

/** Who orders, for whom, paid by which care unit, from which warehouse. */
export interface OrderContext {
  user: User;
  workplace: Workplace;
  recipient: Recipient;
  /** The patient, or null for a care unit's own order. */
  patient: Person | null;
  warehouse: string;
}

export interface LineRequest {
  artNo: string;
  quantity: number;
  forIndividual?: number;
  replacement?: ReplacementDecision;
}

/** What happens to a requested line given the stock right now (and the prescriber's decision, if any). */
export type LinePlan =
  | { kind: 'reserve'; artNo: string; replacedFrom: string | null }
  | { kind: 'proposal'; proposal: Proposal }
  | { kind: 'backorder'; reason: 'refused' | 'outgoing' | 'noStock' }
  | { kind: 'discontinued' };

export const NOTE_REFUSED = 'Alternativ får inte levereras.';
export const NOTE_OUTGOING = 'Utgående artikel: levereras när HMC får en enhet i retur.';
export const NOTE_NO_STOCK = 'Restorder: levereras när artikeln finns i lager.';

function chooseWorkplace(user: User, target: OrderTarget): Workplace | Rejection {
  const careUnit = target.recipient.kind === 'careUnit' ? target.recipient.customerNo : null;
  const wanted = target.workplaceId;
  for (const place of user.workplaces) {
    if (wanted !== undefined && place.id !== wanted) continue;
    if (careUnit !== null && place.customerNo !== careUnit) continue;
    return place;
  }
  if (wanted !== undefined && !user.workplaces.some((p) => p.id === wanted)) {
    return reject('forbidden', `Arbetsplatsen ${wanted} hör inte till dig.`);
  }
  if (careUnit !== null)
    return reject('forbidden', `Kundnummer ${careUnit} hör inte till någon av dina arbetsplatser.`);
  return reject('forbidden', 'Du har ingen arbetsplats att beställa till; kontakta HMC.');
}

function resolvePatient(state: State, pnrInput: string, timeMs: number): Person | Rejection {
  const parsed = parsePnr(pnrInput, timeMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  const person = state.persons.get(parsed.pnr12);
  if (person === undefined) return reject('not_found', `Ingen person med personnummer ${formatPnr(parsed.pnr12)}.`);
  if (person.countyCode !== HOME_COUNTY) {
    return reject(
      'not_resident',
      `${formatPnr(person.pnr)} är inte folkbokförd i Halland och kan inte förskrivas till här.`,
    );
  }
  return person;
}

export function resolveContext(
  state: State,
  userId: string,
  target: OrderTarget,
  timeMs: number,
): OrderContext | Rejection {
  const user = state.users.get(userId);
  if (user === undefined) return reject('forbidden', `Okänd användare ${userId}.`);
  const workplace = chooseWorkplace(user, target);
  if ('ok' in workplace) return workplace;
  let patient: Person | null = null;
  let recipient: Recipient = { kind: 'careUnit', customerNo: workplace.customerNo };
  if (target.recipient.kind === 'patient') {
    const found = resolvePatient(state, target.recipient.pnr, timeMs);
    if ('ok' in found) return found;
    patient = found;
    recipient = { kind: 'patient', pnr: found.pnr };
  }
  let warehouse = MAIN_WAREHOUSE;
  if (target.source === 'buffer') {
    if (workplace.bufferWarehouse === null) {
      return reject('forbidden', `${workplace.name} har inget eget förråd (buffertlager) att ta ut från.`);
    }
    warehouse = workplace.bufferWarehouse;
  }
  return { user, workplace, recipient, patient, warehouse };
}

/** Checks of one requested line that do not depend on stock: duplicates, article, prescribing rule, K-individual. */
export function checkLine(
  state: State,
  context: OrderContext,
  line: LineRequest,
  seen: Set<string>,
): Article | Rejection {
  const key = `${line.artNo}:${line.forIndividual ?? ''}`;
  if (seen.has(key))
    return reject('duplicate_line', `Artikel ${line.artNo} finns redan på ordern; ändra antalet i stället.`);
  seen.add(key);
  const article = state.articles.get(line.artNo);
  if (article === undefined) return reject('unknown_article', `Artikel ${line.artNo} finns inte.`);
  // Issue 15, recalls: a recalled article is not ordered until HMC closes the recall.
  const recall = articleRecall(state, article.artNo);
  if (recall !== null) {
    return reject(
      'article_recalled',
      `${article.name} (${article.artNo}) är återkallad (återkallelse ${recall.recallNo}) och kan inte beställas.`,
    );
  }
  if (!mayPrescribe(state, context.user.profession, article.isoCode)) {
    return reject(
      'forbidden_article',
      `Din yrkesgrupp får inte förskriva ${article.name} (ISO ${article.isoCode}) enligt hjälpmedelsanvisningarna.`,
    );
  }
  if (line.forIndividual !== undefined) {
    const individual = state.individuals.get(line.forIndividual);
    if (individual === undefined) return reject('not_found', `Individ ${line.forIndividual} finns inte.`);
    const held =
      individual.location.kind === 'patient' &&
      context.recipient.kind === 'patient' &&
      individual.location.pnr === context.recipient.pnr;
    if (!held)
      return reject(
        'not_holder',
        `Individ ${line.forIndividual} är inte registrerad på brukaren; komponenter beställs till brukarens egna individer.`,
      );
  }
  return article;
}

/** Stock decision for a requested line; `consumed` holds what earlier lines of the same order took. */
export function planLine(
  state: State,
  context: OrderContext,
  article: Article,
  line: LineRequest,
  consumed: Consumed,
): LinePlan {
  if (availableForNew(state, context.warehouse, article.artNo, consumed) >= line.quantity) {
    return { kind: 'reserve', artNo: article.artNo, replacedFrom: null };
  }
  const proposal = proposeReplacement(
    state,
    context.warehouse,
    article.artNo,
    line.quantity,
    context.user.profession,
    consumed,
  );
  if (proposal !== null && line.replacement === undefined) return { kind: 'proposal', proposal };
  if (proposal !== null && line.replacement === 'accept') {
    return { kind: 'reserve', artNo: proposal.artNo, replacedFrom: article.artNo };
  }
  if (article.status === 'discontinued') return { kind: 'discontinued' };
  if (proposal !== null) return { kind: 'backorder', reason: 'refused' };
  return { kind: 'backorder', reason: article.status === 'outgoing' ? 'outgoing' : 'noStock' };
}

export function backorderNote(reason: 'refused' | 'outgoing' | 'noStock'): string {
  return reason === 'refused' ? NOTE_REFUSED : reason === 'outgoing' ? NOTE_OUTGOING : NOTE_NO_STOCK;
}

/** Default delivery: a care unit's own order or a buffer withdrawal goes to the workplace, a patient's to the
 * registered address, except for a protected identity, whose address HMC's drivers must not get. */
export function defaultDeliveryAddress(context: OrderContext): Address {
  if (context.patient === null || context.warehouse !== MAIN_WAREHOUSE || context.patient.protectedIdentity) {
    return context.workplace.deliveryAddress;
  }
  return context.patient.address;
}
