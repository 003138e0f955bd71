// Sök artikel: forgiving search on benämning, modell, leverantör or artikelnummer as you type, with type-ahead, "Menade du" and the live result list.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { bufferWarehouseOf, count } from '../lib/format.js';
import { readIncludeStock, writeIncludeStock } from '../lib/prefs.js';
import { ArticleResults, Pager } from './article-results.js';

const PAGE_SIZE = 25;
const DEBOUNCE_MS = 120;
const SUGGEST_MIN_CHARS = 2;
const SUGGESTIONS = 8;
const TEXT_MAX = 100;
const SUPPLIER_MAX = 80;
const EXAMPLES = ['Cross 45', 'Rebel', 'röstförstärkare', 'rulstol', '100104'];

/** The form as the route describes it; "inkl. tillgängligt saldo" falls back to the tab's last choice. */
function formOf(search) {
  return {
    text: search?.text ?? '',
    supplier: search?.supplier ?? '',
    inStock: search?.inStock ?? readIncludeStock(),
    discontinued: search?.discontinued ?? false,
  };
}

function hitsLabel(total, inStock) {
  const noun = total === 1 ? 'träff' : 'träffar';
  const head = total === 0 ? 'Inga träffar' : `${count(total)} ${noun}`;
  return inStock ? `${head} med tillgängligt saldo` : head;
}

