// @ts-check
// The effect of a draft of Förskrivningsregler before it is saved: per changed profession how many articles become
// prescribable and how many no longer are (admin.prescribingRulePreview, counted by the engine from its ISO index),
// with a few examples, and the buttons to save or undo the draft.
import * as api from '../../lib/api.js';
import { count, isoCode, professionLabel } from '../../lib/format.js';
import { html } from '../../lib/html.js';
import { errorText } from '../../lib/order-errors.js';
import { useQuery } from '../../lib/use-query.js';

/** @typedef {import('../../lib/types.d.ts').RulePreviewView} RulePreviewView */
/** @typedef {import('../../lib/types.d.ts').RuleChangeView} RuleChangeView */

/** One preview per changed profession, read together. @param {{ changes: Array<{ profession: string, isoPrefixes: string[] }> }} args */
async function previewAll({ changes }) {
  return Promise.all(changes.map((change) => api.call('admin.prescribingRulePreview', change)));
}

/** @param {{ title: string, change: RuleChangeView, kind: 'gained' | 'lost' }} props */
function Change({ title, change, kind }) {
  if (change.count === 0) return null;
  return html`<div class=${`rule-change rule-${kind}`}>
    <p><strong>${kind === 'gained' ? '+' : '−'}${count(change.count)}</strong> ${title}</p>
    <ul class="hint">
      ${change.examples.map((a) => html`<li key=${a.artNo}><span class="mono">${a.artNo}</span> ${a.name} <span class="mono">(${isoCode(a.isoCode)})</span></li>`)}
    </ul>
  </div>`;
}

/**
 * @param {{ draft: Record<string, string[]>, changed: string[], busy: boolean, error: string,
 *   onSave: () => void, onUndo: () => void }} props
 */
export function RulePreview({ draft, changed, busy, error, onSave, onUndo }) {
  const changes = changed.map((profession) => ({ profession, isoPrefixes: draft[profession] }));
  const preview = useQuery(previewAll, { changes }, { keepData: true });
  const results = /** @type {RulePreviewView[] | null} */ (preview.data);
  return html`<section class="card rule-preview" aria-labelledby="rule-preview-title" data-testid="rule-preview">
    <h2 id="rule-preview-title">Effekt av ändringen</h2>
    ${preview.error && html`<p class="error" role="alert">${errorText(preview.error)}</p>`}
    ${results === null && html`<p class="loading" role="status">Räknar…</p>`}
    ${(results ?? []).map(
      (r) => html`<div key=${r.profession} class="rule-effect" data-profession=${r.profession}>
        <h3>${professionLabel(r.profession)}</h3>
        ${r.gained.count === 0 && r.lost.count === 0 && html`<p class="hint">Inga artiklar påverkas.</p>`}
        <${Change} kind="gained" change=${r.gained} title="artiklar blir förskrivningsbara" />
        <${Change} kind="lost" change=${r.lost} title="artiklar blir inte längre förskrivningsbara" />
        <p class="hint">Efter ändringen: ${count(r.prescribableAfter)} förskrivningsbara artiklar.</p>
      </div>`,
    )}
    <p class="error" role="alert">${error}</p>
    <div class="actions">
      <button type="button" class="button primary" disabled=${busy || preview.loading || results === null} onClick=${onSave}>${busy ? 'Sparar…' : 'Spara regler'}</button>
      <button type="button" class="button" disabled=${busy} onClick=${onUndo}>Ångra ändringarna</button>
    </div>
  </section>`;
}
