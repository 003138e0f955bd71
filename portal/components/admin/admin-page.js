// @ts-check
// Administration: the section menu (Artiklar, Ersättningskedjor, … Ändringslogg) and the chosen section's screen.
// Admins see every section; HMC staff only the ones marked read-only for them, without any change control.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useTitle } from '../../lib/use-title.js';
import { ADMIN_SECTIONS, isAdmin, mayOpen } from './sections.js';

/** @typedef {import('../../lib/types.d.ts').User} User */

/** @param {{ user: User, current: string }} props */
function SectionMenu({ user, current }) {
  const sections = ADMIN_SECTIONS.filter((section) => mayOpen(user, section));
  return html`<nav class="admin-menu" aria-label="Administration">
    <ul>
      ${sections.map(
        (section) =>
          html`<li>
            <a href=${href.admin(section.id)} aria-current=${section.id === current ? 'page' : undefined}>${section.title}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** @param {{ user: User }} props */
function Overview({ user }) {
  useTitle('Administration');
  const sections = ADMIN_SECTIONS.filter((section) => mayOpen(user, section));
  return html`<section class="admin-overview">
    <h1>Administration</h1>
    <ul class="admin-cards">
      ${sections.map(
        (section) =>
          html`<li><a href=${href.admin(section.id)}><strong>${section.title}</strong><span>${section.summary}</span></a></li>`,
      )}
    </ul>
  </section>`;
}

/** @param {{ user: User, section: string, param: string | null, query: URLSearchParams }} props */
export function AdminPage({ user, section, param, query }) {
  const found = ADMIN_SECTIONS.find((candidate) => candidate.id === section);
  let content;
  if (section === '') content = html`<${Overview} user=${user} />`;
  else if (found === undefined || found.screen === undefined || !mayOpen(user, found))
    content = html`<p class="notice" role="alert">Sidan finns inte, eller så har du inte behörighet till den.</p>`;
  else {
    const Screen = found.screen;
    content = html`<${Screen} user=${user} param=${param} query=${query} readOnly=${!isAdmin(user)} />`;
  }
  return html`<div class="admin-layout">
    <${SectionMenu} user=${user} current=${section} />
    <div class="admin-main">${content}</div>
  </div>`;
}
