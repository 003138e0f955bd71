// @ts-check
// Root of the portal: session and connection state, the hash router, and the page frame (top bar, main, footer).
import { html, render, useState, useEffect, useRef } from './lib/html.js';
import { useTitle } from './lib/use-title.js';
import * as api from './lib/api.js';
import { parseRoute, href } from './lib/routes.js';
import { LoginPage } from './components/login-page.js';
import { firstSession, takeSignInReturn } from './lib/sign-in-return.js';
import { TopBar } from './components/top-bar.js';
import { StartPage } from './components/start-page.js';
import { IsoTreePage } from './components/iso-tree-page.js';
import { ArticlePage } from './components/article-page.js';
import { SearchPage } from './components/search-page.js';
import { OrderWizard } from './components/order-wizard.js';
import { OrderOverviewPage } from './components/order-overview-page.js';
import { OpenOrdersPage } from './components/open-orders-page.js';
import { OrderFlowPage } from './components/order-flow-page.js';
import { PickingQueuePage } from './components/picking-queue-page.js';
import { IndividualCardPage } from './components/individual-card-page.js';
import { PatientDevicesPage } from './components/patient-devices-page.js';
import { ProfilePage } from './components/profile-page.js';
import { PickupsPage } from './components/pickups-page.js';
import { WorkOrdersPage } from './components/work-orders-page.js';
import { LogReviewPage } from './components/log-review-page.js';
import { AdminPage } from './components/admin/admin-page.js';
import { FollowUpPage } from './components/follow-up/follow-up-page.js';
import { openSections } from './components/follow-up/sections.js';
import { isPrescriber, isStaff } from './lib/format.js';
import { isLogReviewer } from './lib/access-log.js';
// Issue 15, print:
import { PrintPage } from './components/print/print-page.js';
import { keepScrollRegionsFocusable } from './lib/scroll-regions.js';

/** @typedef {import('./lib/types.d.ts').User} User */
/** @typedef {import('./lib/routes.js').Route} Route */

function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function useConnectionState() {
  const [state, setState] = useState(api.connectionState());
  useEffect(() => api.on('state', setState), []);
  return state;
}

/** @param {{ path: string }} props */
function NotFound({ path }) {
  useTitle('Sidan finns inte – Aidstock');
  return html`
    <h1 tabindex="-1">Sidan finns inte</h1>
    <p>Adressen <code>${path}</code> leder ingenstans. <a href=${href.start()}>Till startsidan</a></p>`;
}

function NotPrescriber() {
  useTitle('Kundorder – Aidstock');
  return html`
    <h1 tabindex="-1">Kundorder</h1>
    <p class="error" role="alert">Bara förskrivare kan lägga kundorder. HMC:s personal arbetar i <a href="#/orderflode">Orderflöde</a>.</p>`;
}

/** @param {{ route: Route, user: User, onUser: (user: User) => void, onLogoutAll: () => Promise<void> }} props */
function Page({ route, user, onUser, onLogoutAll }) {
  // A log reviewer who is nothing else has only the log to work with: their start page is the log review.
  const reviewerOnly = isLogReviewer(user) && !isPrescriber(user) && !isStaff(user);
  switch (route.name) {
    case 'start':
      return reviewerOnly
        ? html`<${LogReviewPage} user=${user} view="brukare" />`
        : html`<${StartPage} user=${user} />`;
    case 'loggranskning':
      return html`<${LogReviewPage} user=${user} view=${route.view} />`;
    case 'katalog':
      return html`<${IsoTreePage} user=${user} code=${route.code} />`;
    case 'artikel':
      return html`<${ArticlePage} user=${user} artNo=${route.artNo} />`;
    case 'sok':
      return html`<${SearchPage} user=${user} search=${route.search} />`;
    case 'bestall':
      return isPrescriber(user)
        ? html`<${OrderWizard} key=${`${route.pnr ?? ''}|${route.artNo ?? ''}`} user=${user} pnr=${route.pnr} artNo=${route.artNo} />`
        : html`<${NotPrescriber} />`;
    case 'order':
      return html`<${OpenOrdersPage} user=${user} view=${route.view} />`;
    case 'ordinationsoversikt':
      return html`<${OrderOverviewPage} user=${user} orderNo=${route.orderNo} />`;
    case 'hamtorder':
      return html`<${PickupsPage} />`;
    case 'arbetsorder':
      return html`<${WorkOrdersPage} key=${route.indNo ?? 'none'} user=${user} indNo=${route.indNo} />`;
    case 'profil':
      return html`<${ProfilePage} user=${user} onUser=${onUser} onLogoutAll=${onLogoutAll} />`;
    case 'hjalpmedel':
      return html`<${PatientDevicesPage} key=${route.pnr ?? 'none'} user=${user} pnr=${route.pnr} />`;
    case 'individ':
      return html`<${IndividualCardPage} key=${route.indNo ?? 'none'} user=${user} indNo=${route.indNo} />`;
    case 'orderflode':
      return html`<${OrderFlowPage} user=${user} />`;
    case 'plock':
      return html`<${PickingQueuePage} user=${user} />`;
    case 'admin':
      return isStaff(user)
        ? html`<${AdminPage} user=${user} section=${route.section} param=${route.param} query=${route.query} />`
        : html`<${NotFound} path=${`admin/${route.section}`} />`;
    case 'uppfoljning':
      return openSections(user).length > 0
        ? html`<${FollowUpPage} user=${user} section=${route.section} param=${route.param} query=${route.query} />`
        : html`<${NotFound} path=${`uppfoljning/${route.section}`} />`;
    // Issue 15, print:
    case 'utskrift':
      return html`<${PrintPage} key=${`${route.doc}/${route.param ?? ''}`} user=${user} doc=${route.doc} param=${route.param} />`;
    default:
      return html`<${NotFound} path=${route.path} />`;
  }
}

