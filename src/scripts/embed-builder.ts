/**
 * The embed builder's controls (src/pages/[...lang]/embed/index.astro): a bundled module, not inline code, so the
 * page works under the strict CSP. The page is built in the builder's first state (the lead chart, live, auto: its
 * snippet, oEmbed URL and preview) and its loader imports this module on the first use of a control, or at once
 * when the address asks for a choice (src/scripts/first-use.ts, as the explorer does). It filters the charts without diacritics, offers the releases of the chosen chart, previews the embed
 * in one frame at 360 or 680 px (sized by embed.js, the resizer journalists load), and writes the snippet —
 * `builderSnippet`, i.e. `embedSnippet` as the oEmbed JSON gives it — and the oEmbed URL. The choice is kept in
 * the address (?chart=&v=&theme=), so a chart's "Embed" tool can link here with its chart chosen.
 *
 * The explorer's "Embed this view" adds a view (?chart=a&indicators=a,b&from=…&to=…&view=table&measure=share): it is
 * read with the explorer's own parser, shown, and — while ticked and the chart is its first indicator — goes into
 * the live embed's address. A pinned release takes no view (the pinned page is the chart as published), so with a
 * view the release is not offered and the page says why; nor is the oEmbed URL, which gives the standard view.
 */
import { CHART_SLOT, builderEmbedUrl, builderSnippet, isEmbedTheme, matchesFilter } from '../lib/embed/builder.ts';
import type { BuilderChoice, EmbedTheme } from '../lib/embed/builder.ts';
import type { ExploreState } from '../lib/explore/state.ts';
import { exploreQuery, exploreSpec, hasExploreState, parseExploreState } from '../lib/explore/state.ts';
import type { Indicator } from '../lib/data/types.ts';

/**
 * Makes the builder's controls work. `trigger` is the control whose first use loaded this module: a copy button
 * clicked is copied, a code field focused is selected (their own listeners came too late for that event).
 */
