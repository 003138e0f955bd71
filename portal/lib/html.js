// The one htm binding for Preact, plus the hooks every component uses.
import { h, render } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
export { h, render };
export { useState, useEffect, useMemo, useRef, useCallback, useReducer } from 'preact/hooks';
