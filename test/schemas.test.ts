// The public contract: what the schemas accept and refuse, and that the API reference is generated from them.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC_PATH, renderApiDoc } from '../scripts/gen-api-docs.ts';
import { OPS } from '../schemas/ops.ts';
import { Request } from '../schemas/protocol.ts';
import { article } from './helpers/fixture.ts';

describe('request envelope', () => {
  it('accepts { id, op, args } with a number or string id', () => {
    expect(Request.safeParse({ id: 1, op: 'stock.get', args: {} }).success).toBe(true);
    expect(Request.safeParse({ id: 'a-1', op: 'stock.get' }).success).toBe(true);
  });
  it('refuses a missing op, an object id, an over-long op', () => {
    expect(Request.safeParse({ id: 1 }).success).toBe(false);
    expect(Request.safeParse({ id: {}, op: 'x' }).success).toBe(false);
    expect(Request.safeParse({ id: 1, op: 'x'.repeat(65) }).success).toBe(false);
  });
});

describe('op arguments', () => {
  it('stock.get needs a six-digit artNo', () => {
    expect(OPS['stock.get'].args.safeParse({ artNo: '123456' }).success).toBe(true);
    const bad = OPS['stock.get'].args.safeParse({ artNo: 123456 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['artNo']);
  });
  it('admin.stockAdjust refuses delta 0, unknown reasons and extra fields', () => {
    const ok = { warehouse: '10', artNo: '123456', delta: 2, reason: 'received' };
    expect(OPS['admin.stockAdjust'].args.safeParse(ok).success).toBe(true);
    expect(OPS['admin.stockAdjust'].args.parse(ok).note).toBe('');
    expect(OPS['admin.stockAdjust'].args.safeParse({ ...ok, delta: 0 }).success).toBe(false);
    expect(OPS['admin.stockAdjust'].args.safeParse({ ...ok, delta: 1.5 }).success).toBe(false);
    expect(OPS['admin.stockAdjust'].args.safeParse({ ...ok, reason: 'stolen' }).success).toBe(false);
    expect(OPS['admin.stockAdjust'].args.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
  it('catalog.list defaults paging and caps the limit', () => {
    expect(OPS['catalog.list'].args.parse({ isoCode: '12 06 06' })).toMatchObject({
      limit: 50,
      offset: 0,
      inStockOnly: false,
    });
    expect(OPS['catalog.list'].args.safeParse({ isoCode: '12 06 06', limit: 201 }).success).toBe(false);
    expect(OPS['catalog.list'].args.safeParse({ isoCode: '12-06-06' }).success).toBe(false);
  });
  it('admin.articleUpsert checks name length, price and urls', () => {
    expect(OPS['admin.articleUpsert'].args.safeParse({ article: article('100001') }).success).toBe(true);
    expect(
      OPS['admin.articleUpsert'].args.safeParse({ article: article('100001', { name: 'x'.repeat(121) }) }).success,
    ).toBe(false);
    expect(OPS['admin.articleUpsert'].args.safeParse({ article: article('100001', { priceOre: -1 }) }).success).toBe(
      false,
    );
    expect(
      OPS['admin.articleUpsert'].args.safeParse({ article: article('100001', { manualUrl: 'javascript:alert(1)' }) })
        .success,
    ).toBe(false);
  });
  it('register.search needs at least two characters', () => {
    expect(OPS['register.search'].args.safeParse({ text: 'a' }).success).toBe(false);
    expect(OPS['register.search'].args.safeParse({ text: 'Karlsson Halmstad' }).success).toBe(true);
  });
});

it('docs/API.md is generated from the current schemas (run scripts/gen-api-docs.ts)', () => {
  expect(fs.readFileSync(API_DOC_PATH, 'utf8')).toBe(renderApiDoc());
});
