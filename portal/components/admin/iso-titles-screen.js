// @ts-check
// ISO 9999 (admin): the classification tree (classes → subclasses → divisions), each node with the number of
// articles under it (catalog.isoTree's derived counts: discontinued ones not counted), expandable; an admin edits a
// node's Swedish title in place. HMC staff see the tree without the edit control.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { count } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { href } from '../../lib/routes.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';

/** @typedef {import('../../lib/types.d.ts').IsoTreeNode & { parent: string | null }} TreeNode */
/** @typedef {{ currentTarget: HTMLInputElement }} FieldEvent */

/** The longest Swedish title the engine takes (ISO_TITLE_CHARS_MAX). */
const TITLE_CHARS_MAX = 200;

/** @param {{ node: TreeNode, onSaved: (node: TreeNode) => void, onCancel: () => void }} props */
function TitleForm({ node, onSaved, onCancel }) {
  const [title, setTitle] = useState(node.titleSv);
  const { busy, error, run } = useAction();
  const save = (/** @type {Event} */ e) => {
    e.preventDefault();
    run(async () => {
      const { node: saved } = await api.call('admin.isoTitleSet', { code: node.code, titleSv: title });
      onSaved({ ...node, titleSv: saved.titleSv });
    });
  };
  return html`<form class="admin-inline-form" onSubmit=${save} data-testid="iso-title-form">
    <label class="visually-hidden" for=${`iso-title-${node.code}`}>Svensk benämning för ${node.code}</label>
    <input id=${`iso-title-${node.code}`} value=${title} maxLength=${TITLE_CHARS_MAX} required
      onInput=${(/** @type {FieldEvent} */ e) => setTitle(e.currentTarget.value)} />
    <button type="submit" class="button small primary" disabled=${busy}>${busy ? 'Sparar…' : 'Spara'}</button>
    <button type="button" class="button small" onClick=${onCancel}>Avbryt</button>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </form>`;
}

/**
 * @param {{ node: TreeNode, children: Map<string, TreeNode[]>, open: Set<string>, toggle: (code: string) => void,
 *   editing: string | null, setEditing: (code: string | null) => void, onSaved: (node: TreeNode) => void,
 *   readOnly: boolean }} props
 */
function TreeItem(props) {
  const { node, children, open, toggle, editing, setEditing, onSaved, readOnly } = props;
  const below = children.get(node.code) ?? [];
  const expanded = open.has(node.code);
  return html`<li data-code=${node.code} class=${`admin-iso-node admin-iso-level-${node.level}`}>
    <div class="admin-iso-row">
      ${
        below.length > 0
          ? html`<button type="button" class="admin-iso-toggle" aria-expanded=${expanded} onClick=${() => toggle(node.code)}
              aria-label=${`${expanded ? 'Fäll ihop' : 'Visa'} ${node.code}`}>${expanded ? '▾' : '▸'}</button>`
          : html`<span class="admin-iso-toggle" aria-hidden="true"></span>`
      }
      <span class="mono">${node.code}</span>
      ${
        editing === node.code
          ? html`<${TitleForm} node=${node} onSaved=${onSaved} onCancel=${() => setEditing(null)} />`
          : html`<span class="admin-iso-titles"><a class="admin-iso-title" href=${href.katalog(node.code)}>${node.titleSv}</a></span>`
      }
      <span class="admin-iso-count" title="Artiklar som kan förskrivas (utgångna räknas inte)">${count(node.articleCount)} art.</span>
      ${!readOnly && editing !== node.code && html`<button type="button" class="button small" onClick=${() => setEditing(node.code)} aria-label=${`Ändra benämning för ${node.code}`}>Ändra</button>`}
    </div>
    ${expanded && below.length > 0 && html`<ul class="admin-iso-children">${below.map((child) => html`<${TreeItem} key=${child.code} ...${props} node=${child} />`)}</ul>`}
  </li>`;
}

/** @param {TreeNode[]} nodes */
function childrenOf(nodes) {
  /** @type {Map<string, TreeNode[]>} */
  const map = new Map();
  for (const node of nodes) {
    if (node.parent === null) continue;
    const list = map.get(node.parent);
    if (list === undefined) map.set(node.parent, [node]);
    else list.push(node);
  }
  return map;
}

/** @param {{ readOnly: boolean }} props */
export function IsoTitlesScreen({ readOnly }) {
  useTitle('ISO 9999 – Administration – Aidstock');
  const query = useQuery('catalog.isoTree', { depth: 3 }, { keepData: true });
  const [open, setOpen] = useState(/** @type {Set<string>} */ (new Set()));
  const [editing, setEditing] = useState(/** @type {string | null} */ (null));
  const [notice, setNotice] = useState('');
  /** @type {TreeNode[] | null} */
  const nodes = query.data?.nodes ?? null;
  const toggle = (/** @type {string} */ code) => {
    const next = new Set(open);
    if (!next.delete(code)) next.add(code);
    setOpen(next);
  };
  const onSaved = (/** @type {TreeNode} */ saved) => {
    setEditing(null);
    setNotice(`${saved.code} heter nu ”${saved.titleSv}”. Sökningen hittar artiklarna under den nya benämningen.`);
    query.patch((data) => ({
      ...data,
      nodes: data.nodes.map((/** @type {TreeNode} */ n) => (n.code === saved.code ? saved : n)),
    }));
  };
  const children = nodes === null ? new Map() : childrenOf(nodes);
  const roots = nodes === null ? [] : nodes.filter((n) => n.parent === null);
  const itemProps = { children, open, toggle, editing, setEditing, onSaved, readOnly };
  return html`<section class="admin-screen">
    <h1 tabindex="-1">ISO 9999</h1>
    <p>Klassificeringen med antal artiklar under varje nod. ${readOnly ? 'Du kan läsa men inte ändra.' : 'Ändra en svensk benämning med Ändra; katalogen och sökningen visar den direkt.'}</p>
    <p role="status" data-testid="iso-status">${notice}</p>
    ${query.error && html`<p class="error" role="alert">${errorText(query.error)}</p>`}
    ${nodes === null ? html`<p class="loading" role="status">Hämtar ISO-trädet…</p>` : html`<ul class="admin-iso-tree" data-testid="iso-tree">${roots.map((node) => html`<${TreeItem} key=${node.code} ...${itemProps} node=${node} />`)}</ul>`}
  </section>`;
}
