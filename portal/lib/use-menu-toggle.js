// @ts-check
// useMenuToggle: the open/closed state of the top bar's menu on narrow screens (a disclosure button, as in the WAI-ARIA
// disclosure pattern). It closes when the route changes (a link was followed) and on Escape, which gives the focus
// back to the button when it was inside the menu, so keyboard users are never left on a vanished element.
import { useEffect, useRef, useState } from './html.js';

/**
 * @param {unknown} route  the current route object; a new one (navigation) closes the menu
 */
export function useMenuToggle(route) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef(/** @type {HTMLButtonElement | null} */ (null));
  const menuRef = useRef(/** @type {HTMLElement | null} */ (null));

  useEffect(() => setOpen(false), [route]);

  useEffect(() => {
    if (!open) return undefined;
    /** @param {KeyboardEvent} event */
    const onKey = (event) => {
      if (event.key !== 'Escape') return;
      const focusInside = menuRef.current?.contains(document.activeElement) ?? false;
      setOpen(false);
      if (focusInside || document.activeElement === buttonRef.current) buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return { open, toggle: () => setOpen((was) => !was), buttonRef, menuRef };
}
