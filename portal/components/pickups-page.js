// @ts-check
// Hämtorder for HMC staff: the pickup orders still waiting, oldest first, with address, contact and reason for the
// driver, live by push; "Ta emot" receives a unit back to warehouse 10 (a return: stock up, the pickup done when all
// units are in).
import { html, useState, useEffect } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import { useQuery } from '../lib/use-query.js';
import { useTitle } from '../lib/use-title.js';
import { WithheldNotice } from './withheld-notice.js';
import { href } from '../lib/routes.js';
import { addressLine, date } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { receiveReturn, RETURN_WAREHOUSE } from '../lib/returns.js';
import { useFlagFilter, workingDaysText } from '../lib/oversight.js';
import { AgeFlag, FlagSummary } from './oversight-flag.js';
import { DeviationLink } from './desk-links.js';

/** @typedef {import('../lib/types.d.ts').PickupView} PickupView */
/** @typedef {import('../lib/types.d.ts').OversightSummary} OversightSummary */

const MAIN = RETURN_WAREHOUSE;
/** @type {PickupView[]} */
const NONE = [];
const isFlagged = (/** @type {PickupView} */ p) => p.flagged === true;
const LIST_MAX = 200;

/** @param {{ pickup: PickupView, unit: PickupView["units"][number], onDone: (text: string) => void }} props */
function Unit({ pickup, unit, onDone }) {
  const { busy, run } = useAction();
  if (unit.returnedMs !== null)
    return html`<li>${unit.name} (<a class="mono" href=${href.individ(unit.indNo)}>${unit.indNo}</a>) – mottagen</li>`;
  const receive = () =>
    run(
      async () => {
        await receiveReturn(unit.artNo, unit.indNo);
        onDone(`Individ ${unit.indNo} från hämtorder ${pickup.pickupNo} är mottagen i lager ${MAIN}.`);
      },
      (failure) => onDone(errorText(failure)),
    );
  return html`
    <li>${unit.name} (<a class="mono" href=${href.individ(unit.indNo)}>${unit.indNo}</a>)
      <button type="button" class="button small inline-action" disabled=${busy} onClick=${receive}
        aria-label=${`Ta emot individ ${unit.indNo}`}>${busy ? 'Tar emot…' : 'Ta emot'}</button></li>`;
}

export function PickupsPage() {
  const [notice, setNotice] = useState('');
  useTitle('Hämtorder – Aidstock');
  // New, cancelled and completed pickups come as pushes on `pickups`: read the list again (it is short).
  const query = useQuery(
    'pickup.list',
    { open: true, limit: LIST_MAX },
    {
      topic: 'pickups',
      select: (/** @type {{ pickups: PickupView[], withheld?: number, oversight?: OversightSummary }} */ r) => ({
        pickups: [...r.pickups].reverse(),
        withheld: r.withheld ?? 0,
        oversight: r.oversight ?? null,
      }),
    },
  );
  const flags = useFlagFilter(query.data?.pickups ?? NONE, isFlagged);
  const pickups = query.data === null ? null : flags.shown;
  const threshold = query.data?.oversight?.thresholdWorkingDays ?? null;
  useEffect(() => {
    if (query.error) setNotice(errorText(query.error));
  }, [query.error]);
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  return html`
    <h1 tabindex="-1">Hämtorder</h1>
    <p>Beställda hämtningar som väntar, äldst först. Ta emot varje hjälpmedel när det är tillbaka på HMC.</p>
    <p role="status" data-testid="pickups-status">${notice}</p>
    <${WithheldNotice} count=${query.data?.withheld ?? 0} />
    ${
      threshold !== null &&
      html`<${FlagSummary} id="pickups-flagged" count=${flags.count} onlyFlagged=${flags.onlyFlagged} setOnlyFlagged=${flags.setOnlyFlagged}
      note="hämtorder" rule=${`väntar mer än ${workingDaysText(threshold)}`} />`
    }
    ${
      pickups === null
        ? html`<p class="loading" role="status">Hämtar hämtorder…</p>`
        : pickups.length === 0
          ? html`<p>${flags.onlyFlagged ? 'Inga flaggade hämtorder.' : 'Inga hämtorder väntar.'}</p>`
          : html`
        <ul class="plain" data-testid="pickups">
          ${pickups.map(
            (p) => html`
            <li key=${p.pickupNo} class=${p.flagged ? 'card flagged' : 'card'} data-pickupno=${p.pickupNo} data-flagged=${p.flagged ? 'true' : 'false'}>
              <h2>Hämtorder ${p.pickupNo} <span class="hint">${date(p.placedDate)}</span></h2>
              <p><${AgeFlag} days=${p.ageWorkingDays} flagged=${p.flagged === true} flagText="Väntar för länge" prefix="Väntat " /></p>
              <p>${p.patient.name} <span class="mono">${p.patient.pnrDisplay}</span>, ${addressLine(p.address)}</p>
              ${(p.contactName || p.contactPhone) && html`<p>Kontakt: ${p.contactName} ${p.contactPhone}</p>`}
              <p>Orsak: ${p.reason}</p>
              <p class="hint">Beställd av ${p.prescriber.name}${p.prescriber.phone ? `, ${p.prescriber.phone}` : ''}</p>
              <ul>${p.units.map((u) => html`<${Unit} key=${u.indNo} pickup=${p} unit=${u} onDone=${done} />`)}</ul>
              <${DeviationLink} context=${{ hamtorder: p.pickupNo, individ: p.units[0]?.indNo ?? '' }} />
            </li>`,
          )}
        </ul>`
    }`;
}