export function start(builder: HTMLElement, trigger?: Element): void {
  if (builder.dataset.enhanced) return;
  builder.dataset.enhanced = 'true';
  const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const templates = { live: builder.dataset.live ?? '', pinned: builder.dataset.pinned ?? '' };
  const resizer = builder.dataset.resizer ?? '';
  const filter = element<HTMLInputElement>('builder-filter');
  const count = element<HTMLElement>('builder-count');
  const chartSelect = element<HTMLSelectElement>('builder-chart');
  const releaseSelect = element<HTMLSelectElement>('builder-release');
  const preview = builder.querySelector<HTMLElement>('.builder-preview')!;
  const frame = element<HTMLIFrameElement>('builder-frame');
  const snippet = element<HTMLTextAreaElement>('builder-snippet');
  const oembed = element<HTMLInputElement>('builder-oembed');
  const openLink = element<HTMLAnchorElement>('builder-open');
  const pageLink = element<HTMLAnchorElement>('builder-page');
  const charts = [...chartSelect.querySelectorAll('option')];
  const radios = (name: string) => [...builder.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const checked = (name: string) => radios(name).find((radio) => radio.checked)?.value ?? '';

  // The choice in the address, e.g. from a chart's "Embed" tool (?chart=<id>).
  const params = new URLSearchParams(location.search);
  const wanted = params.get('chart');
  if (wanted && charts.some((option) => option.value === wanted)) chartSelect.value = wanted;
  // An explorer view of a live time series, normalised as the explorer does (same axis, at most four, months).
  const viewable = new Map(charts.filter((option) => option.dataset.kind).map((option) => [option.value, option]));
  const lookup = (id: string): Pick<Indicator, 'kind' | 'unit' | 'period'> | undefined => {
    const option = viewable.get(id);
    if (!option) return undefined;
    const [vi = '', en = ''] = (option.dataset.unit ?? '').split('|');
    return { kind: option.dataset.kind as Indicator['kind'], unit: { vi, en }, ...(option.dataset.period ? { period: { vi: option.dataset.period, en: '' } } : {}) };
  };
  const view: ExploreState | undefined = hasExploreState(params) && viewable.has(wanted ?? params.get('indicators')?.split(',')[0] ?? '')
    ? parseExploreState(params, lookup, [wanted ?? ''].filter((id) => viewable.has(id)))
    : undefined;
  // Shares only of "x out of y" indicators (the explorer drops the choice otherwise, and so does the code here).
  if (view?.measure && !view.indicators.every((id) => viewable.get(id)?.dataset.kind === 'count-of-total')) delete view.measure;
  if (view && !wanted) chartSelect.value = view.indicators[0]!;
  const viewField = element<HTMLElement>('builder-view-field');
  const viewBox = element<HTMLInputElement>('builder-view');
  const oembedGroup = element<HTMLElement>('builder-oembed-group');
  const oembedView = element<HTMLElement>('builder-oembed-view');
  const nameOf = (id: string) => viewable.get(id)?.dataset.name ?? id;
  if (view) {
    const range = view.from || view.to ? `${view.from ?? '…'} – ${view.to ?? '…'}` : '';
    const words = [view.indicators.map(nameOf).join(' · '), range, view.view === 'table' ? viewField.dataset.table : '', view.measure === 'share' ? viewField.dataset.share : ''];
    element<HTMLElement>('builder-view-text').textContent = words.filter(Boolean).join(', ');
  }
  /** The view, when it applies: ticked, and the chart chosen is the one it was made from. */
  const activeView = () => (view && viewBox.checked && chartSelect.value === view.indicators[0] ? view : undefined);

  const theme = params.get('theme');
  if (isEmbedTheme(theme)) for (const radio of radios('builder-theme')) radio.checked = radio.value === theme;
  // The width: the loader chose the desktop one on a wide screen; the reader may have changed it since.

  const showReleases = (option: HTMLOptionElement) => {
    const versions = new Set((option.dataset.versions ?? '').split(' ').filter(Boolean));
    for (const release of releaseSelect.options) {
      if (!release.value) continue;
      const offered = versions.has(release.value);
      release.hidden = !offered;
      release.disabled = !offered;
    }
    if (releaseSelect.selectedOptions[0]?.disabled) releaseSelect.value = '';
  };

  const update = () => {
    const option = chartSelect.selectedOptions[0];
    if (!option) return;
    showReleases(option);
    const shown = activeView();
    viewField.hidden = !view || chartSelect.value !== view.indicators[0];
    // With a view, no pinned release: the select says so (its note) and offers the live version only.
    if (shown) releaseSelect.value = '';
    releaseSelect.disabled = Boolean(shown);
    releaseSelect.setAttribute('aria-describedby', shown ? 'builder-release-note builder-view-note' : 'builder-release-note');
    oembedGroup.hidden = Boolean(shown);
    oembedView.hidden = !shown;
    const choice: BuilderChoice = { chart: option.value, release: releaseSelect.value || undefined, theme: checked('builder-theme') as EmbedTheme, view: shown ? exploreQuery(shown).slice(1) : undefined };
    const src = builderEmbedUrl(templates, choice);
    const height = Number(option.dataset.height ?? 0);
    // The title the embed page gives the view (exploreSpec: the names joined when there are several).
    const title = (shown && exploreSpec(shown, (id) => ({ vi: nameOf(id), en: nameOf(id) })).title?.vi) || (option.dataset.title ?? option.text);
    snippet.value = builderSnippet(templates, choice, { title, height }, resizer);
    oembed.value = (builder.dataset.oembed ?? '').replace(CHART_SLOT, choice.chart);
    openLink.href = src;
    pageLink.href = option.dataset.page ?? pageLink.href;
    // The preview loads the same page the snippet does (same path and query), from wherever this page is served.
    const url = new URL(src);
    const local = `${url.pathname}${url.search}`;
    if (frame.getAttribute('src') !== local) {
      frame.title = title;
      frame.setAttribute('height', String(height));
      frame.removeAttribute('data-de-an-06-resized');
      frame.setAttribute('src', local);
    }
    const next = new URLSearchParams({ chart: choice.chart, ...(choice.release ? { v: choice.release } : {}), ...(choice.theme !== 'auto' ? { theme: choice.theme } : {}) });
    // The view stays in the address while it is offered (ticked or not), so a reload finds it.
    const viewQuery = view && !viewField.hidden ? `&${exploreQuery(view).slice(1)}` : '';
    history.replaceState(null, '', `${location.pathname}?${next}${viewQuery}`);
  };

  const applyFilter = () => {
    let shown = 0;
    for (const option of charts) {
      const match = matchesFilter(`${option.text} ${option.value}`, filter.value);
      option.hidden = !match;
      option.disabled = !match;
      if (match) shown += 1;
    }
    for (const group of chartSelect.querySelectorAll('optgroup')) group.hidden = ![...group.querySelectorAll('option')].some((option) => !option.hidden);
    count.textContent = (builder.dataset.count ?? '{count}').replace('{count}', String(shown));
    const current = chartSelect.selectedOptions[0];
    if (!current || current.disabled) {
      const first = charts.find((option) => !option.disabled);
      if (first) chartSelect.value = first.value;
    }
    update();
  };

  const setWidth = () => {
    const value = checked('builder-width') || '360';
    preview.dataset.width = value;
    frame.setAttribute('width', value);
  };

  filter.addEventListener('input', applyFilter);
  chartSelect.addEventListener('change', update);
  releaseSelect.addEventListener('change', update);
  viewBox.addEventListener('change', update);
  for (const radio of radios('builder-theme')) radio.addEventListener('change', update);
  for (const radio of radios('builder-width')) radio.addEventListener('change', setWidth);

  // Copy buttons where the Clipboard API exists (the loader showed them); the fields select themselves on focus either way.
  for (const field of [snippet, oembed]) field.addEventListener('focus', () => field.select());
  const copyButtons = [...builder.querySelectorAll<HTMLButtonElement>('[data-copy-target]')];
  const labels = new Map(copyButtons.map((button) => [button, button.textContent ?? '']));
  const copy = (button: HTMLButtonElement) => {
    const label = labels.get(button) ?? '';
    const source = document.getElementById(button.dataset.copyTarget ?? '');
    const text = source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement ? source.value : '';
    void navigator.clipboard.writeText(text).then(() => {
      button.textContent = builder.dataset.copied ?? label;
      button.dataset.copied = 'true';
      window.setTimeout(() => {
        button.textContent = label;
        delete button.dataset.copied;
      }, 2000);
    });
  };
  if (navigator.clipboard) for (const button of copyButtons) button.addEventListener('click', () => copy(button));

  // A pinned version asked for in the address, once the chart's releases are known.
  const release = params.get('v');
  showReleases(chartSelect.selectedOptions[0] ?? charts[0]!);
  if (release && [...releaseSelect.options].some((option) => option.value === release && !option.disabled)) releaseSelect.value = release;
  setWidth();
  applyFilter();
  // The first use, finished with the state now written (a copy copies the code of the chosen chart).
  if (trigger instanceof HTMLButtonElement && copyButtons.includes(trigger) && navigator.clipboard) copy(trigger);
  for (const field of [snippet, oembed]) if (trigger === field && document.activeElement === field) field.select();
}
