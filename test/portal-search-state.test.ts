// Sök artikel's pure state in Node: the form, the query it is searched as and the page; the type-ahead list and
// what each key does in the search box.
import { describe, expect, it } from 'vitest';
import { initialSearchPage, isEmptyQuery, reduceSearchPage, searchArgs } from '../portal/lib/search-page-state.js';
import { CLOSED, keyIntent, reduceSearchBox, shownOptions } from '../portal/lib/search-box-state.js';

const form = (text = '', supplier = '') => ({ text, supplier, inStock: false, discontinued: false });

describe('search page state', () => {
  it('searches what was typed only on commit, and a commit starts at page 0', () => {
    let state = initialSearchPage(form('rol'), 2);
    state = reduceSearchPage(state, { type: 'edit', changes: { text: 'rollator' } });
    expect(state.form.text).toBe('rollator');
    expect(state.query.text).toBe('rol');
    expect(state.page).toBe(2);
    state = reduceSearchPage(state, { type: 'edit', changes: { inStock: true } });
    state = reduceSearchPage(state, { type: 'commit' });
    expect(state.query).toEqual({ text: 'rollator', supplier: '', inStock: true, discontinued: false });
    expect(state.page).toBe(0);
    state = reduceSearchPage(state, { type: 'page', page: 3 });
    expect(state).toMatchObject({ page: 3, query: { text: 'rollator' } });
  });

  it('takes form, query and page from a new route at once', () => {
    const before = reduceSearchPage(initialSearchPage(form('a'), 0), { type: 'edit', changes: { text: 'ab' } });
    const after = reduceSearchPage(before, { type: 'route', form: form('', 'Etac'), page: 1 });
    expect(after).toEqual({ form: form('', 'Etac'), query: form('', 'Etac'), page: 1 });
  });

  it('asks catalog.search with trimmed text fields, leaves blank ones out, and knows an empty query', () => {
    expect(isEmptyQuery(form('  ', ' '))).toBe(true);
    expect(isEmptyQuery(form('', 'Etac'))).toBe(false);
    expect(searchArgs({ text: ' rollator ', supplier: '  ', inStock: true, discontinued: false }, 2, 25)).toEqual({
      text: 'rollator',
      inStockOnly: true,
      includeDiscontinued: false,
      limit: 25,
      offset: 50,
    });
  });
});

describe('search box state', () => {
  const options = ['rollator', 'rollator cross', 'rollstol'];
  const shown = reduceSearchBox(CLOSED, { type: 'options', options, focused: true });

  it('opens the list only while the field has focus and there is something to show', () => {
    expect(shown).toEqual({ options, open: true, active: -1 });
    expect(reduceSearchBox(CLOSED, { type: 'options', options, focused: false }).open).toBe(false);
    expect(reduceSearchBox(CLOSED, { type: 'options', options: [], focused: true }).open).toBe(false);
    expect(shownOptions(['Rollator', 'rollator cross'], ' rollator')).toEqual(['rollator cross']);
  });

  it('moves the highlight with wrap-around; Down opens a closed list, Alt+Down without a highlight', () => {
    let state = reduceSearchBox(shown, { type: 'down', altKey: false });
    expect(state.active).toBe(0);
    state = reduceSearchBox(reduceSearchBox(state, { type: 'down', altKey: false }), { type: 'down', altKey: false });
    expect(state.active).toBe(2);
    expect(reduceSearchBox(state, { type: 'down', altKey: false }).active).toBe(0);
    expect(reduceSearchBox(shown, { type: 'up' }).active).toBe(2);
    const closed = reduceSearchBox(state, { type: 'close' });
    expect(closed).toEqual({ options, open: false, active: -1 });
    expect(reduceSearchBox(closed, { type: 'down', altKey: false })).toMatchObject({ open: true, active: 0 });
    expect(reduceSearchBox(closed, { type: 'down', altKey: true })).toMatchObject({ open: true, active: -1 });
    expect(reduceSearchBox(closed, { type: 'up' })).toBe(closed);
    expect(reduceSearchBox(CLOSED, { type: 'down', altKey: false })).toBe(CLOSED);
  });

  it('maps keys to intents: accept only a highlighted option, Escape closes, then clears the text', () => {
    const active = reduceSearchBox(shown, { type: 'down', altKey: false });
    expect(keyIntent(active, 'Enter', 'rol')).toBe('accept');
    expect(keyIntent(shown, 'Enter', 'rol')).toBe('submit');
    expect(keyIntent(shown, 'Escape', 'rol')).toBe('close');
    expect(keyIntent(CLOSED, 'Escape', 'rol')).toBe('clear');
    expect(keyIntent(CLOSED, 'Escape', '')).toBeNull();
    expect(keyIntent(CLOSED, 'ArrowDown', 'r')).toBeNull();
    expect(keyIntent(CLOSED, 'ArrowUp', 'r')).toBeNull();
    expect(keyIntent(shown, 'ArrowUp', 'r')).toBe('up');
    expect(keyIntent(shown, 'a', 'r')).toBeNull();
  });
});
