// @ts-check
// Wide tables scroll inside their own box (.table-wrap, .table-scroll) on narrow screens, so the page never scrolls
// sideways. A box that scrolls must be reachable by keyboard, or its hidden columns are out of reach without a mouse
// (WCAG 2.1.1; axe's scrollable-region-focusable). This watches the document once: every such box that overflows gets
// a Tab stop (and a region named after its table's caption, when there is one), which goes again when it fits — so no
// screen needs markup of its own for it, and a box that fits adds no needless Tab stop.

const SELECTOR = '.table-wrap, .table-scroll';
/** Marks the attributes set here, so only they are taken away again (never a tabindex a screen set itself). */
const MARK = 'scrollRegion';

/** @param {HTMLElement} box */
function update(box) {
  const overflows = box.scrollWidth > box.clientWidth + 1;
  if (overflows && !box.hasAttribute('tabindex')) {
    box.tabIndex = 0;
    box.dataset[MARK] = '1';
    const caption = box.querySelector('caption')?.textContent?.trim() ?? '';
    if (caption !== '' && !box.hasAttribute('role')) {
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', caption);
    }
  } else if (!overflows && box.dataset[MARK] === '1') {
    box.removeAttribute('tabindex');
    delete box.dataset[MARK];
    if (box.getAttribute('role') === 'region') {
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
}

/**
 * Starts watching `root` (the app's root element) for scrolling table boxes; call once.
 * @param {HTMLElement} root
 */
export function keepScrollRegionsFocusable(root) {
  const resized = new ResizeObserver((entries) => {
    for (const entry of entries) update(/** @type {HTMLElement} */ (entry.target));
  });
  const watched = new WeakSet();
  let queued = false;
  // Screens re-render often (live pushes): one pass per frame is enough.
  const scan = () => {
    queued = false;
    for (const box of root.querySelectorAll(SELECTOR)) {
      const el = /** @type {HTMLElement} */ (box);
      if (!watched.has(el)) {
        watched.add(el);
        resized.observe(el);
      }
      update(el);
    }
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(scan);
  }).observe(root, { childList: true, subtree: true, characterData: true });
  scan();
}
