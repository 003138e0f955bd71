// @ts-check
// The form of Retur av hjälpmedel (issue 15): how many of each sale article the patient holds to de-register (at most
// what is held), and what becomes of them — kassera, skicka tillbaka till HMC or behåll i förrådet — then a
// confirmation step before anything is registered.
import { html, useState } from '../../lib/html.js';

/** @typedef {import('../../lib/types.d.ts').SaleArticleView} SaleArticleView */
/** @typedef {import('../../lib/types.d.ts').ReturnDisposition} ReturnDisposition */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @type {Array<{ value: ReturnDisposition, label: string, help: string }>} */
export const DISPOSITIONS = [
  { value: 'discard', label: 'Kassera', help: 'Hjälpmedlet slängs. Det kan inte användas igen.' },
  {
    value: 'sendBack',
    label: 'Skicka tillbaka till HMC',
    help: 'Skicka hjälpmedlet till Hjälpmedelscentrum, som tar emot det i sitt lager.',
  },
  {
    value: 'keep',
    label: 'Behåll i förrådet',
    help: 'Hjälpmedlet sparas i ert förråd men räknas inte in i saldot: det kan inte förskrivas till en annan brukare.',
  },
];

/**
 * @param {{ articles: SaleArticleView[], busy: boolean,
 *   onSubmit: (lines: Array<{ artNo: string, quantity: number }>, disposition: ReturnDisposition) => void }} props
 */
export function ReturnForm({ articles, busy, onSubmit }) {
  const [quantities, setQuantities] = useState(/** @type {Record<string, number>} */ ({}));
  const [disposition, setDisposition] = useState(/** @type {ReturnDisposition | null} */ (null));
  const [confirming, setConfirming] = useState(false);
  const lines = articles
    .filter((a) => (quantities[a.artNo] ?? 0) > 0)
    .map((a) => ({ artNo: a.artNo, quantity: quantities[a.artNo] }));
  const chosen = DISPOSITIONS.find((d) => d.value === disposition);
  const setQuantity = (/** @type {string} */ artNo, /** @type {number} */ max, /** @type {string} */ text) => {
    const n = Math.max(0, Math.min(max, Math.floor(Number(text) || 0)));
    setQuantities({ ...quantities, [artNo]: n });
    setConfirming(false);
  };
  if (confirming && chosen !== undefined) {
    return html`<section class="card" data-testid="return-confirm" aria-labelledby="return-confirm-title">
      <h2 id="return-confirm-title">Bekräfta retur</h2>
      <p>${chosen.label}: ${lines.map((l) => `${l.quantity} st ${articles.find((a) => a.artNo === l.artNo)?.name}`).join(', ')}.</p>
      <p>${chosen.help}</p>
      <div class="returns-actions">
        <button type="button" class="button primary" disabled=${busy} onClick=${() => onSubmit(lines, chosen.value)}>${busy ? 'Registrerar…' : 'Bekräfta returen'}</button>
        <button type="button" class="button" onClick=${() => setConfirming(false)}>Ändra</button>
      </div>
    </section>`;
  }
  return html`<form class="return-form" onSubmit=${(/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (lines.length > 0 && chosen !== undefined) setConfirming(true);
  }}>
    <fieldset>
      <legend>Antal att avregistrera</legend>
      ${articles.map(
        (a) => html`<div class="field return-line" key=${a.artNo}>
          <label for=${`return-qty-${a.artNo}`}>${a.name} <span class="mono">${a.artNo}</span> <span class="hint">(brukaren har ${a.quantity} st)</span></label>
          <input id=${`return-qty-${a.artNo}`} type="number" min="0" max=${a.quantity} inputmode="numeric" value=${quantities[a.artNo] ?? 0}
            onInput=${(/** @type {FieldEvent} */ e) => setQuantity(a.artNo, a.quantity, e.currentTarget.value)} />
        </div>`,
      )}
    </fieldset>
    <fieldset>
      <legend>Vad ska hända med hjälpmedlen?</legend>
      ${DISPOSITIONS.map(
        (d) => html`<div class="radio" key=${d.value}>
          <input type="radio" name="return-disposition" id=${`return-${d.value}`} value=${d.value} checked=${disposition === d.value}
            aria-describedby=${`return-${d.value}-help`} onChange=${() => setDisposition(d.value)} />
          <label for=${`return-${d.value}`}>${d.label}</label>
          <p class="hint" id=${`return-${d.value}-help`}>${d.help}</p>
        </div>`,
      )}
    </fieldset>
    ${(lines.length === 0 || chosen === undefined) && html`<p class="hint">Välj antal för minst en artikel och vad som ska hända med dem.</p>`}
    <button type="submit" class="button primary" disabled=${lines.length === 0 || chosen === undefined}>Fortsätt</button>
  </form>`;
}
