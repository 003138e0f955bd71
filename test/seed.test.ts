// Seed data: deterministic, schema-valid, referentially whole, and containing everything the demo relies on.
import { createHash, scryptSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parsePnr, formatPnr } from '../engine/core/personnummer.ts';
import { MAIN_WAREHOUSE, stockKey } from '../engine/core/keys.ts';
import type { Tables } from '../engine/core/state.ts';
import { DEMO_ARTICLES } from '../engine/seed/demo-catalog.ts';
import { DEMO_PNR } from '../engine/seed/demo-persons.ts';
import { SCALES, generateTables } from '../engine/seed/generate.ts';
import {
  FEMALE_NAMES_MIDDLE,
  FEMALE_NAMES_OLD,
  FEMALE_NAMES_YOUNG,
  MALE_NAMES_MIDDLE,
  MALE_NAMES_OLD,
  MALE_NAMES_YOUNG,
} from '../engine/seed/names.ts';
import { DEMO_PASSWORD, SCRYPT_KEY_BYTES } from '../engine/seed/users.ts';
import { Article, Individual, IsoNode, Person, StockRow, Supplier, User, Warehouse } from '../schemas/entities.ts';
import { REPLACEMENT_HOPS_MAX } from '../schemas/limits.ts';

const NOW_MS = Date.UTC(2025, 5, 15);
const ROLLATOR_DIVISION = '12 06 06';

/** SHA-256 over every table's rows in key order: equal digests mean equal tables. */
function digest(tables: Tables): string {
  const hash = createHash('sha256');
  for (const [name, map] of Object.entries(tables) as [string, Map<string | number, unknown>][]) {
    hash.update(name);
    const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) hash.update(JSON.stringify([key, map.get(key)]));
  }
  return hash.digest('hex');
}

function schemaFailures<T>(schema: z.ZodType<T>, rows: Iterable<unknown>): string[] {
  const failures: string[] = [];
  for (const row of rows) {
    const result = schema.safeParse(row);
    if (!result.success) failures.push(`${JSON.stringify(row).slice(0, 200)}: ${result.error.message}`);
  }
  return failures.slice(0, 5);
}

function replacementHops(tables: Tables, artNo: string): number {
  const seen = new Set<string>();
  let current = tables.articles.get(artNo)!;
  while (current.replacedBy !== null) {
    if (seen.has(current.artNo)) return Infinity;
    seen.add(current.artNo);
    current = tables.articles.get(current.replacedBy)!;
  }
  return seen.size;
}

let tiny: Tables;

beforeAll(() => {
  tiny = generateTables({ scale: 'tiny', seed: 1 });
});

describe('determinism', () => {
  it('gives identical tables for the same seed and different ones for another', () => {
    expect(digest(generateTables({ scale: 'tiny', seed: 1 }))).toBe(digest(tiny));
    expect(digest(generateTables({ scale: 'tiny', seed: 2 }))).not.toBe(digest(tiny));
  });
});

describe('schemas', () => {
  it('every tiny row passes its entity schema and sits under its key', () => {
    expect(schemaFailures(IsoNode, tiny.iso.values())).toEqual([]);
    expect(schemaFailures(Supplier, tiny.suppliers.values())).toEqual([]);
    expect(schemaFailures(Article, tiny.articles.values())).toEqual([]);
    expect(schemaFailures(Warehouse, tiny.warehouses.values())).toEqual([]);
    expect(schemaFailures(StockRow, tiny.stock.values())).toEqual([]);
    expect(schemaFailures(Person, tiny.persons.values())).toEqual([]);
    expect(schemaFailures(User, tiny.users.values())).toEqual([]);
    expect(schemaFailures(Individual, tiny.individuals.values())).toEqual([]);
    for (const [k, v] of tiny.iso) expect(v.code).toBe(k);
    for (const [k, v] of tiny.suppliers) expect(v.id).toBe(k);
    for (const [k, v] of tiny.articles) expect(v.artNo).toBe(k);
    for (const [k, v] of tiny.warehouses) expect(v.id).toBe(k);
    for (const [k, v] of tiny.stock) expect(stockKey(v.warehouse, v.artNo)).toBe(k);
    for (const [k, v] of tiny.persons) expect(v.pnr).toBe(k);
    for (const [k, v] of tiny.users) expect(v.id).toBe(k);
    for (const [k, v] of tiny.individuals) expect(v.indNo).toBe(k);
  });

  it('has the sizes of its scale', () => {
    expect(tiny.iso.size).toBe(945);
    expect(tiny.articles.size).toBe(SCALES.tiny.articles);
    expect(tiny.persons.size).toBe(SCALES.tiny.persons);
    expect(tiny.individuals.size).toBeGreaterThan(SCALES.tiny.individuals * 0.9);
    expect(tiny.individuals.size).toBeLessThan(SCALES.tiny.individuals * 1.1);
  });

  it('a demo-scale sample passes the schemas too', () => {
    const demo = generateTables({ scale: 'demo', seed: 7 });
    const sample = <T>(map: Map<unknown, T>, step: number) => [...map.values()].filter((_, i) => i % step === 0);
    expect(demo.articles.size).toBe(SCALES.demo.articles);
    expect(demo.persons.size).toBe(SCALES.demo.persons);
    expect(schemaFailures(Article, demo.articles.values())).toEqual([]);
    expect(schemaFailures(StockRow, demo.stock.values())).toEqual([]);
    expect(schemaFailures(Warehouse, demo.warehouses.values())).toEqual([]);
    expect(schemaFailures(Person, sample(demo.persons, 10))).toEqual([]);
    expect(schemaFailures(Individual, sample(demo.individuals, 10))).toEqual([]);
    expect(demo.warehouses.has('B130')).toBe(true);
  });
});

