// The engine refuses to start on uWebSockets.js's slow JavaScript fallback (forced here the way the package itself
// would fall back when its native binary does not load).
import { describe, expect, it } from 'vitest';
import { startEngine } from './helpers/engine-process.ts';

describe('uWebSockets.js native binary', () => {
  it('given the ws fallback, the engine exits with a clear message instead of serving', async () => {
    const started = startEngine({ scale: 'tiny', store: 'memory', env: { UWS_USE_FALLBACK: '1' } });
    await expect(started).rejects.toThrow(/fell back to a slow JavaScript shim; refusing to start/);
  });
});
