/**
 * Copy buttons of the share blocks (src/components/ShareLinks.astro). Without this module, or without the Clipboard
 * API, the address stays in its read-only field to select; focusing the field selects it whole.
 */
for (const field of document.querySelectorAll<HTMLInputElement>('input[data-share-url]')) {
  field.addEventListener('focus', () => field.select());
}
if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
    const field = document.getElementById(button.dataset.copyLink ?? '');
    if (!(field instanceof HTMLInputElement)) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(field.value).then(() => {
        button.setAttribute('aria-live', 'polite');
        button.textContent = button.dataset.copied ?? label;
        window.setTimeout(() => (button.textContent = label), 4000);
      });
    });
  }
}

export {};
