/**
 * The indicator catalogue's filter and sort (src/pages/[...lang]/indicators/index.astro). Progressive enhancement:
 * without this module the page is the whole list by topic; with it, the controls appear.
 *
 * - Filter: every word typed, folded (no diacritics, "đ" → "d", lower case), must occur in the row's `data-match`
 *   (its names, topic and id, folded at build time): "ngan hang" finds "Ngân hàng".
 * - Sort: "by topic" (the page as built) or "latest update first" (every row in one list, newest as-of date first).
 * - The state is kept in the address (?q=…&sort=updated), so a filtered list can be linked to.
 */
import { fold } from '../lib/search/fold.ts';

const root = document.querySelector<HTMLElement>('[data-catalogue]');
const form = root?.querySelector<HTMLFormElement>('.catalogue-controls');
const input = root?.querySelector<HTMLInputElement>('#catalogue-filter');
const status = root?.querySelector<HTMLElement>('.catalogue-status');
const updated = root?.querySelector<HTMLElement>('.catalogue-updated');

if (root && form && input && status && updated) {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<'shown' | 'none', string>;
  const total = Number(root.dataset.total ?? 0);
  const topics = [...root.querySelectorAll<HTMLElement>('.catalogue-topic')];
  // Each row with the list it belongs to by topic, to put it back there.
  const rows = topics.flatMap((section) => [...section.querySelectorAll<HTMLLIElement>('li[data-match]')].map((row) => ({ row, home: row.parentElement! })));
  const byUpdate = [...rows].sort((a, b) => (b.row.dataset.updated ?? '').localeCompare(a.row.dataset.updated ?? '') || (a.row.textContent ?? '').localeCompare(b.row.textContent ?? ''));
  const updatedList = updated.querySelector('ul')!;
  const radios = [...form.querySelectorAll<HTMLInputElement>('input[name="sort"]')];
  form.hidden = false;

  const apply = () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    const sort = radios.find((radio) => radio.checked)?.value === 'updated' ? 'updated' : 'topic';
    if (sort === 'updated') updatedList.append(...byUpdate.map(({ row }) => row));
    else for (const { row, home } of rows) home.append(row);
    updated.hidden = sort !== 'updated';
    let shown = 0;
    for (const { row } of rows) {
      const match = words.every((word) => (row.dataset.match ?? '').includes(word));
      row.hidden = !match;
      if (match) shown += 1;
    }
    // A topic with no row left is hidden whole (its heading would head nothing).
    for (const section of topics) section.hidden = sort === 'updated' || !section.querySelector('li:not([hidden])');
    if (sort === 'updated') updated.hidden = shown === 0;
    status.textContent = words.length === 0 ? '' : shown === 0 ? strings.none.replace('{q}', () => input.value.trim()) : strings.shown.replace('{count}', String(shown)).replace('{total}', String(total));
    const url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    if (sort === 'updated') url.searchParams.set('sort', 'updated');
    else url.searchParams.delete('sort');
    history.replaceState(history.state, '', url);
  };

  const params = new URL(location.href).searchParams;
  input.value = params.get('q') ?? '';
  if (params.get('sort') === 'updated') radios.forEach((radio) => (radio.checked = radio.value === 'updated'));
  input.addEventListener('input', apply);
  for (const radio of radios) radio.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  if (input.value || params.get('sort')) apply();
}

export {};
