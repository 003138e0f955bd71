// HMC news (Aktuellt från Hjälpmedelscentrum): short notices HMC staff publish to every user's start page.
import { z } from 'zod';
import { NEWS_LIST_MAX, NEWS_TEXT_CHARS_MAX, NEWS_TITLE_CHARS_MAX } from './limits.ts';
import { UserId } from './primitives.ts';

export const NewsNo = z.number().int().min(1).max(99_999_999);

export const NewsItem = z.object({
  newsNo: NewsNo,
  timeMs: z.number().int(),
  authorId: UserId,
  title: z.string().max(NEWS_TITLE_CHARS_MAX),
  text: z.string().max(NEWS_TEXT_CHARS_MAX),
  /** Withdrawn by HMC; kept for the record, never listed again. */
  deletedMs: z.number().int().nullable(),
});

export const NewsPublishArgs = z
  .object({
    title: z.string().trim().min(1).max(NEWS_TITLE_CHARS_MAX),
    text: z.string().trim().min(1).max(NEWS_TEXT_CHARS_MAX),
  })
  .strict();

export const NewsListArgs = z.object({ limit: z.number().int().min(1).max(NEWS_LIST_MAX).default(10) }).strict();

export const NewsPublished = z.object({ type: z.literal('news.published'), item: NewsItem });
export const NewsDeleted = z.object({
  type: z.literal('news.deleted'),
  userId: UserId,
  newsNo: NewsNo,
  timeMs: z.number().int(),
});
export const NEWS_EVENTS = [NewsPublished, NewsDeleted] as const;

export type NewsItem = z.infer<typeof NewsItem>;
