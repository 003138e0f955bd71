// @ts-check
// The one htm binding for Preact, plus the hooks every component uses.
import { h, render } from 'preact';
import htmModule from 'htm';

// htm declares `export default` in a package without "type": "module", so under NodeNext tsc types the default import
// as the CommonJS module object; in the browser (/vendor/htm.mjs, the import map) the default export is htm itself.
const htm = /** @type {typeof htmModule.default} */ (/** @type {unknown} */ (htmModule));

export const html = htm.bind(h);
export { h, render };
export { useState, useEffect, useMemo, useRef, useCallback, useReducer } from 'preact/hooks';
