// Loads uWebSockets.js and refuses to run on its slow pure-JS `ws` fallback, which the package picks silently
// when its native binary fails to load.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Uws = typeof import('uWebSockets.js');

export function loadNativeUws(): Uws {
  const uws = require('uWebSockets.js') as Uws;
  const nativeLoaded = Object.keys(require.cache).some((path) => /uws_[a-z0-9_]+\.node$/.test(path));
  const hasNativeApi = typeof (uws as unknown as { SSLApp?: unknown }).SSLApp === 'function';
  if (!nativeLoaded || !hasNativeApi) {
    throw new Error(
      'uWebSockets.js did not load its native binary and fell back to a slow JavaScript shim; ' +
        `refusing to start (Node ${process.version}, ABI ${process.versions.modules}, ${process.platform}-${process.arch}).`,
    );
  }
  return uws;
}
