// The offline copy, for a family who has chosen to keep things on this device: registers the
// service worker once the page is idle, so it never competes with what the family reads or with
// Python's start; and says so when a new version of the site has taken over while the page was
// open (the next page opened shows it).

(() => {
  const { keepSite, keeping } = window.fgcDevice;
  const script = document.querySelector("script[data-service-worker]");

  function whenIdle(callback) {
    if (window.requestIdleCallback) window.requestIdleCallback(callback, { timeout: 10000 });
    else setTimeout(callback, 2000);
  }

  // On a form page, only once Python has started (or failed): the worker's download of the
  // whole site must not slow down the first start of the form's help.
  function whenPythonStarted(callback) {
    const form = document.querySelector("form.fgc-form");
    const wait = () => (!form || form.dataset.python !== "starting" ? callback() : setTimeout(wait, 500));
    wait();
  }

  function tellUpdated() {
    if (document.querySelector(".fgc-updated")) return;
    const notice = document.createElement("p");
    notice.className = "fgc-updated";
    notice.setAttribute("role", "status");
    document.querySelector(".md-content__inner")?.prepend(notice);
    // Filled a moment after it is in the page: screen readers announce a status region's
    // change, not a region that arrives already holding its text.
    setTimeout(() => {
      notice.textContent = script.dataset.updated;
    }, 100);
  }

  if ("serviceWorker" in navigator && script) {
    navigator.serviceWorker.addEventListener("message", ({ data }) => {
      if (data?.kind === "site-version" && data.version !== script.dataset.version) tellUpdated();
    });
    const start = () => whenPythonStarted(() => whenIdle(keepSite));
    if (keeping()) {
      if (document.readyState === "complete") start();
      else window.addEventListener("load", start);
    }
  }
})();
