/*
 * Đề án 06 qua số liệu — embed resizer. Include once on a page with one or
 * more of our iframes; it sets each iframe's height to its content.
 * Protocol (version 1): the embed posts
 *   { type: "de-an-06:embed-size", version: 1, chart: "<id>", height: <px> }
 * to its parent; only messages from this script's own origin are honoured.
 * No inline code, no styles: it works under a strict Content-Security-Policy.
 */
(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : '*';
  if (window.__deAn06Resizer) return;
  window.__deAn06Resizer = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'de-an-06:embed-size' || typeof data.height !== 'number') return;
    if (origin !== '*' && event.origin !== origin) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].setAttribute('height', String(Math.ceil(data.height)));
        frames[i].setAttribute('data-de-an-06-resized', 'true');
      }
    }
  });
})();
