// @ts-check
// Mina anteckningar (Uppföljning, prescribers): the prescriber's private notes, free or about a patient or an order.
// Only the author ever sees them. "Ny anteckning" from the patient page or an order opens this with the link filled in
// (?pnr=… or ?order=…); the list then shows the notes about that patient or order. Notes about a patient show the
// name and personnummer: the engine logs the list like a patient look-up.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { href } from '../../lib/routes.js';
import { dateTime } from '../../lib/format.js';
import { DeskNoteItem } from './desk-note-item.js';

/** @typedef {import('../../lib/types.d.ts').NoteView} NoteView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {import('../follow-up/sections.js').SectionProps} SectionProps */

export const NOTE_CHARS_MAX = 2000;
const LIST_MAX = 200;

/** What the note is about, from the link that opened the screen. */
function tieOf(/** @type {URLSearchParams} */ query) {
  const pnr = query.get('pnr');
  const order = query.get('order');
  if (pnr) return { args: { pnr }, label: `brukare ${pnr}` };
  if (order && /^\d{1,8}$/.test(order)) return { args: { orderNo: Number(order) }, label: `order ${order}` };
  return null;
}

/** @param {{ tie: ReturnType<typeof tieOf>, onCreated: (note: NoteView) => void }} props */
function NewNote({ tie, onCreated }) {
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (text.trim() === '') return setError('Skriv något i anteckningen.');
    const done = await run(() => api.call('note.create', { text: text.trim(), ...(tie?.args ?? {}) }));
    if (done === undefined) return undefined;
    setText('');
    return onCreated(done.note);
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="new-note-title" data-testid="new-note">
    <h2 id="new-note-title">Ny anteckning${tie ? ` om ${tie.label}` : ''}</h2>
    <div class="field"><label for="note-text">Anteckning (bara du kan se den)</label>
      <textarea id="note-text" rows="4" maxLength=${NOTE_CHARS_MAX} value=${text} aria-describedby="note-count"
        onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)}></textarea>
      <p id="note-count" class="counter">${NOTE_CHARS_MAX - text.length} tecken kvar</p></div>
    <button type="submit" class="button" disabled=${busy}>${busy ? 'Sparar…' : 'Spara anteckning'}</button>
    <p class="error" role="alert">${error}</p>
  </form>`;
}

/** @param {SectionProps} props */
export function DeskNotesScreen({ query }) {
  useTitle('Mina anteckningar – Aidstock');
  const tie = tieOf(query);
  const [notice, setNotice] = useState('');
  const list = useQuery(
    'note.list',
    { limit: LIST_MAX, ...(tie?.args ?? {}) },
    { select: (/** @type {{ notes: NoteView[], total: number, withheld: number }} */ r) => r, keepData: true },
  );
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    list.reload();
  };
  const notes = list.data?.notes ?? null;
  return html`
    <h1 tabindex="-1">Mina anteckningar</h1>
    <p>Egna minnesanteckningar, fria eller om en brukare eller en order. Ingen annan kan läsa dem.</p>
    <${NewNote} tie=${tie} onCreated=${(/** @type {NoteView} */ note) => done(`Anteckning ${note.noteNo} är sparad (${dateTime(note.createdMs)}).`)} />
    <p role="status" data-testid="note-notice">${notice}</p>
    <h2>${tie ? `Anteckningar om ${tie.label}` : 'Alla anteckningar'}</h2>
    ${tie && html`<p><a href=${href.uppfoljning('anteckningar')}>Visa alla anteckningar</a></p>`}
    ${list.error && html`<p class="error" role="alert">${list.error.message}</p>`}
    ${
      notes === null
        ? !list.error && html`<p class="loading" role="status">Hämtar anteckningar…</p>`
        : notes.length === 0
          ? html`<p>Inga anteckningar.</p>`
          : html`<ul class="plain" data-testid="notes">${notes.map((n) => html`<${DeskNoteItem} key=${n.noteNo} note=${n} onDone=${done} />`)}</ul>`
    }`;
}
