// Generates docs/API.md from schemas/ops.ts, so the API reference cannot drift from the contract.
// Run: node --import tsx scripts/gen-api-docs.ts  (a test checks the committed file is current).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { OPS, OP_NAMES } from '../schemas/ops.ts';
import { ERROR_CODES } from '../schemas/protocol.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const API_DOC_PATH = path.join(ROOT, 'docs', 'API.md');

function argsTable(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>; required?: string[];
  };
  const props = Object.entries(json.properties ?? {});
  if (props.length === 0) return '_no arguments_\n';
  const rows = props.map(([name, p]) => {
    const required = (json.required ?? []).includes(name) ? 'yes' : 'no';
    const type = describe(p);
    const dflt = p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``;
    return `| \`${name}\` | ${type} | ${required} | ${dflt} |`;
  });
  return ['| field | type | required | default |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

function describe(p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (p.enum) parts.push((p.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| '));
  else if (p.type) parts.push(String(p.type));
  else if (p.anyOf || p.oneOf) parts.push('union');
  else parts.push('object');
  if (p.pattern) parts.push(`pattern \`${String(p.pattern).replace(/\|/g, '\\|')}\``);
  if (p.minimum !== undefined || p.maximum !== undefined) parts.push(`${p.minimum ?? ''}…${p.maximum ?? ''}`);
  if (p.maxLength !== undefined) parts.push(`≤ ${p.maxLength} chars`);
  if (p.maxItems !== undefined) parts.push(`≤ ${p.maxItems} items`);
  return parts.join(', ');
}

export function renderApiDoc(): string {
  const out = [
    '# Aidstock WebSocket API reference',
    '',
    '_Generated from `schemas/ops.ts` by `scripts/gen-api-docs.ts`; do not edit by hand._',
    '',
    'Endpoint `/ws`. Binary frames are msgpack, text frames JSON; the reply uses the encoding of the request.',
    'Request `{ id, op, args }`; reply `{ id, ok: true, result }` or `{ id, ok: false, error: { code, message, issues? } }`;',
    'push `{ topic, event }`. A frame that cannot be decoded gets `id: null` and `invalid_request`; a frame over the',
    'size limit closes the connection with code 1009. Commands are acknowledged only after their events are durable (fsync).',
    '',
    `Error codes: ${ERROR_CODES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
  ];
  for (const name of OP_NAMES) {
    const spec = OPS[name];
    const roles = spec.roles === null ? 'no session needed' : spec.roles.join(', ');
    out.push(`## \`${name}\``, '', `${spec.doc}`, '', `Kind: ${spec.kind}. Roles: ${roles}.`, '', argsTable(spec.args));
  }
  return out.join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(API_DOC_PATH, renderApiDoc());
  console.log(`wrote ${path.relative(ROOT, API_DOC_PATH)}`);
}
