// @ts-check
// useLoanPushes (issue 15): follow the `loans` topic (a loan opened, closed, extended, reminded or made permanent, as
// its number only) and tell the screen once per burst, so Uppföljning › Lån reads its list again without a reload; a
// reconnect counts as a change (pushes sent meanwhile are lost).
import { useEffect, useRef } from './html.js';
import * as api from './api.js';

/** One read per burst (a delivery of several units opens several loans in one commit). */
export const LOAN_PUSH_DEBOUNCE_MS = 250;
export const LOANS_TOPIC = 'loans';

/** @param {() => void} onChange */
export function useLoanPushes(onChange) {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), LOAN_PUSH_DEBOUNCE_MS);
    };
    const off = api.subscribe(LOANS_TOPIC, (/** @type {{ type?: string }} */ event) => {
      if (event?.type === 'loan') later();
    });
    const offReconnect = api.on('reconnected', later);
    return () => {
      clearTimeout(timer);
      off();
      offReconnect();
    };
  }, []);
}
