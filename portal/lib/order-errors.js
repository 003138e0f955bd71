// @ts-check
// Swedish text for each rejection code of the order, fulfilment and message ops: a headline the user can act on,
// followed by the engine's own detail (it names the article, order or date concerned).

/** @type {Record<string, string>} */
const HEADLINES = {
  not_resident: 'Kan inte förskrivas – brukaren är inte folkbokförd i Halland.',
  invalid_pnr: 'Personnumret är inte giltigt.',
  not_found: 'Hittades inte.',
  forbidden: 'Du har inte behörighet till detta.',
  forbidden_article: 'Din yrkesgrupp får inte förskriva artikeln enligt hjälpmedelsanvisningarna.',
  unknown_article: 'Artikelnumret finns inte i sortimentet.',
  purpose_required: 'Förskrivningssyfte saknas: kompressionsstrumpor kräver BA, BT, LÖ, TR, VB eller ÖM.',
  purpose_invalid: 'Förskrivningssyftet gäller inte för artikeln eller brukaren.',
  not_holder: 'Individen är inte registrerad på brukaren; komponenter beställs bara till brukarens egna individer.',
  duplicate_line: 'Artikeln finns redan på ordern; ändra antalet i stället.',
  duplicate_request: 'Ordern är redan registrerad.',
  replacement_required:
    'Artikeln finns inte i lager och en likvärdig produkt föreslås: acceptera eller avböj förslaget.',
  article_discontinued: 'Artikeln har utgått ur sortimentet och ingen ersättning finns i lager.',
  order_not_cancellable: 'Ordern kan inte makuleras: plockningen har redan börjat. Kontakta HMC.',
  invalid_transition: 'Steget går inte att göra i orderns nuvarande status.',
  no_individual: 'Det finns inte tillräckligt många lediga individer i lagret.',
  invalid_date: 'Datumet går inte att använda.',
  not_working_day: 'Välj en arbetsdag: HMC levererar inte på helger och helgdagar.',
  insufficient_stock: 'Det finns inte tillräckligt i lager.',
  invalid_request: 'Uppgifterna kunde inte tas emot; kontrollera fälten.',
  unauthorized: 'Sessionen har gått ut. Logga in igen.',
  overloaded: 'Systemet är hårt belastat just nu. Försök igen om en stund.',
  timeout: 'Servern svarade inte i tid. Försök igen.',
  connection_lost: 'Anslutningen bröts innan svaret kom.',
  internal: 'Ett oväntat fel inträffade hos servern.',
  // Issue 15, returns (Retur av hjälpmedel):
  no_buffer_warehouse: 'Arbetsplatsen har inget förråd: skicka hjälpmedlet till HMC med den vita returlappen.',
  not_held: 'Brukaren har inte så många av artikeln registrerade.',
  return_not_pending: 'Returen är redan mottagen.',
};

/** Codes whose engine message is English or adds nothing for a prescriber. */
const HEADLINE_ONLY = new Set(['invalid_request', 'unauthorized', 'overloaded', 'timeout', 'internal']);

/**
 * { code, message } of an ApiError → one Swedish sentence or two.
 * @param {unknown} error  an ApiError, or anything thrown
 */
export function errorText(error) {
  const { code = 'internal', message } = /** @type {{ code?: string, message?: unknown }} */ (error ?? {});
  const headline = HEADLINES[code];
  const detail = typeof message === 'string' ? message.trim() : '';
  if (headline === undefined) return detail || 'Något gick fel.';
  if (HEADLINE_ONLY.has(code) || detail === '' || detail === code) return headline;
  return `${headline} ${detail}`;
}

/**
 * True for the codes the order wizard can only fix on the Rader step.
 * @param {string} code
 */
export function isLineProblem(code) {
  return [
    'forbidden_article',
    'unknown_article',
    'purpose_required',
    'purpose_invalid',
    'not_holder',
    'duplicate_line',
    'replacement_required',
    'article_discontinued',
  ].includes(code);
}

/** A client-chosen idempotency key for order.place: the same wizard run always sends the same one. */
export function newIdempotencyKey() {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Plain http on another host is not a secure context: randomUUID is missing there, getRandomValues is not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
