// @ts-check
// The frame of a printable document: on screen a toolbar with "Skriv ut" (the browser's print dialog) and a
// "Tillbaka" link; the document itself is plain black on white, made for A4. While a document is shown, its title and
// print date go to the @page margin boxes of styles.css as CSS variables, so every printed page carries them beside
// its page number (Chromium draws margin boxes; other browsers print the document without them).
import { html, useEffect } from '../../lib/html.js';
import { useTitle } from '../../lib/use-title.js';

/** @typedef {import('../../lib/types.d.ts').ComponentChildren} ComponentChildren */

/** Today in Sweden as 2026-12-05: the date a document is printed. */
export function printDate() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * A CSS string literal of any text (the margin boxes read it with var()).
 * @param {string} text
 */
function cssString(text) {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;
}

/** @param {{ title: string, date: string }} props */
function useMarginBoxes({ title, date }) {
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--print-title', cssString(title));
    root.setProperty('--print-date', cssString(`Utskrivet ${date}`));
    return () => {
      root.removeProperty('--print-title');
      root.removeProperty('--print-date');
    };
  }, [title, date]);
}

/**
 * title: the document's heading and margin-box title; back/backText: where "Tillbaka" leads.
 * @param {{ title: string, subtitle?: string, back: string, backText: string, testId: string, ready?: boolean,
 *   children: ComponentChildren }} props
 */
export function PrintFrame({ title, subtitle = '', back, backText, testId, ready = true, children }) {
  const date = printDate();
  useTitle(`${title} – Aidstock`);
  useMarginBoxes({ title, date });
  return html`
    <div class="print-toolbar">
      <a href=${back} class="print-back">Tillbaka ${backText}</a>
      <button type="button" class="button primary" disabled=${!ready} data-testid="print-button" onClick=${() => window.print()}>Skriv ut</button>
      <p class="hint">Skrivs ut på A4 och går att läsa i svartvitt.</p>
    </div>
    <article class="print-doc" data-testid=${testId} aria-labelledby="print-doc-title">
      <header class="print-doc-head">
        <div>
          <p class="print-doc-org">Hjälpmedelscentrum Halland</p>
          <h1 id="print-doc-title" tabindex="-1">${title}</h1>
          ${subtitle && html`<p class="print-doc-subtitle">${subtitle}</p>`}
        </div>
        <p class="print-doc-date">Utskrivet <span class="nowrap">${date}</span></p>
      </header>
      ${children}
    </article>`;
}

/**
 * A tick box to mark on screen before printing or by pen on paper; printed as a black-bordered square (an X when ticked).
 * @param {{ label: string }} props
 */
export function TickBox({ label }) {
  return html`<input type="checkbox" class="tickbox" aria-label=${label} />`;
}

/**
 * A line to write on by hand (date, signature).
 * @param {{ label: string }} props
 */
export function WriteField({ label }) {
  return html`<div class="write-field"><span class="write-line" aria-hidden="true"></span><span>${label}</span></div>`;
}
