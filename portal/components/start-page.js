// @ts-check
// Start page: welcome, news from Hjälpmedelscentrum, a prescriber's messages (changed delivery dates of their orders), the user's workplaces and shortcuts.
import { html } from '../lib/html.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { isPrescriber, isStaff, professionLabel } from '../lib/format.js';
import { MessagesPanel } from './messages-panel.js';
import { NewsPanel } from './news-panel.js';

/** @typedef {import('../lib/types.d.ts').User} User */

/** @param {{ user: User }} props */
export function StartPage({ user }) {
  useTitle('Start – Aidstock');
  return html`
    <h1 tabindex="-1">Välkommen, ${user.name}</h1>
    <p class="lead" data-testid="signed-in-as">Inloggad som ${user.name}, ${professionLabel(user.profession).toLowerCase()}. Ditt användarnamn styr vilka arbetsplatser och vilket förråd du är kopplad till, och allt du gör loggas på dig.</p>
    <div class="start-grid">
      <div class="start-main">
        ${isPrescriber(user) && html`<${MessagesPanel} user=${user} />`}
        <${NewsPanel} user=${user} />
      </div>
      <div class="start-side">
        <nav class="card quick-links" aria-labelledby="links-title">
          <h2 id="links-title">Genvägar</h2>
          <ul>
            ${
              isPrescriber(user) &&
              html`
              <li><a href=${href.bestall()}>Beställ hjälpmedel</a> <span class="hint">kundorder till brukare eller vårdenhet</span></li>
              <li><a href=${href.orders('open')}>Öppna kundorder</a> <span class="hint">order som inte är levererade</span></li>
              <li><a href=${href.orders('mine')}>Rekvirerat per förskrivare</a> <span class="hint">dina order, sök på kriterier</span></li>`
            }
            ${
              isStaff(user) &&
              html`
              <li><a href=${href.orderflode()}>Orderflöde</a> <span class="hint">nya order direkt, antal per status</span></li>
              <li><a href=${href.plock()}>Plocklista</a> <span class="hint">plocka, utleverera, leverera</span></li>`
            }
            <li><a href=${href.katalog()}>Varukatalog</a> <span class="hint">artiklar per ISO-kod med tillgängligt saldo</span></li>
            <li><a href=${href.sok()}>Sök artikel</a> <span class="hint">på benämning, leverantör eller artikelnummer</span></li>
            <li><a href=${href.katalog('12 06 06')}>Rollatorer (12 06 06)</a></li>
            <li><a href=${href.katalog('12 22 03')}>Manuella rullstolar (12 22 03)</a></li>
            <li><a href=${href.katalog('22 09 06')}>Röstförstärkare (22 09 06)</a></li>
          </ul>
        </nav>
        <section class="card" aria-labelledby="workplaces-title">
          <h2 id="workplaces-title">Dina arbetsplatser</h2>
          ${
            user.workplaces.length === 0
              ? html`<p>Inga arbetsplatser är kopplade till dig.</p>`
              : html`<ul class="plain">
                ${user.workplaces.map(
                  (place) => html`
                  <li>
                    <strong>${place.name}</strong> · kundnr ${place.customerNo}<br />
                    <span class="hint">${place.deliveryAddress.street}, ${place.deliveryAddress.postalCode} ${place.deliveryAddress.city}</span><br />
                    ${
                      place.bufferWarehouse
                        ? html`<span class="hint">Eget förråd: ${place.bufferWarehouse}</span>`
                        : html`<span class="hint">Inget eget förråd</span>`
                    }
                  </li>`,
                )}
              </ul>`
          }
        </section>
      </div>
    </div>`;
}
