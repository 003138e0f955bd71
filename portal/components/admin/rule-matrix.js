// @ts-check
// The matrix of Förskrivningsregler: one row per ISO node shown (classes, and the subclasses and divisions of the
// ones opened), one column per profession; a cell is a button (admins) saying whether the profession may prescribe
// the node whole, part of it or not, marked when the draft differs from the saved rule.
import { count, isoCode, professionLabel } from '../../lib/format.js';
import { html, useState } from '../../lib/html.js';
import { cellState } from '../../lib/rule-draft.js';

/** @typedef {import('../../lib/types.d.ts').IsoTreeNode & { parent: string | null }} TreeNode */
/** @typedef {import('../../lib/rule-draft.js').IsoShape} IsoShape */
/** @typedef {import('../../lib/rule-draft.js').CellState} CellState */

/** @type {Record<CellState, { mark: string, text: string }>} */
const CELL = {
  whole: { mark: '●', text: 'Ja' },
  part: { mark: '◐', text: 'Delvis' },
  none: { mark: '○', text: 'Nej' },
};

/**
 * The rows to show: every class, and under an opened node its children, in tree order.
 * @param {TreeNode[]} nodes
 * @param {IsoShape} shape
 * @param {Set<string>} open
 */
function visibleRows(nodes, shape, open) {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  /** @type {TreeNode[]} */
  const rows = [];
  const walk = (/** @type {string} */ code) => {
    const node = byCode.get(code);
    if (node === undefined) return;
    rows.push(node);
    if (open.has(code)) for (const kid of shape.children.get(code) ?? []) walk(kid);
  };
  for (const node of nodes) if (node.parent === null) walk(node.code);
  return rows;
}

/**
 * @param {{ node: TreeNode, profession: string, state: CellState, changed: boolean, readOnly: boolean,
 *   onToggle: (profession: string, code: string) => void }} props
 */
function Cell({ node, profession, state, changed, readOnly, onToggle }) {
  const { mark, text } = CELL[state];
  const label = `${professionLabel(profession)}, ${node.code} ${node.titleSv}: ${text}`;
  const cls = `rule-cell rule-${state}${changed ? ' rule-changed' : ''}`;
  if (readOnly) return html`<td class=${cls} title=${label}><span aria-label=${label}>${mark}</span></td>`;
  return html`<td class=${cls}>
    <button type="button" aria-label=${label} title=${label} aria-pressed=${state === 'whole'}
      data-cell=${`${profession}|${node.code}`} onClick=${() => onToggle(profession, node.code)}>${mark}<span class="rule-text">${text}</span></button>
  </td>`;
}

/**
 * @param {{ nodes: TreeNode[], shape: IsoShape, rules: Record<string, string[]>, saved: Record<string, string[]>,
 *   professions: string[], readOnly: boolean, onToggle: (profession: string, code: string) => void }} props
 */
export function RuleMatrix({ nodes, shape, rules, saved, professions, readOnly, onToggle }) {
  const [open, setOpen] = useState(/** @type {Set<string>} */ (new Set()));
  const flip = (/** @type {string} */ code) => {
    const next = new Set(open);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setOpen(next);
  };
  return html`<div class="rule-matrix-wrap">
    <table class="data-table compact rule-matrix" data-testid="rule-matrix">
      <thead><tr><th scope="col">ISO-klass</th><th scope="col" class="num">Artiklar</th>
        ${professions.map((p) => html`<th scope="col" class="rule-head">${professionLabel(p)}</th>`)}</tr></thead>
      <tbody>
        ${visibleRows(nodes, shape, open).map((node) => {
          const hasKids = (shape.children.get(node.code) ?? []).length > 0;
          return html`<tr key=${node.code} class=${`rule-level-${node.level}`} data-code=${node.code}>
            <th scope="row" class="rule-node">
              ${
                hasKids
                  ? html`<button type="button" class="rule-open" aria-expanded=${open.has(node.code)}
                      aria-label=${`${open.has(node.code) ? 'Stäng' : 'Öppna'} ${node.code} ${node.titleSv}`}
                      onClick=${() => flip(node.code)}>${open.has(node.code) ? '▾' : '▸'}</button>`
                  : html`<span class="rule-open-space"></span>`
              }
              <span class="mono">${isoCode(node.code)}</span> ${node.titleSv}</th>
            <td class="num">${count(node.articleCount)}</td>
            ${professions.map((profession) => {
              const state = cellState(rules[profession] ?? [], node.code);
              const changed = state !== cellState(saved[profession] ?? [], node.code);
              return html`<${Cell} key=${profession} node=${node} profession=${profession} state=${state}
                changed=${changed} readOnly=${readOnly} onToggle=${onToggle} />`;
            })}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
