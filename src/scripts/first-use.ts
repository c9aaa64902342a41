/**
 * Progressive enhancement's one seam, shared by the explorer (src/components/Explorer.astro) and the embed builder
 * (src/pages/[...lang]/embed/index.astro): the page works as built, and the code behind its controls loads on their
 * first use, not before. `start` runs once: on the first event of a type in `triggers` whose target is within the
 * selector given for that type (`closest`), with that control as `trigger` so the code can finish what it began; or
 * at once when `now` is true (the address asks for a state the code must apply). Sets `data-loading` on `root`.
 *
 * A click or change while the code is loading (a reader who picks an indicator and at once presses "Add") is not lost:
 * once `start`'s promise settles, it is played again on its control, for the loaded code to handle.
 */
const REPLAYED = new Set(['click', 'change']);

export function onFirstUse(root: HTMLElement, triggers: Record<string, string>, start: (trigger?: Element) => Promise<unknown>, now: boolean): void {
  let state: 'waiting' | 'loading' | 'ready' = 'waiting';
  const missed: Array<{ control: Element; type: string }> = [];
  const go = (trigger?: Element) => {
    if (state !== 'waiting') return;
    state = 'loading';
    root.dataset.loading = 'true';
    void start(trigger).finally(() => {
      state = 'ready';
      for (const { control, type } of missed.splice(0)) {
        if (type === 'click' && control instanceof HTMLElement) control.click();
        else control.dispatchEvent(new Event(type, { bubbles: true }));
      }
    });
  };
  for (const [type, selector] of Object.entries(triggers)) {
    root.addEventListener(type, (event) => {
      const control = (event.target as Element).closest(selector);
      if (!control) return;
      if (state === 'loading' && REPLAYED.has(type)) missed.push({ control, type });
      go(control);
    });
  }
  if (now) go();
}
