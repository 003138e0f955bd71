// The Artiklar form's pure part (portal/components/admin/article-form-state.js): kronor ⇄ öre, the article built from
// the fields, and every refusal of the engine (zod issues, core rejection codes) placed on the field it concerns.
import { describe, expect, it } from 'vitest';
import * as formState from '../portal/components/admin/article-form-state.js';
import * as limits from '../schemas/limits.ts';
import {
  EMPTY_FORM,
  articleOf,
  formOf,
  issueErrors,
  kronorText,
  needsImpact,
  parseKronor,
  rejectionErrors,
} from '../portal/components/admin/article-form-state.js';
import { OPS } from '../schemas/ops.ts';
import { article } from './helpers/fixture.ts';

describe('the limits the form checks', () => {
  it('are the schema limits (the portal has no build step, so it keeps copies)', () => {
    expect(formState.NAME_CHARS_MAX).toBe(limits.ARTICLE_NAME_CHARS_MAX);
    expect(formState.URL_CHARS_MAX).toBe(limits.URL_CHARS_MAX);
    expect(formState.SET_PARTS_MAX).toBe(limits.SET_PARTS_MAX);
    expect(formState.ACCESSORIES_MAX).toBe(limits.ACCESSORIES_MAX);
    expect(parseKronor(String(limits.PRICE_ORE_MAX / 100))).toBe(limits.PRICE_ORE_MAX);
  });
});

describe('kronor and öre', () => {
  it('reads Swedish and plain prices and refuses what is not one', () => {
    expect(parseKronor('1 234,50')).toBe(123_450);
    expect(parseKronor('1\u00a0234,5 kr')).toBe(123_450);
    expect(parseKronor('99.99')).toBe(9_999);
    expect(parseKronor('0')).toBe(0);
    for (const bad of ['', '-1', '12,5x', '1,234', '1.2.3', '100000001']) expect(parseKronor(bad)).toBeNull();
    expect(kronorText(123_405)).toBe('1234,05');
    expect(parseKronor(kronorText(123_405))).toBe(123_405);
  });
});

describe('the article from the form', () => {
  it('round-trips every field of an article, and the schema accepts what it builds', () => {
    const original = article('100100', {
      setParts: ['100003'],
      accessories: ['100004'],
      replacedBy: '100001',
      manualUrl: 'https://example.se/m.pdf',
    });
    const built = articleOf(formOf(original));
    expect(built.article).toEqual(original);
    expect(OPS['admin.articleUpsert'].args.safeParse({ article: built.article, expectNew: true }).success).toBe(true);
  });

  it('marks each field the browser can check: number, name, supplier, ISO code, price, links, itself as replacement', () => {
    const { errors } = articleOf({ ...EMPTY_FORM, artNo: '12', price: 'gratis', imageUrl: 'javascript:x' });
    expect(Object.keys(errors ?? {}).sort()).toEqual(['artNo', 'imageUrl', 'isoCode', 'name', 'price', 'supplierId']);
    const self = articleOf({ ...formOf(article('100100')), replacedBy: '100100' });
    expect(self.errors?.replacedBy).toContain('sig själv');
  });
});

describe('refusals on their field', () => {
  it('maps zod issue paths to fields in Swedish', () => {
    const errors = issueErrors([
      { path: ['article', 'priceOre'], message: 'Too small' },
      { path: ['article', 'setParts', 2], message: 'Invalid' },
    ]);
    expect(errors.price).toContain('kronor');
    expect(errors.setParts).toContain('Setdelar');
    expect(issueErrors([{ path: ['expectNew'], message: 'x' }]).form).toBeDefined();
  });

  it('maps each core rejection to its field; unknown_article to the list that names it', () => {
    const form = { ...EMPTY_FORM, setParts: ['200001'], accessories: ['200002'], replacedBy: '200003' };
    const on = (code: string, message = '') => Object.keys(rejectionErrors({ code, message }, form));
    expect(on('article_exists')).toEqual(['artNo']);
    expect(on('unknown_supplier')).toEqual(['supplierId']);
    expect(on('unknown_iso_code')).toEqual(['isoCode']);
    expect(on('unknown_article', 'Artikel 200001 finns inte.')).toEqual(['setParts']);
    expect(on('unknown_article', 'Artikel 200002 finns inte.')).toEqual(['accessories']);
    expect(on('unknown_article', 'Artikel 200003 finns inte.')).toEqual(['replacedBy']);
    expect(on('replacement_cycle')).toEqual(['replacedBy']);
    expect(on('replacement_too_long')).toEqual(['replacedBy']);
    expect(on('overloaded', 'Försök igen.')).toEqual(['form']);
  });

  it('asks for the impact only when a saved article becomes outgoing or discontinued', () => {
    expect(needsImpact('active', 'outgoing')).toBe(true);
    expect(needsImpact('outgoing', 'discontinued')).toBe(true);
    expect(needsImpact('outgoing', 'outgoing')).toBe(false);
    expect(needsImpact('discontinued', 'active')).toBe(false);
    expect(needsImpact(null, 'discontinued')).toBe(false);
  });
});
