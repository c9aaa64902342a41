/**
 * The search page (src/pages/[...lang]/search.astro) over Pagefind's JS API: a bundled module, not inline code, so the
 * page works under a strict Content-Security-Policy (Pagefind itself needs 'wasm-unsafe-eval', nothing more).
 *
 * - Diacritics: every spelling of the query (src/lib/search/fold.ts, queryVariants: "dinh" is also tried as "đinh",
 *   "định" as "dịnh") is searched and the results merged, so a query with and without diacritics finds the same pages.
 * - One result per page (Pagefind's sub-results are not shown), with the page's latest figure and its date when the
 *   page has one (indicator pages carry them as Pagefind metadata: `figure`, `asof`), then Pagefind's excerpt.
 * - The query is kept in the address (?q=), so a search can be linked to and survives the back button.
 */
import { highlight, queryVariants } from '../lib/search/fold.ts';

interface ResultData { url: string; excerpt: string; meta: Record<string, string | undefined> }
interface Result { id: string; score: number; data: () => Promise<ResultData> }
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string) => Promise<{ results: Result[] }>;
}
type Strings = Record<'none' | 'one' | 'many' | 'error' | 'asOf', string>;

const PAGE = 10;
const root = document.querySelector<HTMLElement>('[data-search]');
const form = root?.querySelector<HTMLFormElement>('form');
const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
const status = root?.querySelector<HTMLElement>('.search-status');
const list = root?.querySelector<HTMLOListElement>('.search-results');
const more = root?.querySelector<HTMLButtonElement>('.search-more');

if (root && form && input && status && list && more) {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  form.hidden = false;
  // The index is a static asset under the site's base path; its URL is not known to the bundler.
  const indexUrl = `${root.dataset.bundlePath ?? '/pagefind/'}pagefind.js`;
  let pagefind: Promise<Pagefind> | undefined;
  const load = () => (pagefind ??= (import(/* @vite-ignore */ indexUrl) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    await pf.init();
    return pf;
  }));
  let shown: Result[] = [];
  let query = '';
  let generation = 0;

  /** Pagefind's excerpt (escaped text with <mark>) as DOM nodes, highlighted for the query as typed (see highlight). */
  const excerptNodes = (html: string, q: string): Node[] => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild;
    const segments = [...(parsed?.childNodes ?? [])].map((node) => ({ text: node.textContent ?? '', marked: node.nodeName === 'MARK' }));
    return highlight(segments, q).map(({ text, marked }) => {
      if (!marked) return document.createTextNode(text);
      const mark = document.createElement('mark');
      mark.textContent = text;
      return mark;
    });
  };

  const render = async (results: Result[], q: string, mine: number) => {
    const items = await Promise.all(results.map((result) => result.data()));
    if (mine !== generation) return;
    for (const data of items) {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = data.url;
      link.textContent = data.meta.title ?? data.url;
      heading.append(link);
      item.append(heading);
      // An indicator's latest figure, with its qualifier, and its date: "hơn 45,2 triệu tài khoản · Số liệu đến 20/8/2024".
      if (data.meta.figure) {
        const figure = document.createElement('p');
        figure.className = 'search-figure';
        const value = document.createElement('strong');
        value.textContent = data.meta.figure;
        figure.append(value);
        if (data.meta.asof) figure.append(` · ${strings.asOf} ${data.meta.asof}`);
        item.append(figure);
      }
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(data.excerpt, q));
      item.append(excerpt);
      list.append(item);
    }
  };

  /** Searches every spelling of the query and merges the results: each page once, with its best score. */
  const searchAll = async (pf: Pagefind, q: string): Promise<Result[]> => {
    const best = new Map<string, Result>();
    for (const { results } of await Promise.all(queryVariants(q).map((variant) => pf.search(variant)))) {
      for (const result of results) {
        const seen = best.get(result.id);
        if (!seen || result.score > seen.score) best.set(result.id, result);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  };

  const search = async (q: string) => {
    const mine = ++generation;
    query = q;
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!q.trim()) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    try {
      const pf = await load();
      const found = await searchAll(pf, q);
      if (mine !== generation) return; // a newer search replaced this one
      shown = found;
      list.replaceChildren();
      await render(shown.slice(0, PAGE), q, mine);
      if (mine !== generation) return;
      more.hidden = shown.length <= PAGE;
      const message = shown.length === 0 ? strings.none : shown.length === 1 ? strings.one : strings.many;
      status.textContent = message.replace('{n}', String(shown.length)).replace('{q}', () => q.trim());
    } catch (error) {
      console.warn('search:', error);
      if (mine === generation) status.textContent = strings.error;
    }
  };

  // Typing searches after a short pause; Enter searches at once.
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), 250);
  });
  // Focus starts fetching the index, so the first search is quick.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(input.value);
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void render(shown.slice(first, first + PAGE), query, generation).then(() => {
      more.hidden = list.children.length >= shown.length;
      list.children[first]?.querySelector('a')?.focus();
    });
  });

  // A link to /search/?q=… (or coming back to this page) runs that search.
  const initial = new URL(location.href).searchParams.get('q') ?? '';
  if (initial) {
    input.value = initial;
    void search(initial);
  } else {
    input.focus();
  }
}

export {};
