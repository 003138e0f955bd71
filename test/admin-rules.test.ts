// Prescribing rules in the core (issue 14): the preview counts what a change gains and loses per profession from
// the ISO index (checked against a plain scan of every article), the save records `before`, and the order path
// enforces the new rule at once (quote shows the problem, place is refused with the Swedish message).
import { describe, expect, it } from 'vitest';
import { normalizePrefixes, previewPrescribingRule } from '../engine/core/prescribing-rules/preview.ts';
import { isoUnder, mayPrescribe } from '../engine/core/prescribing-rules/rules.ts';
import { quoteOrder } from '../engine/core/orders/order-quote.ts';
import type { State } from '../engine/core/state.ts';
import type { Profession } from '../schemas/primitives.ts';
import { ART, codeOf, orderState, place, PNR, run, T0 } from './helpers/order-fixture.ts';

/** The oracle: every article scanned, as the preview must never do. */
function scanCount(state: State, prefixes: readonly string[], minus: readonly string[]): number {
  let count = 0;
  for (const article of state.articles.values()) {
    if (article.status === 'discontinued') continue;
    const inA = prefixes.some((p) => isoUnder(article.isoCode, p));
    const inB = minus.some((p) => isoUnder(article.isoCode, p));
    if (inA && !inB) count++;
  }
  return count;
}

describe('admin.prescribingRulePreview (core)', () => {
  it('counts gained and lost articles as a scan would, with examples, and changes nothing', () => {
    const state = orderState();
    const before = state.prescribingRules.get('pt')!.isoPrefixes; // 04 48, 05, 06, 12
    const after = ['04 06', '12 22'];
    const preview = previewPrescribingRule(state, 'pt', after);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.result.gained.count).toBe(scanCount(state, after, before));
    expect(preview.result.lost.count).toBe(scanCount(state, before, after));
    expect(preview.result.prescribableAfter).toBe(scanCount(state, after, []));
    expect(preview.result.gained.examples.map((a) => a.artNo)).toContain(ART.stocking);
    expect(preview.result.lost.examples.map((a) => a.artNo)).toContain(ART.rollator);
    expect(preview.result.lost.examples.every((a) => a.isoCode.startsWith('12 06'))).toBe(true);
    expect(state.prescribingRules.get('pt')!.isoPrefixes).toEqual(before);
  });

  it('agrees with the scan for every profession and a range of prefix sets', () => {
    const state = orderState();
    const sets = [[], ['12'], ['12 06', '12'], ['22 09 06', '04'], ['18 12 10', '09 33', '12 22 03']];
    for (const profession of ['ot', 'pt', 'slp', 'nurse', 'hmc'] as Profession[]) {
      const before = state.prescribingRules.get(profession)?.isoPrefixes ?? [];
      for (const after of sets) {
        const preview = previewPrescribingRule(state, profession, after);
        if (!preview.ok) throw new Error(preview.message);
        expect([preview.result.gained.count, preview.result.lost.count]).toEqual([
          scanCount(state, after, before),
          scanCount(state, before, after),
        ]);
      }
    }
  });

  it('refuses an unknown ISO code, and normalizes nested and repeated prefixes', () => {
    const state = orderState();
    expect(previewPrescribingRule(state, 'pt', ['99 99'])).toMatchObject({ ok: false, code: 'unknown_iso_code' });
    expect(normalizePrefixes(['12 06', '12', '22 09', '12'])).toEqual(['12', '22 09']);
  });
});

describe('admin.prescribingRuleSet enforced at once (core)', () => {
  it('a pt whose rule no longer covers 12 06 cannot quote or place a rollator', () => {
    const state = orderState();
    expect(mayPrescribe(state, 'pt', '12 06 06')).toBe(true);
    const order = () => place({ userId: 'pt1', workplaceId: 'w2', lines: [{ artNo: ART.rollator, quantity: 1 }] });
    const set = run(state, { type: 'prescribingRule.set', userId: 'admin', profession: 'pt', isoPrefixes: ['04 06'] });
    expect(set.ok && set.events[0]).toMatchObject({
      type: 'prescribingRule.set',
      userId: 'admin',
      rule: { profession: 'pt', isoPrefixes: ['04 06'] },
      before: { profession: 'pt', isoPrefixes: ['04 48', '05', '06', '12'] },
    });
    const refused = run(state, order());
    expect(codeOf(refused)).toBe('forbidden_article');
    expect(refused.ok ? '' : refused.message).toContain('får inte förskriva');
    const args = {
      recipient: { kind: 'patient', pnr: PNR.resident },
      workplaceId: 'w2',
      source: 'main',
      lines: order().lines,
    };
    const quote = quoteOrder(state, 'pt1', args as never, T0);
    expect(JSON.stringify(quote)).toContain('forbidden_article');
  });
});
