// The printable documents' plain parts (issue 15, Skriv ut): their hash routes, and the picking list's grouping by
// warehouse and pick date (lines to pick only, article order within a group, a joint delivery waiting marked).
import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../portal/lib/types.d.ts';

const lib = {
  routes: () => import('../portal/lib/routes.js'),
  groups: () => import('../portal/components/print/pick-groups.js'),
};

describe('print routes', () => {
  it('parses each document and builds its link back', async () => {
    const { parseRoute, href } = await lib.routes();
    expect(parseRoute(href.utskriftRetur('19811218-9876'))).toEqual({
      name: 'utskrift',
      doc: 'retur',
      param: '19811218-9876',
    });
    expect(parseRoute(href.utskriftFoljesedel(1000009))).toEqual({
      name: 'utskrift',
      doc: 'foljesedel',
      param: '1000009',
    });
    expect(parseRoute(href.utskriftPlocklista())).toEqual({ name: 'utskrift', doc: 'plocklista', param: null });
  });

  it('leaves a malformed document address to "Sidan finns inte"', async () => {
    const { parseRoute } = await lib.routes();
    for (const hash of [
      '#/utskrift',
      '#/utskrift/retur',
      '#/utskrift/foljesedel/abc',
      '#/utskrift/plocklista/2',
      '#/utskrift/x/1',
    ])
      expect(parseRoute(hash).name, hash).toBe('notfound');
  });
});

function order(
  orderNo: number,
  patch: Partial<OrderRow>,
  lines: Array<[string, OrderRow['status'], number?]>,
): OrderRow {
  return {
    orderNo,
    placedMs: 0,
    placedDate: '2026-12-01',
    prescriber: { id: 'ot1', name: 'Anna' },
    recipient: { kind: 'careUnit', customerNo: '1380001', name: 'Rehab' },
    customerNo: '1380001',
    workplaceId: null,
    warehouse: '10',
    partialDelivery: false,
    status: 'registered',
    open: true,
    plannedPickDate: '2026-12-07',
    plannedDeliveryDate: '2026-12-08',
    lines: lines.map(([artNo, status, quantity], i) => ({
      lineNo: i + 1,
      artNo,
      name: `Artikel ${artNo}`,
      quantity: quantity ?? 1,
      status,
    })),
    ...patch,
  };
}

describe('picking list groups', () => {
  it('groups lines to pick by warehouse (main first) and pick date (none last), articles in order', async () => {
    const { pickGroups } = await lib.groups();
    const groups = pickGroups([
      order(3, { warehouse: 'B101', plannedPickDate: '2026-12-07' }, [['200', 'registered']]),
      order(2, { plannedPickDate: null }, [['300', 'picking']]),
      order(1, {}, [
        ['500', 'registered'],
        ['100', 'picking', 2],
        ['400', 'dispatched'],
        ['600', 'delivered'],
      ]),
      order(4, {}, [
        ['100', 'registered'],
        ['700', 'cancelled'],
      ]),
    ]);
    expect(groups.map((g) => [g.warehouse, g.pickDate])).toEqual([
      ['10', '2026-12-07'],
      ['10', null],
      ['B101', '2026-12-07'],
    ]);
    expect(groups[0].rows.map((r) => [r.artNo, r.orderNo, r.quantity, r.status])).toEqual([
      ['100', 1, 2, 'picking'],
      ['100', 4, 1, 'registered'],
      ['500', 1, 1, 'registered'],
    ]);
  });

  it('marks the registered lines of a joint delivery that waits for a backorder', async () => {
    const { pickGroups } = await lib.groups();
    const [joint] = pickGroups([
      order(5, { partialDelivery: false }, [
        ['100', 'registered'],
        ['200', 'backorder'],
      ]),
    ]);
    expect(joint.rows.map((r) => [r.artNo, r.waiting])).toEqual([['100', true]]);
    const [partial] = pickGroups([
      order(6, { partialDelivery: true }, [
        ['100', 'registered'],
        ['200', 'backorder'],
      ]),
    ]);
    expect(partial.rows.map((r) => [r.artNo, r.waiting])).toEqual([['100', false]]);
  });
});
