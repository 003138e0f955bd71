// @ts-check
// Inställningar (issue 14, HMC oversight): the named settings — today the thresholds in working days after which
// Orderflöde, Plocklista, Hämtorder and Arbetsorder flag an entry — each with its current value, default and allowed
// range. An admin changes one with admin.settingSet; without the admin role the screen only shows them.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { dateTime } from '../../lib/format.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';

/** @typedef {import('../../lib/types.d.ts').SettingView} SettingView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ setting: SettingView, readOnly: boolean, onSaved: (text: string) => void }} props */
function SettingRow({ setting: s, readOnly, onSaved }) {
  const [text, setText] = useState(String(s.value));
  const { busy, error, setError, run } = useAction();
  const id = `setting-${s.key.replace(/\W/g, '-')}`;
  const save = async (/** @type {number} */ value) => {
    if (!Number.isInteger(value) || value < s.min || value > s.max)
      return setError(`Ange ett heltal mellan ${s.min} och ${s.max} ${s.unitSv}.`);
    const done = await run(() => api.call('admin.settingSet', { key: s.key, value }));
    if (done === undefined) return undefined;
    setText(String(value));
    return onSaved(`${s.titleSv}: ${value} ${s.unitSv} är sparat.`);
  };
  const submit = (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    return save(text.trim() === '' ? Number.NaN : Number(text));
  };
  return html`
    <li class="card setting" data-testid="setting" data-key=${s.key}>
      <h2 id=${`${id}-title`}>${s.titleSv}</h2>
      <p>Nu: <strong data-testid="setting-value">${s.value} ${s.unitSv}</strong>
        <span class="hint"> · Standard ${s.defaultValue} · Tillåtet ${s.min}–${s.max} ${s.unitSv}</span></p>
      <p class="hint">${s.set === null ? 'Standardvärdet gäller.' : `Ändrad av ${s.set.by.name} ${dateTime(s.set.timeMs)}.`}</p>
      ${
        !readOnly &&
        html`
        <form class="inline-form" novalidate onSubmit=${submit} aria-labelledby=${`${id}-title`}>
          <div class="field narrow"><label for=${id}>Nytt värde (${s.unitSv})</label>
            <input id=${id} type="number" inputmode="numeric" min=${s.min} max=${s.max} step="1" value=${text}
              aria-describedby=${`${id}-error`} onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} /></div>
          <button type="submit" class="button primary" disabled=${busy}>${busy ? 'Sparar…' : 'Spara'}</button>
          ${s.value !== s.defaultValue && html`<button type="button" class="button" disabled=${busy} onClick=${() => save(s.defaultValue)}>Återställ standard (${s.defaultValue})</button>`}
        </form>
        <p class="error" role="alert" id=${`${id}-error`}>${error}</p>`
      }
    </li>`;
}

/** @param {{ readOnly: boolean }} props */
export function SettingsScreen({ readOnly }) {
  useTitle('Inställningar – Administration');
  const [notice, setNotice] = useState('');
  const query = useQuery('settings.get', {}, { keepData: true });
  const settings = /** @type {{ settings: SettingView[] } | null} */ (query.data)?.settings ?? null;
  const saved = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  return html`
    <h1 tabindex="-1">Inställningar</h1>
    <p class="lead">Gränser i arbetsdagar (vardagar utom svenska helgdagar) för när Orderflöde, Plocklista, Hämtorder och
      Arbetsorder flaggar det som väntat för länge. En ändring syns direkt på öppna Orderflöde, Plocklista och Hämtorder; på
      Arbetsorder när listan hämtas igen.</p>
    <p role="status" data-testid="settings-notice">${notice}</p>
    ${query.error && html`<p class="error" role="alert">Inställningarna kunde inte hämtas.</p>`}
    ${
      settings === null
        ? !query.error && html`<p class="loading" role="status">Hämtar inställningar…</p>`
        : html`<ul class="plain settings">${settings.map(
            (s) =>
              html`<${SettingRow} key=${`${s.key}-${s.value}`} setting=${s} readOnly=${readOnly} onSaved=${saved} />`,
          )}</ul>`
    }`;
}
