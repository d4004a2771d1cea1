// After "Leave this page", the site is not shown again in this tab by going Back: a page of the
// site reached by Back (or Forward) goes straight on to the neutral page instead. The mark that
// the tab has left lives in this tab's own memory (sessionStorage; gone when the tab is closed)
// and is cleared when the family opens the site again on purpose (a link, the address, reload).
// Also tells the page whether leaving deletes what is kept (the family's setting, assets/device.js),
// so the button's hint says what it does. Loaded in the head, before anything is shown.

(() => {
  const LEFT = "familieraadslagning.forladt";
  const LEAVE_DELETES = "familieraadslagning.forlad-sletter";
  const exit = document.currentScript?.dataset.exit;

  function read(store, key) {
    try {
      return store.getItem(key);
    } catch {
      return null;
    }
  }

  function away() {
    document.documentElement.style.visibility = "hidden";
    if (exit) window.location.replace(exit);
  }

  const left = read(window.sessionStorage, LEFT) === "ja";
  const how = performance.getEntriesByType?.("navigation")?.[0]?.type;
  if (left && how === "back_forward") away();
  else if (left) {
    try {
      window.sessionStorage.removeItem(LEFT);
    } catch {
      // Nothing could be stored either.
    }
  }
  // A page kept whole by the browser (its back/forward cache) runs no script again: only this.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && read(window.sessionStorage, LEFT) === "ja") away();
  });
  if (read(window.localStorage, LEAVE_DELETES) === "ja") {
    document.documentElement.dataset.leaveDeletes = "";
  }
})();
