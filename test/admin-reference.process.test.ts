// Issue 14, part 2 over a real WebSocket against the engine process (LMDB): replacement chains and links, ISO titles
// and suppliers; bad input gets invalid_request with field issues, prescribers and HMC staff get `forbidden` on the
// admin commands, and every change survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, tempDataDir, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const ADMIN_OPS: Array<[string, unknown]> = [
  ['admin.replacementSet', { artNo: '100001', replacedBy: null }],
  ['admin.isoTitleSet', { code: '12', titleSv: 'Nytt namn' }],
  ['admin.supplierUpsert', { supplier: { id: 'nytt-ab', name: 'Nytt AB', url: null, country: 'Sverige' } }],
];

const BAD_INPUT: Array<[string, unknown, string]> = [
  ['catalog.replacementChain', { artNo: '12' }, 'artNo'],
  ['catalog.replacementChain', { artNo: '100001', profession: 'wizard' }, 'profession'],
  ['catalog.replacementCheck', { artNo: '100001' }, 'replacedBy'],
  ['admin.replacementSet', { artNo: '100001', replacedBy: 42 }, 'replacedBy'],
  ['admin.replacementSet', { artNo: '100001', replacedBy: null, extra: 1 }, ''],
  ['admin.isoTitleSet', { code: '12 6', titleSv: 'x' }, 'code'],
  ['admin.isoTitleSet', { code: '12', titleSv: '   ' }, 'titleSv'],
  ['admin.isoTitleSet', { code: '12', titleSv: 'x'.repeat(201) }, 'titleSv'],
  ['admin.supplierUpsert', { supplier: { id: 'Stora Bokstäver', name: 'A', url: null, country: '' } }, 'id'],
  ['admin.supplierUpsert', { supplier: { id: 'ok', name: ' ', url: null, country: '' } }, 'name'],
  ['admin.supplierUpsert', { supplier: { id: 'ok', name: 'A', url: 'javascript:x', country: '' } }, 'url'],
  ['admin.supplierUpsert', { supplier: { id: 'ok', name: 'A', url: null, country: '' }, expectNew: 'ja' }, 'expectNew'],
  ['supplier.list', { all: true }, ''],
];

let engine: EngineProcess;
let dataDir: string;
let admin: TestClient;
let hmc: TestClient;
let ot: TestClient;
/** Two active rollators of the tiny seed without a replacement link. */
let first: string;
let second: string;

beforeAll(async () => {
  dataDir = tempDataDir('admin-reference');
  engine = await startEngine({ scale: 'tiny', dataDir });
  [admin, hmc, ot] = await Promise.all([0, 1, 2].map(() => TestClient.connect(engine.wsUrl)));
  await admin.login('admin');
  await hmc.login('hmc1');
  await ot.login('ot1');
  const { articles } = await admin.call('catalog.list', { isoCode: '12 06 06', limit: 200 });
  const free = articles.filter((a: { artNo: string }) => a.artNo >= '100000');
  const pages = await Promise.all(
    free.map((a: { artNo: string }) => admin.call('catalog.article', { artNo: a.artNo })),
  );
  const unlinked = pages.filter((p) => p.article.replacedBy === null).map((p) => p.article.artNo as string);
  [first, second] = unlinked;
});
afterAll(async () => {
  await Promise.all([admin, hmc, ot].map((c) => c?.close()));
  await engine?.stop();
});

describe('roles', () => {
  for (const [op, args] of ADMIN_OPS) {
    it(`${op}: prescribers and HMC staff get forbidden`, async () => {
      for (const client of [ot, hmc]) {
        const reply = await client.request(op, args);
        expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
      }
    });
  }

  it('HMC staff read suppliers, checks and chains; a prescriber reads only chains', async () => {
    expect((await hmc.call('supplier.list', {})).suppliers.length).toBeGreaterThan(0);
    expect(await hmc.call('catalog.replacementCheck', { artNo: first, replacedBy: null })).toMatchObject({
      allowed: true,
    });
    expect((await ot.call('catalog.replacementChain', { artNo: first })).article.artNo).toBe(first);
    for (const [op, args] of [
      ['supplier.list', {}],
      ['catalog.replacementCheck', { artNo: first, replacedBy: null }],
    ] as const) {
      const reply = await ot.request(op, args);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
    }
  });
});

