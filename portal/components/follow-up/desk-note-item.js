// @ts-check
// One of Mina anteckningar: its text, when, what it is about (a link to the patient's page or the order), and the
// author's Ändra and Ta bort (with a confirmation step, as cancelling an order has).
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { href } from '../../lib/routes.js';
import { dateTime } from '../../lib/format.js';

/** @typedef {import('../../lib/types.d.ts').NoteView} NoteView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

const NOTE_CHARS_MAX = 2000;

/** @param {{ note: NoteView }} props */
function About({ note }) {
  if (note.patient)
    return html`<p class="hint">Om <a href=${href.hjalpmedel(note.patient.pnrDisplay)}>${note.patient.name} ${note.patient.pnrDisplay}</a></p>`;
  if (note.orderNo !== null)
    return html`<p class="hint">Om <a href=${href.order(note.orderNo)}>order ${note.orderNo}</a></p>`;
  return null;
}

/** @param {{ note: NoteView, onDone: (text: string) => void }} props */
export function DeskNoteItem({ note, onDone }) {
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const [text, setText] = useState(note.text);
  const { busy, error, run } = useAction();
  const save = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const done = await run(() => api.call('note.update', { noteNo: note.noteNo, text: text.trim() }));
    if (done === undefined) return undefined;
    setEditing(false);
    return onDone(`Anteckning ${note.noteNo} är ändrad.`);
  };
  const remove = async () => {
    const done = await run(() => api.call('note.delete', { noteNo: note.noteNo }));
    if (done !== undefined) onDone(`Anteckning ${note.noteNo} är borttagen.`);
  };
  const edited = note.updatedMs !== note.createdMs ? `, ändrad ${dateTime(note.updatedMs)}` : '';
  return html`<li class="card" data-noteno=${note.noteNo}>
    <p class="hint">${dateTime(note.createdMs)}${edited}</p>
    <${About} note=${note} />
    ${
      editing
        ? html`<form onSubmit=${save}>
            <div class="field"><label for=${`note-edit-${note.noteNo}`}>Ändra anteckning ${note.noteNo}</label>
              <textarea id=${`note-edit-${note.noteNo}`} rows="4" maxLength=${NOTE_CHARS_MAX} value=${text}
                onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)}></textarea></div>
            <button type="submit" class="button" disabled=${busy}>Spara</button>
            <button type="button" class="button" onClick=${() => setEditing(false)}>Avbryt</button>
          </form>`
        : html`<p class="note-text" data-testid="note-text">${note.text}</p>`
    }
    ${
      !editing &&
      html`<div class="confirm-inline">${
        asking
          ? html`<span id=${`delete-note-${note.noteNo}`}>Ta bort anteckningen?</span>
              <button type="button" class="button danger" disabled=${busy} aria-describedby=${`delete-note-${note.noteNo}`} onClick=${remove}>Ja, ta bort</button>
              <button type="button" class="button" onClick=${() => setAsking(false)}>Nej, behåll</button>`
          : html`<button type="button" class="button" onClick=${() => setEditing(true)}>Ändra</button>
              <button type="button" class="button" aria-label=${`Ta bort anteckning ${note.noteNo}`} onClick=${() => setAsking(true)}>Ta bort</button>`
      }</div>`
    }
    <p class="error" role="alert">${error}</p>
  </li>`;
}
