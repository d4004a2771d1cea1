// On a form page, Material's search fetches and builds its index only when the family opens the
// search (its toggle, its field, or the key Material uses): a first visit to a form page then
// downloads Python and the form, and nothing the family may never use (the index and its
// language files), and building the index never takes the processor a phone needs for Python.
// Material asks for the index with XMLHttpRequest when its bundle loads; this holds that one
// request back until then, and lets every other through. Loaded before Material's bundle, on
// form pages only.

(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const form = document.querySelector("form[data-python]");
  if (!form) return;
  const held = [];
  let released = false;

  function release() {
    if (released) return;
    released = true;
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

  // Opening the search (its toggle, its field, or the key Material uses) releases it.
  document.getElementById("__search")?.addEventListener("change", release, { once: true });
  document.querySelector(".md-search__input")?.addEventListener("focus", release, { once: true });
})();
