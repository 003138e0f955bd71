// Catalog import over a real engine process: the HTTP upload (roles, malformed files, size limit), the dry run and
// its paged lines, the apply with progress, a second import of the same file changing nothing, and an apply killed
// with kill -9 half-way that a new dry run + apply completes after the restart.
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogTables, SCALES } from '../engine/seed/generate.ts';
import { SEED_DEFAULT } from '../engine/seed/seed-store.ts';
import { IMPORT_COLUMNS } from '../engine/core/catalog-import/types.ts';
import { IMPORT_FILE_BYTES_MAX } from '../schemas/limits.ts';
import { REPO_ROOT, startEngine, tempDataDir, type EngineProcess } from './helpers/engine-process.ts';
import { importFileText } from './helpers/import-file.ts';
import { TestClient } from './helpers/ws-client.ts';

const dataDir = tempDataDir('import');
let engine: EngineProcess;
const tokens: Record<string, string> = {};
let admin: TestClient;
let ot: TestClient;
let hmc: TestClient;

const SAMPLE = fs.readFileSync(`${REPO_ROOT}/docs/import-sample.csv`);
const HEADER = IMPORT_COLUMNS.join(';');

async function signIn(username: string): Promise<TestClient> {
  const client = await TestClient.connect(engine.wsUrl);
  tokens[username] = (await client.login(username)).token;
  return client;
}

async function connect() {
  admin = await signIn('admin');
  ot = await signIn('ot1');
  hmc = await signIn('hmc1');
}

interface Status {
  importId: string;
  state: string;
  counts: Record<string, number>;
  toApply: number;
  done: number;
  written: number;
  skipped: number;
  failed: number;
}

async function upload(token: string | null, body: Uint8Array | string) {
  const res = await fetch(`${engine.url}/api/imports`, {
    method: 'POST',
    body: typeof body === 'string' ? body : Buffer.from(body),
    headers: {
      'content-type': 'text/csv',
      'x-file-name': encodeURIComponent('katalog åtta.csv'),
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
  });
  return { status: res.status, body: (await res.json()) as Status & { error?: { code: string; message: string } } };
}

const seq = async () => ((await (await fetch(`${engine.url}/health`)).json()) as { seq: number }).seq;

async function applied(importId: string, timeoutMs = 60_000): Promise<Status> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = (await admin.call('admin.importStatus', { importId })) as Status;
    if (status.state !== 'applying') return status;
    if (Date.now() > until) throw new Error(`apply not done: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A file of new articles (and some changed) against the tiny seed's catalog, as the engine has it. */
function generatedFile(rows: number, tag: string): string {
  const catalog = generateCatalogTables(SCALES.tiny.articles, SEED_DEFAULT);
  const isoCodes = [...catalog.iso.values()].filter((node) => node.level === 3).map((node) => node.code);
  const articles = [...catalog.articles.values()].filter((a) => !a.artNo.startsWith('1001'));
  return importFileText(
    { isoCodes, supplierIds: [...catalog.suppliers.keys()], articles },
    { rows, changed: 50, tag, firstNewArtNo: 700_000 },
  );
}

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny', dataDir });
  await connect();
}, 120_000);

afterAll(async () => {
  await engine.stop();
});

describe('upload: who may, and malformed files', () => {
  it('refuses without a session (401), and to a prescriber or HMC staff (403)', async () => {
    expect((await upload(null, SAMPLE)).status).toBe(401);
    expect((await upload(tokens.ot1!, SAMPLE)).body.error?.code).toBe('forbidden');
    expect((await upload(tokens.hmc1!, SAMPLE)).status).toBe(403);
  });

  it('refuses the ops to a prescriber and HMC staff, bad arguments, and an unknown import', async () => {
    const importId = '00000000-0000-4000-8000-000000000000';
    for (const client of [ot, hmc]) {
      for (const op of ['admin.importStatus', 'admin.importLines', 'admin.importApply']) {
        const reply = await client.request(op, { importId });
        expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
      }
    }
    for (const args of [
      {},
      { importId: 'x' },
      { importId, outcome: 'maybe' },
      { importId, cursor: -1 },
      { importId, limit: 10_000 },
    ]) {
      const reply = await admin.request('admin.importLines', args);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('invalid_request');
    }
    const missing = await admin.request('admin.importApply', { importId });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  const malformed: Array<[string, Uint8Array | string, RegExp]> = [
    ['an empty file', '', /tom/],
    ['Windows-1252 text', Uint8Array.from([...Buffer.from(`${HEADER}\n100150;Rullstol f`), 0xf6, 0x72, 0x0a]), /UTF-8/],
    ['a binary file', Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) & 0xff), /binära|UTF-8/],
    ['missing columns', 'artNo;name\n100150;Rollator\n', /saknas/],
    ['a header only', `${HEADER}\n`, /inga artikelrader/],
  ];
  for (const [what, body, message] of malformed) {
    it(`refuses ${what} with one Swedish message and changes nothing`, async () => {
      const before = await seq();
      const { status, body: reply } = await upload(tokens.admin!, body);
      expect(status).toBe(400);
      expect(reply.error?.message).toMatch(message);
      expect(await seq()).toBe(before);
    });
  }

  it('refuses a file over IMPORT_FILE_BYTES_MAX from its content-length, before reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${engine.url}/api/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.admin}`, 'content-length': String(IMPORT_FILE_BYTES_MAX + 1) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('artNo;');
    });
    expect(status).toBe(413);
  });
});

