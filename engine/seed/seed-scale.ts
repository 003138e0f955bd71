// The seed scales by name (SEED_SCALE), and which of them carry years of history: a leaf, so the config, the generator
// and the store seeding agree on one list instead of repeating it.

/** Every scale SEED_SCALE accepts; `history` is Halland's size, `history-stockholm` the largest region's. */
export const SEED_SCALES = ['tiny', 'demo', 'large', 'history', 'history-stockholm'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

/** The scales that generate a region's years of orders, pickups, loans and access-log entries on top of the register. */
export function isHistoryScale(scale: SeedScale): boolean {
  return scale === 'history' || scale === 'history-stockholm';
}

export function isSeedScale(name: string): name is SeedScale {
  return (SEED_SCALES as readonly string[]).includes(name);
}