/** Benämning with a type-ahead list (ARIA 1.2 combobox with listbox popup). */
function SearchBox({ value, onInput, onAccept, onSubmit, inputRef }) {
  const [options, setOptions] = useState([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const timer = useRef(null);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      seq.current++;
    },
    [],
  );

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const fetchOptions = (text) => {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    if (text.trim().length < SUGGEST_MIN_CHARS) {
      setOptions([]);
      close();
      return;
    }
    timer.current = setTimeout(() => {
      api.call('catalog.suggest', { text, limit: SUGGESTIONS }).then(
        ({ completions }) => {
          if (mine !== seq.current) return;
          const typed = text.trim().toLocaleLowerCase('sv');
          const shown = completions.filter((c) => c.toLocaleLowerCase('sv') !== typed);
          setOptions(shown);
          setActive(-1);
          setOpen(shown.length > 0 && document.activeElement === inputRef.current);
        },
        () => {
          if (mine === seq.current) {
            setOptions([]);
            close();
          }
        },
      );
    }, DEBOUNCE_MS);
  };

  const accept = (option) => {
    clearTimeout(timer.current);
    seq.current++;
    setOptions([]);
    close();
    onAccept(option);
  };

  const onKeyDown = (event) => {
    const n = options.length;
    switch (event.key) {
      case 'ArrowDown':
        if (n === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else setActive((active + 1) % n);
        return;
      case 'ArrowUp':
        if (!open || n === 0) return;
        event.preventDefault();
        setActive(active <= 0 ? n - 1 : active - 1);
        return;
      case 'Enter':
        event.preventDefault();
        if (open && active >= 0) accept(options[active]);
        else {
          close();
          onSubmit();
        }
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (value !== '') {
          event.preventDefault();
          onInput('');
          fetchOptions('');
        }
        return;
      default:
    }
  };

  const listId = 'search-options';
  const expanded = open && options.length > 0;
  return html`
    <div class="combobox">
      <input id="search-text" type="text" ref=${inputRef} data-autofocus value=${value} maxLength=${TEXT_MAX}
        role="combobox" aria-autocomplete="list" aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${listId}
        aria-activedescendant=${expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby="search-text-hint" autocomplete="off" autocapitalize="none" spellcheck="false"
        onInput=${(e) => {
          onInput(e.currentTarget.value);
          fetchOptions(e.currentTarget.value);
        }}
        onKeyDown=${onKeyDown} onBlur=${close} />
      <ul id=${listId} role="listbox" aria-label="Förslag" class="combobox-options" hidden=${!expanded}
        onMouseDown=${(e) => e.preventDefault()}>
        ${
          expanded &&
          options.map(
            (option, i) => html`
          <li id=${`${listId}-${i}`} role="option" aria-selected=${i === active ? 'true' : 'false'}
            class=${i === active ? 'active' : undefined}
            onClick=${() => accept(option)}>${option}</li>`,
          )
        }
      </ul>
    </div>`;
}

export function SearchPage({ user, search }) {
  const [form, setForm] = useState(() => formOf(search));
  /** The query that is searched: follows the form, text fields after a short pause. */
  const [query, setQuery] = useState(() => formOf(search));
  const [page, setPage] = useState(search?.page ?? 0);
  const [reads, setReads] = useState(0);
  const [result, setResult] = useState(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const timer = useRef(null);
  const inputRef = useRef(null);
  const heading = useRef(null);
  const buffer = bufferWarehouseOf(user);

  useEffect(() => {
    document.title = 'Sök artikel – Aidstock';
    inputRef.current?.focus();
    return () => clearTimeout(timer.current);
  }, []);

  // A new hash (back/forward, the menu link) sets the form; typing only replaces the hash, so it never lands here.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const next = formOf(search);
    clearTimeout(timer.current);
    setForm(next);
    setQuery(next);
    setPage(search?.page ?? 0);
    setReads(0);
  }, [search]);

  const update = (changes, { now = false } = {}) => {
    const next = { ...form, ...changes };
    setForm(next);
    clearTimeout(timer.current);
    const run = () => {
      setPage(0);
      setReads(0);
      setQuery(next);
    };
    if (now) run();
    else timer.current = setTimeout(run, DEBOUNCE_MS);
  };

  const empty = query.text.trim() === '' && query.supplier.trim() === '';

  useEffect(() => {
    const mine = ++seq.current;
    // Keep the address in step without a hashchange (which would re-route and move focus away from the field).
    const target = href.sok({ ...query, page });
    if (location.hash !== target) history.replaceState(history.state, '', target);
    if (empty) {
      setResult(null);
      setError('');
      setBusy(false);
      return;
    }
    const args = {
      inStockOnly: query.inStock,
      includeDiscontinued: query.discontinued,
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
    };
    if (query.text.trim() !== '') args.text = query.text.trim();
    if (query.supplier.trim() !== '') args.supplier = query.supplier.trim();
    if (reads === 0) setBusy(true);
    api.call('catalog.search', args).then(
      (reply) => {
        if (mine !== seq.current) return; // an older query answered late
        setResult({ ...reply, query, page });
        setError('');
        setBusy(false);
      },
      (failure) => {
        if (mine !== seq.current) return;
        setError(
          failure.code === 'invalid_request'
            ? 'Sökningen kunde inte tolkas. Korta ner texten och försök igen.'
            : failure.message,
        );
        setBusy(false);
      },
    );
  }, [query, page, reads]);

  const submitNow = () => update({}, { now: true });
  const acceptText = (text) => {
    update({ text }, { now: true });
    inputRef.current?.focus();
  };
  const goTo = (next) => {
    setReads(0);
    setPage(next);
    heading.current?.focus();
  };

  const total = result?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const shownPage = result?.page ?? 0;
  const first = total === 0 ? 0 : shownPage * PAGE_SIZE + 1;
  const last = Math.min(total, (shownPage + 1) * PAGE_SIZE);
  const status =
    empty || result === null
      ? ''
      : hitsLabel(total, result.query.inStock) +
        (total > PAGE_SIZE ? `, visar ${count(first)}–${count(last)}` : '') +
        (result.suggestion ? `. Menade du ${result.suggestion}?` : '');

  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Sök artikel</h1>
        <p class="lead">Sök bland artiklarna i Hjälpmedelscentrums sortiment. Träffarna visas medan du skriver, med tillgängligt saldo just nu.</p>
      </div>
    </div>

    <form class="card search-form" role="search" aria-label="Sök artikel" onSubmit=${(e) => {
      e.preventDefault();
      submitNow();
    }}>
      <div class="field search-text">
        <label for="search-text">Benämning</label>
        <${SearchBox} value=${form.text} inputRef=${inputRef} onInput=${(text) => update({ text })}
          onAccept=${acceptText} onSubmit=${submitNow} />
        <p id="search-text-hint" class="hint">Benämning, modell, leverantör eller artikelnummer (hela eller början, t.ex. 1001).
          Stavfel och å, ä, ö utan prickar går bra. Pil ned visar förslag.</p>
      </div>
      <div class="field search-supplier">
        <label for="search-supplier">Leverantör</label>
        <input id="search-supplier" type="text" value=${form.supplier} maxLength=${SUPPLIER_MAX} autocomplete="off"
          spellcheck="false" aria-describedby="search-supplier-hint" onInput=${(e) => update({ supplier: e.currentTarget.value })} />
        <p id="search-supplier-hint" class="hint">Början av namnet räcker, t.ex. Etac.</p>
      </div>
      <fieldset class="search-options">
        <legend class="visually-hidden">Visa</legend>
        <div class="check">
          <input type="checkbox" id="search-in-stock" checked=${form.inStock} aria-describedby="search-in-stock-hint"
            onChange=${(e) => {
              const on = e.currentTarget.checked;
              writeIncludeStock(on);
              update({ inStock: on }, { now: true });
            }} />
          <label for="search-in-stock">inkl. tillgängligt saldo</label>
          <span id="search-in-stock-hint" class="hint">Bara artiklar som finns tillgängliga i lager 10.</span>
        </div>
        <div class="check">
          <input type="checkbox" id="search-discontinued" checked=${form.discontinued} aria-describedby="search-discontinued-hint"
            onChange=${(e) => update({ discontinued: e.currentTarget.checked }, { now: true })} />
          <label for="search-discontinued">visa utgångna</label>
          <span id="search-discontinued-hint" class="hint">Även artiklar som inte längre ingår i sortimentet.</span>
        </div>
      </fieldset>
    </form>

    <section class="card articles" aria-labelledby="results-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="section-head">
        <h2 id="results-title" tabindex="-1" ref=${heading}>Träffar</h2>
        <p class="hint result-count" role="status" data-testid="result-count">${status}</p>
      </div>
      ${
        result?.suggestion &&
        html`
        <p class="did-you-mean" data-testid="did-you-mean">Menade du:${' '}
          <button type="button" class="link-button" onClick=${() => acceptText(result.suggestion)}>${result.suggestion}</button>?</p>`
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
        <${ArticleResults} articles=${result.hits} buffer=${buffer} showIso=${true} onResync=${() => setReads((n) => n + 1)}
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