/** @param {Event} event */
function skipToMain(event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Taken before the first render, so the router never sees the one-time code. */
const SIGN_IN_RETURN = takeSignInReturn();

function App() {
  /** undefined while the stored session is being resumed, null when signed out. */
  const [user, setUser] = useState(/** @type {User | null | undefined} */ (undefined));
  const [notice, setNotice] = useState('');
  const [workplaceId, setWorkplaceId] = useState(api.getWorkplace());
  const route = useRoute();
  const connection = useConnectionState();
  const firstRoute = useRef(true);

  useEffect(() => {
    api.connect();
    let alive = true;
    firstSession(SIGN_IN_RETURN).then((first) => {
      if (!alive) return;
      setUser(first.user);
      if (first.notice !== '') setNotice(first.notice);
    });
    const off = api.on('session', ({ user: next, expired }) => {
      if (expired) {
        setUser(null);
        setNotice('Sessionen har gått ut. Logga in igen.');
      } else if (next) setUser(next);
    });
    return () => {
      alive = false;
      off();
    };
  }, []);

  // After in-app navigation, move focus to the new page so keyboard and screen reader users start at its top
  // (or to the field a page marks with data-autofocus, e.g. the search box of Sök artikel).
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const main = document.getElementById('main');
    const target = /** @type {HTMLElement | null | undefined} */ (main?.querySelector('[data-autofocus]'));
    (target ?? main)?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route]);

  const onLogin = (/** @type {User} */ signedIn) => {
    setNotice('');
    setWorkplaceId(null);
    setUser(signedIn);
  };
  // Logga ut överallt ends every session of the user first (it throws, and the user stays, when that fails).
  const onLogout = async (everywhere = false) => {
    if (everywhere) await api.logoutAll();
    await api.logout();
    setWorkplaceId(null);
    setUser(null);
    setNotice('Du är utloggad.');
    if (location.hash !== '' && location.hash !== '#/') location.hash = '#/';
  };

  let content;
  if (user === undefined) content = html`<p class="loading" role="status">Återupptar sessionen…</p>`;
  else if (user === null) content = html`<${LoginPage} onLogin=${onLogin} notice=${notice} />`;
  else
    content = html`<${Page} key=${workplaceId ?? ''} route=${route} user=${user} onUser=${setUser} onLogoutAll=${() => onLogout(true)} />`;

  return html`
    <a class="skip-link" href="#main" onClick=${skipToMain}>Hoppa till innehållet</a>
    <${TopBar}
      user=${user || null}
      route=${route}
      connection=${connection}
      onLogout=${() => onLogout()}
      workplaceId=${workplaceId}
      onWorkplace=${setWorkplaceId}
    />
    <main id="main" tabindex="-1" class=${user ? 'page' : 'page page-narrow'}>${content}</main>
    <footer class="site-footer">
      <p>Aidstock · Hjälpmedelscentrum, Region Halland · Frågor om hjälpmedel: kontakta HMC kundtjänst</p>
    </footer>`;
}

// index.html always has #app.
const root = /** @type {HTMLElement} */ (document.getElementById('app'));
root.textContent = ''; // drop the static loading text; Preact owns #app from here
render(html`<${App} />`, root);
// Issue 15, phone: wide tables that scroll inside their box get a Tab stop (lib/scroll-regions.js).
keepScrollRegionsFocusable(root);
