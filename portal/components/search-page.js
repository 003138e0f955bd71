// @ts-check
// Sök artikel: forgiving search on benämning, modell, leverantör or artikelnummer as you type, with type-ahead, "Menade du" and the live result list.
import { html, useEffect, useReducer, useRef } from '../lib/html.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { bufferWarehouseOf, count, isPrescriber } from '../lib/format.js';
import { readIncludeStock, writeIncludeStock } from '../lib/prefs.js';
import { ArticleResults, Pager } from './article-results.js';
import { useQuery } from '../lib/use-query.js';
import { useArticlePushes } from '../lib/use-article-pushes.js';
import { useTitle } from '../lib/use-title.js';
import { CLOSED, keyIntent, reduceSearchBox, shownOptions } from '../lib/search-box-state.js';
import { initialSearchPage, isEmptyQuery, reduceSearchPage, searchArgs } from '../lib/search-page-state.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').SearchReply} SearchReply */
/** @typedef {import('../lib/routes.js').SearchRoute} SearchRoute */
/** @typedef {import('../lib/search-page-state.js').SearchForm} SearchForm */
/** @typedef {import('preact').RefObject<HTMLInputElement>} InputRef */
/** A reply as shown, with the query and page it answers. @typedef {SearchReply & { query: SearchForm, page: number }} ShownResult */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const PAGE_SIZE = 25;
const DEBOUNCE_MS = 120;
const SUGGEST_MIN_CHARS = 2;
const SUGGESTIONS = 8;
const TEXT_MAX = 100;
const SUPPLIER_MAX = 80;
const EXAMPLES = ['Cross 45', 'Rebel', 'röstförstärkare', 'rulstol', '100104'];

/**
 * The form as the route describes it; "inkl. tillgängligt saldo" falls back to the tab's last choice.
 * @param {SearchRoute | undefined} search
 * @returns {SearchForm}
 */
function formOf(search) {
  return {
    text: search?.text ?? '',
    supplier: search?.supplier ?? '',
    inStock: search?.inStock ?? readIncludeStock(),
    discontinued: search?.discontinued ?? false,
  };
}

/**
 * @param {number} total
 * @param {boolean} inStock
 */
function hitsLabel(total, inStock) {
  const noun = total === 1 ? 'träff' : 'träffar';
  const head = total === 0 ? 'Inga träffar' : `${count(total)} ${noun}`;
  return inStock ? `${head} med tillgängligt saldo` : head;
}

/**
 * Completions for the text typed, after a short pause; a reply for older text is dropped.
 * Returns the list state, its dispatch, fetch(text) and cancel().
 * @param {InputRef} inputRef
 */
function useSuggestions(inputRef) {
  const [box, dispatch] = useReducer(reduceSearchBox, CLOSED);
  const seq = useRef(0);
  const timer = useRef(/** @type {ReturnType<typeof setTimeout> | undefined} */ (undefined));
  const cancel = () => {
    clearTimeout(timer.current);
    seq.current++;
  };
  useEffect(() => cancel, []);

  const fetch = (/** @type {string} */ text) => {
    cancel();
    const mine = seq.current;
    if (text.trim().length < SUGGEST_MIN_CHARS) {
      dispatch({ type: 'clear' });
      return;
    }
    timer.current = setTimeout(() => {
      api.call('catalog.suggest', { text, limit: SUGGESTIONS }).then(
        ({ completions }) => {
          if (mine !== seq.current) return;
          const focused = document.activeElement === inputRef.current;
          dispatch({ type: 'options', options: shownOptions(completions, text), focused });
        },
        () => {
          if (mine === seq.current) dispatch({ type: 'clear' });
        },
      );
    }, DEBOUNCE_MS);
  };
  return { box, dispatch, fetch, cancel };
}

/**
 * Benämning with a type-ahead list (ARIA 1.2 combobox with listbox popup).
 * @param {{ value: string, onInput: (text: string) => void, onAccept: (option: string) => void, onSubmit: () => void,
 *   inputRef: InputRef }} props
 */
