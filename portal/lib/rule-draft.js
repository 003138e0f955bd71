// @ts-check
// The prescribing-rule matrix's draft (Förskrivningsregler, issue 14): what a cell shows for a profession and an ISO
// node (whole, part, none), and how a click edits the profession's prefixes: on adds the node (dropping what lies
// under it, and folding into the parent when every sibling is covered), off removes it (splitting a covering
// ancestor into the node's siblings along the path). Pure functions, so the engine's own rule (isoUnder) is mirrored.

/** @typedef {'whole' | 'part' | 'none'} CellState */
/** @typedef {{ children: Map<string, string[]>, parent: Map<string, string | null> }} IsoShape */

/**
 * `code` is `prefix` or lies under it (codes are groups of two digits separated by spaces).
 * @param {string} code
 * @param {string} prefix
 */
export function isoUnder(code, prefix) {
  return code === prefix || code.startsWith(`${prefix} `);
}

/**
 * Prefixes without duplicates or ones under another, sorted (as the engine stores them).
 * @param {readonly string[]} prefixes
 */
export function normalize(prefixes) {
  const sorted = [...new Set(prefixes)].sort();
  return sorted.filter((code) => !sorted.some((other) => other !== code && isoUnder(code, other)));
}

/**
 * @param {readonly string[]} prefixes  one profession's rule
 * @param {string} code  an ISO node
 * @returns {CellState}
 */
export function cellState(prefixes, code) {
  if (prefixes.some((prefix) => isoUnder(code, prefix))) return 'whole';
  if (prefixes.some((prefix) => isoUnder(prefix, code))) return 'part';
  return 'none';
}

/**
 * The node added; a parent whose children are then all covered replaces them.
 * @param {readonly string[]} prefixes
 * @param {string} code
 * @param {IsoShape} shape
 */
export function toggleOn(prefixes, code, shape) {
  let next = normalize([...prefixes.filter((prefix) => !isoUnder(prefix, code)), code]);
  for (let parent = shape.parent.get(code) ?? null; parent !== null; parent = shape.parent.get(parent) ?? null) {
    const kids = shape.children.get(parent) ?? [];
    if (kids.length === 0 || !kids.every((kid) => cellState(next, kid) === 'whole')) break;
    next = normalize([...next.filter((prefix) => !isoUnder(prefix, parent)), parent]);
  }
  return next;
}

/**
 * The node removed: prefixes at or under it go; an ancestor covering it becomes its other children, level by level.
 * @param {readonly string[]} prefixes
 * @param {string} code
 * @param {IsoShape} shape
 */
export function toggleOff(prefixes, code, shape) {
  /** @type {string[]} */
  const next = [];
  for (const prefix of prefixes) {
    if (isoUnder(prefix, code)) continue;
    if (!isoUnder(code, prefix)) {
      next.push(prefix);
      continue;
    }
    for (let at = prefix; at !== code; ) {
      const kids = shape.children.get(at) ?? [];
      const onPath = kids.find((kid) => isoUnder(code, kid));
      if (onPath === undefined) break;
      next.push(...kids.filter((kid) => kid !== onPath));
      at = onPath;
    }
  }
  return normalize(next);
}

/**
 * A click on a cell: a whole node goes off, a partly or not covered one comes on whole.
 * @param {readonly string[]} prefixes
 * @param {string} code
 * @param {IsoShape} shape
 */
export function toggle(prefixes, code, shape) {
  return cellState(prefixes, code) === 'whole' ? toggleOff(prefixes, code, shape) : toggleOn(prefixes, code, shape);
}

/**
 * The tree's shape from catalog.isoTree's nodes.
 * @param {ReadonlyArray<{ code: string, parent: string | null }>} nodes
 * @returns {IsoShape}
 */
export function isoShape(nodes) {
  /** @type {IsoShape} */
  const shape = { children: new Map(), parent: new Map() };
  for (const node of nodes) {
    shape.parent.set(node.code, node.parent);
    if (node.parent === null) continue;
    const kids = shape.children.get(node.parent) ?? [];
    kids.push(node.code);
    shape.children.set(node.parent, kids);
  }
  return shape;
}

/**
 * Professions whose draft differs from the saved rule.
 * @param {Record<string, string[]>} saved
 * @param {Record<string, string[]>} draft
 */
export function changedProfessions(saved, draft) {
  return Object.keys(draft).filter(
    (profession) => normalize(draft[profession]).join('|') !== normalize(saved[profession] ?? []).join('|'),
  );
}
