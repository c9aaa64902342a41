/**
 * Starts Pagefind's search UI in `#search` (src/pages/[...lang]/search.astro). A bundled file, not inline code, so
 * the page works under a strict Content-Security-Policy (Pagefind itself needs 'wasm-unsafe-eval', nothing more).
 * `pagefind-ui.js`, a classic script placed before this module, defines `PagefindUI`.
 * Pagefind UI reads the page language to pick its index (vi or en) and its labels.
 */
interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  autofocus: boolean;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

const element = document.querySelector<HTMLElement>('#search[data-bundle-path]');
if (element && window.PagefindUI) {
  new window.PagefindUI({ element, bundlePath: element.dataset.bundlePath ?? '', showSubResults: true, showImages: false, resetStyles: false, autofocus: true });
  // Pagefind's input has only a placeholder and a title: give it an accessible name (axe: label-title-only).
  const input = element.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
  const label = element.dataset.inputLabel;
  if (input && label) input.setAttribute('aria-label', label);
}

export {};
