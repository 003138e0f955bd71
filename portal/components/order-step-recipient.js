// @ts-check
// Kundorder step 1, Mottagare: a patient by personnummer (looked up with patient.get, or found in CFR) or one of the
// user's care units by kundnummer. Only residents of Halland can be prescribed to.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import * as api from '../lib/api.js';
import { ApiError } from '../lib/api.js';
import { addressLine, count, countOf } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { useAction } from '../lib/use-action.js';
import { Pager } from './article-results.js';

/** @typedef {import('../lib/types.d.ts').PatientView} PatientView */
/** @typedef {import('../lib/types.d.ts').StepProps} StepProps */
/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').Workplace} Workplace */
/** @typedef {import('../lib/types.d.ts').PersonView} PersonView */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const PNR_PATTERN = /^(\d{6}|\d{8})[-+]?\d{4}$/;
const NOT_RESIDENT = 'Kan inte förskrivas – ej folkbokförd i Halland';
const CFR_HITS = 10;
/** register.search refuses an offset beyond REGISTER_OFFSET_MAX (1 000, schemas/limits.ts): the pages that reach. */
const CFR_PAGES_MAX = Math.floor(1_000 / CFR_HITS) + 1;

/** @param {{ patient: PatientView }} props */
function PatientCard({ patient }) {
  const { person, devices } = patient;
  return html`
    <div class=${person.prescribable ? 'patient-card' : 'patient-card blocked'} data-testid="patient-card">
      <p class="patient-name"><strong>${person.givenName} ${person.familyName}</strong> <span class="mono">${person.pnrDisplay}</span></p>
      ${
        person.protectedIdentity
          ? html`<p class="hint">Skyddad identitet: adressen visas inte, och leverans sker till din arbetsplats.</p>`
          : html`<p>${addressLine(person.address)}</p>`
      }
      ${person.palliative && html`<p class="tag">Palliativ vård</p>`}
      ${
        person.prescribable
          ? html`<p class="hint">${devices.length === 0 ? 'Har inga registrerade hjälpmedel.' : `Har ${devices.length} registrerade hjälpmedel (individer).`}</p>`
          : html`<p class="error" role="alert" data-testid="not-resident">${NOT_RESIDENT}.</p>
            <p class="hint">Se rutinen Övergripande riktlinjer på extranätet för brukare från andra regioner.</p>`
      }
    </div>`;
}

/** @typedef {{ total: number, hits: Array<PersonView & { address: PersonView['address'] | null }> }} RegisterHits */

/** "Visar 11–20 av 34." (or "1 träff.") for a page of hits starting at offset. @param {RegisterHits} hits @param {number} offset */
function hitsLine(hits, offset) {
  if (hits.total === 0) return 'Ingen träff.';
  if (hits.total <= hits.hits.length) return `${countOf(hits.total, 'träff', 'träffar')}.`;
  return `Visar ${count(offset + 1)}–${count(offset + hits.hits.length)} av ${count(hits.total)}.`;
}

/** @param {{ hits: RegisterHits, onChoose: (pnr: string) => void }} props */
function RegisterHitList({ hits, onChoose }) {
  return html`
    <ul class="plain cfr-hits" data-testid="cfr-hits">
      ${hits.hits.map(
        (hit) => html`
        <li key=${hit.pnr}>
          <button type="button" class="link-button" onClick=${() => onChoose(hit.pnrDisplay)}
            aria-label=${`Välj ${hit.givenName} ${hit.familyName} ${hit.pnrDisplay}`}>${hit.givenName} ${hit.familyName}</button>
          <span class="mono"> ${hit.pnrDisplay}</span>
          <span class="hint"> · ${hit.address ? addressLine(hit.address) : hit.municipality}</span>
          ${!hit.prescribable && html` <span class="tag warn">${NOT_RESIDENT}</span>`}
        </li>`,
      )}
    </ul>`;
}

