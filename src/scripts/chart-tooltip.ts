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
    // In the share view the share leads ("71%"), the count and its total under it ("54/76 dịch vụ").
    if (plot.dataset.measure === 'share' && point.share) {
      line(point.share, 'tip-value');
      line(point.value, 'tip-count');
    } else line(point.value, 'tip-value');
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
    place(tip, plot, shape);
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
 * Puts the tooltip next to its point, never over it: above the point, else below, else to its right or left,
 * whichever first fits in the viewport and inside the chart's width (a phone tap near the top of a chart gets the
 * tooltip below the point, not clamped over it). When none fits whole, the one that overflows least, still clear of
 * the point. `data-placement` says which was taken.
 */
export function place(tip: HTMLElement, plot: HTMLElement, shape: Element): void {
  const box = plot.getBoundingClientRect();
  const mark = shape.getBoundingClientRect();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const cx = mark.left + mark.width / 2;
  const cy = mark.top + mark.height / 2;
  // Half the point's size, with room for the ring of the active point; the gap between point and tooltip.
  const half = Math.max(mark.width, mark.height) / 2 + 3;
  const gap = 8;
  const view = plot.ownerDocument.defaultView;
  const viewWidth = plot.ownerDocument.documentElement.clientWidth || view?.innerWidth || box.right;
  const viewHeight = view?.innerHeight || Number.MAX_SAFE_INTEGER;
  const minX = Math.max(box.left, 0);
  const maxX = Math.min(box.right, viewWidth);
  const clampX = (x: number) => Math.min(Math.max(x, minX), Math.max(maxX - width, minX));
  const clampY = (y: number) => Math.min(Math.max(y, 0), Math.max(viewHeight - height, 0));
  const candidates = [
    { placement: 'above', x: clampX(cx - width / 2), y: cy - half - gap - height },
    { placement: 'below', x: clampX(cx - width / 2), y: cy + half + gap },
    { placement: 'right', x: cx + half + gap, y: clampY(cy - height / 2) },
    { placement: 'left', x: cx - half - gap - width, y: clampY(cy - height / 2) },
  ];
  const overflow = (c: { x: number; y: number }) =>
    Math.max(0, minX - c.x) + Math.max(0, c.x + width - maxX) + Math.max(0, -c.y) + Math.max(0, c.y + height - viewHeight);
  const covers = (c: { x: number; y: number }) => c.x < cx + half && c.x + width > cx - half && c.y < cy + half && c.y + height > cy - half;
  const clear = candidates.filter((c) => !covers(c));
  const chosen = clear.find((c) => overflow(c) < 0.5) ?? [...clear].sort((a, b) => overflow(a) - overflow(b))[0] ?? candidates[0]!;
  tip.style.left = `${Math.round(chosen.x - box.left)}px`;
  tip.style.top = `${Math.round(chosen.y - box.top)}px`;
  tip.dataset.placement = chosen.placement;
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
    value: [...plot.querySelectorAll(':scope > .chart-size')],
    share: [...template.content.cloneNode(true).childNodes].filter((node) => node.nodeType === Node.ELEMENT_NODE),
  };
  const text = shareText(figure, template);
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
      text(measure);
      buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
    });
    group.append(button);
    return button;
  });
  plot.before(group);
}

/**
 * The words that change with the view: in the share view the title says it shows shares, the takeaway gives the
 * latest share (a takeaway about counts, "Tăng …", could sit over a falling share), and a note says when the total
 * changed. The count view gets its own words back. Text only ever set as textContent.
 */
function shareText(figure: HTMLElement, template: HTMLTemplateElement): (measure: 'value' | 'share') => void {
  const { shareTitle, shareTakeaway, shareNote } = template.dataset;
  const title = figure.querySelector('.chart-title');
  const takeaway = figure.querySelector('.chart-takeaway');
  const countTakeaway = takeaway?.textContent ?? '';
  const suffix = document.createElement('span');
  suffix.className = 'chart-title-measure';
  suffix.textContent = shareTitle ?? '';
  const note = document.createElement('li');
  note.className = 'chart-share-note';
  note.textContent = shareNote ?? '';
  return (measure) => {
    const share = measure === 'share';
    if (takeaway && shareTakeaway) takeaway.textContent = share ? shareTakeaway : countTakeaway;
    if (title && shareTitle) {
      if (share) title.append(suffix);
      else suffix.remove();
    }
    if (shareNote) {
      let notes = figure.querySelector('.chart-notes');
      if (share) {
        if (!notes) {
          notes = document.createElement('ul');
          notes.className = 'chart-notes';
          figure.querySelector('.chart-plot')?.after(notes);
        }
        notes.prepend(note);
      } else note.remove();
    }
  };
}