describe('dry run, apply, and the same file again', () => {
  let importId = '';

  it('dry-runs the sample: counts per outcome, lines paged and filtered, nothing applied', async () => {
    const before = await seq();
    const { status, body } = await upload(tokens.admin!, SAMPLE);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      state: 'planned',
      counts: { new: 3, changed: 1, unchanged: 1, error: 0 },
      toApply: 4,
    });
    importId = body.importId;
    const changed = await admin.call('admin.importLines', { importId, outcome: 'changed' });
    expect(changed.lines).toEqual([
      expect.objectContaining({
        line: 5,
        artNo: '100103',
        changes: [{ field: 'replacedBy', before: '100101', after: '100150' }],
      }),
    ]);
    const first = await admin.call('admin.importLines', { importId, limit: 2 });
    expect([first.total, first.lines.length, first.next]).toEqual([5, 2, 2]);
    const second = await admin.call('admin.importLines', { importId, cursor: first.next, limit: 2 });
    expect(second.lines.map((l: { line: number }) => l.line)).toEqual([4, 5]);
    expect(await seq()).toBe(before);
    const missing = await admin.request('catalog.article', { artNo: '100150' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  it('applies it: the articles exist with their references, the journal got article.upserted; applying twice is refused', async () => {
    const started = (await admin.call('admin.importApply', { importId })) as Status;
    expect(started.state).toBe('applying');
    const again = await admin.request('admin.importApply', { importId });
    expect(again.ok ? 'ok' : again.error.code).toBe('invalid_transition');
    const done = await applied(importId);
    expect(done).toMatchObject({ state: 'applied', toApply: 4, done: 4, written: 4, failed: 0 });
    const page = await admin.call('catalog.article', { artNo: '100150' });
    expect(page.article).toMatchObject({ priceOre: 249_500, accessories: ['100105', '100106', '100151'] });
    expect((await admin.call('catalog.article', { artNo: '100103' })).article.replacedBy).toBe('100150');
  });

  it('imports the same file again: every line unchanged, and its apply writes nothing', async () => {
    const before = await seq();
    const { body } = await upload(tokens.admin!, SAMPLE);
    expect(body.counts).toEqual({ new: 0, changed: 0, unchanged: 5, error: 0 });
    await admin.call('admin.importApply', { importId: body.importId });
    expect(await applied(body.importId)).toMatchObject({ state: 'applied', toApply: 0, written: 0 });
    expect(await seq()).toBe(before);
  });

  it('reports error lines with their message, and applies the rest', async () => {
    const file = `${HEADER}\n100160;Ny rollator;12 06 06;invacare;hyra;100;aktiv;;;;;;\n100161;Fel;12 06 06;acme;hyra;100;aktiv;;;;;;\n100162;Fel pris;12 06 06;invacare;hyra;12,345;aktiv;;;;;;\n`;
    const { body } = await upload(tokens.admin!, file);
    expect(body.counts).toEqual({ new: 1, changed: 0, unchanged: 0, error: 2 });
    const errors = await admin.call('admin.importLines', { importId: body.importId, outcome: 'error' });
    expect(errors.lines.map((l: { line: number; error: { code: string } }) => [l.line, l.error.code])).toEqual([
      [3, 'unknown_supplier'],
      [4, 'bad_price'],
    ]);
  });
});

describe('the catalog changed between dry run and apply', () => {
  it('writes what is still valid and reports the article refused now, with its line', async () => {
    const x = (await admin.call('catalog.article', { artNo: '100104' })).article;
    const y = (await admin.call('catalog.article', { artNo: '100102' })).article;
    expect([x.replacedBy, y.replacedBy]).toEqual([null, null]);
    const row = [
      x.artNo,
      x.name,
      x.isoCode,
      x.supplierId,
      x.kind,
      '2150',
      x.status,
      '',
      x.accessories.join('|'),
      '100102',
    ]
      .concat([x.supplierUrl ?? '', x.manualUrl ?? '', x.imageUrl ?? ''])
      .join(';');
    const file = `${HEADER}\n${row}\n100170;Ny rollator;12 06 06;invacare;hyra;100;aktiv;;;;;;\n`;
    const { body } = await upload(tokens.admin!, file);
    expect(body.counts).toEqual({ new: 1, changed: 1, unchanged: 0, error: 0 });
    // Meanwhile another admin makes 100102 replaced by 100104: the file's 100104 → 100102 would now close a loop.
    await admin.call('admin.articleUpsert', { article: { ...y, replacedBy: '100104' } });
    await admin.call('admin.importApply', { importId: body.importId });
    const done = await applied(body.importId);
    expect(done).toMatchObject({ state: 'applied', written: 1, failed: 1 });
    expect((done as Status & { failures: unknown[] }).failures).toEqual([
      { line: 2, artNo: '100104', message: expect.stringContaining('cirkel') },
    ]);
    expect((await admin.call('catalog.article', { artNo: '100170' })).article.name).toBe('Ny rollator');
    expect((await admin.call('catalog.article', { artNo: '100104' })).article.replacedBy).toBeNull();
  });
});

describe('kill -9 during the apply', () => {
  it('leaves a valid state; after the restart a new dry run + apply of the same file completes it', async () => {
    const file = generatedFile(3_000, 'avbruten');
    const { body } = await upload(tokens.admin!, file);
    expect(body.counts).toMatchObject({ new: 2_950, changed: 50, error: 0 });
    await admin.call('admin.importApply', { importId: body.importId });
    for (;;) {
      const status = (await admin.call('admin.importStatus', { importId: body.importId })) as Status;
      expect(status.state).toBe('applying');
      if (status.done >= 600) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await engine.kill9();
    engine = await startEngine({ scale: 'tiny', dataDir });
    await connect();
    const rerun = await upload(tokens.admin!, file);
    const { counts } = rerun.body;
    expect(counts.error).toBe(0);
    expect(counts.unchanged).toBeGreaterThanOrEqual(600);
    expect(counts.new + counts.changed).toBeGreaterThan(0);
    expect(counts.new + counts.changed + counts.unchanged).toBe(3_000);
    await admin.call('admin.importApply', { importId: rerun.body.importId });
    expect(await applied(rerun.body.importId)).toMatchObject({ state: 'applied', failed: 0 });
    const third = await upload(tokens.admin!, file);
    expect(third.body.counts).toEqual({ new: 0, changed: 0, unchanged: 3_000, error: 0 });
  }, 120_000);
});