describe('referential integrity', () => {
  it('articles point at existing suppliers, ISO divisions and articles', () => {
    const names = new Set<string>();
    for (const a of tiny.articles.values()) {
      expect(tiny.suppliers.has(a.supplierId), a.artNo).toBe(true);
      expect(tiny.iso.get(a.isoCode)?.level, a.isoCode).toBe(3);
      for (const ref of [...a.setParts, ...a.accessories]) {
        expect(tiny.articles.has(ref), `${a.artNo} → ${ref}`).toBe(true);
        expect(ref).not.toBe(a.artNo);
      }
      if (a.replacedBy !== null) {
        expect(tiny.articles.get(a.replacedBy)?.isoCode, a.artNo).toBe(a.isoCode);
      }
      expect(names.has(a.name), a.name).toBe(false);
      names.add(a.name);
    }
  });

  it('replacement chains never loop and stay within the hop limit', () => {
    let chained = 0;
    let multiHop = 0;
    for (const a of tiny.articles.values()) {
      const hops = replacementHops(tiny, a.artNo);
      expect(hops, a.artNo).toBeLessThanOrEqual(REPLACEMENT_HOPS_MAX);
      if (hops > 0) chained++;
      if (hops >= 2) multiHop++;
    }
    expect(chained).toBeGreaterThan(tiny.articles.size * 0.03);
    expect(multiHop).toBeGreaterThan(0);
  });

  it('some chains end in an article without stock', () => {
    const ends = new Set<string>();
    for (const a of tiny.articles.values()) {
      if (a.replacedBy === null) continue;
      let end = a;
      while (end.replacedBy !== null) end = tiny.articles.get(end.replacedBy)!;
      ends.add(end.artNo);
    }
    const empty = [...ends].filter((artNo) => (tiny.stock.get(stockKey(MAIN_WAREHOUSE, artNo))?.onHand ?? 0) === 0);
    expect(empty.length).toBeGreaterThan(0);
  });

  it('stock rows reference existing warehouses and articles; buffers hold sale articles', () => {
    for (const row of tiny.stock.values()) {
      const warehouse = tiny.warehouses.get(row.warehouse);
      const article = tiny.articles.get(row.artNo);
      expect(warehouse, row.warehouse).toBeDefined();
      expect(article, row.artNo).toBeDefined();
      expect(row.onHand).toBeGreaterThanOrEqual(0);
      expect(row.reserved).toBe(0);
      if (warehouse!.kind === 'buffer') expect(article!.kind).toBe('sale');
    }
  });

  it('rental stock in each warehouse equals the individuals located there', () => {
    const located = new Map<string, number>();
    for (const ind of tiny.individuals.values()) {
      expect(tiny.articles.get(ind.artNo)?.kind, ind.artNo).toBe('rental');
      if (ind.location.kind === 'warehouse') {
        expect(tiny.warehouses.has(ind.location.warehouse)).toBe(true);
        const key = stockKey(ind.location.warehouse, ind.artNo);
        located.set(key, (located.get(key) ?? 0) + 1);
      } else {
        expect(ind.location.kind).toBe('patient');
        if (ind.location.kind === 'patient') expect(tiny.persons.get(ind.location.pnr)?.countyCode).toBe('13');
      }
    }
    for (const [key, row] of tiny.stock) {
      if (tiny.articles.get(row.artNo)!.kind === 'rental') expect(located.get(key) ?? 0, key).toBe(row.onHand);
    }
    for (const [key, count] of located) expect(tiny.stock.get(key)?.onHand, key).toBe(count);
  });

  it('buffer warehouses belong to care units; B101 is linked to ot1', () => {
    for (const w of tiny.warehouses.values()) {
      if (w.kind === 'buffer') expect(w.customerNo).not.toBeNull();
    }
    const ot1 = tiny.users.get('ot1')!;
    const linked = ot1.workplaces.find((wp) => wp.bufferWarehouse !== null)!;
    expect(linked.bufferWarehouse).toBe('B101');
    expect(tiny.warehouses.get('B101')?.customerNo).toBe(linked.customerNo);
  });
});

