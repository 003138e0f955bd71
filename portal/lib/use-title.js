// @ts-check
// useTitle: the browser tab's title follows the page, so history entries and screen readers name the screen.
import { useEffect } from './html.js';

/**
 * Sets document.title whenever `title` changes.
 * @param {string} title
 */
export function useTitle(title) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
