// Issue 17: a digest of a state's tables (sorted keys, sorted object fields), so a test can check that a replica holds
// exactly the writer's rows. Derived indexes are left out: they are rebuilt from the tables and checked by queries.
import { createHash } from 'node:crypto';
import { TABLE_NAMES, type Tables } from '../core/state.ts';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
  return out;
}

export function tablesDigest(tables: Tables): string {
  const hash = createHash('sha256');
  for (const name of TABLE_NAMES) {
    const rows = [...(tables[name] as Map<string | number, unknown>).entries()];
    rows.sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    hash.update(name);
    for (const [key, row] of rows) hash.update(JSON.stringify([key, canonical(row)]));
  }
  return hash.digest('hex');
}
