/**
 * The explorer, loaded on the first use of a control (see Explorer.astro). It keeps the view in the address,
 * fetches each indicator's figures once (/explore-data/<id>.json), rebuilds the series with the build's own
 * `buildSeries`, cuts it to the range, and writes everything from the same pure code the build uses: the chart's
 * text, notes and tooltip points (charts/view.ts), the picture's layout (drawn here with d3), the table's badges
 * (site/figure-statuses.ts) and the CSV and JSON files (downloads/chart-records.ts). Text from the data is only
 * ever set as textContent.
 */
import type { Figure, Indicator, Locale } from '../../lib/data/types.ts';
import type { Series } from '../../lib/data/series.ts';
import type { ChartView } from '../../lib/charts/view.ts';
import { CHART_SIZES, chartElementIds, hasTotals, shareViewText, timeSeriesLayout, timeSeriesView, tooltipJson } from '../../lib/charts/view.ts';
import type { ExploreMeasure, ExploreState } from '../../lib/explore/state.ts';
import { canShareAxis, exploreQuery, exploreSpec, hasExploreState, monthsSpanned, parseExploreState, seriesInRange, withExploreQuery } from '../../lib/explore/state.ts';
import type { IndicatorData } from '../../lib/explore/data.ts';
import { seriesFromData } from '../../lib/explore/data.ts';
import { EXPLORE_TEXT, rangeChoices, rangeSentence } from '../../lib/explore/text.ts';
import { figureStatuses } from '../../lib/site/figure-statuses.ts';
import { displayAsOf, displayExact, publisherLabel } from '../../lib/site/display.ts';
import { formatAsOf } from '../../lib/format/index.ts';
import { figureWord } from '../../lib/i18n/figure-words.ts';
import { defaultEmbedHeight, embedSnippet } from '../../lib/embed/embed.ts';
import { drawTimeSeries } from './draw.ts';

type Element$ = HTMLElement;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The measure of a state as a part to spread into another: `{ measure: 'share' }` or nothing. */
const measureOf = (state: ExploreState): Pick<ExploreState, 'measure'> => (state.measure === 'share' ? { measure: 'share' } : {});

/** A state with the counts or the shares. */
function withMeasure(state: ExploreState, measure: ExploreMeasure): ExploreState {
  const { indicators, from, to, view } = state;
  return { indicators, ...(from ? { from } : {}), ...(to ? { to } : {}), view, ...(measure === 'share' ? { measure } : {}) };
}