function SearchBox({ value, onInput, onAccept, onSubmit, inputRef }) {
  const { box, dispatch, fetch, cancel } = useSuggestions(inputRef);
  const close = () => dispatch({ type: 'close' });
  const accept = (/** @type {string} */ option) => {
    cancel();
    dispatch({ type: 'clear' });
    onAccept(option);
  };

  const onKeyDown = (/** @type {KeyboardEvent} */ event) => {
    const intent = keyIntent(box, event.key, value);
    if (intent === null) return;
    event.preventDefault();
    if (intent === 'down') dispatch({ type: 'down', altKey: event.altKey });
    else if (intent === 'up') dispatch({ type: 'up' });
    else if (intent === 'accept') accept(box.options[box.active]);
    else if (intent === 'submit') {
      // Drop a pending completion too, or it reopens the list over the results just asked for.
      cancel();
      close();
      onSubmit();
    } else if (intent === 'close') close();
    else {
      onInput('');
      fetch('');
    }
  };

  const listId = 'search-options';
  const expanded = box.open && box.options.length > 0;
  return html`
    <div class="combobox">
      <input id="search-text" type="text" ref=${inputRef} data-autofocus value=${value} maxLength=${TEXT_MAX}
        role="combobox" aria-autocomplete="list" aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${listId}
        aria-activedescendant=${expanded && box.active >= 0 ? `${listId}-${box.active}` : undefined}
        aria-describedby="search-text-hint" autocomplete="off" autocapitalize="none" spellcheck="false"
        onInput=${(/** @type {FieldEvent} */ e) => {
          onInput(e.currentTarget.value);
          fetch(e.currentTarget.value);
        }}
        onKeyDown=${onKeyDown} onBlur=${close} />
      <ul id=${listId} role="listbox" aria-label="Förslag" class="combobox-options" hidden=${!expanded}
        onMouseDown=${(/** @type {Event} */ e) => e.preventDefault()}>
        ${
          expanded &&
          box.options.map(
            (option, i) => html`
          <li id=${`${listId}-${i}`} role="option" aria-selected=${i === box.active ? 'true' : 'false'}
            class=${i === box.active ? 'active' : undefined}
            onClick=${() => accept(option)}>${option}</li>`,
          )
        }
      </ul>
    </div>`;
}

/**
 * The form and the query it is searched as: text fields are searched after a short pause, checkboxes and Enter at
 * once; a new hash (back/forward, the menu link) sets both, while typing only replaces the hash (no re-route).
 * @param {SearchRoute | undefined} search
 */
function useSearchForm(search) {
  const [state, dispatch] = useReducer(reduceSearchPage, search, (route) =>
    initialSearchPage(formOf(route), route?.page ?? 0),
  );
  const timer = useRef(/** @type {ReturnType<typeof setTimeout> | undefined} */ (undefined));
  useEffect(() => () => clearTimeout(timer.current), []);

  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    clearTimeout(timer.current);
    dispatch({ type: 'route', form: formOf(search), page: search?.page ?? 0 });
  }, [search]);

  // Keep the address in step without a hashchange (which would re-route and move focus away from the field).
  useEffect(() => {
    const target = href.sok({ ...state.query, page: state.page });
    if (location.hash !== target) history.replaceState(history.state, '', target);
  }, [state.query, state.page]);

  /**
   * @param {Partial<SearchForm>} changes
   * @param {{ now?: boolean }} [options]
   */
  const update = (changes, { now = false } = {}) => {
    dispatch({ type: 'edit', changes });
    clearTimeout(timer.current);
    if (now) dispatch({ type: 'commit' });
    else timer.current = setTimeout(() => dispatch({ type: 'commit' }), DEBOUNCE_MS);
  };
  const setPage = (/** @type {number} */ page) => dispatch({ type: 'page', page });
  return { ...state, update, setPage };
}

