// Test runner settings: four tiers chosen by file name suffix, so a test keeps its folder and relative imports.
// unit (plain *.test.ts): pure Node, no engine process, no browser, seconds. process (*.process.test.ts): spawns
// the engine or other processes, real sockets, kill -9, LMDB on disk. browser (*.browser.test.ts): Chromium.
// slow (*.slow.test.ts): heavy seeded oracles. `vitest run` runs every tier; `--project <tier>` runs one.
import { configDefaults, defineConfig } from 'vitest/config';

const TIER_SUFFIXES = ['process', 'browser', 'slow'] as const;

function tier(name: string, include: string[], exclude: string[] = []) {
  return { extends: true as const, test: { name, include, exclude: [...configDefaults.exclude, ...exclude] } };
}

export default defineConfig({
  test: {
    // Process and browser tests start engines and Chromium: they get time, and files run in parallel forks.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['test/global-temp-dir.ts'],
    projects: [
      tier(
        'unit',
        ['test/**/*.test.ts'],
        TIER_SUFFIXES.map((suffix) => `test/**/*.${suffix}.test.ts`),
      ),
      ...TIER_SUFFIXES.map((suffix) => tier(suffix, [`test/**/*.${suffix}.test.ts`])),
    ],
  },
});
