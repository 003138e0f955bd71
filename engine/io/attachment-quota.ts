// Attachment quotas (issue 13): bytes stored per user and in all, so one prescriber cannot fill the data disk with
// forms. Counted from the blobs in the store at start, then kept by every upload: bytes are reserved when an upload is
// admitted (from its content-length, so parallel uploads cannot overshoot together), kept when the blob is durable,
// given back when the upload is aborted or its write fails.
import { ATTACHMENT_BYTES_PER_USER_MAX, ATTACHMENT_BYTES_TOTAL_MAX } from '../../schemas/limits.ts';
import type { Store } from '../store/store.ts';

export interface QuotaLimits {
  perUserBytes: number;
  totalBytes: number;
}

export type QuotaRefusal = { scope: 'user' | 'total'; message: string };

const MIB = 1024 * 1024;

export class AttachmentQuota {
  private readonly perUser = new Map<string, number>();
  private total = 0;

  constructor(
    store: Pick<Store, 'blobSizes'>,
    private readonly limits: QuotaLimits = {
      perUserBytes: ATTACHMENT_BYTES_PER_USER_MAX,
      totalBytes: ATTACHMENT_BYTES_TOTAL_MAX,
    },
  ) {
    for (const { ownerId, bytes } of store.blobSizes()) this.add(ownerId, bytes);
  }

  /** Bytes counted against a user (stored plus uploads under way). */
  used(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  /** Reserves `bytes` for the user, or says which quota it would exceed (and reserves nothing). */
  reserve(userId: string, bytes: number): QuotaRefusal | null {
    if (this.used(userId) + bytes > this.limits.perUserBytes)
      return {
        scope: 'user',
        message: `Du har nått gränsen för bilagor (${Math.round(this.limits.perUserBytes / MIB)} MB). Kontakta Hjälpmedelscentrum.`,
      };
    if (this.total + bytes > this.limits.totalBytes)
      return {
        scope: 'total',
        message: 'Utrymmet för bilagor är fullt. Kontakta Hjälpmedelscentrum.',
      };
    this.add(userId, bytes);
    return null;
  }

  /** Counts a blob stored without a reservation here: another node's upload, copied to this one. */
  stored(userId: string, bytes: number): void {
    this.add(userId, bytes);
  }

  /** Gives back a reservation whose blob was never stored. */
  release(userId: string, bytes: number): void {
    this.add(userId, -bytes);
  }

  private add(userId: string, bytes: number): void {
    const next = this.used(userId) + bytes;
    if (next > 0) this.perUser.set(userId, next);
    else this.perUser.delete(userId);
    this.total += bytes;
  }
}