/**
 * catalog.search for the query and page; a reply to an older query is dropped. null result while nothing is asked.
 * @param {SearchForm} query
 * @param {number} page
 */
function useSearch(query, page) {
  const empty = isEmptyQuery(query);
  const result = useQuery(empty ? null : 'catalog.search', searchArgs(query, page, PAGE_SIZE), {
    keepData: true,
    select: (/** @type {SearchReply} */ reply) => /** @type {ShownResult} */ ({ ...reply, query, page }),
  });
  // An article created or changed by an admin may now match, or show a new name, price or status: read again.
  useArticlePushes(() => result.reload(), !empty);
  const failure = result.error;
  const error = !failure
    ? ''
    : failure.code === 'invalid_request'
      ? 'Sökningen kunde inte tolkas. Korta ner texten och försök igen.'
      : failure.message;
  return { empty, result: empty ? null : result.data, error, busy: result.loading, resync: result.reload };
}

/**
 * "25 träffar med tillgängligt saldo, visar 1–25. Menade du rollator?"
 * @param {ShownResult} result
 */
function statusText(result) {
  const total = result.total;
  const first = total === 0 ? 0 : result.page * PAGE_SIZE + 1;
  const last = Math.min(total, (result.page + 1) * PAGE_SIZE);
  return (
    hitsLabel(total, result.query.inStock) +
    (total > PAGE_SIZE ? `, visar ${count(first)}–${count(last)}` : '') +
    (result.suggestion ? `. Menade du ${result.suggestion}?` : '')
  );
}

/**
 * @param {{ form: SearchForm, update: (changes: Partial<SearchForm>, options?: { now?: boolean }) => void, inputRef: InputRef,
 *   acceptText: (text: string) => void, submitNow: () => void }} props
 */
function SearchFields({ form, update, inputRef, acceptText, submitNow }) {
  return html`
    <form class="card search-form" role="search" aria-label="Sök artikel" onSubmit=${(/** @type {Event} */ e) => {
      e.preventDefault();
      submitNow();
    }}>
      <div class="field search-text">
        <label for="search-text">Benämning</label>
        <${SearchBox} value=${form.text} inputRef=${inputRef} onInput=${(/** @type {string} */ text) => update({ text })}
          onAccept=${acceptText} onSubmit=${submitNow} />
        <p id="search-text-hint" class="hint">Benämning, modell, leverantör eller artikelnummer (hela eller början, t.ex. 1001).
          Stavfel och å, ä, ö utan prickar går bra. Pil ned visar förslag.</p>
      </div>
      <div class="field search-supplier">
        <label for="search-supplier">Leverantör</label>
        <input id="search-supplier" type="text" value=${form.supplier} maxLength=${SUPPLIER_MAX} autocomplete="off"
          spellcheck="false" aria-describedby="search-supplier-hint" onInput=${(/** @type {FieldEvent} */ e) => update({ supplier: e.currentTarget.value })} />
        <p id="search-supplier-hint" class="hint">Början av namnet räcker, t.ex. Etac.</p>
      </div>
      <fieldset class="search-options">
        <legend class="visually-hidden">Visa</legend>
        <div class="check">
          <input type="checkbox" id="search-in-stock" checked=${form.inStock} aria-describedby="search-in-stock-hint"
            onChange=${(/** @type {FieldEvent} */ e) => {
              const on = e.currentTarget.checked;
              writeIncludeStock(on);
              update({ inStock: on }, { now: true });
            }} />
          <label for="search-in-stock">inkl. tillgängligt saldo</label>
          <span id="search-in-stock-hint" class="hint">Bara artiklar som finns tillgängliga i lager 10.</span>
        </div>
        <div class="check">
          <input type="checkbox" id="search-discontinued" checked=${form.discontinued} aria-describedby="search-discontinued-hint"
            onChange=${(/** @type {FieldEvent} */ e) => update({ discontinued: e.currentTarget.checked }, { now: true })} />
          <label for="search-discontinued">visa utgångna</label>
          <span id="search-discontinued-hint" class="hint">Även artiklar som inte längre ingår i sortimentet.</span>
        </div>
      </fieldset>
    </form>`;
}