/**
 * CFR: find the personnummer by name, address or birth date; hits from other regions are marked. Pages of CFR_HITS
 * with Föregående / Nästa (each page is access-logged by the engine as it is shown).
 * @param {{ onChoose: (pnr: string) => void }} props
 */
export function RegisterSearch({ onChoose }) {
  const [text, setText] = useState('');
  const [shown, setShown] = useState(/** @type {{ text: string, offset: number, hits: RegisterHits } | null} */ (null));
  const { busy, error, setError, run } = useAction();
  const fetchPage = async (/** @type {string} */ searched, /** @type {number} */ offset) => {
    const found = await run(() => api.call('register.search', { text: searched, limit: CFR_HITS, offset }));
    if (found !== undefined) setShown({ text: searched, offset, hits: found });
  };
  const search = (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (text.trim().length < 2) {
      setError('Skriv minst två tecken.');
      return;
    }
    fetchPage(text.trim(), 0);
  };
  const pages = shown ? Math.min(Math.ceil(shown.hits.total / CFR_HITS), CFR_PAGES_MAX) : 0;
  return html`
    <details class="cfr">
      <summary>Sök i folkbokföringen (CFR)</summary>
      <form class="inline-form" onSubmit=${search} role="search" aria-label="Sök i folkbokföringen">
        <div class="field grow">
          <label for="cfr-text">Namn, adress, ort eller födelsedatum</label>
          <input id="cfr-text" type="text" value=${text} maxLength="100" autocomplete="off" onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled=${busy}>${busy ? 'Söker…' : 'Sök'}</button>
      </form>
      <p class="error" role="alert">${error}</p>
      ${
        shown &&
        html`
        <p class="hint" role="status" data-testid="cfr-count">${hitsLine(shown.hits, shown.offset)}</p>
        <${RegisterHitList} hits=${shown.hits} onChoose=${onChoose} />
        <${Pager} page=${shown.offset / CFR_HITS} pages=${pages} busy=${busy}
          onPage=${(/** @type {number} */ page) => fetchPage(shown.text, page * CFR_HITS)} />`
      }
    </details>`;
}

/**
 * Hämta brukare: patient.get for a personnummer; only the newest look-up counts (busy follows it too). A patient
 * found replaces the one before; lines for the earlier patient's individuals (K-lines) cannot follow.
 * @param {StepProps["update"]} update
 */
function usePatientLookup(update) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const lookUp = async (/** @type {string | null | undefined} */ raw) => {
    const pnr = String(raw ?? '').replace(/\s+/g, '');
    const mine = ++seq.current;
    if (!PNR_PATTERN.test(pnr)) {
      setError('Skriv personnumret som ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN).');
      update({ patient: null });
      return;
    }
    setBusy(true);
    setError('');
    try {
      /** @type {PatientView} */
      const patient = await api.call('patient.get', { pnr });
      if (mine !== seq.current) return;
      update((current) => ({
        patient,
        pnrInput: patient.person.pnrDisplay,
        lines:
          current.patient?.person.pnr === patient.person.pnr
            ? current.lines
            : current.lines.filter((l) => l.forIndividual === null),
      }));
    } catch (failure) {
      if (mine !== seq.current) return;
      update({ patient: null });
      setError(
        failure instanceof ApiError && failure.code === 'not_found'
          ? 'Ingen person med det personnumret finns i folkbokföringen.'
          : errorText(failure),
      );
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };
  return { error, busy, lookUp };
}

/** @param {{ kind: OrderDraft["recipientKind"], onChoose: (kind: OrderDraft["recipientKind"]) => void }} props */
function RecipientKind({ kind, onChoose }) {
  return html`
    <fieldset class="choice">
      <legend>Beställ till</legend>
      <div class="radio">
        <input type="radio" id="recipient-patient" name="recipient" checked=${kind === 'patient'}
          onChange=${() => onChoose('patient')} />
        <label for="recipient-patient">Brukare (personnummer)</label>
      </div>
      <div class="radio">
        <input type="radio" id="recipient-unit" name="recipient" checked=${kind === 'careUnit'}
          onChange=${() => onChoose('careUnit')} aria-describedby="recipient-unit-hint" />
        <label for="recipient-unit">Vårdenhet (kundnummer)</label>
        <span id="recipient-unit-hint" class="hint">T.ex. kryckor eller ortoser till er verksamhet.</span>
      </div>
    </fieldset>`;
}

