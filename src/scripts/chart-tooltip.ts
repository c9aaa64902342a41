/**
 * Tooltips for charts drawn at build time. Loaded only when a chart nears the
 * viewport. Works with mouse, touch and keyboard (focus the chart, then use
 * the arrow keys). Reads the points from the chart's JSON island; each drawn
 * shape carries `data-i`, the index of its point. Text from the data (values,
 * quotes) is only ever set as `textContent`: it cannot become markup.
 */
import type { TooltipPoint } from '../lib/charts/render.ts';

/** Per page language: the keyboard hint, what precedes the quote, the mark of a translated quote. */
const TEXT: Record<string, [string, string, string]> = {
  vi: ['Dùng phím mũi tên để xem từng số liệu.', 'Nguồn viết: ', ' (bản dịch)'],
  en: ['Use the arrow keys to step through the figures.', 'The source says: ', ' (translation)'],
};

export function enhance(figure: HTMLElement): void {
  const found = figure.querySelector<HTMLElement>('.chart-plot');
  const island = figure.querySelector('script.chart-points');
  if (!found || !island || found.dataset.enhanced) return;
  const plot: HTMLElement = found;
  plot.dataset.enhanced = 'true';
  // Read again when the island changes: the explorer redraws a chart and rewrites its points.
  let read = '';
  let points: TooltipPoint[] = [];
  let several = false;
  const current = () => {
    if (island.textContent !== read) {
      read = island.textContent ?? '[]';
      points = JSON.parse(read) as TooltipPoint[];
      several = new Set(points.map((p) => p.name)).size > 1;
    }
  };
  const [hint, says, translation] = TEXT[document.documentElement.lang] ?? TEXT.en!;

  const tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  plot.append(tip);
  plot.tabIndex = 0;
  plot.setAttribute('role', 'group');
  plot.setAttribute('aria-label', `${plot.dataset.label ?? ''}. ${hint}`);

  let active = -1;
  const shapes = (): SVGElement[] =>
    [...plot.querySelectorAll<SVGElement>('[data-i]')]
      .filter((shape) => shape.getClientRects().length > 0)
      .sort((a, b) => Number(a.dataset.i) - Number(b.dataset.i));

  function show(index: number): void {
    current();
    const visible = shapes();
    const shape = visible[index];
    const point = shape ? points[Number(shape.dataset.i)] : undefined;
    if (!shape || !point) return;
    visible.forEach((s) => s.classList.toggle('active', s === shape));
    active = index;
    tip.replaceChildren();
    const line = (text: string, className: string, tag = 'span', parent: HTMLElement = tip) => {
      const element = document.createElement(tag);
      element.className = className;
      element.textContent = text;
      parent.append(element);
      return element;
    };
    if (several) line(point.name, 'tip-name');
    line(point.value, 'tip-value');
    line(point.asOf, 'tip-date');
    line(point.source, 'tip-source');
    if (point.quote) {
      // What the source says, in its own language; "(bản dịch)" when read in a translated edition.
      const row = line(says, 'tip-quote');
      const quote = line(point.quote, '', 'q', row);
      if (point.lang) quote.lang = point.lang;
      if (point.translated) row.append(translation);
    }
    tip.hidden = false;
    const box = plot.getBoundingClientRect();
    const mark = shape.getBoundingClientRect();
    const x = mark.left + mark.width / 2 - box.left;
    const y = mark.top - box.top;
    const left = Math.min(Math.max(x - tip.offsetWidth / 2, 0), Math.max(box.width - tip.offsetWidth, 0));
    tip.style.left = `${left}px`;
    tip.style.top = `${Math.max(y - tip.offsetHeight - 10, 0)}px`;
  }

  function hide(): void {
    tip.hidden = true;
    shapes().forEach((s) => s.classList.remove('active'));
  }

  function nearest(event: PointerEvent): number {
    let best = -1;
    let bestDistance = Infinity;
    shapes().forEach((shape, index) => {
      const r = shape.getBoundingClientRect();
      const dx = r.left + r.width / 2 - event.clientX;
      const dy = r.top + r.height / 2 - event.clientY;
      const distance = dx * dx + dy * dy * 0.25;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    return best;
  }

  addMeasureToggle(figure, plot, hide);

  plot.addEventListener('pointermove', (event) => show(nearest(event)));
  plot.addEventListener('pointerdown', (event) => show(nearest(event)));
  plot.addEventListener('pointerleave', () => {
    if (document.activeElement !== plot) hide();
  });
  plot.addEventListener('focus', () => show(active >= 0 ? active : shapes().length - 1));
  plot.addEventListener('blur', hide);
  plot.addEventListener('keydown', (event) => {
    const count = shapes().length;
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowDown: active + 1, ArrowLeft: active - 1, ArrowUp: active - 1, Home: 0, End: count - 1 };
    if (event.key === 'Escape') return hide();
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    show(Math.min(Math.max(next, 0), count - 1));
  });
}

/**
 * For "x out of y" series, a toggle between the counts and their share of the
 * total. The share rendering ships inert in a <template>; without JavaScript
 * the counts are shown.
 */
function addMeasureToggle(figure: HTMLElement, plot: HTMLElement, onSwitch: () => void): void {
  const template = figure.querySelector<HTMLTemplateElement>('template.chart-share');
  if (!template) return;
  const views: Record<'value' | 'share', Node[]> = {
    value: [...plot.querySelectorAll(':scope > .chart-narrow, :scope > .chart-wide')],
    share: [...template.content.cloneNode(true).childNodes].filter((node) => node.nodeType === Node.ELEMENT_NODE),
  };
  const group = document.createElement('div');
  group.className = 'chart-toggle';
  group.setAttribute('role', 'group');
  const buttons = (['value', 'share'] as const).map((measure) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = template.dataset[measure === 'value' ? 'toggleValue' : 'toggleShare'] ?? measure;
    button.setAttribute('aria-pressed', String(measure === 'value'));
    button.addEventListener('click', () => {
      if (plot.dataset.measure === measure) return;
      onSwitch();
      const tip = plot.querySelector('.chart-tooltip');
      plot.replaceChildren(...views[measure], ...(tip ? [tip] : []));
      plot.dataset.measure = measure;
      buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
    });
    group.append(button);
    return button;
  });
  plot.before(group);
}
