// What the site keeps on this device, and the family's one choice about it: keep the draft and
// the site for use without internet, or keep nothing (a device that other people use too).
// Until the family chooses to keep, nothing of the site is written to the device: no draft, no
// offline copy, no kept Python, and the theme's own settings live in the page's memory only
// (overrides/partials/javascripts/base.html).
//
// A plain script (not a module), like the other small scripts of every page: loaded in order
// before Material's bundle, they let the page paint sooner (the README's performance notes). It
// offers its functions as window.fgcDevice to them and to the form page's module.

(() => {

  // Keys in the browser's storage and names in its cache storage: the site's own start so.
  const PREFIX = "familieraadslagning.";
  const CACHE_PREFIX = "familieraadslagning-";
  const KEEP_KEY = `${PREFIX}gem-paa-enheden`;
  // The child's own page keeps its own choice and draft under keys of their own.
  const CHILD_PREFIX = `${PREFIX}barn.`;
  // The family's setting: "Leave this page" also deletes everything kept (assets/quick-exit.js).
  const LEAVE_KEY = `${PREFIX}forlad-sletter`;
  // Set while the offline copy, the kept Python and the service worker are being deleted, and
  // removed when that is done: a deletion cut short (the quick exit goes on after a second, and a
  // page that is left stops its work) is finished when the next page of the site opens.
  const UNFINISHED_KEY = `${PREFIX}sletning-ikke-faerdig`;
  // Material for MkDocs keeps its settings (colour scheme, chosen tab) under "<path>.__<name>".
  const THEME_KEY = /^\/[^]*\.__[a-z]+$/;

  function keeping() {
    try {
      return window.localStorage.getItem(KEEP_KEY) === "ja";
    } catch {
      return false;
    }
  }

  function leaveDeletes() {
    try {
      return window.localStorage.getItem(LEAVE_KEY) === "ja";
    } catch {
      return false;
    }
  }

  function serviceWorkerURL() {
    return document.querySelector("script[data-service-worker]")?.dataset.serviceWorker;
  }

  // Whether this browser can keep the site at all: service workers exist only on https (and on
  // the machine itself), so over plain http only the draft is kept, and the page says so.
  function canKeepSite() {
    return "serviceWorker" in navigator;
  }

  // The offline copy: the service worker, which keeps the site's files (overrides/sw.js).
  function keepSite() {
    const url = serviceWorkerURL();
    if (!url || !("serviceWorker" in navigator) || !keeping()) return;
    // Without it the site still works online; there is nothing to tell the family.
    navigator.serviceWorker.register(url).catch(() => {});
  }

  function clearStorage(store, wanted) {
    try {
      for (const key of Object.keys(store)) {
        if (wanted(key)) store.removeItem(key);
      }
    } catch {
      // Nothing could be stored either, so there is nothing to clear.
    }
  }

  // Everything the site has kept on this device: the draft and the choice to keep it, the theme's
  // settings, the offline copy, the kept Python and the service worker. Files the family saved
  // are theirs and stay. With `only`, just the keys starting so (the child's own, deleted from
  // the child's page); with `spare`, everything but those (the family's "Delete everything").
  async function forgetEverything({ only = null, spare = null } = {}) {
    const wanted = only
      ? (key) => key.startsWith(only)
      : (key) => (key.startsWith(PREFIX) || THEME_KEY.test(key)) && !(spare && key.startsWith(spare));
    clearStorage(window.localStorage, wanted);
    clearStorage(window.sessionStorage, wanted);
    if (only) return;
    try {
      // What was to be deleted (everything, or all but the child's own), to finish it alike.
      window.localStorage.setItem(UNFINISHED_KEY, JSON.stringify({ spare }));
    } catch {
      // Without storage there is no mark; the deletion is still started here.
    }
    const registrations =
      "serviceWorker" in navigator ? navigator.serviceWorker.getRegistrations() : [];
    const settled = Promise.allSettled([
      Promise.resolve(registrations).then((all) => Promise.all(all.map((r) => r.unregister()))),
      "caches" in window
        ? caches.keys().then((names) =>
            Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX)).map((n) => caches.delete(n))),
          )
        : null,
    ]);
    await settled;
    try {
      window.localStorage.removeItem(UNFINISHED_KEY);
    } catch {
      // Nothing was marked either.
    }
  }

  function unfinished() {
    try {
      const mark = window.localStorage.getItem(UNFINISHED_KEY);
      return mark === null ? null : { spare: JSON.parse(mark).spare ?? null };
    } catch {
      return null;
    }
  }

  // A deletion that was cut short is finished now, before anything else of this page runs.
  const cutShort = unfinished();
  if (cutShort) forgetEverything(cutShort);

  // How long storage is kept: asks the browser to keep it until the family deletes it (not to
  // clear it under pressure, or after days without a visit). True, false, or null when the
  // browser has no such promise to give.
  async function askToPersist() {
    try {
      if (!navigator.storage?.persist) return null;
      return (await navigator.storage.persisted()) || (await navigator.storage.persist());
    } catch {
      return null;
    }
  }

  window.fgcDevice = {
    PREFIX,
    CACHE_PREFIX,
    CHILD_PREFIX,
    KEEP_KEY,
    LEAVE_KEY,
    keeping,
    canKeepSite,
    leaveDeletes,
    keepSite,
    forgetEverything,
    askToPersist,
  };
})();
