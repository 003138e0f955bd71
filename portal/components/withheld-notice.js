// @ts-check
// The notice where a reply left out other care providers' entries (withheld), with the two ways to see them for a
// patient in context: the patient's consent (a confirm step) or an emergency access (a reason, logged and reviewed).
import { html, useState } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import * as api from '../lib/api.js';

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/** The portal has no build to import schemas/limits.ts: these mirror EMERGENCY_REASON_CHARS_MIN/MAX there. */
export const EMERGENCY_REASON_CHARS_MIN = 5;
export const EMERGENCY_REASON_CHARS_MAX = 500;

/** @param {number} count */
function countText(count) {
  return count === 1
    ? '1 post från en annan vårdgivare visas inte.'
    : `${count} poster från andra vårdgivare visas inte.`;
}

/** @param {{ pnr: string, onDone: () => void, onCancel: () => void }} props */
function ConsentConfirm({ pnr, onDone, onCancel }) {
  const { busy, error, run } = useAction();
  const confirm = async () => {
    if ((await run(() => api.call('patient.recordConsent', { pnr }))) !== undefined) onDone();
  };
  return html`
    <div class="access-step" data-testid="consent-confirm">
      <p>Brukaren har samtyckt till att vi tar del av uppgifter från andra vårdgivare.</p>
      <div class="button-row">
        <button type="button" class="button primary" disabled=${busy} onClick=${confirm}>Bekräfta samtycke</button>
        <button type="button" class="button" onClick=${onCancel}>Avbryt</button>
      </div>
      ${error && html`<p class="error" role="alert">${error}</p>`}
    </div>`;
}

/** @param {{ pnr: string, onDone: () => void, onCancel: () => void }} props */
function EmergencyForm({ pnr, onDone, onCancel }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (reason.trim().length < EMERGENCY_REASON_CHARS_MIN) {
      setError(`Skriv ett skäl med minst ${EMERGENCY_REASON_CHARS_MIN} tecken.`);
      return;
    }
    const done = await run(() => api.call('patient.emergencyAccess', { pnr, reason: reason.trim() }));
    if (done !== undefined) onDone();
  };
  return html`
    <form class="access-step" noValidate onSubmit=${submit} data-testid="emergency-form">
      <p>Nödåtkomst ger dig tillfälligt tillgång till uppgifter från andra vårdgivare. Åtkomsten loggas och granskas i
        efterhand, så ange varför den behövs.</p>
      <div class="field">
        <label for="emergency-reason">Skäl till nödåtkomst (obligatoriskt)</label>
        <textarea id="emergency-reason" required minLength=${EMERGENCY_REASON_CHARS_MIN}
          maxLength=${EMERGENCY_REASON_CHARS_MAX} rows="3" value=${reason}
          onInput=${(/** @type {FieldEvent} */ e) => {
            setReason(e.currentTarget.value);
            setError('');
          }}></textarea>
        <p class="hint">${EMERGENCY_REASON_CHARS_MIN}–${EMERGENCY_REASON_CHARS_MAX} tecken.</p>
      </div>
      <div class="button-row">
        <button type="submit" class="button primary" disabled=${busy}>Öppna nödåtkomst</button>
        <button type="button" class="button" onClick=${onCancel}>Avbryt</button>
      </div>
      ${error && html`<p class="error" role="alert">${error}</p>`}
    </form>`;
}

/** @param {{ pnr: string, onGranted: () => void }} props */
export function PatientAccessActions({ pnr, onGranted }) {
  const [step, setStep] = useState(/** @type {'' | 'consent' | 'emergency'} */ (''));
  const done = () => {
    setStep('');
    onGranted();
  };
  if (step === 'consent') return html`<${ConsentConfirm} pnr=${pnr} onDone=${done} onCancel=${() => setStep('')} />`;
  if (step === 'emergency') return html`<${EmergencyForm} pnr=${pnr} onDone=${done} onCancel=${() => setStep('')} />`;
  return html`
    <div class="button-row">
      <button type="button" class="button" onClick=${() => setStep('consent')}>Registrera samtycke</button>
      <button type="button" class="button" onClick=${() => setStep('emergency')}>Nödåtkomst</button>
    </div>`;
}

/**
 * Nothing when nothing was withheld. Without a patient in context only the notice (the actions need a pnr).
 * @param {{ count: number, pnr?: string | null, onGranted?: () => void }} props
 */
export function WithheldNotice({ count, pnr = null, onGranted = () => {} }) {
  if (count <= 0) return null;
  return html`
    <section class="notice withheld-notice" data-testid="withheld-notice" aria-label="Poster som inte visas">
      <p><strong>${countText(count)}</strong> De kan visas med brukarens samtycke eller vid nödåtkomst.</p>
      ${pnr && html`<${PatientAccessActions} pnr=${pnr} onGranted=${onGranted} />`}
    </section>`;
}
