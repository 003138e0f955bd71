// @ts-check
// Avvikelser (Uppföljning, prescribers and HMC staff): a prescriber sees their own reports and files new ones; HMC
// staff work the desk, filtered by status and category. Both lists update live by push. `ny` opens the filing form
// (with context from the link), a number opens one report.
import { html, useState } from '../../lib/html.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { href } from '../../lib/routes.js';
import { countOf, dateTime, isStaff } from '../../lib/format.js';
import { WithheldNotice } from '../withheld-notice.js';
import { DeskDeviationDetail } from './desk-deviation-detail.js';
import { DeskDeviationForm } from './desk-deviation-form.js';
import { CATEGORY_SV, STATUS_SV } from './desk-deviation-labels.js';

/** @typedef {import('../../lib/types.d.ts').DeviationView} DeviationView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {import('./sections.js').SectionProps} SectionProps */

const LIST_MAX = 100;

/** @param {{ label: string, id: string, value: string, options: Record<string, string>, onChange: (v: string) => void }} props */
function Filter({ label, id, value, options, onChange }) {
  return html`<div class="field"><label for=${id}>${label}</label>
    <select id=${id} value=${value} onChange=${(/** @type {FieldEvent} */ e) => onChange(e.currentTarget.value)}>
      <option value="">Alla</option>
      ${Object.entries(options).map(([v, l]) => html`<option value=${v} key=${v}>${l}</option>`)}
    </select></div>`;
}

/** @param {{ deviation: DeviationView, staff: boolean }} props */
function Row({ deviation, staff }) {
  return html`<li class="card" data-deviationno=${deviation.deviationNo} data-status=${deviation.status}>
    <h3><a href=${href.uppfoljning('avvikelser', String(deviation.deviationNo))}>Avvikelse ${deviation.deviationNo}</a>: ${CATEGORY_SV[deviation.category]} <span class="tag">${STATUS_SV[deviation.status]}</span></h3>
    <p class="hint">${dateTime(deviation.createdMs)}${staff ? ` · ${deviation.reporter.name}` : ''} · ${deviation.articleName} (${deviation.artNo})${deviation.indNo !== null ? `, individ ${deviation.indNo}` : ''}
      ${deviation.patient && ` · ${deviation.patient.name} ${deviation.patient.pnrDisplay}`}</p>
    <p>${deviation.text}</p>
    ${deviation.comments.length > 0 && html`<p class="hint">${countOf(deviation.comments.length, 'kommentar', 'kommentarer')}</p>`}
  </li>`;
}

/** @param {SectionProps} props */
export function DeskDeviationsScreen({ user, param, query }) {
  const staff = isStaff(user);
  // The desk opens on new reports; opened for one article (from the admin counts) it shows all of that article's.
  const [status, setStatus] = useState(staff && !query.has('artikel') ? 'new' : '');
  const [category, setCategory] = useState('');
  useTitle('Avvikelser – Aidstock');
  const artNo = query.get('artikel');
  const byArticle = param === null && artNo !== null && /^\d{6}$/.test(artNo) ? { artNo } : {};
  const args = { limit: LIST_MAX, ...(status ? { status } : {}), ...(category ? { category } : {}), ...byArticle };
  const list = useQuery(param === null ? 'deviation.list' : null, args, {
    topic: staff ? 'deviations' : `deviations/${user.id}`,
    select: (/** @type {{ deviations: DeviationView[], total: number, withheld: number }} */ r) => r,
    keepData: true,
  });
  if (param === 'ny')
    return html`<${DeskDeviationForm} query=${query} onFiled=${(/** @type {DeviationView} */ d) => {
      location.hash = href.uppfoljning('avvikelser', String(d.deviationNo));
    }} />`;
  if (param !== null && /^\d{1,8}$/.test(param))
    return html`<${DeskDeviationDetail} key=${param} user=${user} deviationNo=${Number(param)} />`;
  const deviations = list.data?.deviations ?? null;
  return html`
    <h1 tabindex="-1">Avvikelser</h1>
    <p>${staff ? 'Avvikelser och reklamationer från förskrivare och HMC: utred, anmäl till leverantör, svara och avsluta.' : 'Dina rapporterade avvikelser och HMC:s svar. Uppdateras direkt när HMC svarar.'}</p>
    <p><a class="button" href=${href.uppfoljning('avvikelser', 'ny')}>Rapportera avvikelse</a></p>
    <div class="inline-form">
      <${Filter} label="Status" id="dev-filter-status" value=${status} options=${STATUS_SV} onChange=${setStatus} />
      <${Filter} label="Typ" id="dev-filter-category" value=${category} options=${CATEGORY_SV} onChange=${setCategory} />
    </div>
    ${byArticle.artNo && html`<p data-testid="deviation-article-filter">Bara artikel ${byArticle.artNo}. <a href=${href.uppfoljning('avvikelser')}>Visa alla artiklar</a></p>`}
    <${WithheldNotice} count=${list.data?.withheld ?? 0} />
    ${list.error && html`<p class="error" role="alert">${list.error.message}</p>`}
    ${
      deviations === null
        ? !list.error && html`<p class="loading" role="status">Hämtar avvikelser…</p>`
        : deviations.length === 0
          ? html`<p>Inga avvikelser.</p>`
          : html`<ul class="plain" data-testid="deviations">${deviations.map((d) => html`<${Row} key=${d.deviationNo} deviation=${d} staff=${staff} />`)}</ul>`
    }`;
}