describe('bad input', () => {
  for (const [op, args, field] of BAD_INPUT) {
    it(`${op} ${JSON.stringify(args).slice(0, 60)} → invalid_request on ${field || 'the args'}`, async () => {
      const reply = await admin.request(op, args);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('invalid_request');
      if (!reply.ok && field !== '') {
        const paths = (reply.error.issues ?? []).map((issue: { path: unknown[] }) => issue.path.join('.'));
        expect(paths.some((p: string) => p.endsWith(field))).toBe(true);
      }
    });
  }
});

describe('as admin', () => {
  it('sets a replacement link, shows it in the chain both ways, refuses a cycle with the check first', async () => {
    const set = await admin.call('admin.replacementSet', { artNo: first, replacedBy: second });
    expect(set.article).toMatchObject({ artNo: first, replacedBy: second });
    const chain = await admin.call('catalog.replacementChain', { artNo: second });
    expect(chain.predecessors.map((hop: { artNo: string }) => hop.artNo)).toContain(first);
    const check = await admin.call('catalog.replacementCheck', { artNo: second, replacedBy: first });
    expect(check).toMatchObject({ allowed: false, code: 'replacement_cycle' });
    const refused = await admin.request('admin.replacementSet', { artNo: second, replacedBy: first });
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({ code: 'replacement_cycle', message: check.message });
    const unknown = await admin.request('admin.replacementSet', { artNo: '099999', replacedBy: null });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('unknown_article');
  });

  it('retitles an ISO division: the tree and search show the new title', async () => {
    const result = await admin.call('admin.isoTitleSet', { code: '12 06 06', titleSv: 'Rollatorer och gåbord' });
    expect(result.node).toMatchObject({ code: '12 06 06', titleSv: 'Rollatorer och gåbord' });
    const tree = await ot.call('catalog.isoTree', { code: '12 06', depth: 2 });
    expect(tree.nodes.find((n: { code: string }) => n.code === '12 06 06').titleSv).toBe('Rollatorer och gåbord');
    const hits = await ot.call('catalog.search', { text: 'gåbord', isoCode: '12 06 06', limit: 5 });
    expect(hits.total).toBeGreaterThan(0);
    const unknown = await admin.request('admin.isoTitleSet', { code: '12 99', titleSv: 'Finns inte' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
  });

  it('creates a supplier, refuses its id again, edits it; the list counts articles', async () => {
    const supplier = { id: 'test-ab', name: 'Test AB', url: 'https://test.example', country: 'Sverige' };
    expect((await admin.call('admin.supplierUpsert', { supplier, expectNew: true })).supplier).toEqual(supplier);
    const again = await admin.request('admin.supplierUpsert', { supplier, expectNew: true });
    expect(again.ok ? 'ok' : again.error.code).toBe('supplier_exists');
    const missing = await admin.request('admin.supplierUpsert', {
      supplier: { ...supplier, id: 'saknas' },
      expectNew: false,
    });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    await admin.call('admin.supplierUpsert', { supplier: { ...supplier, name: 'Test Medical AB' }, expectNew: false });
    const list = await admin.call('supplier.list', {});
    expect(list.suppliers.find((s: { id: string }) => s.id === 'test-ab')).toMatchObject({
      name: 'Test Medical AB',
      articleCount: 0,
    });
    expect(list.suppliers.some((s: { articleCount: number }) => s.articleCount > 0)).toBe(true);
  });

  it('keeps every change after a restart', async () => {
    await Promise.all([admin, hmc, ot].map((c) => c.close()));
    await engine.stop();
    engine = await startEngine({ scale: 'tiny', dataDir });
    [admin, hmc, ot] = await Promise.all([0, 1, 2].map(() => TestClient.connect(engine.wsUrl)));
    await admin.login('admin');
    const page = await admin.call('catalog.article', { artNo: first });
    expect(page.article.replacedBy).toBe(second);
    expect((await admin.call('catalog.replacementChain', { artNo: second })).predecessors[0].artNo).toBe(first);
    const tree = await admin.call('catalog.isoTree', { code: '12 06 06', depth: 1 });
    expect(tree.nodes[0].titleSv).toBe('Rollatorer och gåbord');
    const list = await admin.call('supplier.list', {});
    expect(list.suppliers.find((s: { id: string }) => s.id === 'test-ab')?.name).toBe('Test Medical AB');
  });
});