describe('persons', () => {
  const maleNames = new Set([...MALE_NAMES_OLD, ...MALE_NAMES_MIDDLE, ...MALE_NAMES_YOUNG]);
  const femaleNames = new Set([...FEMALE_NAMES_OLD, ...FEMALE_NAMES_MIDDLE, ...FEMALE_NAMES_YOUNG]);

  it('have valid personnummer whose sex digit fits the given name', () => {
    for (const p of tiny.persons.values()) {
      const parsed = parsePnr(formatPnr(p.pnr), NOW_MS);
      expect(parsed.ok, p.pnr).toBe(true);
      const odd = Number(p.pnr[10]) % 2 === 1;
      if (maleNames.has(p.givenName)) expect(odd, `${p.givenName} ${p.pnr}`).toBe(true);
      if (femaleNames.has(p.givenName)) expect(odd, `${p.givenName} ${p.pnr}`).toBe(false);
    }
  });

  it('include protected identities, non-residents, samordningsnummer, centenarians and palliative patients', () => {
    const all = [...tiny.persons.values()];
    const kinds = all.map((p) => parsePnr(p.pnr, NOW_MS));
    expect(all.filter((p) => p.protectedIdentity).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((p) => p.countyCode !== '13').length).toBeGreaterThanOrEqual(10);
    expect(all.filter((p) => p.palliative).length).toBeGreaterThanOrEqual(20);
    expect(kinds.filter((k) => k.ok && k.kind === 'samordningsnummer').length).toBeGreaterThanOrEqual(5);
    expect(all.filter((p) => Number(p.pnr.slice(0, 4)) <= 1925).length).toBeGreaterThanOrEqual(2);
  });

  it('live at Halland addresses with the municipality codes of the county', () => {
    const codes = new Set(['1315', '1380', '1381', '1382', '1383', '1384']);
    for (const p of tiny.persons.values()) {
      if (p.countyCode === '13') expect(codes.has(p.municipalityCode), p.municipalityCode).toBe(true);
    }
  });

  it('include the fixed demo patients', () => {
    for (const pnr of Object.values(DEMO_PNR)) expect(tiny.persons.has(pnr), pnr).toBe(true);
    expect(tiny.persons.get(DEMO_PNR.karin)!.protectedIdentity).toBe(true);
    expect(tiny.persons.get(DEMO_PNR.birgitta)!.countyCode).not.toBe('13');
  });
});

describe('demo content', () => {
  it('has the demo users with hashes of the password demo', () => {
    expect([...tiny.users.keys()].sort()).toEqual(['admin', 'hmc1', 'log1', 'nurse1', 'ot1', 'pt1', 'slp1']);
    for (const user of tiny.users.values()) {
      const [scheme, saltHex, hashHex] = user.passwordHash.split('$');
      expect(scheme).toBe('scrypt');
      const hash = scryptSync(DEMO_PASSWORD, Buffer.from(saltHex, 'hex'), SCRYPT_KEY_BYTES).toString('hex');
      expect(hash, user.id).toBe(hashHex);
      expect(user.email).toMatch(/^[a-z]+\.[a-z]+@regionhalland\.se$/);
    }
    expect(tiny.users.get('ot1')!.workplaces).toHaveLength(2);
    expect(tiny.users.get('admin')!.roles).toEqual(['admin', 'staff']);
    expect(tiny.users.get('log1')!.roles).toEqual(['logReviewer']);
  });

  it('has rollators in 12 06 06 with stock in warehouse 10', () => {
    const stocked = [...tiny.articles.values()].filter(
      (a) => a.isoCode === ROLLATOR_DIVISION && (tiny.stock.get(stockKey(MAIN_WAREHOUSE, a.artNo))?.onHand ?? 0) > 0,
    );
    expect(stocked.length).toBeGreaterThanOrEqual(3);
  });

  it('has every fixed demo article as specified', () => {
    for (const d of DEMO_ARTICLES) {
      const a = tiny.articles.get(d.artNo)!;
      expect(a.name).toBe(d.name);
      expect(tiny.stock.get(stockKey(MAIN_WAREHOUSE, d.artNo))?.onHand).toBe(d.stockMain);
    }
  });

  it('has model-only names and all three article statuses', () => {
    const articles = [...tiny.articles.values()];
    const statuses = new Set(articles.map((a) => a.status));
    expect(statuses).toEqual(new Set(['active', 'outgoing', 'discontinued']));
    expect(articles.some((a) => a.name === 'Quickie Nitrum 40')).toBe(true);
    expect(articles.filter((a) => a.accessories.length >= 2).length).toBeGreaterThan(articles.length * 0.15);
    expect(articles.some((a) => a.setParts.length > 0)).toBe(true);
  });
});
