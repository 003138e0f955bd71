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
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const props = Object.entries(json.properties ?? {});
  if (props.length === 0) return '_no arguments_\n';
  const rows = props.map(([name, p]) => {
    const required = (json.required ?? []).includes(name) ? 'yes' : 'no';
    const type = describe(p);
    const dflt = p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``;
    return `| \`${name}\` | ${type} | ${required} | ${dflt} |`;
  });
  return `${['| field | type | required | default |', '|---|---|---|---|', ...rows].join('\n')}\n`;
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
    // Issue 17: what a client does when the node it talks to does not lead.
    'With replication (README "Primary and standby"), a standby, or a primary that lost its lease, answers every command',
    'with `read_only`; its error also carries `primary`. A URL there means the command did not run: send it to that',
    'node (the leader). `null` means no node leads just now, or the command may have run (its publish to the stream failed',
    'or the lease ran out while it was written): check before trying again, and retry an `order.place` only with the',
    'same idempotency key, which the new primary answers from the original if that was acknowledged. Sessions are',
    'shared by the nodes, so a reconnect resumes the same token on any of them.',
    '',
    '**Reconnects.** The portal learns every node from `GET /auth/config` (`nodes`, from `NODE_URLS`). When its',
    'connection drops it tries the next node after a short backoff (showing "Återansluter…"), resumes the session',
    'and subscriptions and sends the reads that were in flight again. A command answered `read_only` with a',
    '`primary` is sent once more on that node, at once. Commands in flight when a connection dropped fail with',
    '`connection_lost` (they may have run).',
    '',
    '**Reads in a cluster.** Every node answers reads. A read that shows a patient is answered only once its',
    "access-log entry is in the cluster's replicated access-log stream and in that node's log; while NATS has no",
    'quorum such a read gets `storage_unavailable` (the patient is not shown unlogged), and other reads go on.',
    'Attachments may be uploaded to any node (`POST /api/attachments`); every node serves every upload.',
    '',
  ];
  for (const name of OP_NAMES) {
    const spec = OPS[name];
    const roles = spec.roles === null ? 'no session needed' : spec.roles.join(', ');
    out.push(`## \`${name}\``, '', `${spec.doc}`, '', `Kind: ${spec.kind}. Roles: ${roles}.`, '', argsTable(spec.args));
  }
  out.push(HTTP_SECTION);
  return out.join('\n');
}

const HTTP_SECTION = `## HTTP read API

Read-only JSON for integrators and load tools; no session, no personal data (balances of warehouse 10 only).
Parameters are validated by \`schemas/http.ts\`; a bad one gives \`400\` with \`{ error: { code, message, issues } }\`,
a query string over the limit \`414\`, an unknown article, ISO code or path \`404\`.

| request | answer |
|---|---|
| \`GET /api/search?q=&supplier=&iso=&inStock=1&discontinued=0&limit=20&offset=0\` | \`{ total, hits, suggestion? }\` as \`catalog.search\` |
| \`GET /api/articles/:artNo\` | the article page as \`catalog.article\` |
| \`GET /api/iso/:code?inStock=1&limit=50&offset=0\` | \`{ node, children, total, articles }\` (code URL-encoded: \`12%2006%2006\`) |
| \`GET /health\` | \`{ status, seq, store, connections, storage, replication? }\`: \`status\` is \`storage_unavailable\` while the disk refuses writes (README "Full disk"); \`replication\` (role, primary, lag) with \`REPLICATION=jetstream\` |
| \`GET /metrics\` | Prometheus text: connections, requests and errors per op, latency histograms, commit batch sizes, journal size, \`aidstock_storage_writable\`, \`aidstock_commit_failures_total\`, and with read workers (issue 17) \`aidstock_read_workers\` and per replica \`aidstock_replica_applied_seq\`, \`aidstock_replica_seq_behind\`, \`aidstock_replica_lag_seconds\` (commit → applied), \`aidstock_replica_heap_bytes\` |

## Work order attachments (HTTP)

Files are too big for a WebSocket frame, so they go over HTTP with the session token (\`authorization: Bearer <token>\`
from \`session.login\`). The upload is answered only once the file is durable; its id then goes into
\`workorder.create { attachments: [id] }\` (the caller's own uploads only).

| request | answer |
|---|---|
| \`POST /api/attachments\` (body: the file; headers \`content-type\`: PDF, PNG, JPEG, text or Word, \`x-file-name\`: URL-encoded name ≤ 120 characters) | \`201 { id, name, contentType, bytes }\`; \`401\` without a session, \`413\` over 2 MiB, \`415\` another type, \`400\` without a name |
| \`GET /api/attachments/:id\` | the file, to its uploader or HMC staff; \`403\` to others, \`404\` unknown |

Quotas and failures (issue 13): an upload past the user's stored-bytes quota gets \`413\`, past the total \`507\`, both
\`quota_exceeded\`; a failed write \`503\` \`storage_unavailable\` (as on a full disk). Attachments come back with
\`content-disposition: attachment\` and \`x-content-type-options: nosniff\`. Every HTTP reply carries the security
headers (README, "Security headers and limits"); a method a route does not take gets \`405\` \`method_not_allowed\`
with \`Allow\`.

## Access log CSV export (HTTP)

The log reviewer's (\`logReviewer\`) export of the patient-data access log, with the session token
(\`authorization: Bearer <token>\`). Semicolon-separated UTF-8 with a BOM, served as an attachment with
\`x-content-type-options: nosniff\`; a patient's export is itself logged before the file is sent.

| request | answer |
|---|---|
| \`GET /api/access-log.csv?pnr=&fromMs=&toMs=\` | a patient's extract in [fromMs, toMs), \`loggutdrag-<pnr>.csv\` |
| \`GET /api/access-log.csv?userId=&fromMs=&toMs=\` | a user's accesses, \`atkomster-<userId>.csv\`; \`401\` without a session, \`403\` not a log reviewer, \`400\` bad parameters |

## Catalog import (HTTP)

Issue 14: an admin's (\`admin\`) catalog file for a dry run, with the session token (\`authorization: Bearer <token>\`).
The format (UTF-8, \`;\` or \`,\`, one row per article) is in [IMPORT.md](IMPORT.md). Nothing is applied: the lines
are read with \`admin.importLines\`, the import applied with \`admin.importApply\` and followed with
\`admin.importStatus\`.

| request | answer |
|---|---|
| \`POST /api/imports\` (body: the CSV file, at most 64 MiB; header \`x-file-name\`: URL-encoded name, optional) | \`201\` the import's status (\`importId\`, \`rows\`, \`counts\` per outcome, \`toApply\`, \`state: "planned"\`); \`400\` \`invalid_request\` with one Swedish message for a file that cannot be read (not UTF-8, binary, missing or unknown columns, empty, malformed CSV), \`401\` without a session, \`403\` not an admin, \`411\` no length, \`413\` over the size limit, \`503\` \`overloaded\` while another file is read |
`;

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(API_DOC_PATH, renderApiDoc());
  console.log(`wrote ${path.relative(ROOT, API_DOC_PATH)}`);
}
