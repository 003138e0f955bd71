// The outcome of a query: a result or a typed rejection, like a command's decision but with no events.
import type { Rejection } from './rejections.ts';

export type QueryResult<T> = { ok: true; result: T } | Rejection;

export function found<T>(result: T): QueryResult<T> {
  return { ok: true, result };
}
