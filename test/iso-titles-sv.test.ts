// The Swedish ISO titles cover the whole tree, keep the published Swedish titles, and are translated.
import { describe, it, expect } from 'vitest';
import { ISO_TITLES_SV } from '../engine/seed/iso-titles-sv.ts';
import { readIsoEntries, type IsoEntry } from '../engine/seed/iso-tree.ts';

const tree: IsoEntry[] = readIsoEntries();

describe('ISO_TITLES_SV', () => {
  it('has the full ISO 9999 tree (945 codes)', () => {
    expect(tree).toHaveLength(945);
  });

  it('gives every code a non-empty Swedish title', () => {
    for (const e of tree) {
      const t = ISO_TITLES_SV[e.code];
      expect(typeof t, e.code).toBe('string');
      expect(t.trim().length, e.code).toBeGreaterThan(0);
      expect(t, e.code).toBe(t.trim());
    }
  });

  it('has no codes that are not in the tree', () => {
    const codes = new Set(tree.map((e) => e.code));
    const extra = Object.keys(ISO_TITLES_SV).filter((c) => !codes.has(c));
    expect(extra).toEqual([]);
    expect(Object.keys(ISO_TITLES_SV)).toHaveLength(tree.length);
  });

  it('uses title_sv verbatim where the source has one', () => {
    const withSv = tree.filter((e) => e.title_sv !== null);
    expect(withSv.length).toBeGreaterThan(0);
    for (const e of withSv) {
      expect(ISO_TITLES_SV[e.code], e.code).toBe(e.title_sv);
    }
  });

  it('contains no untranslated English (" for ", "products")', () => {
    for (const [code, t] of Object.entries(ISO_TITLES_SV)) {
      expect(t.toLowerCase(), code).not.toContain(' for ');
      expect(t.toLowerCase(), code).not.toContain('products');
    }
  });

  it('starts every title with a capital letter', () => {
    for (const [code, t] of Object.entries(ISO_TITLES_SV)) {
      expect(t[0], code).toBe(t[0].toLocaleUpperCase('sv'));
    }
  });
});
