// @ts-check
// A form's or button's server action: busy while it runs (to disable the button), and the Swedish error text after
// a failure. run(action) resolves with the action's result, or undefined when it failed.
import { useState } from './html.js';
import { errorText } from './order-errors.js';

/**
 * @returns {{ busy: boolean, error: string, setError: (text: string) => void,
 *   run: <T>(action: () => Promise<T>, onFailure?: (failure: unknown) => void) => Promise<T | undefined> }}
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  /**
   * onFailure: the caller reports the failure itself (a status line of its own, its parent's notice) instead of `error`.
   * @template T
   * @param {() => Promise<T>} action
   * @param {(failure: unknown) => void} [onFailure]
   * @returns {Promise<T | undefined>}
   */
  const run = async (action, onFailure) => {
    setBusy(true);
    setError('');
    try {
      return await action();
    } catch (failure) {
      if (onFailure) onFailure(failure);
      else setError(errorText(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
