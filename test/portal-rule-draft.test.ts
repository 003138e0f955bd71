// The prescribing-rule matrix's draft (portal/lib/rule-draft.js): cell states and toggles on a small tree, checked
// against what the engine would make of the prefixes (mayPrescribe's isoUnder per division).
import { describe, expect, it } from 'vitest';
import { cellState, changedProfessions, isoShape, toggle, toggleOff, toggleOn } from '../portal/lib/rule-draft.js';
import { isoUnder } from '../engine/core/prescribing-rules/rules.ts';

const NODES = [
  { code: '12', parent: null },
  { code: '12 06', parent: '12' },
  { code: '12 06 06', parent: '12 06' },
  { code: '12 06 09', parent: '12 06' },
  { code: '12 22', parent: '12' },
  { code: '12 22 03', parent: '12 22' },
  { code: '22', parent: null },
  { code: '22 09', parent: '22' },
];
const shape = isoShape(NODES);
const divisions = ['12 06 06', '12 06 09', '12 22 03', '22 09'];
const coveredDivisions = (prefixes: string[]) => divisions.filter((d) => prefixes.some((p) => isoUnder(d, p)));

describe('prescribing-rule draft', () => {
  it('shows whole, part and none', () => {
    expect(cellState(['12 06'], '12')).toBe('part');
    expect(cellState(['12 06'], '12 06 09')).toBe('whole');
    expect(cellState(['12 06'], '22')).toBe('none');
  });

  it('turning a division off inside a whole class keeps every other division', () => {
    const next = toggleOff(['12', '22'], '12 06 06', shape);
    expect(next).toEqual(['12 06 09', '12 22', '22']);
    expect(coveredDivisions(next)).toEqual(['12 06 09', '12 22 03', '22 09']);
  });

  it('turning the last missing child on folds into the parent, and toggle is its own inverse', () => {
    const off = toggleOff(['12'], '12 06 06', shape);
    expect(toggleOn(off, '12 06 06', shape)).toEqual(['12']);
    expect(toggle(toggle(['22'], '12 22', shape), '12 22', shape)).toEqual(['22']);
    expect(toggle(['12 06 06'], '12', shape)).toEqual(['12']);
  });

  it('names the professions whose draft differs', () => {
    expect(changedProfessions({ ot: ['12'], pt: ['22'] }, { ot: ['12'], pt: ['22', '12'], slp: [] })).toEqual(['pt']);
  });
});
