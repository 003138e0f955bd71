// A form's or button's server action: busy while it runs (to disable the button), and the Swedish error text after
// a failure. run(action) resolves with the action's result, or undefined when it failed.
import { useState } from './html.js';
import { errorText } from './order-errors.js';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action) => {
    setBusy(true);
    setError('');
    try {
      return await action();
    } catch (failure) {
      setError(errorText(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
