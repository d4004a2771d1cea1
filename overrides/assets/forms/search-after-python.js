// On a form page, Material's search builds its index only once Python has started (or failed
// to), or as soon as the family opens the search: building the index takes the processor
// that a phone needs for starting Python. Material asks for the index with XMLHttpRequest when
// its bundle loads; this holds that one request back until then, and lets every other through.
// Loaded before Material's bundle, on form pages only.

(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const LATEST_MS = 15000;
  const form = document.querySelector("form[data-python]");
  if (!form) return;
  const held = [];
  let released = false;

  function release() {
    if (released) return;
    released = true;
    observer.disconnect();
    for (const send of held.splice(0)) send();
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.fgcHeld = !released && INDEX.test(new URL(url, location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.fgcHeld || released) return send.apply(this, body);
    held.push(() => send.apply(this, body));
  };

  const observer = new MutationObserver(() => {
    if (form.dataset.python !== "starting") release();
  });
  observer.observe(form, { attributes: true, attributeFilter: ["data-python"] });
  // Opening the search (its toggle, its field, or the key Material uses) releases it at once.
  const toggle = document.getElementById("__search");
  toggle?.addEventListener("change", release, { once: true });
  document.querySelector(".md-search__input")?.addEventListener("focus", release, { once: true });
  setTimeout(release, LATEST_MS);
})();
