/**
 * Progressive enhancement's one seam, shared by the explorer (src/components/Explorer.astro) and the embed builder
 * (src/pages/[...lang]/embed/index.astro): the page works as built, and the code behind its controls loads on their
 * first use, not before. `start` runs once: on the first event of a type in `triggers` whose target is within the
 * selector given for that type (`closest`), with that control as `trigger` so the code can finish what it began; or
 * at once when `now` is true (the address asks for a state the code must apply). Sets `data-loading` on `root`.
 */
export function onFirstUse(root: HTMLElement, triggers: Record<string, string>, start: (trigger?: Element) => void, now: boolean): void {
  let started = false;
  const go = (trigger?: Element) => {
    if (started) return;
    started = true;
    root.dataset.loading = 'true';
    start(trigger);
  };
  for (const [type, selector] of Object.entries(triggers)) {
    root.addEventListener(type, (event) => {
      const control = (event.target as Element).closest(selector);
      if (control) go(control);
    });
  }
  if (now) go();
}
