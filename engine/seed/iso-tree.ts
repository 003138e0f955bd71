// ISO 9999 tree rows: codes, levels and parents from iso9999.json, Swedish titles from ISO_TITLES_SV.
import { readFileSync } from 'node:fs';
import type { IsoNode } from '../../schemas/entities.ts';
import { ISO_TITLES_SV } from './iso-titles-sv.ts';

/** Division codes (level 3) such as `12 06 06` carry the articles. */
export const ISO_DIVISION_LEVEL = 3;

export interface IsoEntry {
  code: string;
  level: number;
  title_en: string;
  title_sv: string | null;
  title_no: string | null;
  parent: string | null;
}

/** The raw entries of the project's copy of the ISO 9999 tree. */
export function readIsoEntries(): IsoEntry[] {
  return JSON.parse(readFileSync(new URL('./iso9999.json', import.meta.url), 'utf8')) as IsoEntry[];
}

/** All 945 ISO nodes in code order. */
export function isoTreeRows(): IsoNode[] {
  return readIsoEntries().map((entry) => ({
    code: entry.code,
    level: entry.level,
    titleSv: ISO_TITLES_SV[entry.code] ?? entry.title_sv ?? entry.title_en,
    titleEn: entry.title_en,
    parent: entry.parent,
  }));
}
