// @ts-check
// Top bar: brand, main navigation (Start, Varukatalog, Sök artikel, Hjälpmedel, Individkort; Beställ and Mina order for prescribers, Orderflöde and
// Plocklista, Hämtorder and Administration (Lager for staff who are not admins) for HMC staff, Loggranskning for log reviewers), the signed-in user with profession, the acting workplace
// (Arbetsplats) for users with several, connection status, Logga ut. On a phone the menu and the account fold behind a Meny
// button.
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { openSections } from './follow-up/sections.js';
import { isPrescriber, isStaff, professionLabel } from '../lib/format.js';
import { isLogReviewer } from '../lib/access-log.js';
import { WorkplaceChooser } from './workplace-chooser.js';
import { useMenuToggle } from '../lib/use-menu-toggle.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').ComponentChildren} ComponentChildren */

/** @typedef {import('../lib/routes.js').Route} Route */

/** @type {Record<string, { text: string, cls: string }>} */
const CONNECTION = {
  open: { text: 'Ansluten', cls: 'ok' },
  connecting: { text: 'Ansluter…', cls: 'wait' },
  reconnecting: { text: 'Återansluter…', cls: 'wait' },
  idle: { text: 'Inte ansluten', cls: 'off' },
};

/**
 * What the user works as: the profession, or "Loggranskare" for a log reviewer who does no prescribing or HMC work.
 * @param {User} user
 */
function roleLabel(user) {
  const reviewerOnly = isLogReviewer(user) && !isPrescriber(user) && !isStaff(user);
  return reviewerOnly ? 'Loggranskare' : professionLabel(user.profession);
}

/** @param {{ to: string, current: boolean, children: ComponentChildren }} props */
function NavLink({ to, current, children }) {
  return html`<li><a href=${to} aria-current=${current ? 'page' : undefined}>${children}</a></li>`;
}

/**
 * The work screens of prescribers and HMC staff (a log reviewer who is nothing else has none of them).
 * @param {{ user: User, route: Route }} props
 */
function WorkNav({ user, route }) {
  return html`
              <${NavLink} to=${href.start()} current=${route.name === 'start'}>Start<//>
              <${NavLink} to=${href.katalog()} current=${route.name === 'katalog' || route.name === 'artikel'}>Varukatalog<//>
              <${NavLink} to=${href.sok()} current=${route.name === 'sok'}>Sök artikel<//>
              <${NavLink} to=${href.hjalpmedel()} current=${route.name === 'hjalpmedel'}>Hjälpmedel<//>
              <${NavLink} to=${href.individ()} current=${route.name === 'individ'}>Individkort<//>
              ${
                isPrescriber(user) &&
                html`
                <${NavLink} to=${href.bestall()} current=${route.name === 'bestall'}>Beställ<//>
                <${NavLink} to=${href.orders('mine')} current=${route.name === 'order' || route.name === 'ordinationsoversikt'}>Mina order<//>`
              }
              <${NavLink} to=${href.arbetsorder()} current=${route.name === 'arbetsorder'}>Arbetsorder<//>
              ${
                openSections(user).length > 0 &&
                html`<${NavLink} to=${href.uppfoljning()} current=${route.name === 'uppfoljning'}>Uppföljning<//>`
              }
              ${
                isStaff(user) &&
                html`
                <${NavLink} to=${href.orderflode()} current=${route.name === 'orderflode' || route.name === 'ordinationsoversikt'}>Orderflöde<//>
                <${NavLink} to=${href.plock()} current=${route.name === 'plock'}>Plocklista<//>
                <${NavLink} to=${href.hamtorder()} current=${route.name === 'hamtorder'}>Hämtorder<//>
                <${NavLink} to=${user.roles.includes('admin') ? href.admin() : href.admin('lager')} current=${route.name === 'admin'}>${user.roles.includes('admin') ? 'Administration' : 'Lager'}<//>`
              }
`;
}

/**
 * The signed-in user (name links to Dina uppgifter), the workplace chooser and Logga ut.
 * @param {{ user: User, onLogout: () => void, workplaceId: string | null, onWorkplace: (workplaceId: string) => void }} props
 */
function Account({ user, onLogout, workplaceId, onWorkplace }) {
  return html`
    <div class="top-bar-end">
      <span class="who">
        <a class="who-name" href=${href.profil()} title="Dina uppgifter">${user.name}</a>
        <span class="who-profession">${roleLabel(user)}</span>
      </span>
      <${WorkplaceChooser} user=${user} workplaceId=${workplaceId} onChange=${onWorkplace} />
      <button type="button" class="button quiet" onClick=${onLogout}>Logga ut</button>
    </div>`;
}

/**
 * Wide screens: brand and account on the first row, the menu on the second. Narrow screens (phones): brand, connection
 * and a Meny button that shows the menu and the account as a vertical list under the bar.
 * @param {{ user: User | null, route: Route, connection: string, onLogout: () => void,
 *   workplaceId?: string | null, onWorkplace?: (workplaceId: string) => void }} props
 */
export function TopBar({ user, route, connection, onLogout, workplaceId = null, onWorkplace = () => {} }) {
  const status = CONNECTION[connection] ?? CONNECTION.idle;
  const menu = useMenuToggle(route);
  return html`
    <header class="top-bar">
      <div class="top-bar-inner">
        <a class="brand" href=${href.start()}>
          <img src="/img/iso-generic.svg" alt="" width="28" height="28" />
          <span class="brand-name">Aidstock</span>
          <span class="brand-sub">Hjälpmedelscentrum Halland</span>
        </a>
        <span class=${`connection ${status.cls}`} role="status" data-testid="connection-status">
          <span class="dot" aria-hidden="true"></span>${status.text}
        </span>
        ${
          user &&
          html`
          <button type="button" class="menu-button" aria-expanded=${menu.open ? 'true' : 'false'} aria-controls="top-bar-menu"
            ref=${menu.buttonRef} onClick=${menu.toggle}>
            <span class="menu-icon" aria-hidden="true"></span>Meny
          </button>
          <div id="top-bar-menu" class=${menu.open ? 'top-bar-menu open' : 'top-bar-menu'} ref=${menu.menuRef}
            onClick=${menu.onMenuClick}>
            <nav class="main-nav" aria-label="Huvudmeny">
              <ul>
                ${(isPrescriber(user) || isStaff(user)) && html`<${WorkNav} user=${user} route=${route} />`}
                ${
                  isLogReviewer(user) &&
                  html`<${NavLink} to=${href.loggranskning()} current=${route.name === 'loggranskning'}>Loggranskning<//>`
                }
              </ul>
            </nav>
            <${Account} user=${user} onLogout=${onLogout} workplaceId=${workplaceId} onWorkplace=${onWorkplace} />
          </div>`
        }
      </div>
    </header>`;
}
