// In-memory access log for tests and tools: the same contract as LMDB (scans instead of indexes: test sizes only).
import type { AccessEntry, AccessReview, NewAccessEntry } from '../../schemas/access-log.ts';
import { type AccessLog, type AccessPage, type AccessRange, cursorOf, parseCursor } from './access-log.ts';

const byTime = (a: AccessEntry, b: AccessEntry) => a.timeMs - b.timeMs || a.id - b.id;

export class MemoryAccessLog implements AccessLog {
  private readonly entries: AccessEntry[] = [];
  private readonly reviews: AccessReview[] = [];
  private streamPosition = 0;

  append(entries: readonly NewAccessEntry[], position?: number): Promise<void> {
    if (position !== undefined) this.streamPosition = position;
    for (const entry of entries) this.entries.push(structuredClone({ ...entry, id: this.entries.length + 1 }));
    return Promise.resolve();
  }

  private page(match: (e: AccessEntry) => boolean, range: AccessRange): AccessPage {
    const after = range.after === undefined ? null : parseCursor(range.after);
    const hits = this.entries
      .filter((e) => match(e) && e.timeMs >= range.fromMs && e.timeMs < range.toMs)
      .filter((e) => after === null || e.timeMs > after.timeMs || (e.timeMs === after.timeMs && e.id > after.id))
      .sort(byTime);
    const entries = hits.slice(0, range.limit).map((e) => structuredClone(e));
    return { entries, next: hits.length > range.limit ? cursorOf(entries[entries.length - 1]!) : null };
  }

  byPatient(pnr: string, range: AccessRange): AccessPage {
    return this.page((e) => e.pnr === pnr, range);
  }

  byUser(userId: string, range: AccessRange): AccessPage {
    return this.page((e) => e.userId === userId, range);
  }

  idsInPeriod(fromMs: number, toMs: number): number[] {
    const careAccess = (e: AccessEntry) => e.shown.kind !== 'accessLog';
    return this.page(careAccess, { fromMs, toMs, limit: Number.MAX_SAFE_INTEGER }).entries.map((e) => e.id);
  }

  get(id: number): AccessEntry | undefined {
    const entry = this.entries[id - 1];
    return entry === undefined ? undefined : structuredClone(entry);
  }

  addReview(review: AccessReview, position?: number): Promise<void> {
    if (position !== undefined) this.streamPosition = position;
    this.reviews.push({ ...review });
    return Promise.resolve();
  }

  reviewsOf(entryId: number): AccessReview[] {
    return this.reviews.filter((r) => r.entryId === entryId).map((r) => ({ ...r }));
  }

  position(): number {
    return this.streamPosition;
  }

  count(): number {
    return this.entries.length;
  }
}
