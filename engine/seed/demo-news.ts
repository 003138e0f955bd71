// The demo's start-page news from HMC (published by hmc1), so the start page has something to show from the first start.
import type { NewsItem } from '../../schemas/news.ts';

const NEWS: ReadonlyArray<{ date: [number, number, number]; title: string; text: string }> = [
  {
    date: [2026, 9, 28],
    title: 'Utgående artiklar',
    text: 'Artiklar med status Utgående och noll i saldo kan endast levereras om HMC får något i retur.',
  },
  {
    date: [2026, 10, 10],
    title: 'Leveranser under julhelgerna',
    text: 'Turbilen kör inte 24–26 december. Beställningar som registreras efter den 18 december levereras tidigast 28 december.',
  },
  {
    date: [2026, 10, 20],
    title: 'Ny rollator i sortimentet',
    text: 'Fler lätta rollatorer finns nu under ISO-kod 12 06 06. Kryssa i ”inkl. tillgängligt saldo” i Varukatalogen för att se vad som finns i lager.',
  },
];

export function demoNews(authorId: string): NewsItem[] {
  return NEWS.map((n, i) => ({
    newsNo: i + 1,
    timeMs: Date.UTC(n.date[0], n.date[1], n.date[2], 8),
    authorId,
    title: n.title,
    text: n.text,
    deletedMs: null,
  }));
}