/**
 * The personnummer field, the patient found, and the CFR search.
 * @param {{ state: OrderDraft, update: StepProps["update"], lookup: ReturnType<typeof usePatientLookup> }} props
 */
function PatientChoice({ state, update, lookup }) {
  const { error, busy, lookUp } = lookup;
  return html`
    <form class="inline-form" onSubmit=${(/** @type {Event} */ e) => {
      e.preventDefault();
      lookUp(state.pnrInput);
    }}>
      <div class="field">
        <label for="order-pnr">Personnummer</label>
        <input id="order-pnr" type="text" inputmode="numeric" autocomplete="off" maxLength="15" value=${state.pnrInput}
          placeholder="ÅÅÅÅMMDD-NNNN" data-autofocus aria-describedby="order-pnr-hint order-pnr-error"
          aria-invalid=${error ? 'true' : undefined}
          onInput=${(/** @type {FieldEvent} */ e) => update({ pnrInput: e.currentTarget.value, patient: null })} />
      </div>
      <button type="submit" class="button" disabled=${busy} data-testid="lookup-patient">${busy ? 'Hämtar…' : 'Hämta brukare'}</button>
    </form>
    <p id="order-pnr-hint" class="hint">Man kan endast förskriva till brukare som är folkbokförda i Halland.</p>
    <p id="order-pnr-error" class="error" role="alert">${error}</p>
    ${state.patient && html`<${PatientCard} patient=${state.patient} />`}
    <${RegisterSearch} onChoose=${(/** @type {string} */ pnr) => {
      update({ pnrInput: pnr });
      lookUp(pnr);
    }} />`;
}

/** @param {{ user: User, customerNo: string, update: StepProps["update"] }} props */
function CareUnitChoice({ user, customerNo, update }) {
  return html`
    <div class="field">
      <label for="order-unit">Vårdenhet och kundnummer</label>
      <select id="order-unit" value=${customerNo} onChange=${(/** @type {FieldEvent} */ e) => {
        // The options are the user's workplaces: one always matches.
        const place = /** @type {Workplace} */ (user.workplaces.find((w) => w.customerNo === e.currentTarget.value));
        update({ customerNo: place.customerNo, workplaceId: place.id });
      }}>
        ${user.workplaces.map((w) => html`<option value=${w.customerNo}>${w.name} – kundnr ${w.customerNo}</option>`)}
      </select>
      <p class="hint">Ordern betalas av och levereras till vårdenheten.</p>
    </div>`;
}

/** @param {StepProps & { initialPnr: string | null }} props */
export function RecipientStep({ user, state, update, initialPnr }) {
  const lookup = usePatientLookup(update);

  // Opened from a patient view (#/bestall?pnr=…): look the patient up at once.
  useEffect(() => {
    if (initialPnr && !state.patient) lookup.lookUp(initialPnr);
  }, []);

  const chooseKind = (/** @type {OrderDraft['recipientKind']} */ kind) => {
    if (kind === 'careUnit') {
      const place = user.workplaces.find((w) => w.customerNo === state.customerNo) ?? user.workplaces[0];
      update({
        recipientKind: kind,
        customerNo: place.customerNo,
        workplaceId: place.id,
        lines: state.lines.filter((l) => l.forIndividual === null),
      });
    } else update({ recipientKind: kind });
  };

  return html`
    <${RecipientKind} kind=${state.recipientKind} onChoose=${chooseKind} />
    ${state.recipientKind === 'patient' && html`<${PatientChoice} state=${state} update=${update} lookup=${lookup} />`}
    ${state.recipientKind === 'careUnit' && html`<${CareUnitChoice} user=${user} customerNo=${state.customerNo} update=${update} />`}`;
}
