/*
 * Embed pages: ?theme=light|dark picks the colours (auto, the default, follows the reader's system).
 * A tiny blocking script in <head>, so the theme applies before the first paint; a file, not inline code,
 * so embed pages work under a strict Content-Security-Policy (script-src 'self').
 */
(function () {
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
})();
