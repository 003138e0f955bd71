// @ts-check
// Förskrivningsregler (issue 14): professions × ISO classes as a matrix. Rows are the classes, each expandable to its
// subclasses and divisions; a cell says whether the profession may prescribe the node (whole, part of it, not).
// Clicks edit a draft; the effect per changed profession (articles gained and lost, with examples) is shown before
// "Spara", which saves each changed profession's rule with admin.prescribingRuleSet.
import * as api from '../../lib/api.js';
import { count, isoCode, professionLabel } from '../../lib/format.js';
import { html, useMemo, useState } from '../../lib/html.js';
import { changedProfessions, isoShape, normalize, toggle } from '../../lib/rule-draft.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { RuleMatrix } from './rule-matrix.js';
import { RulePreview } from './rule-preview.js';

/** @typedef {import('../../lib/types.d.ts').IsoTreeNode & { parent: string | null }} TreeNode */
/** @typedef {import('../../lib/types.d.ts').PrescribingRuleView} PrescribingRuleView */

/** The columns: every profession of the contract, prescribers first. */
export const PROFESSIONS = ['ot', 'pt', 'slp', 'nurse', 'hmc', 'admin'];

/** @param {PrescribingRuleView[]} rules */
function byProfession(rules) {
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const profession of PROFESSIONS) out[profession] = [];
  for (const rule of rules) out[rule.profession] = normalize(rule.isoPrefixes);
  return out;
}

/** @param {{ readOnly: boolean }} props */
export function RulesScreen({ readOnly }) {
  useTitle('Förskrivningsregler – Administration – Aidstock');
  const tree = useQuery('catalog.isoTree', { depth: 3 });
  const rules = useQuery('prescribingRule.list', {});
  const nodes = /** @type {TreeNode[]} */ (/** @type {{ nodes?: TreeNode[] } | null} */ (tree.data)?.nodes ?? []);
  const shape = useMemo(() => isoShape(nodes), [nodes]);
  const saved = useMemo(
    () => byProfession(/** @type {{ rules?: PrescribingRuleView[] } | null} */ (rules.data)?.rules ?? []),
    [rules.data],
  );
  const [draft, setDraft] = useState(/** @type {Record<string, string[]> | null} */ (null));
  const [notice, setNotice] = useState('');
  const save = useAction();
  const current = draft ?? saved;
  const changed = changedProfessions(saved, current);
  const onToggle = (/** @type {string} */ profession, /** @type {string} */ code) => {
    setNotice('');
    setDraft({ ...current, [profession]: toggle(current[profession] ?? [], code, shape) });
  };
  const onSave = () =>
    save.run(async () => {
      for (const profession of changed)
        await api.call('admin.prescribingRuleSet', { profession, isoPrefixes: current[profession] });
      setNotice(`Sparat: ${changed.map(professionLabel).join(', ')}.`);
      setDraft(null);
      rules.reload();
    });
  if (tree.error || rules.error)
    return html`<h1>Förskrivningsregler</h1><p class="error" role="alert">Reglerna kunde inte hämtas.</p>`;
  if (tree.data === null || rules.data === null)
    return html`<h1>Förskrivningsregler</h1><p class="loading" role="status">Hämtar regler och ISO-träd…</p>`;
  return html`
    <h1 tabindex="-1">Förskrivningsregler</h1>
    <p class="hint">Vilka yrkesgrupper som får förskriva vilka ISO-klasser (hjälpmedelsanvisningarna).
      ${readOnly ? '' : ' Klicka i en ruta för att ändra; effekten visas innan du sparar.'}</p>
    <p role="status" data-testid="rules-status">${notice}</p>
    ${
      changed.length > 0 &&
      html`<${RulePreview} draft=${current} changed=${changed} busy=${save.busy} error=${save.error}
        onSave=${onSave} onUndo=${() => setDraft(null)} />`
    }
    <${RuleMatrix} nodes=${nodes} shape=${shape} rules=${current} saved=${saved} professions=${PROFESSIONS}
      readOnly=${readOnly} onToggle=${onToggle} />
    <p class="hint">Koder: ${isoCode('12 06 06')} = klass 12, underklass 06, grupp 06. Antal = artiklar som inte har utgått (${count(nodes.filter((n) => n.level === 1).reduce((sum, n) => sum + n.articleCount, 0))} totalt).</p>`;
}
