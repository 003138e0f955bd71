// @ts-check
// Swedish words of the recall screens: holder kinds and progress, in the order the screens list them.

/** @type {Record<string, string>} */
export const KIND_LABEL = {
  patient: 'Brukare',
  careUnit: 'Vårdenhet',
  buffer: 'Buffertlager',
  warehouse: 'HMC-lager',
  transit: 'På väg',
};

/** @type {Record<string, string>} */
export const PROGRESS_LABEL = {
  none: 'Ej kontaktad',
  contacted: 'Kontaktad',
  replaced: 'Ersatt',
  returned: 'Returnerad',
};

export const KINDS = Object.keys(KIND_LABEL);
export const PROGRESSES = Object.keys(PROGRESS_LABEL);

/** "Brukare 3 · Vårdenhet 1" for the kinds that have any. @param {Record<string, number>} counts */
export function kindCounts(counts) {
  return KINDS.filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${KIND_LABEL[k]} ${counts[k]}`)
    .join(' · ');
}
