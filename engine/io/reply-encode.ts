// From an outcome to the reply frame's bytes: the row encoders for pages of article rows (msgpack), else the generic
// codec. Shared by the writer thread (ws-messages.ts) and the read workers (read-worker.ts), which encode the replies
// of the queries they answer themselves, so the writer thread only sends them.
// Contract: the row encoders reuse their buffers; the bytes returned are valid until the next call on this encoder.
import type { ErrorBody, Reply, RequestIdT } from '../../schemas/protocol.ts';
import type { SearchHitView } from '../core/catalog-search.ts';
import type { ArticleSummary } from '../core/views.ts';
import { type Encoding, encodeFrame } from './codec.ts';
import type { Outcome } from './handler-types.ts';
import { listReplyEncoder, searchReplyEncoder } from './row-reply.ts';
// Issue 14, Lager:
import { LedgerReplyEncoder } from './ledger-reply.ts';
import type { LedgerPage } from '../store/stock-ledger.ts';

/** Pages of article rows have hand-written msgpack encoders (row-reply.ts); null: the generic codec. */
type RowReply = (op: string, id: RequestIdT, result: unknown) => Uint8Array | null;

function rowReplies(): RowReply {
  const searchReplies = searchReplyEncoder();
  const listReplies = listReplyEncoder();
  const ledgerReplies = new LedgerReplyEncoder(); // Issue 14, Lager
  return (op, id, result) => {
    if (op === 'stock.ledger') return ledgerReplies.encode(id, result as LedgerPage); // Issue 14, Lager
    if (op === 'catalog.search') {
      const r = result as { total: number; hits: SearchHitView[]; suggestion?: string };
      return searchReplies.encode(id, {
        total: r.total,
        rows: r.hits,
        ...(r.suggestion === undefined ? {} : { suggestion: r.suggestion }),
      });
    }
    if (op === 'catalog.list') {
      const r = result as { total: number; articles: ArticleSummary[] };
      return listReplies.encode(id, { total: r.total, rows: r.articles });
    }
    return null;
  };
}

/** Encodes one reply; each encoder owns its row encoders' buffers (one per thread). */
export type ReplyEncoder = (
  id: RequestIdT | null,
  op: string,
  outcome: Outcome,
  encoding: Encoding,
  issues?: ErrorBody['issues'],
) => Uint8Array | string;

export function replyEncoder(): ReplyEncoder {
  const rowReply = rowReplies();
  return (id, op, outcome, encoding, issues) => {
    const rows = outcome.ok && encoding === 'msgpack' ? rowReply(op, id as RequestIdT, outcome.result) : null;
    if (rows !== null) return rows;
    if (outcome.ok)
      return encodeFrame({ id: id as RequestIdT, ok: true, result: outcome.result } satisfies Reply, encoding);
    const error: ErrorBody = { code: outcome.code, message: outcome.message, ...(issues ? { issues } : {}) };
    if (outcome.primary !== undefined) error.primary = outcome.primary; // issue 17: where to send the command
    return encodeFrame({ id, ok: false, error } satisfies Reply, encoding);
  };
}