export async function enhance(root: Element$, trigger?: Element): Promise<void> {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const locale = (root.dataset.locale === 'en' ? 'en' : 'vi') as Locale;
  const text = EXPLORE_TEXT[locale];
  const figure = root.querySelector<HTMLElement>('figure.chart')!;
  const ids = chartElementIds(figure.dataset.chart!);
  const dataVersion = figure.dataset.version ?? '';
  const fallback = (root.dataset.indicators ?? '').split(',').filter(Boolean);
  const cache = new Map<string, Promise<Series | undefined>>();
  const loaded = new Map<string, Series>();
  const load = (id: string): Promise<Series | undefined> => {
    let entry = cache.get(id);
    if (!entry) {
      entry = fetch(`${root.dataset.data}${encodeURIComponent(id)}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<IndicatorData>) : undefined))
        .then((data) => {
          if (!data) return undefined;
          const series = seriesFromData(data);
          loaded.set(id, series);
          return series;
        })
        .catch(() => undefined);
      cache.set(id, entry);
    }
    return entry;
  };
  const lookup = (id: string) => loaded.get(id)?.indicator;

  const summary = document.getElementById(ids.summary);
  summary?.setAttribute('aria-live', 'polite');
  const plot = figure.querySelector<HTMLElement>('.chart-plot');
  const table = figure.querySelector<HTMLDetailsElement>('details.chart-data');
  const controls = root.querySelector<HTMLElement>('.explorer-controls');
  const share = root.querySelector<HTMLElement>('.explorer-share');
  const status = element('p', 'explorer-empty', text.empty);
  status.hidden = true;
  plot?.after(status);

  // The state the address asks for, or the page's own view.
  const query = new URLSearchParams(location.search);
  await Promise.all([...fallback, ...(query.get('indicators') ?? '').split(',').filter(Boolean).slice(0, 8)].map(load));
  let state: ExploreState = parseExploreState(hasExploreState(query) ? query : '', lookup, fallback);
  // A reader who chose the shares on the page's chart (chart-tooltip.ts's toggle) before touching the explorer keeps them.
  if (!hasExploreState(query) && plot?.dataset.measure === 'share') state = { ...state, measure: 'share' };
  let view: ChartView | undefined;
  let drawnWide: SVGSVGElement | undefined;

  async function apply(next: ExploreState, options: { url?: boolean } = {}): Promise<void> {
    await Promise.all(next.indicators.map(load));
    state = { ...next, indicators: next.indicators.filter((id) => loaded.has(id)) };
    if (state.indicators.length === 0) state.indicators = fallback.slice(0, 1);
    // Shares only where every indicator is "x out of y"; a change of range never drops them (the whole series decides).
    if (state.measure && !hasTotals(state.indicators.map((id) => loaded.get(id)!))) state = withMeasure(state, 'value');
    render();
    if (options.url !== false) history.replaceState(history.state, '', `${location.pathname}${withExploreQuery(location.search, state)}${location.hash}`);
    updateShare();
  }

  /** Redraws everything from the state; synchronous (the data are loaded), timed for the bench. */
  function render(): void {
    const started = performance.now();
    const seriesList = state.indicators.map((id) => seriesInRange(loaded.get(id)!, state.from, state.to)).filter((s) => s.points.length > 0);
    const names = (id: string) => loaded.get(id)!.indicator.name;
    const spec = exploreSpec({ ...state, indicators: seriesList.length > 0 ? seriesList.map((s) => s.indicator.id) : state.indicators }, names);
    view = seriesList.length > 0 ? timeSeriesView(spec, seriesList, locale, dataVersion) : undefined;
    const shareable = seriesList.length > 0 && hasTotals(seriesList);
    const measure: ExploreMeasure = state.measure === 'share' && shareable ? 'share' : 'value';
    // The share view's own words (the build's shareViewText): a title that says so, the latest shares, why shares may fall.
    const shareWords = measure === 'share' ? shareViewText(seriesList, locale) : undefined;
    const title = document.getElementById(ids.title);
    const heading = title?.querySelector('a') ?? title;
    if (heading) heading.textContent = `${spec.title?.[locale] ?? names(state.indicators[0]!)[locale]}${shareWords?.titleSuffix ?? ''}`;
    title?.querySelector('.chart-title-measure')?.remove();
    setText('.chart-takeaway', shareWords?.takeaway ?? view?.takeaway ?? text.empty);
    renderLegend(view);
    if (plot) {
      plot.hidden = !view || state.view === 'table';
      status.hidden = Boolean(view);
      if (view) drawPlot(plot, spec, seriesList, measure);
      renderMeasureToggle(shareable && !plot.hidden, measure);
    }
    renderNotes(view, shareWords?.note);
    if (summary) summary.textContent = view ? `${rangeSentence(locale, state.from, state.to)}${view.summary}` : text.empty;
    renderTable(view);
    renderSources(view);
    if (table) table.open = state.view === 'table';
    renderControls();
    root.dataset.redrawMs = String(performance.now() - started);
  }

  function setText(selector: string, value: string): void {
    const node = figure.querySelector(selector);
    if (node) node.textContent = value;
  }

  function renderLegend(current: ChartView | undefined): void {
    figure.querySelector('ul.chart-legend')?.remove();
    if (!current || current.legend.length === 0) return;
    const list = element('ul', 'chart-legend');
    for (const item of current.legend) {
      const li = element('li', `series-${item.seriesIndex}`);
      const swatch = element('span', 'swatch');
      swatch.setAttribute('aria-hidden', 'true');
      li.append(swatch, item.name);
      list.append(li);
    }
    figure.querySelector('.chart-takeaway')?.after(list);
  }

  /** The count/share toggle of an "x out of y" view, before the plot (where the page's own chart has it). */
  let measureToggle: HTMLElement | undefined;
  function renderMeasureToggle(shown: boolean, measure: ExploreMeasure): void {
    if (!measureToggle && shown && plot) {
      measureToggle = element('div', 'chart-toggle explorer-measure');
      measureToggle.setAttribute('role', 'group');
      measureToggle.setAttribute('aria-label', text.measure);
      for (const [value, label] of [['value', text.counts], ['share', text.shares]] as const) {
        const button = element('button', undefined, label);
        button.type = 'button';
        button.dataset.measure = value;
        measureToggle.append(button);
      }
      plot.before(measureToggle);
    }
    if (!measureToggle) return;
    measureToggle.hidden = !shown;
    for (const button of measureToggle.querySelectorAll<HTMLButtonElement>('[data-measure]')) button.setAttribute('aria-pressed', String(button.dataset.measure === measure));
  }

  function drawPlot(target: HTMLElement, spec: ReturnType<typeof exploreSpec>, seriesList: Series[], measure: ExploreMeasure): void {
    const draw = (size: { width: number; height: number }) => drawTimeSeries(timeSeriesLayout(spec, seriesList, locale, size, measure), size, ids);
    // Every size the build draws (CHART_SIZES): the page's CSS shows the one that fits, text one size everywhere.
    const drawn = Object.entries(CHART_SIZES).map(([name, size]) => ({ name, svg: draw(size) }));
    drawnWide = drawn.find((d) => d.name === 'wide')!.svg;
    // The page's own count/share toggle swaps build-time drawings; the explorer's (renderMeasureToggle) redraws.
    figure.querySelector('.chart-toggle:not(.explorer-measure)')?.remove();
    figure.querySelector('template.chart-share')?.remove();
    figure.querySelector('.chart-share-note')?.remove();
    target.dataset.measure = measure;
    const tip = target.querySelector('.chart-tooltip');
    const wrap = (svg: SVGSVGElement, className: string) => {
      const div = element('div', className);
      div.append(svg);
      return div;
    };
    target.replaceChildren(...drawn.map((d) => wrap(d.svg, `chart-size chart-${d.name}`)), ...(tip ? [tip] : []));
    if (tip instanceof HTMLElement) tip.hidden = true;
    let island = figure.querySelector('script.chart-points');
    if (!island) {
      island = element('script', 'chart-points');
      island.setAttribute('type', 'application/json');
      figure.append(island);
    }
    island.textContent = tooltipJson(view!.points);
  }

  function renderNotes(current: ChartView | undefined, shareNote?: string): void {
    figure.querySelector('ul.chart-notes')?.remove();
    const notes = [...(shareNote ? [shareNote] : []), ...(current?.notes ?? [])];
    if (!current || notes.length === 0) return;
    const list = element('ul', 'chart-notes');
    for (const note of notes) list.append(element('li', undefined, note));
    status.after(list);
  }

  function renderSources(current: ChartView | undefined): void {
    const node = figure.querySelector('.caption-sources');
    if (!node || !current) return;
    const publishers = [...new Map(current.sources.map((source) => [publisherLabel(source, locale), source])).entries()];
    const shown = publishers.slice(0, 3);
    const more = publishers.length - shown.length;
    node.replaceChildren(`${figureWord(locale, 'figure.source')}: `);
    shown.forEach(([label, source], index) => {
      if (index > 0) node.append('; ');
      if (source.url) {
        const link = element('a', undefined, label);
        link.href = source.url;
        link.rel = 'external noopener';
        node.append(link);
      } else node.append(label);
    });
    node.append(`${more > 0 ? (locale === 'vi' ? ` và ${more} nguồn khác (xem bảng số liệu)` : ` and ${more} more (see the data table)`) : ''}.`);
  }

  /** The table of the view: the same columns, badges and quotes as the build's FiguresTable. */
  function renderTable(current: ChartView | undefined): void {
    if (!table) return;
    const figures = current?.rows.map((row) => row.figure) ?? [];
    const indicators = new Map<string, Indicator>((current?.rows ?? []).map((row) => [row.indicator.id, row.indicator]));
    const statuses = figureStatuses(figures, indicators);
    const several = indicators.size > 1;
    const showStatus = figures.some((f) => (statuses.get(f)?.length ?? 0) > 0 || f.seriesBreak);
    const caption = `${current?.title || (view ? '' : text.empty)} — ${figureWord(locale, 'table.caption')}`;
    const scroll = element('div', 'table-scroll');
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', caption);
    const tableElement = element('table', 'figures');
    tableElement.append(element('caption', undefined, caption));
    const head = element('tr');
    const th = (label: string, className?: string) => {
      const cell = element('th', className, label);
      cell.scope = 'col';
      head.append(cell);
    };
    if (several) th(locale === 'vi' ? 'Chỉ số' : 'Indicator');
    th(figureWord(locale, 'figure.asOf'));
    th(figureWord(locale, 'figure.value'), 'num');
    if (showStatus) th(figureWord(locale, 'figure.status'));
    th(figureWord(locale, 'figure.source'));
    tableElement.append(element('thead'));
    tableElement.tHead!.append(head);
    const body = element('tbody');
    for (const fig of figures) body.append(tableRow(fig, indicators.get(fig.indicator)!, statuses.get(fig) ?? [], several, showStatus));
    tableElement.append(body);
    scroll.append(tableElement);
    const old = table.querySelector('.table-scroll');
    if (old) old.replaceWith(scroll);
    else table.append(scroll);
  }

  function tableRow(fig: Figure, indicator: Indicator, badges: readonly string[], several: boolean, showStatus: boolean): HTMLTableRowElement {
    const row = element('tr', badges.includes('superseded') ? 'superseded' : undefined);
    // The build's cell classes and data-label (FiguresTable.astro): in a narrow box CSS stacks each row — value,
    // date, source on their own lines, labelled — the same way as every other figures table.
    const labelled = <T extends HTMLElement>(cell: T, label: string): T => {
      cell.dataset.label = label;
      return cell;
    };
    if (several) {
      const cell = element('th', 'fig-indicator');
      cell.scope = 'row';
      const link = element('a', undefined, indicator.name[locale]);
      link.href = `${root.dataset.indicatorsPath ?? ''}${indicator.id}/`;
      cell.append(link);
      row.append(cell);
    }
    const date = labelled(element('td', 'nowrap fig-date', displayAsOf(fig, locale)), figureWord(locale, 'figure.asOf'));
    if (fig.asOfInferred) {
      const flag = element('span', 'flag', ` (${figureWord(locale, 'figure.inferredDate')})`);
      flag.title = figureWord(locale, 'figure.inferredDateTitle');
      date.append(flag);
    }
    const value = labelled(element('td', 'num fig-value'), figureWord(locale, 'figure.value'));
    const data = element('data', undefined, displayExact(indicator, fig, locale));
    data.value = String(fig.value);
    if (fig.qualifier) data.dataset.qualifier = fig.qualifier;
    value.append(data);
    if (fig.total === undefined && indicator.kind !== 'rate') value.append(element('span', 'unit', ` ${indicator.unit[locale]}`));
    if (fig.period !== undefined) {
      const period = element('span', 'figure-period');
      period.append(element('span', 'visually-hidden', '; '), fig.period === 'unknown' ? figureWord(locale, 'figure.periodUnknown') : figureWord(locale, 'figure.period', { period: fig.period[locale] }));
      value.append(period);
    }
    row.append(date, value);
    if (showStatus) {
      const cell = labelled(element('td', 'figure-status fig-status'), figureWord(locale, 'figure.status'));
      badges.forEach((badge, i) => {
        if (i > 0) cell.append(' ');
        const span = element('span', `status status-${badge}`, figureWord(locale, `status.${badge}` as 'status.new'));
        span.title = figureWord(locale, `status.${badge}Title` as 'status.newTitle');
        cell.append(span);
      });
      if (fig.seriesBreak) cell.append(element('p', 'note series-break', figureWord(locale, 'figure.break', { reason: fig.seriesBreak[locale] })));
      row.append(cell);
    }
    const source = labelled(element('td', 'fig-source'), figureWord(locale, 'figure.source'));
    const cite = element('cite', 'source');
    const titleNode = fig.source.url ? element('a', undefined, fig.source.title) : element('span', undefined, fig.source.title);
    if (titleNode instanceof HTMLAnchorElement) {
      titleNode.href = fig.source.url!;
      titleNode.rel = 'external noopener';
    }
    cite.append(titleNode, ' ', element('span', 'source-meta', `— ${publisherLabel(fig.source, locale)}, ${fig.source.published ? formatAsOf(fig.source.published, locale) : figureWord(locale, 'figure.unknownPublished')}`));
    const quote = element('details', 'quote');
    const summaryNode = element('summary', undefined, figureWord(locale, 'figure.quote'));
    if (fig.quote.translated) summaryNode.append(element('span', 'meta', ` (${figureWord(locale, 'figure.translation')})`));
    const block = element('blockquote', undefined, `“${fig.quote.text}”`);
    if (fig.source.url) block.cite = fig.source.url;
    if (fig.quote.language !== locale) block.lang = fig.quote.language;
    quote.append(summaryNode, block);
    if (fig.quote.exception) quote.append(element('p', 'note', `${figureWord(locale, 'figure.quoteException')}: ${fig.quote.exception}`));
    source.append(cite, quote);
    if (fig.note) source.append(element('p', 'note', `${figureWord(locale, 'figure.note')}: ${fig.note[locale]}`));
    row.append(source);
    return row;
  }

  function renderControls(): void {
    if (!controls) return;
    for (const button of controls.querySelectorAll<HTMLButtonElement>('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
    const from = controls.querySelector<HTMLSelectElement>('[data-range="from"]');
    const to = controls.querySelector<HTMLSelectElement>('[data-range="to"]');
    renderRangeChoices(from, to);
    if (from) from.value = state.from ?? from.options[0]?.value ?? '';
    if (to) to.value = state.to ?? to.options[to.options.length - 1]?.value ?? '';
    for (const button of controls.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
      button.setAttribute('aria-pressed', String((button.dataset.from ?? '') === (state.from ?? '') && (button.dataset.to ?? '') === (state.to ?? '')));
    }
    const list = controls.querySelector('.explorer-chosen');
    if (list) {
      list.replaceChildren(...state.indicators.map((id) => {
        const name = loaded.get(id)!.indicator.name[locale];
        const li = element('li');
        li.dataset.id = id;
        const remove = element('button', undefined, text.remove);
        remove.type = 'button';
        remove.dataset.remove = id;
        remove.disabled = state.indicators.length === 1;
        remove.append(element('span', 'visually-hidden', ` ${name}`));
        li.append(`${name} `, remove);
        return li;
      }));
    }
    const add = controls.querySelector<HTMLSelectElement>('[data-add-select]');
    if (add) {
      const first = optionIndicator(add, state.indicators[0]!);
      const full = state.indicators.length >= Number(root.dataset.max ?? 4);
      for (const option of add.options) {
        if (!option.value) continue;
        const candidate = optionIndicator(add, option.value);
        // With one indicator on the chart, one of another kind or unit replaces it (the explore page offers them all).
        const alike = Boolean(first && candidate && canShareAxis(first, candidate));
        option.disabled = state.indicators.includes(option.value) || (alike ? full : state.indicators.length > 1);
      }
      if (add.selectedOptions[0]?.disabled) add.value = '';
    }
  }

  /**
   * The selects and quick ranges span the months of the indicators on the chart. The page offers those of its own
   * indicator (Explorer.astro); an added indicator with earlier or later figures widens them, a removed one narrows them.
   */
  function renderRangeChoices(from: HTMLSelectElement | null, to: HTMLSelectElement | null): void {
    const months = monthsSpanned(state.indicators.map((id) => loaded.get(id)!));
    if (!from || !to || months.length === 0) return;
    if (from.options.length === months.length && from.options[0]?.value === months[0] && to.options[to.options.length - 1]?.value === months.at(-1)) return;
    const choices = rangeChoices(months, locale);
    const options = () => choices.months.map((month) => new Option(month.label, month.value));
    from.replaceChildren(...options());
    to.replaceChildren(...options());
    controls?.querySelector('.explorer-presets')?.replaceChildren(...choices.presets.map((preset) => {
      const button = element('button', undefined, preset.label);
      button.type = 'button';
      button.dataset.preset = preset.id;
      if (preset.from) button.dataset.from = preset.from;
      if (preset.to) button.dataset.to = preset.to;
      return button;
    }));
  }

  function optionIndicator(select: HTMLSelectElement, id: string): Pick<Indicator, 'kind' | 'unit' | 'period'> | undefined {
    const known = loaded.get(id)?.indicator;
    if (known) return known;
    const option = [...select.options].find((o) => o.value === id);
    if (!option?.dataset.kind) return undefined;
    const [vi = '', en = ''] = (option.dataset.unit ?? '').split('|');
    return { kind: option.dataset.kind as Indicator['kind'], unit: { vi, en }, ...(option.dataset.period ? { period: { vi: option.dataset.period, en: '' } } : {}) };
  }

  function shareUrl(): string {
    return `${location.origin}${location.pathname}${exploreQuery(state)}`;
  }

  function updateShare(): void {
    if (!share || !view) return;
    share.hidden = false;
    figure.querySelector<HTMLElement>('.chart-tools')?.setAttribute('hidden', '');
    const link = share.querySelector<HTMLInputElement>('.explorer-link');
    if (link) link.value = shareUrl();
    const embed = share.querySelector<HTMLTextAreaElement>('.explorer-embed');
    if (embed) {
      const src = `${(root.dataset.embed ?? '').replace(root.dataset.embedSlot ?? '', state.indicators[0]!)}${exploreQuery(state)}`;
      const svgOf = (name: string) => plot?.querySelector(`.chart-${name} svg`)?.outerHTML ?? '';
      const sized = { ...view, svg: { narrow: svgOf('narrow'), medium: svgOf('medium'), wide: svgOf('wide'), full: svgOf('full') } };
      embed.value = embedSnippet({ src, title: view.title, height: defaultEmbedHeight(sized), resizer: root.dataset.resizer ?? '' });
    }
    // "Embed this view": the builder (/embed/?chart=…&indicators=…) with this view chosen, to pick a theme and preview it.
    const builder = share.querySelector<HTMLAnchorElement>('.explorer-builder');
    if (builder) builder.search = `?chart=${encodeURIComponent(state.indicators[0]!)}&${exploreQuery(state).slice(1)}`;
  }

  function fileName(ext: string): string {
    const range = state.from || state.to ? `_${state.from ?? ''}_${state.to ?? ''}` : '';
    return `${state.indicators.join('+')}${range}.${ext}`;
  }

  /** The files of the view: their code loads on the first download (files.ts), not with the explorer. */
  async function download(kind: string): Promise<void> {
    if (!view || !drawnWide) return;
    const { saveView } = await import('./files.ts');
    await saveView(kind, {
      view, locale, dataVersion, svg: drawnWide, figure, name: fileName(kind), range: rangeSentence(locale, state.from, state.to).replace(/: $/, ''),
      context: { locale, pageUrl: shareUrl(), siteUrl: root.dataset.site ?? location.origin },
    });
  }

  /** What a control asks for. */
  function handle(target: Element): void {
    const button = target.closest('button');
    if (button?.dataset.view) return void apply({ ...state, view: button.dataset.view === 'table' ? 'table' : 'chart' });
    if (button?.dataset.preset) {
      const { from, to } = button.dataset;
      return void apply({ indicators: state.indicators, view: state.view, ...(from ? { from } : {}), ...(to ? { to } : {}), ...measureOf(state) });
    }
    if (button?.dataset.measure) return void apply(withMeasure(state, button.dataset.measure === 'share' ? 'share' : 'value'));
    if (button?.dataset.remove) return void apply({ ...state, indicators: state.indicators.filter((id) => id !== button.dataset.remove) });
    if (button?.hasAttribute('data-add')) {
      const select = root.querySelector<HTMLSelectElement>('[data-add-select]');
      const id = select?.value;
      if (!id || state.indicators.includes(id)) return;
      select.value = '';
      void load(id).then((series) => {
        const first = loaded.get(state.indicators[0]!)?.indicator;
        if (!series || !first) return;
        if (canShareAxis(first, series.indicator)) void apply({ ...state, indicators: [...state.indicators, id] });
        else if (state.indicators.length === 1) void apply({ ...state, indicators: [id] });
      });
      return;
    }
    if (button?.dataset.download) return void download(button.dataset.download);
    if (target instanceof HTMLSelectElement && target.dataset.range) {
      const from = root.querySelector<HTMLSelectElement>('[data-range="from"]')!;
      const to = root.querySelector<HTMLSelectElement>('[data-range="to"]')!;
      // The whole span selected means no range: the link stays short and follows new months.
      const all = from.selectedIndex === 0 && to.selectedIndex === to.options.length - 1;
      let [start, end] = [from.value, to.value];
      if (start > end) [start, end] = target === from ? [start, start] : [end, end];
      return void apply({ indicators: state.indicators, view: state.view, ...(all ? {} : { from: start, to: end }), ...measureOf(state) });
    }
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (button && root.contains(button) && button.closest('.explorer-controls, .explorer-share, .explorer-measure')) handle(button);
  });
  root.addEventListener('change', (event) => {
    const target = event.target as Element;
    if (target instanceof HTMLSelectElement && target.dataset.range) handle(target);
  });
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.explorer-link, .explorer-embed')) field.addEventListener('focus', () => field.select());

  await apply(state, { url: hasExploreState(query) });
  if (trigger) handle(trigger);
  delete root.dataset.loading;
  root.dataset.ready = 'true';
}
