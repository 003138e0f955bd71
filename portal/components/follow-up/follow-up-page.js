// @ts-check
// Uppföljning: the section menu (returns, loans, deviations, recalls, notes) and the chosen section's screen. The
// sections and who may open them are in sections.js.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useTitle } from '../../lib/use-title.js';
import { FOLLOW_UP_SECTIONS, mayOpen, openSections } from './sections.js';

/** @typedef {import('../../lib/types.d.ts').User} User */

/** @param {{ user: User, current: string }} props */
function SectionMenu({ user, current }) {
  return html`<nav class="admin-menu" aria-label="Uppföljning">
    <ul>
      ${openSections(user).map(
        (section) =>
          html`<li>
            <a href=${href.uppfoljning(section.id)} aria-current=${section.id === current ? 'page' : undefined}>${section.title}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** @param {{ user: User }} props */
function Overview({ user }) {
  useTitle('Uppföljning');
  return html`<section class="admin-overview">
    <h1>Uppföljning</h1>
    <ul class="admin-cards">
      ${openSections(user).map(
        (section) =>
          html`<li><a href=${href.uppfoljning(section.id)}><strong>${section.title}</strong><span>${section.summary}</span></a></li>`,
      )}
    </ul>
  </section>`;
}

/** @param {{ user: User, section: string, param: string | null, query: URLSearchParams }} props */
export function FollowUpPage({ user, section, param, query }) {
  const found = FOLLOW_UP_SECTIONS.find((candidate) => candidate.id === section);
  let content;
  if (section === '') content = html`<${Overview} user=${user} />`;
  else if (found === undefined || !mayOpen(user, found))
    content = html`<p class="notice" role="alert">Sidan finns inte, eller så har du inte behörighet till den.</p>`;
  else {
    const Screen = found.screen;
    content = html`<${Screen} user=${user} param=${param} query=${query} />`;
  }
  return html`<div class="admin-layout">
    <${SectionMenu} user=${user} current=${section} />
    <div class="admin-main">${content}</div>
  </div>`;
}
