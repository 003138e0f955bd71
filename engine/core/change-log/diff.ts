// A field-level diff of an entity before and after a change, for the change log: the top-level fields whose values
// differ (compared as JSON), in the order of the after value's fields, then fields only the before value had.

export interface FieldChange {
  field: string;
  /** undefined: the field had no value (or the before is unknown). */
  before: unknown;
  after: unknown;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Equal values: primitives by identity, objects and arrays by their JSON (entities are plain data). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const was = fieldsOf(before);
  const now = fieldsOf(after);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(now)) {
    if (!same(was[field], now[field])) changes.push({ field, before: was[field], after: now[field] });
  }
  for (const field of Object.keys(was)) {
    if (!(field in now)) changes.push({ field, before: was[field], after: undefined });
  }
  return changes;
}