/**
 * @param {{ search: ReturnType<typeof useSearch>, buffer: string | null, heading: import("preact").RefObject<HTMLHeadingElement>,
 *   acceptText: (text: string) => void, goTo: (page: number) => void, orderable: boolean }} props
 */
function SearchResults({ search, buffer, heading, acceptText, goTo, orderable }) {
  const { empty, result, error, busy, resync } = search;
  const suggestion = result?.suggestion ?? null;
  const total = result?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const shownPage = result?.page ?? 0;
  return html`
    <section class="card articles" aria-labelledby="results-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="section-head">
        <h2 id="results-title" tabindex="-1" ref=${heading}>Träffar</h2>
        <p class="hint result-count" role="status" data-testid="result-count">${empty || result === null ? '' : statusText(result)}</p>
      </div>
      ${
        suggestion &&
        html`
        <p class="did-you-mean" data-testid="did-you-mean">Menade du:${' '}
          <button type="button" class="link-button" onClick=${() => acceptText(suggestion)}>${suggestion}</button>?</p>`
      }
      ${error && html`<p class="error" role="alert">Sökningen misslyckades: ${error}</p>`}
      ${
        empty &&
        html`
        <p class="empty-intro">Skriv i Benämning eller Leverantör för att söka. Exempel:${' '}
          ${EXAMPLES.map((example, i) => html`${i > 0 ? ', ' : ''}<button type="button" class="link-button" onClick=${() => acceptText(example)}>${example}</button>`)}.</p>`
      }
      ${
        !empty &&
        result &&
        result.hits.length > 0 &&
        html`
        <${ArticleResults} articles=${result.hits} buffer=${buffer} showIso=${true} onResync=${resync} orderable=${orderable}
          caption=${`Träffar för ${[result.query.text.trim(), result.query.supplier.trim()].filter(Boolean).join(', ')}, sida ${shownPage + 1} av ${pages}`} />
        <${Pager} page=${shownPage} pages=${pages} busy=${busy} onPage=${goTo} />`
      }
      ${
        !empty &&
        result &&
        result.hits.length === 0 &&
        !error &&
        html`
        <p class="empty">${
          result.query.inStock
            ? 'Inga artiklar med tillgängligt saldo matchar sökningen. Ta bort bocken i ”inkl. tillgängligt saldo” för att se alla.'
            : 'Inga artiklar matchar sökningen.'
        }</p>`
      }
    </section>`;
}

/** @param {{ user: User, search: SearchRoute | undefined }} props */
export function SearchPage({ user, search }) {
  const { form, query, page, update, setPage } = useSearchForm(search);
  const results = useSearch(query, page);
  const inputRef = useRef(/** @type {HTMLInputElement | null} */ (null));
  const heading = useRef(/** @type {HTMLHeadingElement | null} */ (null));
  useTitle('Sök artikel – Aidstock');
  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const submitNow = () => update({}, { now: true });
  const acceptText = (/** @type {string} */ text) => {
    update({ text }, { now: true });
    inputRef.current?.focus();
  };
  const goTo = (/** @type {number} */ next) => {
    setPage(next);
    heading.current?.focus();
  };

  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Sök artikel</h1>
        <p class="lead">Sök bland artiklarna i Hjälpmedelscentrums sortiment. Träffarna visas medan du skriver, med tillgängligt saldo just nu.</p>
      </div>
    </div>
    <${SearchFields} form=${form} update=${update} inputRef=${inputRef} acceptText=${acceptText} submitNow=${submitNow} />
    <${SearchResults} search=${results} buffer=${bufferWarehouseOf(user)} heading=${heading} acceptText=${acceptText} goTo=${goTo}
      orderable=${isPrescriber(user)} />`;
}
