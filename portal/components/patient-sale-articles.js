// @ts-check
// Förbrukningsartiklar on the patient view (issue 15): the sale articles the patient holds (delivered by orders, less
// what was de-registered), and for a prescriber the way to Retur av hjälpmedel (Uppföljning, section `retur`).
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { date, isPrescriber } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').PatientView} PatientView */
/** @typedef {import('../lib/types.d.ts').SaleArticleView} SaleArticleView */
/** @typedef {import('../lib/types.d.ts').User} User */

/** @param {{ patient: PatientView & { saleArticles?: SaleArticleView[] }, user: User }} props */
export function PatientSaleArticles({ patient, user }) {
  const articles = patient.saleArticles ?? [];
  const canReturn = isPrescriber(user) && articles.length > 0;
  return html`
    <section class="returns-section" aria-labelledby="sale-articles-title" data-testid="patient-sale-articles">
      <h2 id="sale-articles-title">Förbrukningsartiklar</h2>
      ${
        articles.length === 0
          ? html`<p>Brukaren har inga registrerade förbrukningsartiklar.</p>`
          : html`<div class="table-wrap">
          <table class="data-table compact">
            <caption class="visually-hidden">Förbrukningsartiklar (${articles.length})</caption>
            <thead><tr><th scope="col">Artikel</th><th scope="col">Benämning</th><th scope="col" class="num">Antal</th>
              <th scope="col">Senaste order</th><th scope="col">Levererad</th></tr></thead>
            <tbody>
              ${articles.map(
                (a) => html`<tr key=${a.artNo} data-artno=${a.artNo}>
                  <td><a class="mono" href=${href.artikel(a.artNo)}>${a.artNo}</a></td>
                  <td>${a.name}</td>
                  <td class="num">${a.quantity}</td>
                  <td><a href=${href.order(a.lastOrderNo)}>${a.lastOrderNo}</a></td>
                  <td class="date">${date(a.lastDeliveredDate)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      }
      ${
        canReturn &&
        html`<p><a class="button" data-testid="start-return" href=${href.uppfoljning('retur', patient.person.pnr)}>Retur av hjälpmedel</a></p>`
      }
    </section>`;
}
