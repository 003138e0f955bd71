// @ts-check
// useMenuToggle: the open/closed state of the top bar's menu on narrow screens (a disclosure button, as in the WAI-ARIA
// disclosure pattern). It closes when a link in it is followed (or the route changes) and on Escape, which gives the focus
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

  /** A link followed inside the menu closes it, even one to the page already shown (no route change then). */
  const onMenuClick = (/** @type {MouseEvent} */ event) => {
    if (event.target instanceof Element && event.target.closest('a') !== null) setOpen(false);
  };
  return { open, toggle: () => setOpen((was) => !was), onMenuClick, buttonRef, menuRef };
}
